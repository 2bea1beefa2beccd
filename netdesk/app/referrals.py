"""The referral ledger: business given to contacts and received from them.

Who is who depends on the direction:

* ``given``: I introduced contact A to contact B, or sent work to A
  (``contact_id`` = A, ``other_contact_id`` = B or None).
* ``received``: contact C sent me client D (``contact_id`` = C, ``other_contact_id`` = D).

So ``contact_id`` is always the person the relationship is with (the one I gave to, or the one
who gave to me); reciprocity is counted on it.
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, aliased

from netdesk.app.touchpoints import FollowUps
from netdesk.domain.referral_words import DIRECTIONS, STATUSES
from netdesk.store.db import Database
from netdesk.store.models import Contact, Event, Referral

MAX_VALUE = Decimal("1e10")


class ReferralNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ReferralData:
    """The fields of a referral the user edits."""

    direction: str
    contact_id: int | None
    other_contact_id: int | None = None
    date: dt.date | None = None
    description: str = ""
    status: str = "open"
    value: Decimal = Decimal("0")
    currency: str = "EUR"
    event_id: int | None = None


@dataclass(frozen=True)
class ReferralRow:
    """One line of the ledger, with the names the user reads."""

    id: int
    direction: str
    contact_id: int | None
    contact: str  # full name, "" when the contact was deleted
    other_contact_id: int | None
    other_contact: str
    date: dt.date | None
    description: str
    status: str
    value: Decimal
    currency: str
    event_id: int | None
    event: str  # event name, "" when none

    def data(self) -> ReferralData:
        return ReferralData(
            direction=self.direction,
            contact_id=self.contact_id,
            other_contact_id=self.other_contact_id,
            date=self.date,
            description=self.description,
            status=self.status,
            value=self.value,
            currency=self.currency,
            event_id=self.event_id,
        )


@dataclass(frozen=True)
class Reciprocity:
    """How many referrals I gave a contact and how many they gave me."""

    contact_id: int
    given: int
    received: int

    @property
    def balance(self) -> int:
        """Positive when I have given more than I received."""
        return self.given - self.received


@dataclass(frozen=True)
class DeletedReferral:
    """What :meth:`ReferralLedger.restore` needs to undo a delete."""

    id: int
    data: ReferralData
    created_at: dt.datetime


class ReferralLedger:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing -----------------------------------------------------------------------------
    def add(self, data: ReferralData) -> int:
        """Record a referral; ``ValueError``/``LookupError`` name the field that is wrong."""
        if data.contact_id is None:
            raise ValueError("contact: a referral needs the contact it was given to or came from")
        with self.db.session() as session:
            data = _checked(session, data)
            row = Referral()
            _apply(row, data)
            session.add(row)
            session.flush()
            return row.id

    def update(self, referral_id: int, data: ReferralData) -> ReferralData:
        """Save new fields and return the previous ones (undo is ``update(id, previous)``)."""
        with self.db.session() as session:
            row = self._load(session, referral_id)
            data = _checked(session, data)
            previous = _data_of(row)
            _apply(row, data)
            return previous

    def delete(self, referral_id: int) -> DeletedReferral:
        with self.db.session() as session:
            row = self._load(session, referral_id)
            deleted = DeletedReferral(id=row.id, data=_data_of(row), created_at=row.created_at)
            session.execute(delete(Referral).where(Referral.id == referral_id))
        return deleted

    def restore(self, deleted: DeletedReferral) -> None:
        """Undo :meth:`delete` with the same id; links to since-deleted rows are dropped."""
        with self.db.session() as session:
            data = deleted.data
            if data.contact_id is not None and session.get(Contact, data.contact_id) is None:
                data = replace(data, contact_id=None)
            if data.other_contact_id is not None and (
                session.get(Contact, data.other_contact_id) is None
            ):
                data = replace(data, other_contact_id=None)
            if data.event_id is not None and session.get(Event, data.event_id) is None:
                data = replace(data, event_id=None)
            row = Referral(id=deleted.id, created_at=deleted.created_at)
            _apply(row, data)
            session.add(row)

    def mark_won(
        self, referral_id: int, value: Decimal, currency: str | None = None
    ) -> ReferralData:
        """Close the referral as won with the business's value (currency kept unless given).

        Returns the previous fields for undo.
        """
        with self.db.session() as session:
            row = self._load(session, referral_id)
            previous = _data_of(row)
            data = replace(
                previous, status="won", value=value, currency=currency or previous.currency
            )
            _apply(row, _checked(session, data))
            return previous

    def schedule_thank_you(self, referral_id: int, due: dt.date, note: str | None = None) -> int:
        """Plan a thank-you (intent "give") to the referrer for business they sent; the
        touchpoint id. ``LookupError`` when the referral has no contact any more."""
        row = self.get(referral_id)
        if row.contact_id is None:
            raise LookupError("contact: this referral's contact was deleted")
        if note is None:
            client = f" {row.other_contact}" if row.other_contact else ""
            note = f"Thank you for referring{client}"
            if row.description:
                note += f": {row.description}"
        return FollowUps(self.db).add(
            row.contact_id, "thank_you", due=due, intent="give", note=note, event_id=row.event_id
        )

    # -- reading -----------------------------------------------------------------------------
    def get(self, referral_id: int) -> ReferralRow:
        found = self._rows(Referral.id == referral_id)
        if not found:
            raise ReferralNotFound(f"no referral with id {referral_id}")
        return found[0]

    def list(
        self,
        contact_id: int | None = None,
        direction: str | None = None,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        status: str | None = None,
    ) -> builtins.list[ReferralRow]:
        """Referrals newest first (undated last).

        ``contact_id`` matches either side (the referrer/receiver or the introduced party), so a
        contact's view shows every referral they take part in; ``start``/``end`` keep dated
        referrals within the range, both ends included.
        """
        where: builtins.list[Any] = []
        if contact_id is not None:
            where.append(
                or_(Referral.contact_id == contact_id, Referral.other_contact_id == contact_id)
            )
        if direction is not None:
            if direction not in DIRECTIONS:
                raise ValueError(f"direction: must be one of {', '.join(DIRECTIONS)}")
            where.append(Referral.direction == direction)
        if status is not None:
            if status not in STATUSES:
                raise ValueError(f"status: must be one of {', '.join(STATUSES)}")
            where.append(Referral.status == status)
        if start is not None:
            where.append(Referral.date >= start)
        if end is not None:
            where.append(Referral.date <= end)
        return self._rows(*where)

    def where_met(self, contact_id: int) -> int | None:
        """The event the relationship began at: the first (by date) the contact was met at.
        A new referral is credited to it unless the user picks another."""
        from netdesk.store.models import EventContact

        with self.db.session() as session:
            return session.scalar(
                select(Event.id)
                .join(EventContact, EventContact.event_id == Event.id)
                .where(EventContact.contact_id == contact_id)
                .order_by(Event.date.is_(None), Event.date, Event.id)
                .limit(1)
            )

    def reciprocity(self, contact_id: int) -> Reciprocity:
        """Given to versus received from one contact, counted on ``contact_id`` only: being the
        introduced party (B, or the client D) is not a referral from or to that person."""
        stmt = (
            select(Referral.direction, func.count())
            .where(Referral.contact_id == contact_id)
            .group_by(Referral.direction)
        )
        with self.db.session() as session:
            counts = {d: int(n) for d, n in session.execute(stmt)}
        return Reciprocity(contact_id, counts.get("given", 0), counts.get("received", 0))

    def as_records(
        self,
        contact_id: int | None = None,
        direction: str | None = None,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        status: str | None = None,
    ) -> builtins.list[dict[str, Any]]:
        """The JSON form (``netdesk referrals --json``): money as a decimal string."""
        return [
            {
                "id": r.id,
                "direction": r.direction,
                "contact_id": r.contact_id,
                "contact": r.contact,
                "other_contact_id": r.other_contact_id,
                "other_contact": r.other_contact,
                "date": r.date.isoformat() if r.date else None,
                "description": r.description,
                "status": r.status,
                "value": f"{r.value:.2f}",
                "currency": r.currency,
                "event_id": r.event_id,
                "event": r.event,
            }
            for r in self.list(contact_id, direction, start=start, end=end, status=status)
        ]

    def _load(self, session: Session, referral_id: int) -> Referral:
        row = session.get(Referral, referral_id)
        if row is None:
            raise ReferralNotFound(f"no referral with id {referral_id}")
        return row

    def _rows(self, *where: Any) -> builtins.list[ReferralRow]:
        first = aliased(Contact)
        other = aliased(Contact)
        stmt = (
            select(Referral, first.full_name, other.full_name, Event.name)
            .outerjoin(first, first.id == Referral.contact_id)
            .outerjoin(other, other.id == Referral.other_contact_id)
            .outerjoin(Event, Event.id == Referral.event_id)
            .where(*where)
            .order_by(Referral.date.is_(None), Referral.date.desc(), Referral.id.desc())
        )
        with self.db.session() as session:
            return [
                ReferralRow(
                    id=row.id,
                    contact=contact or "",
                    other_contact=other_name or "",
                    event=event or "",
                    **_fields(_data_of(row)),
                )
                for row, contact, other_name, event in session.execute(stmt)
            ]


def _fields(data: ReferralData) -> dict[str, Any]:
    return {f.name: getattr(data, f.name) for f in fields(data)}


def _checked(session: Session, data: ReferralData) -> ReferralData:
    if data.direction not in DIRECTIONS:
        raise ValueError(
            f"direction: must be one of {', '.join(DIRECTIONS)}, not {data.direction!r}"
        )
    if data.status not in STATUSES:
        raise ValueError(f"status: must be one of {', '.join(STATUSES)}, not {data.status!r}")
    currency = data.currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise ValueError(f"currency: {data.currency!r} is not a three-letter code like EUR")
    if not data.value.is_finite() or data.value < 0:
        raise ValueError(f"value: {data.value} is not an amount of zero or more")
    if data.value >= MAX_VALUE:
        raise ValueError(f"value: {data.value} is too large")
    for name in ("contact_id", "other_contact_id"):
        contact_id = getattr(data, name)
        if contact_id is not None and session.get(Contact, contact_id) is None:
            raise LookupError(f"{name.removesuffix('_id')}: no contact with id {contact_id}")
    if data.contact_id is not None and data.contact_id == data.other_contact_id:
        raise ValueError("to: a contact cannot be referred to themselves")
    if data.event_id is not None and session.get(Event, data.event_id) is None:
        raise LookupError(f"event: no event with id {data.event_id}")
    return replace(
        data,
        currency=currency,
        value=data.value.quantize(Decimal("0.01")),
        description=data.description.strip(),
    )


def _apply(row: Referral, data: ReferralData) -> None:
    for name, value in _fields(data).items():
        setattr(row, name, value)


def _data_of(row: Referral) -> ReferralData:
    return ReferralData(
        direction=row.direction,
        contact_id=row.contact_id,
        other_contact_id=row.other_contact_id,
        date=row.date,
        description=row.description or "",
        status=row.status,
        value=Decimal(row.value if row.value is not None else 0),
        currency=row.currency or "EUR",
        event_id=row.event_id,
    )
