"""The contact book: add, edit, delete (with undo), search and list contacts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import column, delete, func, select, text
from sqlalchemy.orm import Session

from netdesk.app.contact_pages import ContactSummary, summaries
from netdesk.app.contact_records import contact_records
from netdesk.domain.contact_data import ContactData
from netdesk.domain.match_keys import default_region
from netdesk.domain.validation import contact_problems
from netdesk.store import fts, snapshots
from netdesk.store.contact_rows import apply_data, to_data
from netdesk.store.db import Database
from netdesk.store.models import Contact, Event, EventContact
from netdesk.store.snapshots import ContactSnapshot


class ValidationError(ValueError):
    """The contact cannot be saved; ``problems`` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


class ContactNotFound(LookupError):
    pass


SUMMARY_COLUMNS = (
    Contact.id,
    Contact.full_name,
    Contact.organization,
    Contact.title,
    Contact.primary_email,
    Contact.primary_phone,
    Contact.last_touch,
    Contact.next_follow_up,
    Contact.strength,
)


def search_filter(query: str) -> Any | None:
    """A WHERE clause restricting contacts to an FTS5 match, or None for "everything"."""
    expression = fts.match_expression(query)
    if expression is None:
        return None
    ids = text(fts.MATCHING_IDS).bindparams(q=expression).columns(column("contact_id"))
    return Contact.id.in_(ids)


class ContactBook:
    def __init__(self, db: Database, region: str | None = None) -> None:
        self.db = db
        self.region = region or default_region()

    # -- writing -----------------------------------------------------------------------------
    def create(self, data: ContactData) -> int:
        problems = contact_problems(data)
        if problems:
            raise ValidationError(problems)
        with self.db.session() as session:
            contact = Contact()
            session.add(contact)
            apply_data(session, contact, data, self.region)
            session.flush()
            return contact.id

    def update(self, contact_id: int, data: ContactData) -> None:
        problems = contact_problems(data)
        if problems:
            raise ValidationError(problems)
        with self.db.session() as session:
            contact = self._load(session, contact_id)
            apply_data(session, contact, data, self.region)
            session.flush()

    def delete(self, contact_ids: Sequence[int]) -> ContactSnapshot:
        """Delete contacts and return what is needed to bring them back exactly."""
        ids = list(contact_ids)
        with self.db.session() as session:
            conn = session.connection()
            snap = snapshots.take(conn, ids)
            session.execute(delete(Contact).where(Contact.id.in_(ids)))
        return snap

    def restore(self, snap: ContactSnapshot) -> None:
        with self.db.session() as session:
            snapshots.restore(session.connection(), snap)

    # -- reading -----------------------------------------------------------------------------
    def get(self, contact_id: int) -> ContactData:
        with self.db.session() as session:
            return to_data(self._load(session, contact_id))

    def count(self, query: str = "") -> int:
        stmt = select(func.count()).select_from(Contact)
        where = search_filter(query)
        if where is not None:
            stmt = stmt.where(where)
        with self.db.session() as session:
            return int(session.scalar(stmt) or 0)

    def summaries(
        self,
        query: str = "",
        *,
        offset: int = 0,
        limit: int | None = None,
        sort_column: int = 1,
        descending: bool = False,
        after: ContactSummary | None = None,
    ) -> list[ContactSummary]:
        """A page of the contacts list (netdesk.app.contact_pages.summaries)."""
        return summaries(
            self.db,
            query,
            offset=offset,
            limit=limit,
            sort_column=sort_column,
            descending=descending,
            after=after,
        )

    def events_met(self, contact_id: int) -> list[str]:
        stmt = (
            select(Event.name)
            .join(EventContact, EventContact.event_id == Event.id)
            .where(EventContact.contact_id == contact_id)
            .order_by(Event.date)
        )
        with self.db.session() as session:
            return list(session.scalars(stmt))

    def as_records(self, query: str = "") -> list[dict[str, Any]]:
        """Every matching contact as a plain dict (the command line's JSON form)."""
        return contact_records(self.db, query)

    @staticmethod
    def _load(session: Session, contact_id: int) -> Contact:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise ContactNotFound(f"no contact with id {contact_id}")
        return contact


__all__ = [
    "SUMMARY_COLUMNS",
    "ContactBook",
    "ContactNotFound",
    "ContactSnapshot",
    "ContactSummary",
    "ValidationError",
    "search_filter",
]
