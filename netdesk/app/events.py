"""Networking events and who was met at each."""

from __future__ import annotations

import builtins
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from netdesk.app.attendance import Attendance, record_attendance, user_playbook
from netdesk.store.db import Database
from netdesk.store.models import Contact, Event, EventContact, ImportBatch, Referral, Touchpoint


class EventBook:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(
        self,
        name: str,
        *,
        date: dt.date | None = None,
        place: str = "",
        organiser: str = "",
        cost: Decimal = Decimal("0"),
        currency: str = "EUR",
        hours: float = 0.0,
        notes: str = "",
    ) -> int:
        if not name.strip():
            raise ValueError("an event needs a name")
        with self.db.session() as session:
            event = Event(
                name=name.strip(),
                date=date,
                place=place,
                organiser=organiser,
                cost=cost,
                currency=currency.upper(),
                hours=hours,
                notes=notes,
            )
            session.add(event)
            session.flush()
            return event.id

    def find(self, name: str) -> int | None:
        with self.db.session() as session:
            return session.scalar(select(Event.id).where(Event.name == name).order_by(Event.id))

    def add_attendees(
        self,
        event_id: int,
        contact_ids: Iterable[int],
        *,
        schedule: bool = True,
        today: dt.date | None = None,
    ) -> Attendance:
        """Record who was met at the event; those newly met get the user's playbook planned
        (once per contact and event), counted from the event's date or ``today``."""
        playbook = user_playbook(self.db) if schedule else None
        with self.db.session() as session:
            return record_attendance(
                session.connection(), event_id, contact_ids, playbook, today or dt.date.today()
            )

    # -- editing and listing (the events view, `netdesk events`) ------------------------------
    def add(self, data: EventData) -> int:
        """Create an event from the editable fields; ``ValueError`` names the bad field."""
        data = _checked(data)
        with self.db.session() as session:
            event = Event()
            _apply(event, data)
            session.add(event)
            session.flush()
            return event.id

    def recent(self, limit: int = 50) -> builtins.list[tuple[int, str, dt.date | None]]:
        """(id, name, date) of the newest events: the choices of an import's "met at" list."""
        with self.db.session() as session:
            rows = session.execute(
                select(Event.id, Event.name, Event.date).order_by(Event.date.desc()).limit(limit)
            )
            return [(int(eid), str(name), date) for eid, name, date in rows]

    def get(self, event_id: int) -> EventData:
        with self.db.session() as session:
            return _data_of(self._load(session, event_id))

    def summary(self, event_id: int) -> EventSummary:
        found = self._summaries(Event.id == event_id)
        if not found:
            raise EventNotFound(f"no event with id {event_id}")
        return found[0]

    def list(
        self,
        query: str = "",
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        organiser: str | None = None,
    ) -> list[EventSummary]:
        """Events newest first (undated last), with how much came of each.

        ``query`` matches name, place, organiser and tags without case; ``start``/``end`` keep
        dated events inside the range (both ends included) and drop undated ones.
        """
        where: list[Any] = []
        if query.strip():
            like = f"%{query.strip()}%"
            where.append(
                or_(
                    Event.name.ilike(like),
                    Event.place.ilike(like),
                    Event.organiser.ilike(like),
                    Event.tags.ilike(like),
                )
            )
        if start is not None:
            where.append(Event.date >= start)
        if end is not None:
            where.append(Event.date <= end)
        if organiser is not None:
            where.append(Event.organiser == organiser)
        return self._summaries(*where)

    def update(self, event_id: int, data: EventData) -> EventData:
        """Save new fields and return the previous ones, so undo is ``update(id, previous)``."""
        data = _checked(data)
        with self.db.session() as session:
            event = self._load(session, event_id)
            previous = _data_of(event)
            _apply(event, data)
            return previous

    def delete(self, event_id: int) -> DeletedEvent:
        """Delete an event; its follow-ups, referrals and import batches stay but lose the link.

        The returned value holds everything :meth:`restore` needs to bring it back exactly.
        """
        with self.db.session() as session:
            event = self._load(session, event_id)
            deleted = DeletedEvent(
                id=event.id,
                data=_data_of(event),
                created_at=event.created_at,
                attendees=tuple(
                    (row.contact_id, row.batch_id, row.created_at)
                    for row in session.scalars(
                        select(EventContact).where(EventContact.event_id == event_id)
                    )
                ),
                touchpoint_ids=_ids(session, Touchpoint, event_id),
                referral_ids=_ids(session, Referral, event_id),
                batch_ids=_ids(session, ImportBatch, event_id),
            )
            session.execute(delete(EventContact).where(EventContact.event_id == event_id))
            for model in (Touchpoint, Referral, ImportBatch):
                session.execute(
                    update(model).where(model.event_id == event_id).values(event_id=None)
                )
            session.execute(delete(Event).where(Event.id == event_id))
        return deleted

    def restore(self, deleted: DeletedEvent) -> None:
        """Undo :meth:`delete`: the same id, attendees and links (to rows that still exist)."""
        with self.db.session() as session:
            event = Event(id=deleted.id, created_at=deleted.created_at)
            _apply(event, deleted.data)
            session.add(event)
            session.flush()
            present = set(
                session.scalars(
                    select(Contact.id).where(Contact.id.in_([row[0] for row in deleted.attendees]))
                )
            )
            for contact_id, batch_id, created_at in deleted.attendees:
                if contact_id in present:
                    session.add(
                        EventContact(
                            event_id=deleted.id,
                            contact_id=contact_id,
                            batch_id=batch_id,
                            created_at=created_at,
                        )
                    )
            links: tuple[tuple[Any, tuple[int, ...]], ...] = (
                (Touchpoint, deleted.touchpoint_ids),
                (Referral, deleted.referral_ids),
                (ImportBatch, deleted.batch_ids),
            )
            for model, ids in links:
                if ids:
                    session.execute(
                        update(model).where(model.id.in_(ids)).values(event_id=deleted.id)
                    )

    def attendees(self, event_id: int) -> builtins.list[int]:
        """The ids of the contacts met at the event, in the order they were recorded."""
        stmt = (
            select(EventContact.contact_id)
            .where(EventContact.event_id == event_id)
            .order_by(EventContact.created_at, EventContact.contact_id)
        )
        with self.db.session() as session:
            return list(session.scalars(stmt))

    def remove_attendees(self, event_id: int, contact_ids: Iterable[int]) -> None:
        ids = list(contact_ids)
        if not ids:
            return
        with self.db.session() as session:
            session.execute(
                delete(EventContact).where(
                    EventContact.event_id == event_id, EventContact.contact_id.in_(ids)
                )
            )

    def organisers(self) -> builtins.list[str]:
        """The event series seen so far (distinct non-empty organisers), for completion."""
        stmt = select(Event.organiser).where(Event.organiser != "").distinct()
        with self.db.session() as session:
            return sorted(session.scalars(stmt), key=str.casefold)

    def resolve(self, name_or_id: str) -> int:
        """The event a user names on the command line: an id, else an exact name (any case).

        ``LookupError`` when nothing matches, or when several events share the name (the
        message lists their ids so the user can pick one).
        """
        text_value = name_or_id.strip()
        with self.db.session() as session:
            if text_value.isdigit():
                found = session.get(Event, int(text_value))
                if found is not None:
                    return found.id
            ids = list(
                session.scalars(
                    select(Event.id)
                    .where(func.lower(Event.name) == text_value.lower())
                    .order_by(Event.id)
                )
            )
        if not ids:
            raise EventNotFound(f"no event named or numbered {name_or_id!r}")
        if len(ids) > 1:
            listed = ", ".join(str(i) for i in ids)
            raise LookupError(f"event {name_or_id!r} is ambiguous: ids {listed}")
        return ids[0]

    def _load(self, session: Session, event_id: int) -> Event:
        event = session.get(Event, event_id)
        if event is None:
            raise EventNotFound(f"no event with id {event_id}")
        return event

    def _summaries(self, *where: Any) -> builtins.list[EventSummary]:
        met = (
            select(func.count())
            .where(EventContact.event_id == Event.id)
            .correlate(Event)
            .scalar_subquery()
        )
        planned = (
            select(func.count())
            .where(Touchpoint.event_id == Event.id)
            .correlate(Event)
            .scalar_subquery()
        )
        done = (
            select(func.count())
            .where(Touchpoint.event_id == Event.id, Touchpoint.status == "done")
            .correlate(Event)
            .scalar_subquery()
        )
        referrals = (
            select(func.count())
            .where(Referral.event_id == Event.id)
            .correlate(Event)
            .scalar_subquery()
        )
        stmt = (
            select(Event, met, planned, done, referrals)
            .where(*where)
            .order_by(Event.date.is_(None), Event.date.desc(), Event.id.desc())
        )
        with self.db.session() as session:
            return [
                EventSummary(
                    id=event.id,
                    **vars_of(_data_of(event)),
                    contacts_met=int(n_met),
                    touchpoints_planned=int(n_planned),
                    touchpoints_done=int(n_done),
                    referrals=int(n_referrals),
                )
                for event, n_met, n_planned, n_done, n_referrals in session.execute(stmt)
            ]


