"""Importing business cards as one batch: it lands whole or not at all, and can be undone.

The import is a generator that yields progress, so the window can run it on a worker thread and
the command line can simply exhaust it. Cards stream through in chunks (big vCard files are
parsed by worker processes meanwhile, see netdesk.interop.vcard_stream): duplicates are looked up
for a whole chunk in a few queries against the stored contacts and the rows this import has
already written, new contacts are written with Core bulk inserts, and only the contacts that merge
go through the ORM. Memory holds a chunk and the report's counts, not the file's worth of cards.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from netdesk.app.captured_cards import keep_captured
from netdesk.app.import_chains import merge_chains
from netdesk.app.import_checks import clean_incoming
from netdesk.app.import_report import PREVIEW_NEW, CardOutcome, ImportProgress, ImportReport
from netdesk.app.import_sources import (
    IncomingCard,
    estimate_cards,
    is_photo,
    read_cards,
    read_photo_cards,
)
from netdesk.app.matching import DuplicateFinder, _normal
from netdesk.app.playbook import FollowUpPlaybook
from netdesk.domain.contact_data import ContactData
from netdesk.domain.contact_json import to_json
from netdesk.domain.match_keys import forget_phone_keys, learn_phone_keys
from netdesk.domain.merge import merge_contact
from netdesk.store.bulk import insert_contacts
from netdesk.store.contact_rows import apply_data, to_data
from netdesk.store.db import Database
from netdesk.store.models import (
    Contact,
    Event,
    EventContact,
    ImportBatch,
    ImportChange,
    table_of,
)

CHUNK = 500

__all__ = [
    "PREVIEW_NEW",
    "CardOutcome",
    "EventChoice",
    "ImportProgress",
    "ImportReport",
    "ImportRequest",
    "import_all",
    "run_import",
]


@dataclass
class EventChoice:
    """Where the people on these cards were met: an existing event, or a new one."""

    event_id: int | None = None
    name: str = ""
    date: dt.date | None = None
    cost: Decimal = Decimal("0")
    currency: str = "EUR"
    hours: float = 0.0
    place: str = ""


@dataclass
class ImportRequest:
    files: list[Path]
    event: EventChoice | None = None
    # For possible duplicates: (file, card) → id of the contact to merge into, MERGE_WITH_MATCH
    # to merge with what it matched (an earlier card of the same import has no id yet), or None
    # to keep the card as a new contact. Cards not listed are kept as new and reported suggested.
    decisions: dict[tuple[str, int], int | None] = field(default_factory=dict)
    csv_mappings: dict[str, dict[str, str]] = field(default_factory=dict)
    dry_run: bool = False


# A decision for a possible duplicate: merge it with whatever it matched.
MERGE_WITH_MATCH = 0


def _chunks(cards: Iterator[IncomingCard], size: int) -> Iterator[list[IncomingCard]]:
    while chunk := list(islice(cards, size)):
        yield chunk


class _BatchWriter:
    """The state of one running import inside its transaction.

    Nothing here grows with the file: duplicates among the incoming cards are found by looking
    up the rows this transaction has already written (the connection sees its own inserts), and
    what the batch created or merged is recorded in ImportChange as each chunk is written.
    """

    def __init__(self, conn: Connection, region: str, request: ImportRequest) -> None:
        self.conn = conn
        self.session = Session(bind=conn)
        self.region = region
        self.request = request
        self.batch_id = 0
        self.merged_ids: set[int] = set()  # stored contacts this batch merged into
        self.unchanged_ids: list[int] = []  # stored contacts cards found with nothing new
        # Contacts that existed before this batch; only these can be offered as merge targets,
        # and only these need their data recorded before a merge (for undo).
        self.existing_max_id = int(
            conn.execute(select(func.coalesce(func.max(Contact.id), 0))).scalar_one()
        )

    def process(self, chunk: list[IncomingCard], report: ImportReport) -> None:
        for card in chunk:
            if card.contact is not None:
                if card.checked:
                    learn_phone_keys(card.phone_keys, self.region)
                else:
                    card.warnings.extend(clean_incoming(card.contact))
                if not (card.contact.display_name().strip() or card.contact.phones):
                    card.contact, card.error = None, "no name, organisation, e-mail or phone left"
        # A finder per chunk: it holds the keys of this chunk's cards, not the file's.
        finder = DuplicateFinder(self.conn, self.region)
        finder.preload(c.contact for c in chunk if c.contact is not None)
        same_name = self._stored_by_name(c.contact for c in chunk if c.contact is not None)
        pending: list[ContactData] = []
        pending_outcomes: list[list[CardOutcome]] = []
        # Photos' cards: (index in pending, or -1 for a stored contact id in the second item)
        captured: list[tuple[int, int, IncomingCard]] = []
        stored: dict[int, ContactData] = {}
        before: dict[int, str] = {}  # stored contact id → JSON of its data before the merge
        for card in chunk:
            data = card.contact
            if data is None:
                report.add(
                    CardOutcome(
                        card.file,
                        card.position,
                        "rejected",
                        reason=card.error or "",
                        warnings=tuple(card.warnings),
                    )
                )
                continue
            outcome = CardOutcome(
                card.file,
                card.position,
                "created",
                name=data.display_name(),
                warnings=tuple(card.warnings),
            )
            same = same_name.get(data.display_name().casefold(), ())
            known = self._already_known(data, same, stored)
            if known is not None:  # everything the card says, a stored contact already has
                outcome.action, outcome.contact_id = "unchanged", known
                outcome.target_name = data.display_name()
                self.unchanged_ids.append(known)
                report.add(outcome)
                continue
            match = finder.find(data)
            target: int | None = None
            if match is not None and match.sure:
                target = match.contact_id
            elif match is not None:
                key = (card.file, card.position)
                if key in self.request.decisions:
                    target = self.request.decisions[key]
                    if target == MERGE_WITH_MATCH:
                        target = match.contact_id
                else:
                    outcome.action = "suggested"
                    outcome.reason = match.reason
                    outcome.target_name = self._name_of(match.contact_id, pending)
                    outcome.target_id = (
                        match.contact_id
                        if 0 < match.contact_id <= self.existing_max_id
                        else MERGE_WITH_MATCH  # a card of this import: no id before it is written
                    )
            if target is not None and target < 0:  # a card earlier in this chunk
                index = -target - 1
                pending[index] = merge_contact(pending[index], data, self.region)
                finder.remember(target, pending[index])
                if card.captured is not None:
                    captured.append((index, 0, card))
                outcome.action, outcome.contact_id = "merged", None
                outcome.target_name = pending[index].display_name()
                pending_outcomes[index].append(outcome)
            elif target is not None and self._already_known(data, (target,), stored) is not None:
                outcome.action, outcome.contact_id = "unchanged", target
                outcome.target_name = self._name_of(target, pending)
                self.unchanged_ids.append(target)
            elif target is not None:
                if target not in stored:
                    stored[target] = self._load(target, before)
                stored[target] = merge_contact(stored[target], data, self.region)
                finder.remember(target, stored[target])
                if card.captured is not None:
                    captured.append((-1, target, card))
                outcome.action, outcome.contact_id = "merged", target
                outcome.target_name = stored[target].display_name()
            else:
                pending.append(data)
                pending_outcomes.append([outcome])
                finder.remember(-len(pending), data)
                if card.captured is not None:
                    captured.append((len(pending) - 1, 0, card))
            report.add(outcome)
        ids = self._write(pending, pending_outcomes, stored, before)
        if captured:
            keep_captured(self.conn, self.batch_id, captured, ids)
        # This chunk's phone keys and normalised names are not looked up again; let them go,
        # or these caches would grow with the file (up to 65,536 entries, ~10 MB).
        forget_phone_keys()
        _normal.cache_clear()

    def _stored_by_name(self, cards: Iterable[ContactData]) -> dict[str, list[int]]:
        """Contacts stored before this batch under the name of a card of the chunk."""
        names = sorted({data.display_name() for data in cards})
        found: dict[str, list[int]] = {}
        for start in range(0, len(names), 500):
            rows = self.conn.execute(
                # NOCASE, so SQLite searches the name index instead of scanning every id
                select(Contact.full_name, Contact.id).where(
                    Contact.full_name.collate("NOCASE").in_(names[start : start + 500]),
                    Contact.id <= self.existing_max_id,
                )
            )
            for name, cid in rows:
                found.setdefault(str(name).casefold(), []).append(int(cid))
        return found

    def _already_known(
        self, data: ContactData, candidates: Iterable[int], stored: dict[int, ContactData]
    ) -> int | None:
        """The contact stored before this batch that already has everything ``data`` says (a
        card imported again, or one of netdesk's own export), if there is one."""
        for cid in candidates:
            if not 0 < cid <= self.existing_max_id:
                continue
            current = stored.get(cid) or self._peek(cid)
            if current is not None and merge_contact(current, data, self.region) == current:
                return cid
        return None

    def _peek(self, contact_id: int) -> ContactData | None:
        contact = self.session.get(Contact, contact_id)
        return to_data(contact) if contact is not None else None

    def _name_of(self, contact_id: int, pending: list[ContactData]) -> str:
        if contact_id < 0:
            return pending[-contact_id - 1].display_name()
        name = self.conn.execute(select(Contact.full_name).where(Contact.id == contact_id))
        return str(name.scalar() or "")

    def _load(self, contact_id: int, before: dict[int, str]) -> ContactData:
        contact = self.session.get(Contact, contact_id)
        assert contact is not None
        data = to_data(contact)
        if contact_id <= self.existing_max_id and contact_id not in self.merged_ids:
            self.merged_ids.add(contact_id)
            before[contact_id] = json.dumps(to_json(data), ensure_ascii=False)
        return data

    def _write(
        self,
        pending: list[ContactData],
        outcomes: list[list[CardOutcome]],
        stored: dict[int, ContactData],
        before: dict[int, str],
    ) -> list[int]:
        ids = insert_contacts(self.conn, pending, self.region)
        for cid, group in zip(ids, outcomes, strict=True):
            for outcome in group:
                outcome.contact_id = cid
        for cid, data in stored.items():
            contact = self.session.get(Contact, cid)
            assert contact is not None
            apply_data(self.session, contact, data, self.region)
        self.session.flush()
        self.session.expunge_all()  # merged contacts are not needed after their chunk
        rows: list[dict[str, Any]] = [
            {"batch_id": self.batch_id, "contact_id": cid, "action": "created", "before": None}
            for cid in ids
        ]
        rows.extend(
            {"batch_id": self.batch_id, "contact_id": cid, "action": "merged", "before": json}
            for cid, json in before.items()
        )
        if rows:
            self.conn.execute(insert(table_of(ImportChange)), rows)
        return ids

    def touched(self) -> list[int]:
        """Every contact the batch created or merged into, in the order it first touched them."""
        changes = table_of(ImportChange)
        ids = self.conn.execute(
            select(changes.c.contact_id)
            .where(changes.c.batch_id == self.batch_id)
            .order_by(changes.c.id)
        ).scalars()
        return list(dict.fromkeys(int(i) for i in ids))


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _resolve_event(conn: Connection, choice: EventChoice | None) -> tuple[int | None, dt.date]:
    today = dt.date.today()
    if choice is None:
        return None, today
    if choice.event_id is not None:
        row = conn.execute(select(Event.id, Event.date).where(Event.id == choice.event_id)).first()
        if row is None:
            raise LookupError(f"no event with id {choice.event_id}")
        return int(row[0]), row[1] or today
    if not choice.name.strip():
        return None, today
    existing = conn.execute(
        select(Event.id, Event.date).where(Event.name == choice.name.strip()).order_by(Event.id)
    ).first()
    if existing is not None and (choice.date is None or existing[1] == choice.date):
        return int(existing[0]), existing[1] or today
    result = conn.execute(
        insert(table_of(Event)).values(
            name=choice.name.strip(),
            date=choice.date,
            cost=choice.cost,
            currency=choice.currency.upper(),
            hours=choice.hours,
            place=choice.place,
            organiser="",
            notes="",
            tags="",
            created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
    )
    return _new_id(result), choice.date or today


def run_import(
    db: Database, request: ImportRequest, region: str, playbook: FollowUpPlaybook | None = None
) -> Generator[ImportProgress, None, ImportReport]:
    """Import ``request.files`` as one batch, yielding progress; returns the report.

    Raises NeedsColumnMapping (before anything is written) for a CSV it cannot map by itself.
    """
    total = sum(estimate_cards(p) for p in request.files)
    done = 0
    report = ImportReport(batch_id=None, dry_run=request.dry_run)
    # Photos are read (QR, OCR: about a second each) before the batch's transaction begins, so
    # the window and the command line can write meanwhile.
    photos: dict[str, tuple[list[IncomingCard], dict[str, Any]]] = {}
    for path in request.files:
        if is_photo(path) and str(path) not in photos:
            photos[str(path)] = read_photo_cards(path, region)
            done += 1
            yield ImportProgress(min(done, total), max(total, done), str(path))
    conn = db.engine.connect()
    transaction = conn.begin()
    writer = _BatchWriter(conn, region, request)
    try:
        event_id, met_on = _resolve_event(conn, request.event)
        report.event_id = event_id
        batch = conn.execute(
            insert(table_of(ImportBatch)).values(
                files=json.dumps([str(p) for p in request.files], ensure_ascii=False),
                event_id=event_id,
                summary="{}",
                created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            )
        )
        batch_id = _new_id(batch)
        report.batch_id = batch_id
        writer.batch_id = batch_id
        for path in request.files:
            if str(path) in photos:
                photo_cards, entry = photos[str(path)]
                report.images.append(entry)
                writer.process(photo_cards, report)
                continue
            mapping = request.csv_mappings.get(str(path))
            cards = read_cards(path, mapping, region)
            try:
                for chunk in _chunks(cards, CHUNK):
                    writer.process(chunk, report)
                    done += len(chunk)
                    yield ImportProgress(min(done, total), max(total, done), str(path))
            finally:
                cards.close()  # on cancel: stop the worker processes reading the file
        merge_chains(writer.session, batch_id, writer.existing_max_id, region, report)
        # people met again at this event are linked to it even when their card had nothing new
        touched = [*writer.touched(), *writer.unchanged_ids] if event_id is not None else []
        touched = list(dict.fromkeys(touched))
        if event_id is not None and touched:
            conn.execute(
                sqlite_insert(EventContact).on_conflict_do_nothing(),
                [
                    {"event_id": event_id, "contact_id": cid, "batch_id": batch_id}
                    for cid in touched
                ],
            )
            if playbook is not None:
                report.touchpoints_planned = playbook.schedule(
                    conn, touched, event_id, met_on, batch_id
                )
        conn.execute(
            table_of(ImportBatch)
            .update()
            .where(table_of(ImportBatch).c.id == batch_id)
            .values(
                summary=json.dumps(
                    {
                        k: v
                        for k, v in report.to_json().items()
                        if k in ("cards", "created", "merged")
                    }
                )
            )
        )
        if request.dry_run or not (report.created or report.merged or touched):
            # A dry run, or an import that stored nothing (every card rejected, or already in
            # the book with nothing new, and no event to link them to): no batch is kept.
            transaction.rollback()
            report.batch_id = None
        else:
            transaction.commit()
    except BaseException:
        transaction.rollback()
        raise
    finally:
        writer.session.close()
        conn.close()
    return report


def import_all(
    db: Database, request: ImportRequest, region: str, playbook: FollowUpPlaybook | None = None
) -> ImportReport:
    """Run an import to the end without reporting progress (command line, tests)."""
    steps = run_import(db, request, region, playbook)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            report: ImportReport = stop.value
            return report
