"""Networking events and who was met at each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from netdesk.store.db import Database
from netdesk.store.models import Event, EventContact


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

    def add_attendees(self, event_id: int, contact_ids: Iterable[int]) -> None:
        rows = [{"event_id": event_id, "contact_id": cid} for cid in contact_ids]
        if not rows:
            return
        with self.db.session() as session:
            session.execute(sqlite_insert(EventContact).on_conflict_do_nothing(), rows)