class EventNotFound(LookupError):
    pass


@dataclass(frozen=True)
class EventData:
    """The fields of an event the user edits."""

    name: str
    date: dt.date | None = None
    place: str = ""
    organiser: str = ""
    cost: Decimal = Decimal("0")
    currency: str = "EUR"
    hours: float = 0.0
    notes: str = ""
    tags: str = ""  # comma separated


@dataclass(frozen=True)
class EventSummary:
    """One row of the events list: the event and how much came of it."""

    id: int
    name: str
    date: dt.date | None
    place: str
    organiser: str
    cost: Decimal
    currency: str
    hours: float
    notes: str
    tags: str
    contacts_met: int
    touchpoints_planned: int  # every follow-up linked to the event, whatever its status
    touchpoints_done: int
    referrals: int  # referrals (either direction) whose relationship started here

    def data(self) -> EventData:
        return EventData(
            name=self.name,
            date=self.date,
            place=self.place,
            organiser=self.organiser,
            cost=self.cost,
            currency=self.currency,
            hours=self.hours,
            notes=self.notes,
            tags=self.tags,
        )


@dataclass(frozen=True)
class DeletedEvent:
    """Everything :meth:`EventBook.restore` needs to undo a delete."""

    id: int
    data: EventData
    created_at: dt.datetime
    attendees: tuple[tuple[int, int | None, dt.datetime], ...]
    touchpoint_ids: tuple[int, ...]
    referral_ids: tuple[int, ...]
    batch_ids: tuple[int, ...]


