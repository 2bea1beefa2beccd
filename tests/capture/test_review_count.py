"""The status bar counts cards waiting for review every half minute and on every change: both
queries must be answered from the partial index, whatever the number of contacts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text

from netdesk.app import card_review
from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database


def _statements(db: Database, run: Any) -> tuple[Any, list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        result = run()
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    return result, [(s, p) for s, p in seen if "needs_review" in s]


def test_waiting_cards_are_counted_and_listed_from_the_partial_index(db: Database) -> None:
    book = ContactBook(db)
    ids = [book.create(ContactData(full_name=f"Persona {i}")) for i in range(30)]
    for contact_id in (ids[25], ids[3], ids[17]):
        card_review.set_waiting(db, contact_id, True)
    card_review.set_waiting(db, ids[17], False)  # reviewed: no longer waits

    count, counted = _statements(db, lambda: card_review.waiting_count(db))
    listed, listing = _statements(db, lambda: card_review.waiting(db))

    assert count == 2
    assert listed == [ids[3], ids[25]]  # oldest first
    assert counted and listing
    with db.engine.connect() as conn:
        for statement, params in counted + listing:
            plan = str(conn.execute(text("EXPLAIN QUERY PLAN " + statement), params or {}).all())
            assert "ix_contact_needs_review" in plan, (statement, plan)
            assert "SCAN contact)" not in plan and "'SCAN contact'" not in plan, plan
