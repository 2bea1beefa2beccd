"""The command line: the same core as the window, for scripting and headless use.

Errors are one line on stderr and a non-zero exit code; a traceback is a bug.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from netdesk import __version__
from netdesk.app import opening
from netdesk.app.opening import Database, DatabaseError
from netdesk.system.paths import database_path
from netdesk.system.plugins import listed_modules
from netdesk.system.window_args import split_window_arguments

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


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message}", EXIT_USAGE)


Handler = Callable[[argparse.Namespace, Database], int]
_COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="netdesk", description="Contacts and follow-ups for networkers.")
    parser.add_argument("--version", action="version", version=f"netdesk {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $NETDESK_DB or the data folder)"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    contacts = sub.add_parser("contacts", help="list contacts")
    contacts.add_argument(
        "--search", metavar="TEXT", default="", help="only contacts matching TEXT"
    )
    contacts.add_argument("--json", action="store_true", help="print JSON instead of a table")

    for module in listed_modules(f"netdesk.cli.{name}" for name in CLI_MODULES):
        module.add_parsers(sub)
    return parser


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


@command("contacts")
def _contacts(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.contacts import ContactBook

    book = ContactBook(db)
    if args.json:
        print_json(book.as_records(args.search))
        return EXIT_OK
    rows = [
        [str(s.id), s.full_name, s.organization, s.email, s.phone]
        for s in book.summaries(args.search)
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
    its own message, so Python's last-resort handler must not print the record a second time."""
    import logging

    from netdesk.system.logs import setup_logging

    try:
        setup_logging(level=logging.WARNING)
    except OSError:  # no writable log folder: keep quiet rather than print twice
        logging.getLogger().addHandler(logging.NullHandler())


def run(argv: list[str]) -> int:
    parser = build_parser()
    gui = _gui_arguments(argv)
    files: list[Path] = []
    minimized = False
    if gui is not None and not set(gui[0]) & (set(_COMMANDS) | set(_PATH_COMMANDS)):
        argv, files, minimized = gui
    try:
        args = parser.parse_args(argv)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return exc.code
    path = database_path(args.db)
    if args.command is not None:
        _log_to_file()
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
    if args.command in _PATH_COMMANDS:
        try:
            return _PATH_COMMANDS[args.command](args, path)
        except BrokenPipeError:
            raise
        except (CliError, DatabaseError, LookupError, ValueError, OSError) as exc:
            print(f"netdesk: {exc}", file=sys.stderr)
            return exc.code if isinstance(exc, CliError) else EXIT_ERROR
    try:
        db = opening.open_for_command(path)
    except DatabaseError as exc:
        print(f"netdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        return _COMMANDS[args.command](args, db)
    except CliError as exc:
        print(f"netdesk: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:
        raise  # the reader of our output has gone: netdesk.__main__ ends quietly
    except (LookupError, ValueError, OSError) as exc:
        print(f"netdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        db.close()


def existing_file(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{value}: no such file")
    return path
