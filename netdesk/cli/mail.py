"""Sub-commands that read the user's own mail and calendars: scans, interactions, suggestions.

``netdesk mail scan`` and ``netdesk calendar scan`` print what they found; with ``--json`` the
report the checks read: {"messages"|"events", "logged", "ignored": {…},
"touchpoints_completed"}. A scan cut off (a server gone) prints what it did, the reason on
stderr, and exits 1; the next scan carries on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from netdesk.cli import (
    EXIT_ERROR,
    EXIT_OK,
    CliError,
    command,
    print_json,
    print_table,
    read_command,
)
from netdesk.store.common import Readable

if TYPE_CHECKING:
    from netdesk.app.opening import Database


def _date(value: str) -> dt.date:
    if value.strip().lower() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def add_parsers(sub: Any) -> None:
    mail = sub.add_parser("mail", help="read interactions from mail (headers only)")
    actions = mail.add_subparsers(dest="mail_command", required=True)
    scan = actions.add_parser(
        "scan", help="log personal mail with contacts from mbox/Maildir or an IMAP account"
    )
    scan.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    scan.add_argument("--account", metavar="NAME", help="an IMAP account added with 'account add'")
    scan.add_argument("--me", nargs="+", action="extend", default=[], metavar="ADDRESS")
    scan.add_argument("--since", type=_date, metavar="DATE", help="only mail from this day on")
    scan.add_argument("--json", action="store_true")
    scan.add_argument("--password-stdin", action="store_true")
    suggest = actions.add_parser(
        "suggestions", help="people you exchange mail with who are not contacts"
    )
    suggest.add_argument("--json", action="store_true")
    suggest.add_argument("--min", type=int, default=2, metavar="N", help="at least N messages")

    cal = sub.add_parser("calendar", help="read held meetings from calendars")
    cal_actions = cal.add_subparsers(dest="calendar_command", required=True)
    cscan = cal_actions.add_parser("scan", help="log meetings with contacts from .ics or CalDAV")
    cscan.add_argument("file", nargs="?", type=Path, metavar="FILE.ics")
    cscan.add_argument("--account", metavar="NAME", help="a CalDAV sync account")
    cscan.add_argument("--calendar", action="append", default=[], metavar="NAME_OR_URL")
    cscan.add_argument("--me", nargs="+", action="extend", default=[], metavar="ADDRESS")
    cscan.add_argument("--until", type=_date, default=None, metavar="DATE")
    cscan.add_argument("--since", type=_date, default=None, metavar="DATE")
    cscan.add_argument("--json", action="store_true")
    cscan.add_argument("--password-stdin", action="store_true")

    reopen = sub.add_parser(
        "reopen", help="put a done follow-up back to planned (undoes a scan's completion)"
    )
    reopen.add_argument("id", type=int, metavar="ID")

    listing = sub.add_parser("interactions", help="mails and meetings logged with contacts")
    listing.add_argument("--contact", metavar="NAME_OR_ID")
    listing.add_argument("--json", action="store_true")


def _split_me(args: argparse.Namespace, positional: str) -> None:
    """``--me a@x.org box.mbox``: argparse gives both to --me; what is not an address is a
    path."""
    stray = [m for m in args.me if "@" not in m]
    args.me = [m for m in args.me if "@" in m]
    if positional == "paths":
        args.paths = [*args.paths, *map(Path, stray)]
    elif stray and args.file is None:
        args.file = Path(stray[0])


def _finish(args: argparse.Namespace, db: Database, report: Any, name: str | None) -> int:
    from netdesk.app.mail_sources import MailSources, note_last_scan

    note_last_scan(db, report.logged, report.touchpoints_completed, len(report.errors))
    if name:
        MailSources(db).note_result(name, report)
    if args.json:
        print_json(report.as_json())
    else:
        noun = "messages" if report.kind == "mail" else "meetings"
        ignored = ", ".join(f"{k} {v}" for k, v in report.as_json()["ignored"].items() if v)
        print(f"Read {report.seen} {noun}; logged {report.logged} with contacts.")
        if ignored:
            print(f"  Not logged: {ignored}.")
        if report.touchpoints_completed:
            print(f"  Follow-ups marked done: {report.touchpoints_completed}.")
        for problem in report.problems[:5]:
            print(f"  malformed: {problem}", file=sys.stderr)
    for error in report.errors:
        print(f"netdesk: {error}", file=sys.stderr)
    return EXIT_ERROR if report.errors else EXIT_OK


def _password(name: str, username: str, from_stdin: bool) -> str:
    from netdesk.cli.sync import _password_for

    return _password_for(name, username, from_stdin)


@command("mail")
def _mail(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app import mail_scan
    from netdesk.app.interactions import ScanOptions
    from netdesk.app.mail_sources import MailSources, password_key
    from netdesk.mail.imap import ImapError
    from netdesk.mail.local import MailPathError

    if args.mail_command == "suggestions":
        return _suggestions(args, db)
    _split_me(args, "paths")
    if bool(args.paths) == bool(args.account):
        raise CliError("mail scan: give mbox/Maildir paths or --account NAME (one of them)")
    options = ScanOptions.from_settings(db, args.me)
    try:
        if args.account:
            source = MailSources(db).get(args.account)
            if source.kind != "imap":
                return _finish(
                    args,
                    db,
                    _run(mail_scan.scan_paths(db, [Path(source.path)], options, since=args.since)),
                    source.name,
                )
            password = _password(password_key(source.name), source.username, args.password_stdin)
            scan = mail_scan.scan_imap(db, source, password, options, since=args.since)
            return _finish(args, db, _run(scan), source.name)
        return _finish(
            args, db, _run(mail_scan.scan_paths(db, args.paths, options, since=args.since)), None
        )
    except (MailPathError, ImapError) as exc:
        raise CliError(str(exc)) from exc


@command("calendar")
def _calendar(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app import mail_scan
    from netdesk.app.interactions import ScanOptions
    from netdesk.app.mail_sources import caldav_picks
    from netdesk.mail.calendar import CalendarError
    from netdesk.sync import accounts

    _split_me(args, "file")
    if (args.file is None) == (args.account is None):
        raise CliError("calendar scan: give FILE.ics or --account NAME (one of them)")
    until = args.until or dt.date.today()
    options = ScanOptions.from_settings(db, args.me)
    try:
        if args.file is not None:
            scan = mail_scan.scan_ics(db, args.file, options, until=until, since=args.since)
            return _finish(args, db, _run(scan), None)
        account = accounts.get_account(db, args.account)
        password = _password(account.name, account.username, args.password_stdin)
        picks = args.calendar or caldav_picks(db).get(account.name) or []
        scan = mail_scan.scan_caldav(
            db,
            account,
            password,
            options.with_me(account.username),
            until=until,
            calendars=picks,
            since=args.since,
        )
        return _finish(args, db, _run(scan), None)
    except CalendarError as exc:
        raise CliError(str(exc)) from exc


def _run(scan: Any) -> Any:
    from netdesk.app.mail_scan import Progress

    try:
        while True:
            step = next(scan)
            assert isinstance(step, Progress)
    except StopIteration as stop:
        return stop.value


@command("reopen")
def _reopen(args: argparse.Namespace, db: Database) -> int:
    """A follow-up a scan completed goes back as it was (and later scans leave it alone); one
    marked done by hand goes back to planned."""
    from netdesk.app import auto_complete
    from netdesk.app.touchpoints import FollowUps, TouchpointState

    followups = FollowUps(db)
    state = followups.state(args.id)
    if auto_complete.undo(db, [args.id]):
        print(f"follow-up {args.id} planned again (a scan had marked it done)")
        return EXIT_OK
    if state.status == "planned":
        print(f"follow-up {args.id} is already planned")
        return EXIT_OK
    followups.set_state(args.id, TouchpointState("planned", state.due_date, None, state.note))
    print(f"follow-up {args.id} planned again")
    return EXIT_OK


@read_command("interactions", when=lambda args: not args.contact)
def _interactions(args: argparse.Namespace, db: Readable) -> int:
    from netdesk.app.interaction_list import interactions

    contact_id = None
    if args.contact:  # names are resolved by the full path (read_command's `when`)
        from netdesk.cli.events import resolve_contact

        contact_id = resolve_contact(cast("Database", db), args.contact, "--contact")
    rows = interactions(db, contact_id)
    if args.json:
        print_json([r.as_json() for r in rows])
        return EXIT_OK
    if not rows:
        print("No mails or meetings logged yet: run 'netdesk mail scan' or 'calendar scan'.")
        return EXIT_OK
    print_table(
        [
            [r.date.isoformat(), r.contact, r.channel, r.direction, r.subject[:50], r.source]
            for r in rows
        ],
        ["Date", "Contact", "Channel", "Direction", "Subject", "Source"],
    )
    return EXIT_OK


def _suggestions(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.correspondents import suggestions

    rows = suggestions(db, minimum=args.min)
    if args.json:
        print_json([r.as_json() for r in rows])
        return EXIT_OK
    if not rows:
        print("No suggestions: everyone you exchange personal mail with is a contact.")
        return EXIT_OK
    print_table(
        [[r.name, r.address, str(r.sent), str(r.received), str(r.last_date or "")] for r in rows],
        ["Name", "E-mail", "Sent", "Received", "Last"],
    )
    return EXIT_OK
