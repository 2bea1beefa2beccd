"""Contacts written in bulk (imports) are stored exactly as the ORM stores them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)
from netdesk.store.bulk import insert_contacts
from netdesk.store.db import Database


def card(name: str) -> ContactData:
    return ContactData(
        full_name=name,
        organization="Ñandú S.L.",
        note="una\nnota",
        birthday="--03-22",
        emails=[EmailAddress("a@example.org", "work", True), EmailAddress("b@example.org")],
        phones=[PhoneNumber("+34 600 000 001", "cell", True)],
        addresses=[PostalAddress(kind="work", street="Calle 1", city="Madrid", label="x\ny")],
        urls=[WebAddress("https://example.org")],
        tags=["vip", "Ärzte"],
        photo=b"\x89PNG\r\n",
        photo_mime="image/png",
    )


def stored(db: Database, contact_id: int) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row of the contact, ids and times left out."""
    queries = {
        "contact": "SELECT full_name, organization, note, birthday, photo, photo_mime, "
        "primary_email, primary_phone, needs_review, typeof(needs_review), strength "
        "FROM contact WHERE id = :id",
        "email": "SELECT position, value, kind, pref, typeof(pref), match_key "
        "FROM contact_email WHERE contact_id = :id ORDER BY position",
        "phone": "SELECT position, value, kind, pref, match_key, digits "
        "FROM contact_phone WHERE contact_id = :id ORDER BY position",
        "address": "SELECT position, kind, street, city, label "
        "FROM contact_address WHERE contact_id = :id ORDER BY position",
        "url": "SELECT position, value, kind FROM contact_url WHERE contact_id = :id",
        "tags": "SELECT t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
        "WHERE ct.contact_id = :id ORDER BY t.name",
    }
    with db.engine.connect() as conn:
        return {
            k: [tuple(r) for r in conn.execute(text(q), {"id": contact_id})]
            for k, q in queries.items()
        }


def test_bulk_rows_match_the_orms(db: Database) -> None:
    by_orm = ContactBook(db, "ES").create(card("Ana"))
    when = dt.datetime(2026, 12, 5, 9, 30, 0)  # no microseconds: still written with them
    with db.engine.begin() as conn:
        (by_bulk,) = insert_contacts(conn, [card("Ana")], "ES", now=when)
    assert stored(db, by_bulk) == stored(db, by_orm)
    with db.engine.connect() as conn:
        created = conn.execute(
            text("SELECT created_at, updated_at FROM contact WHERE id = :id"), {"id": by_bulk}
        ).one()
        orm_created = conn.execute(
            text("SELECT created_at FROM contact WHERE id = :id"), {"id": by_orm}
        ).scalar_one()
    assert created == ("2026-12-05 09:30:00.000000", "2026-12-05 09:30:00.000000")
    assert len(orm_created) == len(created[0])  # the same text form as the ORM writes
    got = ContactBook(db, "ES").get(by_bulk)
    assert got.tags == ["vip", "Ärzte"] and got.photo == b"\x89PNG\r\n"
    assert [e.pref for e in got.emails] == [True, False]
