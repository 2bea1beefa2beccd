"""Reading contacts in full (export, sync, merge) costs a few queries for the lot, not one per
contact for each deferred column (photo, kept vCard lines)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from netdesk.app.contacts import ContactBook
from netdesk.app.exporting import contacts_data
from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber
from netdesk.store.db import Database
from netdesk.sync.state import CardStore


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def _book(db: Database, count: int) -> list[int]:
    book = ContactBook(db, "ES")
    return [
        book.create(
            ContactData(
                full_name=f"Persona {i}",
                emails=[EmailAddress(f"p{i}@example.org")],
                phones=[PhoneNumber(f"+34 600 000 {i:03d}")],
                tags=["evento"],
                photo=b"\x89PNG\r\n" + bytes([i]),
                photo_mime="image/png",
                extra=[f"X-CUSTOM:{i}", "ANNIVERSARY:20100101"],
            )
        )
        for i in range(count)
    ]


def test_an_export_reads_photos_and_kept_lines_without_a_query_per_contact(db: Database) -> None:
    _book(db, 40)
    with counted(db) as statements:
        exported = list(contacts_data(db))
    by_name = {data.full_name: data for data in exported}
    assert len(by_name) == 40
    assert by_name["Persona 7"].extra == ["X-CUSTOM:7", "ANNIVERSARY:20100101"]
    assert by_name["Persona 7"].photo == b"\x89PNG\r\n" + bytes([7])
    assert len(statements) < 12, statements  # the contacts, five child tables, the commit's


def test_a_sync_reads_the_local_cards_in_a_few_queries(db: Database) -> None:
    ids = _book(db, 40)
    with counted(db) as statements:
        cards = CardStore(db, account_id=1).local_cards()
    assert sorted(cards) == ids
    assert cards[ids[3]].extra == ["X-CUSTOM:3", "ANNIVERSARY:20100101"]
    assert cards[ids[3]].photo == b"\x89PNG\r\n" + bytes([3])
    assert len(statements) < 12, statements
