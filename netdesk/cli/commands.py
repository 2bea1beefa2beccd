"""Sub-commands beyond listing contacts: follow-ups and events."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from netdesk.cli import (
    EXIT_OK,
    CliError,
    command,
    print_json_lines,
    print_table,
    read_command,
)
from netdesk.store.common import Readable
from netdesk.system.private_files import write_private

if TYPE_CHECKING:
    from netdesk.app.opening import Database


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (use YYYY-MM-DD)") from None


MAX_DAYS = 36_500  # a century: beyond it dates overflow


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must not be negative")
    if number > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"{value!r} is more than {MAX_DAYS} days")
    return number


def record_id(value: str) -> int:
    """An id as SQLite stores it: a whole number from 1 up to 2^63 - 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an id (a whole number)") from None
    if not 0 < number < 2**63:
        raise argparse.ArgumentTypeError(f"{value!r} is not a valid id")
    return number


def add_parsers(sub: Any) -> None:
    due = sub.add_parser("due", help="follow-ups due soon, overdue included")
    due.add_argument("--days", type=positive_int, default=7, help="how far ahead (default 7)")
    due.add_argument("--json", action="store_true")

    done = sub.add_parser("done", help="mark a follow-up done")
    done.add_argument("id", type=record_id)
    done.add_argument("--note", default=None)
    done.add_argument("--date", type=iso_date, default=None)

    snooze = sub.add_parser("snooze", help="move a follow-up later")
    snooze.add_argument("id", type=record_id)
    snooze.add_argument("--days", type=positive_int, required=True)

    skip = sub.add_parser("skip", help="skip a follow-up")
    skip.add_argument("id", type=record_id)

    agenda = sub.add_parser("agenda", help="write planned follow-ups as an iCalendar file")
    agenda.add_argument("--ics", required=True, metavar="FILE", help="the .ics file to write")
    agenda.add_argument("--days", type=positive_int, default=365, help="how far ahead")

    cadence = sub.add_parser("cadence", help="set how often to keep in touch with a contact")
    cadence.add_argument("contact", metavar="NAME_OR_ID", help="the contact's id or name")
    group = cadence.add_mutually_exclusive_group(required=True)
    group.add_argument("--tier", help="a tier such as A, B or C (days per tier in Settings)")
    group.add_argument("--days", type=positive_int, help="every N days")
    group.add_argument("--none", action="store_true", help="no cadence")


@read_command("due")
def _due(args: argparse.Namespace, source: Readable) -> int:
    from netdesk.app import due_list

    if args.json:
        print_json_lines(due_list.due_json(source, dt.date.today(), args.days))
        return EXIT_OK
    items = due_list.due(source, dt.date.today(), args.days)
    rows = [[str(t.id), t.due.isoformat(), t.kind, t.contact, t.event or ""] for t in items]
    print_table(rows, ["ID", "Due", "Kind", "Contact", "Event"])
    return EXIT_OK


@command("done")
def _done(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.touchpoints import FollowUps

    day = args.date or dt.date.today()
    FollowUps(db).mark_done(args.id, on=day, note=args.note)
    print(f"follow-up {args.id} done on {day.isoformat()}")
    return EXIT_OK


@command("snooze")
def _snooze(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.touchpoints import FollowUps

    if args.days < 1:
        raise CliError("--days must be at least 1", 2)
    new_due = FollowUps(db).snooze(args.id, days=args.days, today=dt.date.today())
    print(f"follow-up {args.id} now due {new_due.isoformat()}")
    return EXIT_OK


@command("skip")
def _skip(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.touchpoints import FollowUps

    FollowUps(db).skip(args.id)
    print(f"follow-up {args.id} skipped")
    return EXIT_OK


@command("agenda")
def _agenda(args: argparse.Namespace, db: Database) -> int:
    from pathlib import Path

    from netdesk.app.agenda import agenda_ics
    from netdesk.app.touchpoints import FollowUps

    items = FollowUps(db).due(dt.date.today(), args.days)
    write_private(Path(args.ics), agenda_ics(items))
    print(f"wrote {len(items)} follow-ups to {args.ics}")
    return EXIT_OK


@command("cadence")
def _cadence(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.cadence import KeepInTouch
    from netdesk.app.contacts import ContactBook
    from netdesk.cli.events import resolve_contact

    contact_id = resolve_contact(db, args.contact, "cadence")
    name = ContactBook(db).get(contact_id).display_name()
    if args.none:
        KeepInTouch(db).set_cadence(contact_id)
        print(f"{name} ({contact_id}): no keep-in-touch cadence")
    else:
        KeepInTouch(db).set_cadence(contact_id, tier=args.tier, days=args.days)
        every = f"tier {args.tier}" if args.tier else f"every {args.days} days"
        print(f"{name} ({contact_id}): keep in touch, {every}")
    return EXIT_OK
