"""Cards read from photos by OCR wait "to review" until the user confirms or rejects them.

The window's review dialog and any script share these: which contacts wait, what the card
looked like and which fields OCR was unsure of, and confirming (with the user's corrections) or
rejecting (deleting, undoably) each one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, text, update

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.store.models import CardImage, Contact
from netdesk.store.snapshots import ContactSnapshot

# Exactly the partial index's own WHERE (ix_contact_needs_review ... WHERE needs_review): SQLite
# uses that index only for this very term. ``needs_review IS 1``, which ``is_(True)`` renders,
# scanned all 100,000 contacts: 19 ms on the GUI thread every half minute against 0.05 ms.
WAITING = text("contact.needs_review")


@dataclass
class CardToReview:
    contact_id: int
    contact: ContactData
    image: bytes | None  # the straightened card as JPEG (None when it was not kept)
    file: str  # the photo's file name
    unsure: list[str] = field(default_factory=list)  # fields OCR was unsure of
    text: str = ""  # every line OCR read


def waiting(db: Database) -> list[int]:
    """The contacts waiting for review, oldest first."""
    with db.session() as session:  # sorted here: an ORDER BY id makes SQLite scan the table
        return sorted(int(i) for i in session.scalars(select(Contact.id).where(WAITING)))


def waiting_count(db: Database) -> int:
    """How many wait (the status bar asks on every change: a count on a partial index)."""
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Contact).where(WAITING)) or 0)


def _newest_card(db: Database, contact_id: int, *columns: Any) -> tuple[Any, ...] | None:
    """Those columns of the newest card image kept with a contact."""
    with db.session() as session:
        row = session.execute(
            select(*columns)
            .where(CardImage.contact_id == contact_id)
            .order_by(CardImage.id.desc())
            .limit(1)
        ).first()
    return None if row is None else tuple(row)


def card_image(db: Database, contact_id: int) -> tuple[bytes, str] | None:
    """The newest card image kept with a contact and its file name, or None."""
    row = _newest_card(db, contact_id, CardImage.image, CardImage.file)
    return None if row is None else (bytes(row[0]), str(row[1]))


def load(db: Database, contact_id: int) -> CardToReview:
    contact = ContactBook(db).get(contact_id)
    row = _newest_card(
        db, contact_id, CardImage.image, CardImage.file, CardImage.unsure, CardImage.text
    )
    if row is None:
        return CardToReview(contact_id, contact, None, "")
    try:
        unsure = [str(f) for f in json.loads(row[2] or "[]")]
    except (ValueError, TypeError):
        unsure = []
    return CardToReview(contact_id, contact, bytes(row[0]), str(row[1]), unsure, str(row[3]))


def confirm(db: Database, contact_id: int, data: ContactData, region: str | None = None) -> None:
    """Save the user's corrected fields and take the contact off the review list.

    Raises ValidationError (nothing changed) when a field is not valid."""
    ContactBook(db, region).update(contact_id, data)
    set_waiting(db, contact_id, False)


def set_waiting(db: Database, contact_id: int, value: bool) -> None:
    with db.session() as session:
        session.execute(update(Contact).where(Contact.id == contact_id).values(needs_review=value))


def reject(db: Database, contact_id: int) -> ContactSnapshot:
    """Delete the contact the card became; the snapshot brings it back (with its card image)."""
    return ContactBook(db).delete([contact_id])


__all__ = [
    "CardToReview",
    "card_image",
    "confirm",
    "load",
    "reject",
    "set_waiting",
    "waiting",
    "waiting_count",
]
