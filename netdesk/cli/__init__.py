"""The command line: the same core as the window, for scripting and headless use.

Errors are one line on stderr and a non-zero exit code; a traceback is a bug.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from netdesk import __version__
from netdesk.store.common import DatabaseError, Readable
from netdesk.system.paths import database_path
from netdesk.system.plugins import listed_modules
from netdesk.system.window_args import split_window_arguments

if TYPE_CHECKING:
    from netdesk.app.opening import Database

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

# Modules that add sub-commands, each with add_parsers(subparsers).
CLI_MODULES = (
    "commands",
    "interop",
    "events",
    "data",
    "sync",
    "dedupe",
    "mail",
    "contact",
)
# Which module defines each sub-command, so a call builds only the parser it needs (argparse
# spends ~25 ms building all of them; #19). tests/test_cli_fast_reads.py checks it against the
# full parser.
COMMAND_MODULES = {
    **dict.fromkeys(("due", "done", "snooze", "skip", "agenda", "cadence"), "commands"),
    **dict.fromkeys(("export", "import", "imports", "undo-import"), "interop"),
    **dict.fromkeys(("event", "events", "referral", "referrals", "report"), "events"),
    **dict.fromkeys(("backup", "backups", "check", "restore"), "data"),
    **dict.fromkeys(("sync", "accounts", "conflicts", "resolve", "account"), "sync"),
    "dedupe": "dedupe",
    **dict.fromkeys(("mail", "calendar", "interactions", "reopen"), "mail"),
    **dict.fromkeys(("contact", "log", "settings"), "contact"),
}


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


class _Formatter(argparse.HelpFormatter):
    """argparse makes a formatter for every argument it is given, and the formatter asks
    ``shutil`` for the terminal's width: 4 ms of imports on every call (#19). This one asks
    when it lays out help or usage, the only time the width is read."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80)

    def format_help(self) -> str:
        import shutil

        width = shutil.get_terminal_size().columns - 2
        self._width = width - 2
        self._max_help_position = min(24, max(width - 20, self._indent_increment * 2))
        return super().format_help()


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message}", EXIT_USAGE)


Handler = Callable[[argparse.Namespace, "Database"], int]
_COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _COMMANDS[name] = fn
        return fn

    return register


ReadHandler = Callable[[argparse.Namespace, Readable], int]
_READ_COMMANDS: dict[str, tuple[ReadHandler, Callable[[argparse.Namespace], bool]]] = {}


def _always(_args: argparse.Namespace) -> bool:
    return True


def read_command(
    name: str, when: Callable[[argparse.Namespace], bool] = _always
) -> Callable[[ReadHandler], ReadHandler]:
    """For commands that only read (#19): when ``when(args)`` holds and the file can be read
    as it is (netdesk.store.read_only), they run on a plain read-only connection without
    loading SQLAlchemy; otherwise on the opened database, through the same code."""

    def register(fn: ReadHandler) -> ReadHandler:
        _READ_COMMANDS[name] = (fn, when)
        _COMMANDS[name] = fn
        return fn

    return register


PathHandler = Callable[[argparse.Namespace, Path], int]
_PATH_COMMANDS: dict[str, PathHandler] = {}


def command_without_database(name: str) -> Callable[[PathHandler], PathHandler]:
    """For commands that must work on a damaged database: they get its path, never open it."""

    def register(fn: PathHandler) -> PathHandler:
        _PATH_COMMANDS[name] = fn
        return fn

    return register


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or only ``command``'s when it is one of COMMAND_MODULES."""
    parser = _Parser(prog="netdesk", description="Contacts and follow-ups for networkers.")
    parser.add_argument("--version", action="version", version=f"netdesk {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $NETDESK_DB or the data folder)"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, prog="netdesk")

    contacts = sub.add_parser("contacts", help="list contacts")
    contacts.add_argument(
        "--search", metavar="TEXT", default="", help="only contacts matching TEXT"
    )
    contacts.add_argument("--json", action="store_true", help="print JSON instead of a table")

    names: tuple[str, ...] = CLI_MODULES
    if command == "contacts":
        names = ()
    elif command in COMMAND_MODULES:
        names = (COMMAND_MODULES[command],)
    for module in listed_modules(f"netdesk.cli.{name}" for name in names):
        module.add_parsers(sub)
    return parser


def print_json(value: Any) -> None:
    """JSON on stdout; a list of records is printed one record per line, which ``grep`` and
    line-by-line readers can use and Python's C encoder builds (an indented dump goes through
    the pure-Python encoder: 50 ms for the 6,600 follow-ups of ``due --json``, against 20)."""
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        encode = json.JSONEncoder(ensure_ascii=False, default=str).encode
        lines = ",\n".join(["  " + encode(item) for item in value])
        sys.stdout.write(f"[\n{lines}\n]\n" if value else "[]\n")
        return
    # One write: json.dump writes every token on its own (0.3 s for 240,000 tokens).
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def print_json_lines(lines: list[str] | list[bytes]) -> None:
    """A list whose items are already JSON objects (text, or UTF-8 bytes written as they
    are), laid out as :func:`print_json` lays out a list of records."""
    if not lines:
        sys.stdout.write("[]\n")
        return
    if isinstance(lines[0], str):
        sys.stdout.write("[\n  " + ",\n  ".join(lines) + "\n]\n")
        return
    data = b"[\n  " + b",\n  ".join(lines) + b"\n]\n"
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # stdout replaced by a text stream (a caller capturing the output)
        sys.stdout.write(data.decode())
        return
    sys.stdout.flush()
    binary.write(data)


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


