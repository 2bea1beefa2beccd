"""The stored reconnect date and the due lists read from indexes give what a full
computation gives, after every kind of write (migration 0004)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bench import datagen
from netdesk.app.cadence import TIERS_KEY, KeepInTouch, Reconnect, tiers
from netdesk.app.contacts import ContactBook
from netdesk.app.due_list import DueTouchpoint
from netdesk.app.import_undo import undo_import
from netdesk.app.importer import EventChoice, ImportRequest, import_all
from netdesk.app.playbook import default_playbook
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps, TouchpointState
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store import migrate
from netdesk.store.db import Database, open_database

TODAY = dt.date(2026, 11, 22)
BREAKFAST = Path(__file__).parent / "fixtures" / "breakfast.vcf"


def expected_dates(db: Database) -> dict[int, dt.date | None]:
    """Every contact's reconnect date computed from scratch, the way cadence.py did before
    the date was stored: last touch (else the day added) plus own days, else the tier's."""
    known = tiers(SettingsStore(db))
    result: dict[int, dt.date | None] = {}
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, last_touch, date(created_at), tier, cadence_days FROM contact")
        )
        for cid, last, added, tier, own in rows:
            days = own if own is not None else known.get(tier)
            since = dt.date.fromisoformat(last or added)
            result[cid] = None if days is None else since + dt.timedelta(days=days)
    return result


def stored_dates(db: Database) -> dict[int, dt.date | None]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, reconnect_due FROM contact"))
        return {cid: dt.date.fromisoformat(due) if due else None for cid, due in rows}


def assert_dates_right(db: Database) -> None:
    KeepInTouch(db).count_due(TODAY)  # a read brings the tier mirror in line with settings
    assert stored_dates(db) == expected_dates(db)


def reference_reconnects(db: Database, horizon: dt.date) -> list[Reconnect]:
    """The keep-in-touch list as the per-row computation gave it."""
    expected = expected_dates(db)
    known = tiers(SettingsStore(db))
    found = []
    with db.engine.connect() as conn:
        for cid, name, last, tier, own in conn.execute(
            text("SELECT id, full_name, last_touch, tier, cadence_days FROM contact")
        ):
            due = expected[cid]
            if due is not None and due <= horizon:
                days = own if own is not None else known[tier]
                last_date = dt.date.fromisoformat(last) if last else None
                found.append(Reconnect(cid, name, last_date, days, due))
    found.sort(key=lambda r: (r.due, r.contact_id))
    return found


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    book = ContactBook(db, "ES")
    ids = {
        "tier_a": book.create(ContactData(full_name="Ana, tier A")),
        "own": book.create(ContactData(full_name="Bea, every 10 days")),
        "none": book.create(ContactData(full_name="Carlos, no cadence")),
        "tomas": book.create(
            ContactData(full_name="Tomás", emails=[EmailAddress("tomas@ruiz.example")])
        ),
    }
    keep = KeepInTouch(db)
    keep.set_cadence(ids["tier_a"], tier="A")
    keep.set_cadence(ids["own"], days=10)
    keep.set_cadence(ids["tomas"], tier="C")
    return ids


def test_new_and_plain_contacts(db: Database, people: dict[str, int]) -> None:
    dates = stored_dates(db)
    assert dates[people["none"]] is None
    assert dates[people["tier_a"]] is not None
    assert_dates_right(db)


def test_touchpoints_added_done_snoozed_skipped_and_deleted(
    db: Database, people: dict[str, int]
) -> None:
    fu = FollowUps(db)
    a = people["tier_a"]
    done = fu.add(a, "call", status="done", done_date=TODAY - dt.timedelta(days=45))
    assert stored_dates(db)[a] == TODAY - dt.timedelta(days=15)
    assert_dates_right(db)
    planned = fu.add(a, "meeting", due=TODAY)
    assert_dates_right(db)
    fu.mark_done(planned, on=TODAY - dt.timedelta(days=2))
    assert stored_dates(db)[a] == TODAY + dt.timedelta(days=28)
    fu.set_state(planned, TouchpointState("planned", TODAY, None, ""))  # the undo
    assert stored_dates(db)[a] == TODAY - dt.timedelta(days=15)
    fu.delete(done)
    assert_dates_right(db)
    other = fu.add(people["own"], "call", due=TODAY)
    fu.snooze(other, days=3, today=TODAY)
    fu.skip(other)
    assert_dates_right(db)


def test_cadence_changes(db: Database, people: dict[str, int]) -> None:
    keep = KeepInTouch(db)
    cid = people["none"]
    keep.set_cadence(cid, days=5)
    assert_dates_right(db)
    keep.set_cadence(cid, tier="B")
    assert_dates_right(db)
    keep.set_cadence(cid)
    assert stored_dates(db)[cid] is None
    keep.set_cadence(people["tier_a"], tier="B", days=7)  # own days win over the tier
    assert_dates_right(db)


@pytest.mark.parametrize(
    "stored",
    [{"A": 14, "B": 60}, {"A": 45, "B": 90, "C": 1}, {"B": "20"}, "not a mapping", {"A": 0}],
)
def test_tier_days_changed_in_settings_by_anyone(
    db: Database, people: dict[str, int], stored: object
) -> None:
    SettingsStore(db).set(TIERS_KEY, stored)  # as the settings dialog writes it
    assert_dates_right(db)
    horizon = TODAY + dt.timedelta(days=400)
    assert KeepInTouch(db).due(TODAY, 400) == reference_reconnects(db, horizon)


