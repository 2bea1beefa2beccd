"""#19: each contact's ``contacts --json`` record is stored ready-made (netdesk.store.records)
and must always equal the record built from the rows, whoever wrote them; the reader adds
strength as of today and sorts as the list does."""

from __future__ import annotations

import ast
import datetime as dt
import json
import random
import re
import sqlite3
from pathlib import Path

from sqlalchemy import text

from netdesk.app import due_list, strength, strength_scores
from netdesk.app.contact_records import contact_records, record_lines
from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook, EventData
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress, PostalAddress, WebAddress
from netdesk.store import records
from netdesk.store.db import Database
from netdesk.store.read_only import open_current

TODAY = dt.date.today()
MIGRATION = (
    Path(__file__).resolve().parents[1]
    / "netdesk/store/migrations/versions/0011_contact_records.py"
)


def stale_records(db: Database) -> list[int]:
    """Contacts whose stored record differs from one built now from their rows (or is missing,
    or belongs to no contact)."""
    with db.engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT contact_id, record FROM contact_record")).all())
        fresh = dict(conn.execute(text(f"SELECT c.id, {records.RECORD_SQL} FROM contact c")).all())
    return sorted(i for i in stored.keys() | fresh.keys() if stored.get(i) != fresh.get(i))


def stored(db: Database, contact_id: int) -> dict[str, object]:
    with db.engine.connect() as conn:
        found = conn.execute(
            text("SELECT record FROM contact_record WHERE contact_id = :i"), {"i": contact_id}
        ).scalar_one()
    return dict(json.loads(found))


def test_records_follow_every_write_through_services_and_plain_sql(db: Database) -> None:
    book = ContactBook(db)
    ana = book.create(
        ContactData(
            full_name="Ana Ruiz",
            emails=[EmailAddress("ana@acme.example")],
            addresses=[PostalAddress(kind="work", city="Madrid")],
            urls=[WebAddress("https://acme.example")],
            tags=["golf"],
        )
    )
    bruno = book.create(ContactData(full_name="Bruno Díaz"))
    events = EventBook(db)
    fair = events.add(EventData(name="Feria", date=TODAY - dt.timedelta(days=3)))
    events.add_attendees(fair, [ana, bruno], today=TODAY)
    assert stale_records(db) == []
    assert stored(db, ana)["events"] == ["Feria"]

    writes = [
        ("UPDATE contact_address SET city = 'Sevilla'", ana, "addresses", "Sevilla"),
        (
            "INSERT INTO contact_url (contact_id, value, kind, position) "
            f"VALUES ({bruno}, 'https://b.example', '', 0)",
            bruno,
            "urls",
            "https://b.example",
        ),
        ("UPDATE event SET name = 'Feria de Otoño'", bruno, "events", "Feria de Otoño"),
        ("UPDATE tag SET name = 'pádel'", ana, "tags", "pádel"),
        ("UPDATE contact SET photo_mime = 'image/png'", ana, "has_photo", True),
        ("UPDATE contact SET needs_review = 1", bruno, "needs_review", True),
        ("UPDATE contact SET role = 'Socia'", ana, "role", "Socia"),
        ("UPDATE contact SET birthday = '1980-03-22'", bruno, "birthday", "1980-03-22"),
        (f"DELETE FROM event_contact WHERE contact_id = {ana}", ana, "events", None),
        ("DELETE FROM contact_address", ana, "addresses", None),
    ]
    for sql, who, field, shown in writes:
        with db.engine.begin() as conn:
            conn.execute(text(sql))
        assert stale_records(db) == [], sql
        value = stored(db, who)[field]
        if shown is None:
            assert value == [], sql
        elif isinstance(value, list):
            assert shown in json.dumps(value, ensure_ascii=False), sql
        else:
            assert value == shown, sql
    # a follow-up done moves the last touch, which the record shows
    FollowUps(db).add(bruno, "call", status="done", done_date=TODAY - dt.timedelta(days=1))
    assert stored(db, bruno)["last_touch"] == (TODAY - dt.timedelta(days=1)).isoformat()
    book.delete([ana])
    assert stale_records(db) == []
    assert [r["id"] for r in contact_records(db)] == [bruno]


def test_the_trigger_watches_every_contact_column_a_record_reads() -> None:
    read = set(re.findall(r"\bc\.(\w+)", records.RECORD_SQL)) - {"id"}
    assert read == set(records.CONTACT_COLUMNS)
    tree = ast.parse(MIGRATION.read_text(encoding="utf-8"))
    (columns,) = [
        ast.literal_eval(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "_COLUMNS" for t in node.targets)
    ]
    assert [c.strip() for c in columns.split(",")] == list(records.CONTACT_COLUMNS)


