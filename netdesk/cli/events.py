"""Events, referrals and the return report on the command line.

``netdesk events --json`` prints one object per event; :data:`EVENTS_JSON_HELP` is the rule
for its money fields (the command's ``--help`` prints it too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netdesk.cli import EXIT_OK, CliError, command, print_json, print_table, read_command
from netdesk.domain.referral_words import DIRECTIONS, STATUSES
from netdesk.store.common import Readable

if TYPE_CHECKING:
    from netdesk.app.opening import Database

if TYPE_CHECKING:  # the core modules load with the command that needs them, not with --help
    from netdesk.app import roi

REPORT_SUFFIXES = (".pdf", ".html", ".htm")
# How many name matches a command line lookup considers before calling the name ambiguous.
CANDIDATES = 20


# -- argument types: argparse names the argument in front of these messages --------------------
def date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-03-31") from None


def amount_arg(value: str) -> Decimal:
    try:
        amount = Decimal(value.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{value!r} is not an amount like 25.50") from None
    if not amount.is_finite() or amount < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not an amount of zero or more")
    if amount >= Decimal("1e10"):
        raise argparse.ArgumentTypeError(f"{value!r} is too large")
    if amount != amount.quantize(Decimal("0.01")):
        raise argparse.ArgumentTypeError(f"{value!r} has more than two decimals")
    return amount


def hours_arg(value: str) -> float:
    try:
        hours = float(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of hours like 2.5") from None
    if not math.isfinite(hours) or hours < 0 or hours > 10_000:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of hours from 0 to 10000")
    return hours


def currency_arg(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise argparse.ArgumentTypeError(f"{value!r} is not a three-letter currency like EUR")
    return code


# Printed by `netdesk events --help`; the README says the same.
EVENTS_JSON_HELP = """\
--json prints one object per event: id, name, date, organiser, place, currency, cost,
hours, hours_value, contacts_met, touchpoints_planned, touchpoints_done, meetings,
referrals_received, referrals_given, won_value, full_cost, return_ratio,
cost_per_meeting, cost_per_referral, and a *_by_currency object for each of
hours_value, won_value, full_cost, cost_per_meeting and cost_per_referral.

Money fields are plain numbers in the event's currency (cost, hours_value, won_value,
full_cost = cost + hours x your hourly rate, cost_per_meeting, cost_per_referral)
whenever everything they add up is in that currency: the usual case, with the hourly
rate and won referrals in the event's currency. Currencies are never converted or
added: when the hourly rate or a won referral is in another currency, the affected
field is null and its *_by_currency object holds one number per currency, e.g.
"full_cost": null, "full_cost_by_currency": {"EUR": 90.0, "USD": 100.0}.
The *_by_currency objects are always present: {} for zero, null where the
field itself is null because there is nothing to divide by.

