"""Entry point: ``netdesk`` opens the window; ``netdesk COMMAND`` runs the command line."""

from __future__ import annotations

import sys

from netdesk.system.window_args import window_arguments


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    window = window_arguments(args)
    if window is not None:
        from netdesk.system.paths import database_path
        from netdesk.ui.shell.app import run_gui

        db, files, minimized = window
        return run_gui(database_path(db), files=files, minimized=minimized)
    from netdesk.cli import run

    try:
        code = run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # `netdesk due | head`: the reader has gone; stop quietly, as command-line tools do.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