def test_strength_is_today_s_and_the_order_is_the_list_s(db: Database) -> None:
    rng = random.Random(4)
    book = ContactBook(db)
    follow = FollowUps(db)
    names = ["ana", "Ana", "ÁLVARO", "álvaro", "Zoë", "zoe", "李", "_x", "Émile", "bob", "Bob"]
    people = [book.create(ContactData(full_name=rng.choice(names))) for _ in range(30)]
    # What the year's touches add up to, counted here: (touches, sent, received, meetings)
    year_ago = TODAY - dt.timedelta(days=strength_scores.YEAR)
    counted = {who: [0, 0, 0, 0] for who in people}
    for who in people:
        for _ in range(rng.randrange(0, 6)):
            day = TODAY - dt.timedelta(days=rng.randrange(0, 500))  # some past the year
            kind = rng.choice(["call", "meeting", "email"])
            follow.add(who, kind, status="done", done_date=day)
            if day >= year_ago:
                counted[who][0] += 1
                counted[who][1] += 1  # a follow-up done is a touch sent
                counted[who][3] += kind == "meeting"
    with db.engine.begin() as conn:
        for who in people[:10]:
            day = TODAY - dt.timedelta(days=rng.randrange(0, 400))
            channel = rng.choice(["email", "meeting"])
            direction = rng.choice(["sent", "received", "both"])
            if day >= year_ago:
                counted[who][0] += 1
                counted[who][1] += direction in ("sent", "both")
                counted[who][2] += direction in ("received", "both")
                counted[who][3] += channel == "meeting"
            conn.execute(
                text(
                    "INSERT INTO interaction (contact_id, date, channel, direction, subject, "
                    "source, key, created_at) VALUES (:c, :d, :ch, :dir, 's', 'imap:x', :k, "
                    "'2026-11-01 10:00:00')"
                ),
                {
                    "c": who,
                    "d": day.isoformat(),
                    "ch": channel,
                    "dir": direction,
                    "k": f"<{who}@x>",
                },
            )
    # The day is passed: a run that crosses midnight must not score against two days.
    found = contact_records(db, today=TODAY)
    scored = {cid: strength.of_contact(db, cid, TODAY) for cid in people}
    assert {
        cid: [s.touches, s.sent, s.received, s.meetings_held] for cid, s in scored.items()
    } == counted
    assert any(c[2] for c in counted.values()) and any(c[3] for c in counted.values())
    expected = {cid: s.score for cid, s in scored.items()}
    assert {r["id"]: r["strength"] for r in found} == expected
    assert len(set(expected.values())) > 3  # varied scores, not all zero
    with db.engine.connect() as conn:
        order = conn.execute(
            text("SELECT id FROM contact ORDER BY full_name COLLATE NOCASE, id")
        ).scalars()
        assert [r["id"] for r in found] == list(order)


def test_a_missing_record_is_built_where_it_is_read(db: Database, tmp_path: Path) -> None:
    book = ContactBook(db)
    cid = book.create(ContactData(full_name="Carla Gil", urls=[WebAddress("https://c.example")]))
    before = contact_records(db)
    with sqlite3.connect(db.path) as conn:  # a writer that bypasses netdesk
        conn.execute("DELETE FROM contact_record")
    assert contact_records(db) == before
    assert before[0]["id"] == cid and before[0]["urls"] == ["https://c.example"]


def test_lines_are_json_with_strength_last(db: Database) -> None:
    note = 'una\nlínea "dos" \\ \t\x01 ✓'
    ContactBook(db).create(ContactData(full_name='Dora "D" Ñ', note=note))
    (line,) = record_lines(db)
    record = json.loads(line)
    assert (record["full_name"], record["note"]) == ('Dora "D" Ñ', note)
    assert list(record)[-1] == "strength" and record["strength"] == 0


