"""``netdesk contact add|edit|show|delete``, ``netdesk log`` and ``netdesk settings``.

Each goes through the use cases the window calls — ContactBook (the same checks, naming the
field), FollowUps, the settings table — so a script sees and changes exactly what a user does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from netdesk.cli import EXIT_OK, CliError, command, print_json
from netdesk.cli.commands import iso_date
from netdesk.domain.touchpoint_words import INTENTS, KINDS

if TYPE_CHECKING:
    from netdesk.app.opening import Database

# (flag, ContactData attribute) of the single-valued fields
_SCALARS = (
    ("--name", "full_name"),
    ("--given", "given_name"),
    ("--family", "family_name"),
    ("--nickname", "nickname"),
    ("--org", "organization"),
    ("--department", "department"),
    ("--title", "title"),
    ("--role", "role"),
    ("--note", "note"),
    ("--birthday", "birthday"),
)


def _fields(parser: argparse.ArgumentParser, editing: bool) -> None:
    for flag, attribute in _SCALARS:
        parser.add_argument(flag, dest=attribute, default=None)
    more = "add " if editing else ""
    parser.add_argument("--email", action="append", default=[], help=f"{more}an e-mail address")
    parser.add_argument("--phone", action="append", default=[], help=f"{more}a phone number")
    parser.add_argument("--url", action="append", default=[], help=f"{more}a web address")
    parser.add_argument("--tag", action="append", default=[], help=f"{more}a tag")
    if editing:
        for what in ("email", "phone", "url", "tag"):
            parser.add_argument(
                f"--remove-{what}", action="append", default=[], metavar="VALUE",
                help=f"remove this {what}",
            )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print the contact as JSON")


def add_parsers(sub: Any) -> None:
    contact = sub.add_parser("contact", help="add, edit, show or delete one contact")
    actions = contact.add_subparsers(dest="contact_command", required=True)
    _fields(actions.add_parser("add", help="add a contact"), editing=False)
    edit = actions.add_parser("edit", help="change a contact (an empty value clears a field)")
    edit.add_argument("contact", metavar="NAME_OR_ID")
    _fields(edit, editing=True)
    show = actions.add_parser("show", help="everything about one contact")
    show.add_argument("contact", metavar="NAME_OR_ID")
    show.add_argument("--json", action="store_true")
    delete = actions.add_parser("delete", help="delete a contact (a backup is made first)")
    delete.add_argument("contact", metavar="NAME_OR_ID")

    log = sub.add_parser("log", help="record a touchpoint you have done (a call, a thank-you…)")
    log.add_argument("contact", metavar="ID_OR_NAME")
    log.add_argument("--kind", choices=KINDS, required=True)
    log.add_argument("--intent", choices=INTENTS, required=True)
    log.add_argument("--date", type=iso_date, default=None, help="YYYY-MM-DD (default today)")
    log.add_argument("--note", default="")
    log.add_argument("--json", action="store_true")

    settings = sub.add_parser("settings", help="read or change a setting")
    keys = settings.add_subparsers(dest="settings_command", required=True)
    get = keys.add_parser("get", help="print a setting (all of them without KEY)")
    get.add_argument("key", metavar="KEY", nargs="?")
    get.add_argument("--json", action="store_true")
    put = keys.add_parser("set", help="change a setting")
    put.add_argument("key", metavar="KEY")
    put.add_argument("value", metavar="VALUE")


def _record(db: Database, contact_id: int) -> dict[str, Any]:
    from netdesk.app.contacts import ContactBook
    from netdesk.domain.contact_json import to_json

    book = ContactBook(db)
    data = book.get(contact_id)
    record = {"id": contact_id, **to_json(data), "events": book.events_met(contact_id)}
    record["full_name"] = data.display_name()
    return record


def _apply(data: Any, args: argparse.Namespace, region: str) -> None:
    from netdesk.domain.contact_data import EmailAddress, PhoneNumber, WebAddress
    from netdesk.domain.match_keys import email_key

    for _flag, attribute in _SCALARS:
        value = getattr(args, attribute)
        if value is not None:
            setattr(data, attribute, (value.strip() or None) if attribute == "birthday" else value)
    for value in getattr(args, "remove_email", []):
        data.emails = [e for e in data.emails if email_key(e.value) != email_key(value)]
    for value in getattr(args, "remove_phone", []):
        data.phones = [p for p in data.phones if not _same_phone(p.value, value, region)]
    for value in getattr(args, "remove_url", []):
        data.urls = [u for u in data.urls if u.value.strip() != value.strip()]
    for value in getattr(args, "remove_tag", []):
        data.tags = [t for t in data.tags if t.casefold() != value.strip().casefold()]
    data.emails += [EmailAddress(v.strip()) for v in args.email if v.strip()]
    data.phones += [PhoneNumber(v.strip()) for v in args.phone if v.strip()]
    data.urls += [WebAddress(v.strip()) for v in args.url if v.strip()]
    data.tags += [t.strip() for t in args.tag if t.strip() and t.strip() not in data.tags]


def _same_phone(stored: str, typed: str, region: str) -> bool:
    """The same number, written either way: "600 000 001" names "+34 600 000 001"."""
    from netdesk.domain.match_keys import phone_key

    if (phone_key(stored, region) or stored.strip()) == (phone_key(typed, region) or typed.strip()):
        return True
    digits = "".join(c for c in typed if c.isdigit())
    return len(digits) >= 6 and "".join(c for c in stored if c.isdigit()).endswith(digits)


def _problems(exc: Exception) -> CliError:
    problems = getattr(exc, "problems", {})
    text = "; ".join(f"{field}: {why}" for field, why in problems.items()) or str(exc)
    return CliError(f"the contact was not saved: {text}")


@command("contact")
def _contact(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.contacts import ContactBook, ValidationError
    from netdesk.cli.events import resolve_contact
    from netdesk.domain.contact_data import ContactData

    book = ContactBook(db)
    if args.contact_command == "add":
        data = ContactData()
        _apply(data, args, book.region)
        try:
            contact_id = book.create(data)
        except ValidationError as exc:
            raise _problems(exc) from None
        return _said(db, contact_id, args.json, "added")
    contact_id = resolve_contact(db, args.contact, "contact")
    if args.contact_command == "show":
        return _show(db, contact_id, args.json)
    if args.contact_command == "edit":
        data = book.get(contact_id)
        _apply(data, args, book.region)
        try:
            book.update(contact_id, data)
        except ValidationError as exc:
            raise _problems(exc) from None
        return _said(db, contact_id, args.json, "changed")
    name = book.get(contact_id).display_name()
    backup = _backup_first(db)
    book.delete([contact_id])
    print(f"deleted contact {contact_id} ({name})")
    if backup is not None:
        print(f"  a backup was made first: netdesk restore {backup}")
    return EXIT_OK


def _backup_first(db: Database) -> str | None:
    from netdesk.app import backups

    try:
        return str(backups.back_up_now(db.path, "pre-delete"))
    except OSError as exc:
        print(f"netdesk: warning: no backup could be made first ({exc})", file=sys.stderr)
        return None


def _said(db: Database, contact_id: int, as_json: bool, verb: str) -> int:
    record = _record(db, contact_id)
    if as_json:
        print_json(record)
    else:
        print(f"{verb} contact {contact_id} ({record['full_name']})")
    return EXIT_OK


def _show(db: Database, contact_id: int, as_json: bool) -> int:
    record = _record(db, contact_id)
    if as_json:
        print_json(record)
        return EXIT_OK
    print(f"{record['full_name']} (id {contact_id})")
    lines = [
        (
            "organisation",
            " / ".join(x for x in (record["organization"], record["department"]) if x),
        ),
        ("title", record["title"]),
        ("e-mail", ", ".join(e["value"] for e in record["emails"])),
        ("phone", ", ".join(p["value"] for p in record["phones"])),
        ("web", ", ".join(u["value"] for u in record["urls"])),
        ("birthday", record["birthday"] or ""),
        ("tags", ", ".join(record["tags"])),
        ("met at", ", ".join(record["events"])),
        ("note", record["note"].replace("\n", " / ")),
    ]
    for label, value in lines:
        if value:
            print(f"  {label + ':':<14}{value}")
    return EXIT_OK


@command("log")
def _log(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.touchpoints import FollowUps
    from netdesk.cli.events import resolve_contact

    contact_id = resolve_contact(db, args.contact, "contact")
    when = args.date or dt.date.today()
    if when > dt.date.today():
        raise CliError(f"--date: {when} is in the future; plan it instead of logging it")
    touchpoint = FollowUps(db).add(
        contact_id, args.kind, intent=args.intent, status="done", done_date=when, note=args.note
    )
    if args.json:
        print_json(
            {"id": touchpoint, "contact_id": contact_id, "kind": args.kind,
             "intent": args.intent, "date": when.isoformat(), "note": args.note}
        )  # fmt: skip
    else:
        print(f"logged {args.kind.replace('_', ' ')} ({args.intent}) on {when}: id {touchpoint}")
    return EXIT_OK


@command("settings")
def _settings(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.settings_keys import KEYS, SettingError, get_setting, set_setting

    try:
        if args.settings_command == "set":
            value = set_setting(db, args.key, args.value)
            print(f"{args.key} = {_shown(value)}")
            return EXIT_OK
        names = [args.key] if args.key else sorted(KEYS)
        values = {name: get_setting(db, name) for name in names}
    except SettingError as exc:
        raise CliError(str(exc), 2) from None
    if args.json:
        print_json(values if not args.key else values[args.key])
    elif args.key:
        print(_shown(values[args.key]))
    else:
        for name in names:
            print(f"{name} = {_shown(values[name])}    # {KEYS[name].meaning}")
    return EXIT_OK


def _shown(value: Any) -> str:
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)