def test_set_tiers_moves_the_dates_at_once(db: Database, people: dict[str, int]) -> None:
    KeepInTouch(db).set_tiers({"A": 7, "C": 3})
    assert stored_dates(db) == expected_dates(db)  # no read needed first
    assert stored_dates(db)[people["tier_a"]] is not None


def test_import_and_its_undo(db: Database, people: dict[str, int]) -> None:
    report = import_all(
        db,
        ImportRequest([BREAKFAST], event=EventChoice(name="Breakfast", date=TODAY)),
        "ES",
        default_playbook(),
    )
    assert report.merged == 1
    created = [cid for cid in stored_dates(db) if cid not in people.values()]
    KeepInTouch(db).set_cadence(created[0], tier="A")
    FollowUps(db).add(people["tomas"], "call", status="done", done_date=TODAY)
    assert_dates_right(db)
    undo_import(db, report.batch_id or 0)
    assert created[0] not in stored_dates(db)
    assert_dates_right(db)


def test_contact_delete_and_its_undo(db: Database, people: dict[str, int]) -> None:
    book = ContactBook(db, "ES")
    FollowUps(db).add(people["tier_a"], "call", status="done", done_date=TODAY)
    before = stored_dates(db)
    snap = book.delete([people["tier_a"], people["own"]])
    book.restore(snap)
    assert stored_dates(db) == before
    assert_dates_right(db)


def test_upgrade_computes_the_dates_of_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "at-0003.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0003")
        conn.execute(
            text(
                "INSERT INTO contact(id, full_name, given_name, family_name, additional_names, "
                "prefix, suffix, nickname, organization, department, title, role, note, uid, "
                "primary_email, primary_phone, created_at, updated_at, tier, cadence_days, "
                "last_touch) VALUES "
                "(1, 'A', '', '', '', '', '', '', '', '', '', '', '', '', '', '', "
                "'2024-05-01 10:00:00', '2024-05-01', 'B', NULL, '2026-01-10'), "
                "(2, 'B', '', '', '', '', '', '', '', '', '', '', '', '', '', '', "
                "'2024-05-01 10:00:00', '2024-05-01', NULL, 12, NULL), "
                "(3, 'C', '', '', '', '', '', '', '', '', '', '', '', '', '', '', "
                "'2024-05-01 10:00:00', '2024-05-01', 'Z', NULL, NULL)"
            )
        )
        conn.execute(
            text('INSERT INTO setting(key, value) VALUES (\'tiers\', \'{"B": 20, "Z": "x"}\')')
        )
    engine.dispose()
    db = open_database(path)
    assert stored_dates(db) == {
        1: dt.date(2026, 1, 30),
        2: dt.date(2024, 5, 13),
        3: None,
    }
    assert_dates_right(db)
    db.close()


def test_due_lists_match_the_full_computation_on_sample_data(tmp_path: Path) -> None:
    db = datagen.build_database(tmp_path / "sample.sqlite", 600, TODAY)
    keep = KeepInTouch(db)
    keep.set_cadence(5, days=3)
    keep.set_cadence(6, days=400)
    assert_dates_right(db)
    for ahead in (0, 7, 90):
        horizon = TODAY + dt.timedelta(days=ahead)
        expected = reference_reconnects(db, horizon)
        assert expected, "the sample has contacts past their cadence"
        assert keep.due(TODAY, ahead) == expected
        assert keep.due(TODAY, ahead, limit=25) == expected[:25]
        assert keep.count_due(TODAY, ahead) == len(expected)
    # Planned touchpoints: the query without its covering indexes lists the same.
    fu = FollowUps(db)
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT t.id, t.contact_id, c.full_name, t.kind, t.intent, t.due_date, "
                "t.status, e.name, t.note FROM touchpoint t NOT INDEXED "
                "JOIN contact c NOT INDEXED ON c.id = t.contact_id "
                "LEFT JOIN event e ON e.id = t.event_id WHERE t.status = 'planned' "
                "AND t.due_date <= :end ORDER BY t.due_date, t.id"
            ),
            {"end": (TODAY + dt.timedelta(days=30)).isoformat()},
        ).all()
    expected_due = [
        DueTouchpoint(i, c, n, k, it, dt.date.fromisoformat(d), s, e, note)
        for i, c, n, k, it, d, s, e, note in rows
    ]
    assert len(expected_due) > 20
    assert fu.due(TODAY, 30) == expected_due
    # The reminders' minute check: the ids of what is due today or overdue, in the same order,
    # and the items of a few of them read back by id.
    due_now = [i for i in expected_due if i.due <= TODAY]
    assert 5 < len(due_now) < len(expected_due)
    assert fu.due_ids(TODAY) == [i.id for i in due_now]
    some = [due_now[-1].id, due_now[0].id, due_now[2].id]
    assert fu.items(some, TODAY) == [due_now[0], due_now[2], due_now[-1]]
    assert fu.items([], TODAY) == []
    items, counts = fu.agenda(TODAY, 30, per_group=5)
    assert sum(counts.values()) == len(expected_due)
    assert {i.id for i in items} <= {i.id for i in expected_due}
    with db.engine.connect() as conn:
        plan = " ".join(
            str(r[-1])
            for r in conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT t.id, c.full_name, t.note FROM touchpoint t "
                    "JOIN contact c ON c.id = t.contact_id WHERE t.status = 'planned' "
                    "AND t.due_date <= '2027-01-01' ORDER BY t.due_date, t.id"
                )
            )
        )
    assert "COVERING INDEX ix_touchpoint_planned" in plan
    db.close()
