"""The contact book: add, edit, delete (with undo), search and list contacts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session, selectinload

from netdesk.app import strength
from netdesk.domain.contact_data import ContactData
from netdesk.domain.match_keys import default_region
from netdesk.domain.validation import contact_problems
from netdesk.store import fts, snapshots
from netdesk.store.contact_rows import apply_data, to_data
from netdesk.store.db import Database
from netdesk.store.first_page import STRENGTH, UNSCORED_DOWN, UNSCORED_UP, order_parts
from netdesk.store.models import Contact, Event, EventContact
from netdesk.store.snapshots import ContactSnapshot


class ValidationError(ValueError):
    """The contact cannot be saved; ``problems`` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


class ContactNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ContactSummary:
    """One row of the contacts list."""

    id: int
    full_name: str
    organization: str
    title: str
    email: str
    phone: str
    last_touch: dt.date | None
    next_follow_up: dt.date | None
    strength: int | None = None


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


# Above this many matches a search reads the name index in order rather than sorting matches.
BROAD_MATCH = 2000


def search_filter(query: str) -> Any | None:
    """A WHERE clause restricting contacts to an FTS5 match, or None for "everything"."""
    expression = fts.match_expression(query)
    if expression is None:
        return None
    return Contact.id.in_(
        select(text("rowid"))
        .select_from(text("contact_fts"))
        .where(text("contact_fts MATCH :q").bindparams(q=expression))
    )


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
        """A page of the contacts list; ``sort_column`` indexes :data:`SUMMARY_COLUMNS`.

        ``after`` is the last row of the previous page: the next page starts right after it
        (keyset paging), so page 400 costs what page 1 does, where OFFSET would sort past
        every earlier row again.
        """
        # The hottest query of the window (every keystroke, every page), written as SQL so the
        # name index can be named: with many matches SQLite then reads the index in order and
        # stops after one page instead of sorting tens of thousands of rows (4 ms vs 16 ms at
        # 100,000 contacts).
        key, params = _page_order(sort_column, descending, after)
        columns = ", ".join(c.key for c in SUMMARY_COLUMNS)
        source = "contact"
        conditions = [key.after] if after is not None else []
        params.update({"limit": -1 if limit is None else limit, "offset": offset})
        expression = fts.match_expression(query)
        with self.db.engine.connect() as conn:
            # A read: straight from the driver's cursor, no session to commit (SQLAlchemy's
            # result rows cost about a third of a keystroke's search at 100,000 contacts).
            raw = conn.connection.driver_connection
            assert raw is not None
            if expression is not None:
                conditions.append(
                    "id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH :q)"
                )
                params["q"] = expression
                if sort_column == 1 and self._is_broad(raw, expression):
                    source = "contact INDEXED BY ix_contact_name_nocase"
            where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
            sql = (
                f"SELECT {columns} FROM {source} {where} "
                f"ORDER BY {key.order} LIMIT :limit OFFSET :offset"
            )
            rows = raw.execute(sql, params).fetchall()
        dates: dict[Any, dt.date | None] = {None: None}
        result = []
        for r in rows:
            last, upcoming = r[6], r[7]
            if last not in dates:
                dates[last] = _as_date(last)
            if upcoming not in dates:
                dates[upcoming] = _as_date(upcoming)
            result.append(
                ContactSummary(
                    r[0], r[1], r[2], r[3], r[4], r[5], dates[last], dates[upcoming], r[8]
                )
            )
        return result

    @staticmethod
    def _is_broad(raw: Any, expression: str) -> bool:
        probe = (
            "SELECT count(*) FROM (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ? LIMIT ?)"
        )
        return int(raw.execute(probe, (expression, BROAD_MATCH)).fetchone()[0]) >= BROAD_MATCH

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
        stmt = (
            select(Contact)
            .options(
                selectinload(Contact.emails),
                selectinload(Contact.phones),
                selectinload(Contact.addresses),
                selectinload(Contact.urls),
                selectinload(Contact.tags),
            )
            .order_by(Contact.full_name.collate("NOCASE"), Contact.id)
        )
        where = search_filter(query)
        if where is not None:
            stmt = stmt.where(where)
        with self.db.session() as session:
            contacts = list(session.scalars(stmt))
            met = _events_by_contact(session, [c.id for c in contacts])
            # Computed now, not read from the stored column: strength fades day by day.
            ids = [c.id for c in contacts] if where is not None else None
            scores = strength.compute(session.connection(), dt.date.today(), ids)
            records = [_record(c, met.get(c.id, [])) for c in contacts]
        for record in records:
            found = scores.get(record["id"])
            record["strength"] = found.score if found else 0
        return records

    @staticmethod
    def _load(session: Session, contact_id: int) -> Contact:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise ContactNotFound(f"no contact with id {contact_id}")
        return contact