@read_command("contacts")
def _contacts(args: argparse.Namespace, db: Readable) -> int:
    if args.json:
        from netdesk.app.contact_records import record_lines

        print_json_lines(record_lines(db, args.search))
        return EXIT_OK
    from netdesk.app.contact_pages import summaries

    rows = [
        [str(s.id), s.full_name, s.organization, s.email, s.phone]
        for s in summaries(db, args.search)
    ]
    print_table(rows, ["ID", "Name", "Organisation", "E-mail", "Phone"])
    return EXIT_OK


def _gui_arguments(argv: list[str]) -> tuple[list[str], list[Path], bool] | None:
    """``netdesk [--db PATH] [--minimized] [FILE.vcf …]`` opens the window; None otherwise."""
    rest, files, minimized = split_window_arguments(argv)
    if not files and not minimized:
        return None
    return rest, files, minimized


def _log_to_file() -> None:
    """Warnings the code logs go to netdesk's log file, as in the window: the command prints
    its own message, so Python's last-resort handler must not print the record a second time.

    The file is set up by the first warning: most calls log nothing, and the handler, its
    folder and its imports cost ~15 ms of every call (#19). The read commands' plain path
    (``_READ_COMMANDS`` on a read-only file) imports no module that logs, so it skips even
    this: ``logging`` alone is 8 ms (tests/test_cli_fast_reads.py checks it stays unloaded)."""
    import logging

    class _FirstWarning(logging.Handler):
        """Sets up the log file when the first warning comes, and hands it the record."""

        def emit(self, record: logging.LogRecord) -> None:
            from netdesk.system.logs import setup_logging

            root = logging.getLogger()
            root.removeHandler(self)
            try:
                setup_logging(level=logging.WARNING)
            except OSError:  # no writable log folder: keep quiet rather than print twice
                root.addHandler(logging.NullHandler())
                return
            for handler in root.handlers:
                if record.levelno >= handler.level:
                    handler.handle(record)

    root = logging.getLogger()
    kinds = {type(h).__name__ for h in root.handlers}
    if not kinds & {"_FirstWarning", "PrivateRotatingFileHandler"}:
        root.setLevel(logging.WARNING)
        root.addHandler(_FirstWarning())


def _command_named(argv: list[str]) -> str | None:
    """The sub-command ``argv`` names (its first word that is not an option or --db's value)."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMAND_MODULES or word == "contacts" else None
    return None


def run(argv: list[str]) -> int:
    parser = build_parser(_command_named(argv))
    gui = _gui_arguments(argv)
    files: list[Path] = []
    minimized = False
    if gui is not None and not set(gui[0]) & {*COMMAND_MODULES, "contacts"}:
        argv, files, minimized = gui
    try:
        args = parser.parse_args(argv)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return exc.code
    path = database_path(args.db)
    if args.command is None:
        missing = [f for f in files if not f.is_file()]
        if missing:
            print(f"netdesk: {missing[0]}: no such file", file=sys.stderr)
            return EXIT_ERROR
        try:
            from netdesk.ui.shell.app import run_gui
        except ImportError as exc:  # Qt's own libraries (EGL, fontconfig…) are missing
            print(f"netdesk: the window cannot start: {exc}", file=sys.stderr)
            from netdesk.system.display_check import library_hint

            print(library_hint(str(exc)), file=sys.stderr)
            return EXIT_ERROR
        return run_gui(path, files=files, minimized=minimized)
    if args.command in _READ_COMMANDS:
        handler, when = _READ_COMMANDS[args.command]
        quick = _open_to_read(path) if when(args) else None
        if quick is not None:
            try:
                return _guarded(handler, args, quick)
            finally:
                quick.close()
    _log_to_file()
    if args.command in _PATH_COMMANDS:
        try:
            return _PATH_COMMANDS[args.command](args, path)
        except BrokenPipeError:
            raise
        except (CliError, DatabaseError, LookupError, ValueError, OSError) as exc:
            print(f"netdesk: {exc}", file=sys.stderr)
            return exc.code if isinstance(exc, CliError) else EXIT_ERROR
    from netdesk.app import opening

    try:
        db = opening.open_for_command(path)
    except DatabaseError as exc:
        print(f"netdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        return _guarded(_COMMANDS[args.command], args, db)
    finally:
        db.close()


def _guarded(
    handler: Callable[[argparse.Namespace, Any], int], args: argparse.Namespace, db: Any
) -> int:
    try:
        return handler(args, db)
    except CliError as exc:
        print(f"netdesk: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:
        raise  # the reader of our output has gone: netdesk.__main__ ends quietly
    except (LookupError, ValueError, OSError) as exc:
        print(f"netdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _open_to_read(path: Path) -> Any:
    """A read-only handle when nothing must happen before reading: no crash to check after
    (netdesk.app.opening's rule 1), the schema current, derived data fresh; None otherwise."""
    from netdesk.store.read_only import open_current
    from netdesk.store.session_mark import left_open_by_a_crash

    if left_open_by_a_crash(path):
        return None
    return open_current(path)


def existing_file(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{value}: no such file")
    return path
