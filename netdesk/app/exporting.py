"""Exporting contacts back out as vCard 3.0/4.0 or CSV."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from netdesk.app.contacts import search_filter
from netdesk.domain.contact_data import ContactData
from netdesk.store.contact_rows import to_data
from netdesk.store.db import Database
from netdesk.store.models import Contact


def contacts_data(
    db: Database, query: str = "", ids: Sequence[int] | None = None
) -> Iterator[ContactData]:
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
    if ids is not None:
        stmt = stmt.where(Contact.id.in_(list(ids)))
    with db.session() as session:
        for contact in session.scalars(stmt):
            yield to_data(contact)


def export_text(db: Database, fmt: str, query: str = "", ids: Sequence[int] | None = None) -> str:
    contacts = list(contacts_data(db, query, ids))
    if fmt == "csv":
        from netdesk.interop.csv_writer import write_csv

        return write_csv(contacts)
    from netdesk.interop.vcard_writer import write_vcards

    return write_vcards(contacts, "4.0" if fmt == "vcard4" else "3.0")
