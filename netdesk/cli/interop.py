"""Sub-commands that move cards in and out: import, export, undo-import, imports."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netdesk.cli import EXIT_OK, CliError, command, print_json, print_table
from netdesk.cli.commands import iso_date

if TYPE_CHECKING:
    from netdesk.app.opening import Database

EXIT_PARTIAL = 3


def amount(value: str) -> Decimal:
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{value!r} is not an amount (use 25 or 12.50)") from None
    if not number.is_finite() or number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be a positive amount")
    return number


def hours(value: str) -> float:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of hours") from None
    if not 0 <= number < 10_000:
        raise argparse.ArgumentTypeError(f"{value!r} is not a sensible number of hours")
    return number


def add_parsers(sub: Any) -> None:
    imp = sub.add_parser(
        "import",
        help="import business cards: vCard or CSV files, or photos (QR codes, paper cards)",
    )
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--event", metavar="NAME", help="the event where you met these people")
    imp.add_argument("--event-date", type=iso_date, metavar="YYYY-MM-DD")
    imp.add_argument("--event-cost", type=amount, metavar="AMOUNT")
    imp.add_argument("--event-currency", default="EUR", metavar="CODE")
    imp.add_argument("--event-hours", type=hours, metavar="HOURS")
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would happen, change nothing"
    )
    imp.add_argument("--json", action="store_true")

    exp = sub.add_parser("export", help="export contacts as vCard or CSV")
    exp.add_argument("--format", choices=["vcard", "vcard4", "csv"], default="vcard")
    exp.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    exp.add_argument("--search", default="", metavar="TEXT", help="only contacts matching TEXT")

    undo = sub.add_parser("undo-import", help="undo an import batch")
    undo.add_argument("batch_id", type=int, metavar="BATCH_ID")

    batches = sub.add_parser("imports", help="list import batches")
    batches.add_argument("--json", action="store_true")


@command("import")
def _import(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.import_sources import NeedsColumnMapping
    from netdesk.app.importer import EventChoice, ImportRequest, import_all
    from netdesk.app.playbook import SETTING_KEY, FollowUpPlaybook
    from netdesk.app.settings_store import SettingsStore
    from netdesk.domain.match_keys import default_region

    for name in args.files:
        if not Path(name).exists():
            raise CliError(f"{name}: no such file", 2)
        if not Path(name).is_file():
            raise CliError(f"{name}: not a regular file (a folder, device or pipe)", 2)
    if args.event is None and any(
        v is not None for v in (args.event_date, args.event_cost, args.event_hours)
    ):
        raise CliError("--event-date, --event-cost and --event-hours need --event NAME", 2)
    event = None
    if args.event:
        event = EventChoice(
            name=args.event,
            date=args.event_date,
            cost=args.event_cost or Decimal("0"),
            currency=args.event_currency,
            hours=args.event_hours or 0.0,
        )
    settings = SettingsStore(db)
    region = settings.get("phone_region") or default_region()
    playbook = FollowUpPlaybook.from_json(settings.get(SETTING_KEY))
    request = ImportRequest(files=[Path(f) for f in args.files], event=event, dry_run=args.dry_run)
    try:
        report = import_all(db, request, region, playbook)
    except NeedsColumnMapping as exc:
        raise CliError(
            f"{exc.path}: the CSV columns were not recognised ({', '.join(exc.headers[:6])}…); "
            "import it from the window to map the columns",
            2,
        ) from exc
    if args.json:
        print_json(report.to_json())
    else:
        verb = "would import" if args.dry_run else "imported"
        print(
            f"{verb} {report.cards} cards: {report.created} new, {report.merged} merged, "
            f"{report.unchanged} already in the book with nothing new, "
            f"{len(report.suggested)} possible duplicates, {len(report.rejected)} rejected"
        )
        if report.batch_id is not None:
            print(f"batch {report.batch_id} (undo with: netdesk undo-import {report.batch_id})")
        elif not args.dry_run and report.unchanged and not report.rejected:
            print("nothing changed: every card is already in the book")
        for o in report.suggested:
            print(f"  possible duplicate: {o.file} card {o.card} {o.name} ~ {o.target_name}")
        for image in report.images:
            how = {"qr": "from its QR code", "ocr": "read by OCR, to review"}.get(image["source"])
            if how:
                print(f"  {image['file']}: {image['found']} contact(s) {how}")
            for other in image["not_contacts"]:
                print(f"  {image['file']}: not a contact ({other['kind']}): {other['text'][:80]}")
        for o in report.rejected:
            print(f"  rejected: {o.file} card {o.card}: {o.reason}", file=sys.stderr)
    accepted = report.created + report.merged + report.unchanged
    if report.rejected and accepted == 0:
        return 2
    return EXIT_PARTIAL if report.rejected else EXIT_OK


@command("export")
def _export(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.exporting import export_steps, run_to_end, write_contacts

    if args.output:
        target = Path(args.output)
        count = run_to_end(export_steps(db, args.format, target, query=args.search))
        print(f"exported {count} contacts to {args.output}")
    else:
        run_to_end(write_contacts(db, args.format, sys.stdout, query=args.search))
    return EXIT_OK


@command("undo-import")
def _undo_import(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.import_undo import undo_import

    removed, reverted = undo_import(db, args.batch_id)
    print(f"undid import {args.batch_id}: {removed} contacts removed, {reverted} reverted")
    return EXIT_OK


def _files_summary(names: list[str], shown: int = 3) -> str:
    """A batch's files in a table cell: the first few and how many more (138 names on one line
    made the table unreadable; --json lists them all)."""
    if len(names) <= shown:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown} more"


@command("imports")
def _imports(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.import_undo import list_batches

    batches = list_batches(db)
    if args.json:
        print_json([b.__dict__ for b in batches])
        return EXIT_OK
    rows = [
        [
            str(b.id),
            b.created_at.isoformat(timespec="minutes"),
            str(b.cards),
            str(b.created),
            str(b.merged),
            "undone" if b.undone else "",
            _files_summary([Path(f).name for f in b.files]),
        ]
        for b in batches
    ]
    print_table(rows, ["ID", "When", "Cards", "New", "Merged", "", "Files"])
    return EXIT_OK