def test_due_json_is_what_as_json_makes(db: Database) -> None:
    book = ContactBook(db)
    follow = FollowUps(db)
    events = EventBook(db)
    fair = events.add(EventData(name='Feria "Ñ"', date=TODAY))
    talk = events.add(EventData(name="Charla", date=TODAY))
    # due() reads the event names apart from the list (#19): some with each event, some none
    for k in range(12):
        who = book.create(ContactData(full_name=f"Persona {k} «ü»"))
        event = (fair, talk, None)[k % 3]
        follow.add(who, "call", due=TODAY + dt.timedelta(days=k - 4), event_id=event)
    with db.engine.begin() as conn:  # undated: due today in both
        conn.execute(text("UPDATE touchpoint SET due_date = NULL WHERE id % 5 = 0"))
    db.close()
    handle = open_current(db.path)
    assert handle is not None
    try:
        lines = due_list.due_json(handle, TODAY, 7)
        items = due_list.due(handle, TODAY, 7)
    finally:
        handle.close()
    assert [json.loads(line) for line in lines] == [due_list.as_json(t) for t in items]
    assert len(items) >= 10
    assert {t.event for t in items} == {'Feria "Ñ"', "Charla", None}
    assert {t.status for t in items} == {"planned"}


def stale_touches(db: Database) -> list[int]:
    """Contacts whose stored touches differ from the list built now from their rows."""
    with db.engine.connect() as conn:
        kept = dict(conn.execute(text("SELECT contact_id, touches FROM contact_record")).all())
        fresh = dict(conn.execute(text(f"SELECT c.id, {records.TOUCHES_SQL} FROM contact c")).all())
    return sorted(i for i in kept.keys() | fresh.keys() if kept.get(i) != fresh.get(i))


def strengths(db: Database, today: dt.date) -> dict[int, int]:
    return {r["id"]: r["strength"] for r in contact_records(db, today=today)}


def test_touches_kept_with_records_follow_follow_ups_interactions_and_auto_completions(
    db: Database,
) -> None:
    book, follow = ContactBook(db), FollowUps(db)
    ana, bea = (book.create(ContactData(full_name=n)) for n in ("Ana", "Bea"))
    ids = (ana, bea)

    def expected(today: dt.date = TODAY) -> dict[int, int]:  # through the follow-ups' index
        return {cid: strength.of_contact(db, cid, today).score for cid in ids}

    assert strengths(db, TODAY) == expected() == {ana: 0, bea: 0}
    call = follow.add(ana, "call", status="done", done_date=TODAY - dt.timedelta(days=3))
    meeting = follow.add(ana, "meeting", status="done", done_date=TODAY - dt.timedelta(days=40))
    follow.add(bea, "call", status="done", done_date=TODAY - dt.timedelta(days=200))
    follow.add(bea, "call", status="done", done_date=TODAY - dt.timedelta(days=380))  # too old
    # older than the kept lists begin (400 days), counted only on a day long ago
    follow.add(bea, "meeting", status="done", done_date=TODAY - dt.timedelta(days=430))
    assert stale_touches(db) == []
    first = strengths(db, TODAY)
    assert first == expected() and first[ana] > first[bea] > 0
    with db.engine.begin() as conn:  # a received mail, written as the mail scan writes it
        conn.execute(
            text(
                "INSERT INTO interaction (contact_id, date, channel, direction, subject, "
                "source, key, created_at) VALUES (:c, :d, 'email', 'received', 's', "
                "'imap:x', '<m1@x>', '2026-11-01 10:00:00')"
            ),
            {"c": bea, "d": (TODAY - dt.timedelta(days=1)).isoformat()},
        )
    assert stale_touches(db) == [] and strengths(db, TODAY) == expected() != first
    # The mail scan completes Ana's meeting on its own: it stops counting as a touch of hers
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO auto_completion (touchpoint_id, undone) VALUES (:t, 0)"),
            {"t": meeting},
        )
    assert stale_touches(db) == []
    done_by_mail = strengths(db, TODAY)
    assert done_by_mail == expected() and done_by_mail[ana] < first[ana]
    with db.engine.begin() as conn:  # undone by the user: it counts again
        conn.execute(
            text("UPDATE auto_completion SET undone = 1 WHERE touchpoint_id = :t"), {"t": meeting}
        )
    assert stale_touches(db) == [] and strengths(db, TODAY)[ana] == first[ana]
    follow.delete(call)
    assert stale_touches(db) == [] and strengths(db, TODAY) == expected()
    # A day further back than the kept lists begin is counted from the follow-ups themselves
    long_ago = TODAY - dt.timedelta(days=records.TOUCHES_FROM - 300)
    assert strengths(db, long_ago) == expected(long_ago)
    assert strength.of_contact(db, bea, long_ago).meetings_held == 1  # the one 430 days ago
    assert strengths(db, TODAY + dt.timedelta(days=30)) == expected(TODAY + dt.timedelta(days=30))
