"""Contacts written in bulk (imports) are stored exactly as the ORM stores them."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)
from netdesk.store import bulk
from netdesk.store.bulk import insert_contacts
from netdesk.store.db import Database, open_database


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


def varied(count: int) -> list[ContactData]:
    """Cards with and without each kind of detail the marking triggers watch."""
    cards = []
    for i in range(count):
        data = card(f"Persona {i}")
        if i % 2:
            data.addresses = []
        if i % 3:
            data.urls = []
        if i % 4 == 0:
            data.tags = []
        if i % 5 == 0:
            data.emails, data.phones = [], []
        cards.append(data)
    return cards


def _catalogue(db: Database) -> list[tuple[object, ...]]:
    with sqlite3.connect(db.path) as raw:
        return sorted(raw.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


def _marks_of(db: Database, cards: list[ContactData]) -> list[tuple[int, int]]:
    """contact_stale as the insert leaves it, read before the commit refreshes it away."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM contact_stale")  # the fixture's own, if any
        ids = insert_contacts(conn, cards, "ES")
        rows = conn.exec_driver_sql("SELECT id, what FROM contact_stale ORDER BY id").all()
    first = ids[0]
    return [(int(i) - first, int(w)) for i, w in rows]


def test_bulk_marks_equal_the_triggers_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = varied(40)
    fast = open_database(tmp_path / "fast.sqlite")
    slow = open_database(tmp_path / "slow.sqlite")
    try:
        marks = _marks_of(fast, cards)
        monkeypatch.setattr(bulk, "_MARK_ONLY", re.compile("(?!)"))  # every trigger runs
        assert _marks_of(slow, varied(40)) == marks
        assert len(marks) == 40
        assert {w for _i, w in marks} == {5, 13}  # new, and new with an address or a URL
    finally:
        fast.close()
        slow.close()


def test_the_triggers_are_back_and_mark_again_after_a_bulk_insert(db: Database) -> None:
    before = _catalogue(db)
    with db.engine.begin() as conn:
        insert_contacts(conn, varied(3), "ES")
        # meanwhile, another connection sees the file with its triggers
        assert _catalogue(db) == before
    assert _catalogue(db) == before
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO contact_url(contact_id, position, value, kind)"
            " VALUES (1, 5, 'https://x.example', '')"
        )
        assert conn.exec_driver_sql("SELECT what FROM contact_stale").all() == [(8,)]


def test_a_failed_bulk_insert_leaves_the_triggers_and_the_data(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.engine.begin() as conn:
        insert_contacts(conn, varied(2), "ES")
    before = _catalogue(db)
    real = bulk._insert_rows

    def failing(conn: Connection, table: str, rows: list[dict[str, object]]) -> None:
        if table == "contact_phone":
            raise sqlite3.OperationalError("disk I/O error")
        real(conn, table, rows)

    monkeypatch.setattr(bulk, "_insert_rows", failing)
    with pytest.raises(sqlite3.OperationalError), db.engine.begin() as conn:
        insert_contacts(conn, varied(3), "ES")
    assert _catalogue(db) == before
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM contact").scalar() == 2


def test_outside_a_transaction_no_trigger_is_dropped(db: Database) -> None:
    """A caller without a transaction: a drop would be committed on its own, so the triggers
    run instead; inside one, they are dropped and made again."""
    statements: list[str] = []
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection) and not raw.in_transaction
        raw.set_trace_callback(statements.append)
        data = card("Sin etiquetas")
        data.tags = []  # no tag to create first: nothing has begun a transaction
        (cid,) = insert_contacts(conn, [data], "ES")
        assert conn.exec_driver_sql("SELECT what FROM contact_stale WHERE id = ?", (cid,)).all()
        conn.rollback()
        assert not [s for s in statements if s.startswith("DROP TRIGGER")]
        with conn.begin():
            insert_contacts(conn, [card("Con transacción")], "ES")
        raw.set_trace_callback(None)
    assert len([s for s in statements if s.startswith("DROP TRIGGER")]) == 6
