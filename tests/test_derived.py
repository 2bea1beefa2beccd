"""#16: the search index, the list's dates and the reconnect date are kept by one mechanism —
triggers note what changed, every commit refreshes it (netdesk.store.derived) — whoever writes."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from netdesk.app.contacts import ContactBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database

PACKAGE = Path(__file__).resolve().parents[1] / "netdesk"
DAY = dt.date(2026, 11, 2)


def found(db: Database, query: str) -> list[str]:
    return [s.full_name for s in ContactBook(db).summaries(query)]


def row(db: Database, contact_id: int) -> tuple[object, ...]:
    with db.engine.connect() as conn:
        return tuple(
            conn.execute(
                text(
                    "SELECT last_touch, next_follow_up, reconnect_due FROM contact WHERE id = :id"
                ),
                {"id": contact_id},
            ).one()
        )


def stale_left(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM contact_stale")).scalar_one())


def test_the_service_s_writes_are_searchable_after_commit(db: Database) -> None:
    book = ContactBook(db)
    cid = book.create(ContactData(full_name="Ana Ruiz", organization="Acme", tags=["golf"]))
    assert found(db, "acme") == found(db, "golf") == ["Ana Ruiz"]
    data = book.get(cid)
    data.organization = "Globex"
    data.emails = [EmailAddress("ana@zeta.example")]
    book.update(cid, data)
    assert found(db, "acme") == []
    assert found(db, "globex") == found(db, "zeta") == ["Ana Ruiz"]
    book.delete([cid])
    assert found(db, "globex") == []
    assert stale_left(db) == 0


def test_plain_sql_from_any_code_is_refreshed_at_commit(db: Database) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Bruno Díaz", tags=["sailing"]))
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO contact_email(contact_id, position, value, kind, pref, match_key) "
                "VALUES (:c, 0, 'bruno@puerto.example', '', 0, 'bruno@puerto.example')"
            ),
            {"c": cid},
        )
        conn.execute(text("UPDATE tag SET name = 'regatas' WHERE name = 'sailing'"))
    assert found(db, "puerto") == found(db, "regatas") == ["Bruno Díaz"]
    assert found(db, "sailing") == []

    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO touchpoint(contact_id, kind, intent, status, due_date, done_date, "
                "channel, note, created_at) VALUES "
                "(:c, 'thank_you', 'give', 'done', :d, :d, '', '', '2026-01-01'), "
                "(:c, 'meeting', 'connect', 'planned', :n, NULL, '', '', '2026-01-01')"
            ),
            {"c": cid, "d": DAY.isoformat(), "n": (DAY + dt.timedelta(days=7)).isoformat()},
        )
        conn.execute(text("UPDATE contact SET tier = 'A' WHERE id = :c"), {"c": cid})
    last, upcoming, reconnect = row(db, cid)
    assert last == DAY.isoformat()
    assert upcoming == (DAY + dt.timedelta(days=7)).isoformat()
    assert reconnect == (DAY + dt.timedelta(days=30)).isoformat()  # tier A: 30 days

    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO interaction(contact_id, date, channel, direction, subject, source, "
                "key, created_at) VALUES (:c, :d, 'mail', 'sent', 'hola', 'imap', 'k1', "
                "'2026-01-01')"
            ),
            {"c": cid, "d": (DAY + dt.timedelta(days=3)).isoformat()},
        )
    assert row(db, cid)[0] == (DAY + dt.timedelta(days=3)).isoformat()
    assert row(db, cid)[2] == (DAY + dt.timedelta(days=33)).isoformat()
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM touchpoint WHERE contact_id = :c"), {"c": cid})
        conn.execute(text("DELETE FROM interaction WHERE contact_id = :c"), {"c": cid})
    last, upcoming, _ = row(db, cid)
    assert (last, upcoming) == (None, None)
    assert stale_left(db) == 0


def test_follow_ups_move_the_dates_without_any_call_of_their_own(db: Database) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Carla"))
    follow_ups = FollowUps(db)
    first = follow_ups.add(cid, "thank_you", due=DAY)
    follow_ups.add(cid, "meeting", due=DAY + dt.timedelta(days=5), intent="connect")
    assert row(db, cid)[:2] == (None, DAY.isoformat())
    follow_ups.mark_done(first, on=DAY + dt.timedelta(days=1))
    assert row(db, cid)[:2] == (
        (DAY + dt.timedelta(days=1)).isoformat(),
        (DAY + dt.timedelta(days=5)).isoformat(),
    )


def test_a_rolled_back_write_leaves_nothing_stale_and_nothing_changed(db: Database) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Dora", organization="Acme"))
    with pytest.raises(RuntimeError), db.engine.begin() as conn:
        conn.execute(text("UPDATE contact SET organization = 'Initech' WHERE id = :c"), {"c": cid})
        raise RuntimeError("the user cancelled")
    assert found(db, "initech") == [] and found(db, "acme") == ["Dora"]
    assert stale_left(db) == 0


def test_nothing_refreshes_derived_data_by_hand() -> None:
    """One mechanism: the search index and the dates are written only by netdesk.store.derived
    (and fts.rebuild, which the migrations use)."""
    writers = {"reindex", "recompute", "refresh_contact_dates"}
    allowed = {PACKAGE / "store" / "derived.py", PACKAGE / "store" / "fts.py"}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path in allowed or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name in writers:
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {name}")
    assert offenders == []
