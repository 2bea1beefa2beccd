"""What the window's detail pane shows of one contact, read in one go (off the GUI thread):
the details, the timeline (follow-ups, events, mails and meetings), the card photo, the selling
warning, referral reciprocity, relationship strength with its parts, and the cadence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from netdesk.app import strength
from netdesk.app.balance import selling_warning
from netdesk.app.cadence import Cadence, KeepInTouch
from netdesk.app.card_review import card_image
from netdesk.app.contacts import ContactBook
from netdesk.app.referrals import ReferralLedger
from netdesk.app.strength_scores import Strength
from netdesk.app.touchpoints import FollowUps, TimelineEntry
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database


@dataclass(frozen=True)
class ContactView:
    contact_id: int
    data: ContactData
    timeline: list[TimelineEntry]
    card: tuple[bytes, str] | None
    selling: bool
    given: int
    received: int
    strength: Strength
    cadence: Cadence


def gather(db: Database, contact_id: int, today: dt.date) -> ContactView | None:
    """Everything the pane shows; None when the contact is gone (deleted meanwhile)."""
    try:
        data = ContactBook(db).get(contact_id)
    except LookupError:
        return None
    reciprocity = ReferralLedger(db).reciprocity(contact_id)
    return ContactView(
        contact_id=contact_id,
        data=data,
        timeline=FollowUps(db).timeline(contact_id),
        card=card_image(db, contact_id),
        selling=selling_warning(db, contact_id),
        given=reciprocity.given,
        received=reciprocity.received,
        strength=strength.of_contact(db, contact_id, today),
        cadence=KeepInTouch(db).cadence_of(contact_id),
    )


__all__ = ["ContactView", "gather"]
