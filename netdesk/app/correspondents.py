"""People the user exchanges personal mail with who are not contacts: suggestions to add.

A scan counts them (netdesk.app.interactions); nobody is ever added without the user saying
so. Adding one creates the contact with the name from the headers; dismissing hides them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database
from netdesk.store.mail_models import Correspondent
from netdesk.store.models import ContactEmail


@dataclass(frozen=True)
class Suggestion:
    address: str
    name: str
    sent: int
    received: int
    last_date: dt.date | None

    @property
    def total(self) -> int:
        return self.sent + self.received

    def as_json(self) -> dict[str, object]:
        return {
            "address": self.address,
            "name": self.name,
            "sent": self.sent,
            "received": self.received,
            "last_date": self.last_date.isoformat() if self.last_date else None,
        }


def suggestions(db: Database, minimum: int = 2, limit: int = 200) -> list[Suggestion]:
    """Frequent correspondents who are not contacts (and not dismissed), most written first;
    someone the user has written to counts before someone who only writes."""
    c = Correspondent
    known = select(ContactEmail.match_key)
    stmt = (
        select(c.address, c.name, c.sent, c.received, c.last_date)
        .where(~c.dismissed, c.sent + c.received >= minimum, c.address.not_in(known))
        .order_by((c.sent > 0).desc(), (c.sent + c.received).desc(), c.address)
        .limit(limit)
    )
    with db.session() as session:
        return [Suggestion(*row) for row in session.execute(stmt)]


def dismiss(db: Database, addresses: list[str], dismissed: bool = True) -> None:
    with db.session() as session:
        session.execute(
            update(Correspondent)
            .where(Correspondent.address.in_(addresses))
            .values(dismissed=dismissed)
        )


def as_contact(suggestion: Suggestion) -> ContactData:
    """The contact to create, named as the headers name them (else after the address)."""
    name = suggestion.name or suggestion.address.partition("@")[0]
    return ContactData(full_name=name, emails=[EmailAddress(suggestion.address)])


def add_as_contact(db: Database, suggestion: Suggestion) -> int:
    return ContactBook(db).create(as_contact(suggestion))