@dataclass(frozen=True)
class _PageKey:
    order: str  # ORDER BY clause
    after: str  # the condition for rows after the cursor


def _page_order(
    sort_column: int, descending: bool, after: ContactSummary | None
) -> tuple[_PageKey, dict[str, Any]]:
    """The list's order as a row value, so "after this row" is one comparison.

    Empty values sort last both ways; names (never empty) keep the shape of the name index.
    """
    parts = order_parts(sort_column, descending)
    unscored = UNSCORED_DOWN if descending else UNSCORED_UP
    direction = " DESC" if descending else ""
    order = ", ".join(p + direction for p in parts)
    names = [f":after{i}" for i in range(len(parts))]
    condition = f"({', '.join(parts)}) {'<' if descending else '>'} ({', '.join(names)})"
    params: dict[str, Any] = {}
    if after is not None:
        value = _SUMMARY_VALUES[sort_column](after)
        if isinstance(value, dt.date):
            value = value.isoformat()
        values: list[Any] = [value, after.id]
        if sort_column == STRENGTH:
            values = [unscored if value is None else value, after.id]
        elif sort_column != 1:
            values = [
                int((value is not None) if descending else (value is None)),
                "" if value is None else value,
                after.id,
            ]
        params = {n.removeprefix(":"): v for n, v in zip(names, values, strict=True)}
    return _PageKey(order, condition), params


_SUMMARY_VALUES = (
    lambda s: s.id,
    lambda s: s.full_name,
    lambda s: s.organization,
    lambda s: s.title,
    lambda s: s.email,
    lambda s: s.phone,
    lambda s: s.last_touch,
    lambda s: s.next_follow_up,
    lambda s: s.strength,
)


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _events_by_contact(session: Session, ids: list[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(EventContact.contact_id, Event.name)
            .join(Event, Event.id == EventContact.event_id)
            .where(EventContact.contact_id.in_(chunk))
            .order_by(Event.date, Event.id)
        )
        for cid, name in rows:
            result.setdefault(cid, []).append(name)
    return result


def _record(contact: Contact, events: list[str]) -> dict[str, Any]:
    data = to_data(contact, heavy=False)  # neither photo nor kept lines are in the record
    return {
        "id": contact.id,
        "full_name": contact.full_name,
        "given_name": data.given_name,
        "family_name": data.family_name,
        "nickname": data.nickname,
        "organization": data.organization,
        "department": data.department,
        "title": data.title,
        "role": data.role,
        "emails": [e.value for e in data.emails],
        "phones": [p.value for p in data.phones],
        "addresses": [
            {
                "kind": a.kind,
                "po_box": a.po_box,
                "extended": a.extended,
                "street": a.street,
                "city": a.city,
                "region": a.region,
                "postal_code": a.postal_code,
                "country": a.country,
            }
            for a in data.addresses
        ],
        "urls": [u.value for u in data.urls],
        "note": data.note,
        "birthday": data.birthday,
        "tags": data.tags,
        "has_photo": contact.photo_mime is not None,
        "needs_review": bool(contact.needs_review),
        "events": events,
        "tier": contact.tier,
        "cadence_days": contact.cadence_days,
        "last_touch": contact.last_touch.isoformat() if contact.last_touch else None,
        "next_follow_up": contact.next_follow_up.isoformat() if contact.next_follow_up else None,
        "created_at": contact.created_at.isoformat(timespec="seconds") + "Z",
        "updated_at": contact.updated_at.isoformat(timespec="seconds") + "Z",
    }


__all__ = [
    "BROAD_MATCH",
    "SUMMARY_COLUMNS",
    "ContactBook",
    "ContactNotFound",
    "ContactSnapshot",
    "ContactSummary",
    "ValidationError",
    "search_filter",
]