return_ratio = won_value / full_cost when both are in one and the same currency;
null when the full cost is 0 or the currencies differ. cost_per_meeting and
cost_per_referral (per referral received) are null when there were none.
"""


def add_parsers(sub: Any) -> None:
    events = sub.add_parser(
        "events",
        help="list events with what each cost and brought",
        description="List events with what each cost and brought.",
        epilog=EVENTS_JSON_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    events.add_argument("--json", action="store_true", help="print JSON instead of a table")
    events.add_argument("--from", dest="start", type=date_arg, metavar="DATE")
    events.add_argument("--to", dest="end", type=date_arg, metavar="DATE")
    events.add_argument("--ranked", action="store_true", help="best return first")

    event = sub.add_parser("event", help="add an event")
    event_sub = event.add_subparsers(dest="event_command", parser_class=type(event))
    event_sub.required = True
    add = event_sub.add_parser("add", help="add an event")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--date", type=date_arg, required=True, metavar="YYYY-MM-DD")
    add.add_argument("--cost", type=amount_arg, default=Decimal("0"), metavar="AMOUNT")
    add.add_argument("--currency", type=currency_arg, default=None, help="default: the rate's")
    add.add_argument("--hours", type=hours_arg, default=0.0, metavar="H", help="travel included")
    add.add_argument("--organiser", default="", metavar="TEXT", help="the event series")
    add.add_argument("--place", default="", metavar="TEXT")
    add.add_argument("--notes", default="", metavar="TEXT")
    add.add_argument("--tags", default="", metavar="A,B")

    referral = sub.add_parser("referral", help="record a referral given or received")
    referral_sub = referral.add_subparsers(dest="referral_command", parser_class=type(referral))
    referral_sub.required = True
    radd = referral_sub.add_parser("add", help="record a referral")
    radd.add_argument("--direction", choices=DIRECTIONS, required=True)
    radd.add_argument(
        "--contact",
        required=True,
        metavar="NAME_OR_ID",
        help="given: who I introduced or sent work to; received: who sent me business",
    )
    radd.add_argument(
        "--to", metavar="NAME_OR_ID", help="given: introduced to whom; received: the client"
    )
    radd.add_argument("--status", choices=STATUSES, default="open")
    radd.add_argument("--value", type=amount_arg, default=Decimal("0"), metavar="AMOUNT")
    radd.add_argument("--currency", type=currency_arg, default=None, help="default: the rate's")
    where = radd.add_mutually_exclusive_group()
    where.add_argument(
        "--event",
        metavar="NAME_OR_ID",
        help="where the relationship started (default: the first event the contact was met at)",
    )
    where.add_argument("--no-event", action="store_true", help="credit no event")
    radd.add_argument("--date", type=date_arg, default=None, metavar="YYYY-MM-DD")
    radd.add_argument("--description", default="", metavar="TEXT")

    referrals = sub.add_parser("referrals", help="list referrals, newest first")
    referrals.add_argument("--json", action="store_true", help="print JSON instead of a table")
    referrals.add_argument("--contact", metavar="NAME_OR_ID", help="only those involving")
    referrals.add_argument("--direction", choices=DIRECTIONS)

    report = sub.add_parser("report", help="save the return-on-networking report")
    report.add_argument("--from", dest="start", type=date_arg, required=True, metavar="DATE")
    report.add_argument("--to", dest="end", type=date_arg, required=True, metavar="DATE")
    report.add_argument("--output", required=True, metavar="FILE.pdf|FILE.html")


# -- looking things up by what the user typed ---------------------------------------------------
def resolve_contact(db: Database, value: str, argument: str) -> int:
    """A contact by id or name: an exact full name (any case), else the one contact whose name
    holds every word typed ("ana" finds "Ana García" when she is the only Ana).

    ``CliError`` naming ``argument`` when nothing or several match, listing candidates' ids.
    """
    from netdesk.app.contacts import ContactBook

    text_value = value.strip()
    book = ContactBook(db)
    if not text_value:
        raise CliError(f"{argument}: give a contact's name or id")
    if text_value.isdigit():
        try:
            book.get(int(text_value))
            return int(text_value)
        except LookupError:
            pass
    candidates = book.summaries(text_value, limit=CANDIDATES + 1)
    wanted = text_value.casefold()
    words = wanted.split()
    exact = [c for c in candidates if c.full_name.casefold() == wanted]
    whole = [c for c in candidates if set(words) <= set(c.full_name.casefold().split())]
    chosen = exact or whole
    if len(chosen) == 1:
        return chosen[0].id
    if not chosen:
        hint = ""
        if candidates:
            near = ", ".join(f"{c.id} ({c.full_name})" for c in candidates[:CANDIDATES])
            hint = f"; did you mean ids {near}"
        raise CliError(f"{argument}: no contact named or numbered {value!r}{hint}")
    listed = ", ".join(f"{c.id} ({c.full_name})" for c in chosen[:CANDIDATES])
    more = " and more" if len(chosen) > CANDIDATES else ""
    raise CliError(f"{argument}: {value!r} is ambiguous: ids {listed}{more}; give the id")


def resolve_event(db: Database, value: str, argument: str) -> int:
    from netdesk.app.events import EventBook

    try:
        return EventBook(db).resolve(value)
    except LookupError as exc:
        raise CliError(f"{argument}: {exc}") from None


# -- commands -----------------------------------------------------------------------------------
def _number(amount: Decimal) -> float:
    # Two decimals under 1e10 survive the trip through a float: 115.1 reads back as 115.10.
    return float(amount)


def _by_currency(amounts: roi.Amounts | None) -> dict[str, float] | None:
    return None if amounts is None else {c: _number(a) for c, a in amounts.parts}


def _in_currency(amounts: roi.Amounts | None, currency: str) -> float | None:
    """The amount as one number when it is all in ``currency`` (zero is in every currency);
    None when a part is in another currency, never a sum across currencies."""
    if amounts is None or set(amounts.currencies()) - {currency}:
        return None
    return _number(amounts.get(currency))


def event_record(f: roi.EventFigures) -> dict[str, Any]:
    """One event's JSON object (the rule is :data:`EVENTS_JSON_HELP`)."""
    ratio = f.return_ratio
    money = {
        "hours_value": f.hours_value,
        "won_value": f.won_value,
        "full_cost": f.full_cost,
        "cost_per_meeting": f.cost_per_meeting,
        "cost_per_referral": f.cost_per_referral,
    }
    record: dict[str, Any] = {
        "id": f.event_id,
        "name": f.name,
        "date": f.date.isoformat() if f.date else None,
        "organiser": f.organiser,
        "place": f.place,
        "currency": f.currency,
        "cost": _number(f.cost.get(f.currency)),
        "hours": float(f.hours),
        "contacts_met": f.contacts_met,
        "touchpoints_planned": f.touchpoints_planned,
        "touchpoints_done": f.touchpoints_done,
        "meetings": f.meetings,
        "referrals_received": f.referrals_received,
        "referrals_given": f.referrals_given,
        "return_ratio": None if ratio is None else float(ratio),
    }
    for key, amounts in money.items():
        record[key] = _in_currency(amounts, f.currency)
    for key, amounts in money.items():
        record[f"{key}_by_currency"] = _by_currency(amounts)
    return record


