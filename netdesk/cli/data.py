"""Sub-commands that keep the data safe: backup, backups, restore and check.

``restore``, ``check`` and ``backups`` are the commands a user reaches for when the database is
damaged, so they take the database's path and never open (or migrate) it first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netdesk.app import backups
from netdesk.cli import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    command,
    command_without_database,
    print_json,
    print_table,
)
from netdesk.store.common import DatabaseError

if TYPE_CHECKING:
    from netdesk.app.opening import Database

NO_DATABASE_COMMANDS = {"restore", "check", "backups"}


def add_parsers(sub: Any) -> None:
    backup = sub.add_parser("backup", help="back up the database now")
    backup.add_argument(
        "--output", metavar="FILE", help="write the backup here (default: the backups folder)"
    )

    backups = sub.add_parser("backups", help="list the backups, newest first")
    backups.add_argument("--json", action="store_true", help="print JSON instead of a table")

    restore_cmd = sub.add_parser(
        "restore", help="replace the database with a backup (the current one is backed up first)"
    )
    restore_cmd.add_argument("file", metavar="FILE", help="the backup to restore")
    restore_cmd.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    check = sub.add_parser("check", help="check the database file for damage")
    check.add_argument(
        "--full", action="store_true", help="also check every index (slower than the default)"
    )


@command("backup")
def _backup(args: argparse.Namespace, db: Database) -> int:
    try:
        if args.output:
            path = backups.back_up_to(db.path, Path(args.output).expanduser())
        else:
            path = backups.back_up_now(db.path)
    except DatabaseError as exc:
        raise CliError(str(exc)) from exc
    print(path)
    return EXIT_OK


@command_without_database("backups")
def _backups(args: argparse.Namespace, db_path: Path) -> int:
    infos = backups.listed(db_path)
    if args.json:
        print_json(
            [
                {
                    "path": str(i.path),
                    "created": i.created.isoformat(),
                    "reason": i.reason,
                    "size": i.size,
                    "contacts": i.contacts,
                    "events": i.events,
                    "follow_ups": i.follow_ups,
                }
                for i in infos
            ]
        )
        return EXIT_OK
    rows = [
        [
            i.created.strftime("%Y-%m-%d %H:%M:%S UTC"),
            i.reason,
            "?" if i.contacts is None else str(i.contacts),
            "?" if i.events is None else str(i.events),
            "?" if i.follow_ups is None else str(i.follow_ups),
            f"{i.size // 1024} KB",
            str(i.path),
        ]
        for i in infos
    ]
    print_table(rows, ["Created", "Reason", "Contacts", "Events", "Follow-ups", "Size", "File"])
    return EXIT_OK


def _confirmed(question: str) -> bool:
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}


@command_without_database("restore")
def _restore(args: argparse.Namespace, db_path: Path) -> int:
    backup_file = Path(args.file).expanduser()
    if not backup_file.is_file():
        raise CliError(f"{backup_file}: no such file")
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError(
                "restore replaces the current database; add --yes to confirm", EXIT_USAGE
            )
        if not _confirmed(f"Replace the current database with {backup_file}?"):
            print("nothing changed")
            return EXIT_ERROR
    try:
        saved = backups.restore_from(db_path, backup_file)
    except DatabaseError as exc:
        raise CliError(str(exc)) from exc
    print(f"restored {db_path} from {backup_file}")
    if saved is not None:
        print(f"the previous database was saved to {saved}")
        print(f"to undo: netdesk --db {db_path} restore {saved} --yes")
    return EXIT_OK


@command_without_database("check")
def _check(args: argparse.Namespace, db_path: Path) -> int:
    problem = backups.damage(db_path, full=args.full)
    if problem is None:
        print("ok")
        return EXIT_OK
    message = problem
    if db_path.exists():
        good = backups.newest_good(db_path)
        if good is not None:
            message += (
                f"\nthe newest good backup is {good}\n"
                f"to use it: netdesk --db {db_path} restore {good} --yes"
            )
    raise CliError(message)
