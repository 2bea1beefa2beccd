"""Entry point: ``netdesk`` opens the window; ``netdesk COMMAND`` runs the command line."""

from __future__ import annotations

import sys
from pathlib import Path

# The same as netdesk.cli.GUI_FILE_SUFFIXES (tests/test_entry_point.py keeps them equal).
WINDOW_FILE_SUFFIXES = (
    ".vcf",
    ".vcard",
    ".csv",
    ".jpg",
    ".jpeg",
    ".png",
    ".webp",
    ".heic",
    ".heif",
)


def window_arguments(argv: list[str]) -> tuple[str | None, list[Path], bool] | None:
    """(--db, files, --minimized) for a plain start of the window, else None.

    The command line module imports SQLAlchemy and every sub-command (~0.25 s) before it could
    tell; a plain start goes straight to the window, which paints before loading them. Anything
    else — a command, an option, a missing file — is the command line's to answer."""
    db: str | None = None
    files: list[Path] = []
    minimized = False
    rest = iter(argv)
    for arg in rest:
        if arg == "--minimized":
            minimized = True
        elif arg == "--db":
            db = next(rest, None)
            if db is None:
                return None
        elif arg.startswith("--db="):
            db = arg.removeprefix("--db=")
        elif not arg.startswith("-") and arg.lower().endswith(WINDOW_FILE_SUFFIXES):
            if not Path(arg).is_file():
                return None
            files.append(Path(arg))
        else:
            return None
    return db, files, minimized


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