@read_command("events")
def _events(args: argparse.Namespace, db: Readable) -> int:
    from netdesk.app import roi

    if args.start and args.end and args.end < args.start:
        raise CliError(f"--to: {args.end.isoformat()} is before --from {args.start.isoformat()}")
    figures = roi.event_figures(db, start=args.start, end=args.end)
    if args.ranked:
        figures = roi.ranked(figures)
    if args.json:
        print_json([event_record(f) for f in figures])
        return EXIT_OK
    rows = [
        [
            str(f.event_id),
            f.date.isoformat() if f.date else "",
            f.name,
            f.organiser,
            f.full_cost.format(),
            f.won_value.format(),
            "n/a" if f.return_ratio is None else f"{f.return_ratio:.2f}",
            str(f.contacts_met),
            f"{f.touchpoints_done}/{f.touchpoints_planned}",
            f"{f.referrals_received}/{f.referrals_given}",
        ]
        for f in figures
    ]
    headers = ["ID", "Date", "Name", "Organiser", "Full cost", "Won", "Return", "Met"]
    print_table(rows, [*headers, "Done/planned", "Referrals in/out"])
    return EXIT_OK


@command("event")
def _event(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app import roi
    from netdesk.app.events import EventBook, EventData

    currency = args.currency or roi.hourly_rate(db).currency
    data = EventData(
        name=args.name,
        date=args.date,
        place=args.place,
        organiser=args.organiser,
        cost=args.cost,
        currency=currency,
        hours=args.hours,
        notes=args.notes,
        tags=args.tags,
    )
    if not args.name.strip():
        raise CliError("NAME: an event needs a name")
    event_id = EventBook(db).add(data)
    print(f"Added event {event_id}: {args.name.strip()} on {args.date.isoformat()}")
    return EXIT_OK


@command("referral")
def _referral(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app import roi
    from netdesk.app.referrals import ReferralData, ReferralLedger

    contact_id = resolve_contact(db, args.contact, "--contact")
    other_id = resolve_contact(db, args.to, "--to") if args.to else None
    if other_id is not None and other_id == contact_id:
        raise CliError("--to: is the same contact as --contact")
    ledger = ReferralLedger(db)
    event_id: int | None
    if args.event:
        event_id = resolve_event(db, args.event, "--event")
    else:
        event_id = None if args.no_event else ledger.where_met(contact_id)
    data = ReferralData(
        direction=args.direction,
        contact_id=contact_id,
        other_contact_id=other_id,
        date=args.date or dt.date.today(),
        description=args.description,
        status=args.status,
        value=args.value,
        currency=args.currency or roi.hourly_rate(db).currency,
        event_id=event_id,
    )
    row = ledger.get(ledger.add(data))
    who = f"to {row.contact}" if row.direction == "given" else f"from {row.contact}"
    if row.other_contact:
        who += f" ({'introduced to' if row.direction == 'given' else 'client'} {row.other_contact})"
    met = f", credited to {row.event}" if row.event else ""
    print(f"Added referral {row.id}: {row.direction} {who}, {row.status}{met}")
    return EXIT_OK


@command("referrals")
def _referrals(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.referrals import ReferralLedger

    contact_id = resolve_contact(db, args.contact, "--contact") if args.contact else None
    ledger = ReferralLedger(db)
    if args.json:
        print_json(ledger.as_records(contact_id, args.direction))
        return EXIT_OK
    rows = [
        [
            str(r.id),
            r.date.isoformat() if r.date else "",
            r.direction,
            r.contact,
            r.other_contact,
            r.status,
            f"{r.value:.2f} {r.currency}" if r.value else "",
            r.event,
        ]
        for r in ledger.list(contact_id, args.direction)
    ]
    print_table(
        rows, ["ID", "Date", "Direction", "Contact", "To / client", "Status", "Value", "Event"]
    )
    return EXIT_OK


@command("report")
def _report(args: argparse.Namespace, db: Database) -> int:
    path = Path(args.output).expanduser()
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise CliError(f"--output: {args.output!r} must end in .pdf or .html")
    if args.end < args.start:
        raise CliError(f"--to: {args.end.isoformat()} is before --from {args.start.isoformat()}")
    if not path.parent.is_dir():
        raise CliError(f"--output: the folder {path.parent} does not exist")
    try:
        if path.suffix.lower() == ".pdf":
            from netdesk.ui.report_pdf import write_report

            write_report(db, args.start, args.end, path)
        else:
            from netdesk.app.report import report_html
            from netdesk.system.private_files import write_private

            write_private(path, report_html(db, args.start, args.end).encode("utf-8"))
    except OSError as exc:
        raise CliError(f"--output: cannot write {path}: {exc.strerror or exc}") from None
    print(f"Wrote {path}")
    return EXIT_OK