def vars_of(data: EventData) -> dict[str, Any]:
    return {f.name: getattr(data, f.name) for f in fields(data)}


def _checked(data: EventData) -> EventData:
    name = data.name.strip()
    if not name:
        raise ValueError("name: an event needs a name")
    currency = data.currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise ValueError(f"currency: {data.currency!r} is not a three-letter code like EUR")
    if not data.cost.is_finite() or data.cost < 0:
        raise ValueError(f"cost: {data.cost} is not an amount of zero or more")
    if not math.isfinite(data.hours) or data.hours < 0:
        raise ValueError(f"hours: {data.hours} is not a number of hours of zero or more")
    if data.cost >= Decimal("1e10"):
        raise ValueError(f"cost: {data.cost} is too large")
    tags = ", ".join(t.strip() for t in data.tags.split(",") if t.strip())
    return replace(
        data,
        name=name,
        currency=currency,
        cost=data.cost.quantize(Decimal("0.01")),
        place=data.place.strip(),
        organiser=data.organiser.strip(),
        tags=tags,
    )


def _apply(event: Event, data: EventData) -> None:
    for name, value in vars_of(data).items():
        setattr(event, name, value)


def _data_of(event: Event) -> EventData:
    return EventData(
        name=event.name,
        date=event.date,
        place=event.place or "",
        organiser=event.organiser or "",
        cost=Decimal(event.cost if event.cost is not None else 0),
        currency=event.currency or "EUR",
        hours=float(event.hours or 0.0),
        notes=event.notes or "",
        tags=event.tags or "",
    )


def _ids(session: Session, model: Any, event_id: int) -> tuple[int, ...]:
    return tuple(session.scalars(select(model.id).where(model.event_id == event_id)))
