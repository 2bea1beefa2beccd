"""Scheduling rules of the follow-up playbook: delays, weekends, no doubles, snooze, cadence."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook
from netdesk.app.playbook import FollowUpPlaybook, PlaybookStep, default_playbook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database

MONDAY = dt.date(2026, 11, 16)
FRIDAY = dt.date(2026, 11, 20)


def test_default_steps_give_connect_give() -> None:
    steps = default_playbook().steps
    assert [(s.kind, s.delay_days, s.intent) for s in steps] == [
        ("thank_you", 1, "give"),
        ("meeting", 7, "connect"),
        ("share_content", 21, "give"),
    ]
    assert all(set(s.body) == {"en", "es"} for s in steps)


@pytest.mark.parametrize(
    ("met_on", "skip_weekends", "expected"),
    [
        (MONDAY, False, [MONDAY + dt.timedelta(days=d) for d in (1, 7, 21)]),
        # Friday + 1 = Saturday → Monday; +7 = Friday stays; +21 = Friday stays
        (FRIDAY, True, [dt.date(2026, 11, 23), dt.date(2026, 11, 27), dt.date(2026, 12, 11)]),
        (FRIDAY, False, [dt.date(2026, 11, 21), dt.date(2026, 11, 27), dt.date(2026, 12, 11)]),
        # Saturday + 1 = Sunday → Monday
        (
            dt.date(2026, 11, 21),
            True,
            [dt.date(2026, 11, 23), dt.date(2026, 11, 30), dt.date(2026, 12, 14)],
        ),
    ],
)
def test_due_dates(met_on: dt.date, skip_weekends: bool, expected: list[dt.date]) -> None:
    playbook = default_playbook()
    playbook.skip_weekends = skip_weekends
    assert [playbook.due_date(s, met_on) for s in playbook.steps] == expected


def _one_contact_at_event(db: Database) -> tuple[int, int]:
    cid = ContactBook(db).create(ContactData(full_name="Ana"))
    eid = EventBook(db).create("Breakfast", date=MONDAY)
    return cid, eid


def test_scheduling_twice_plans_once(db: Database) -> None:
    cid, eid = _one_contact_at_event(db)
    playbook = default_playbook()
    with db.engine.begin() as conn:
        assert playbook.schedule(conn, [cid], eid, MONDAY) == 3
    with db.engine.begin() as conn:
        assert playbook.schedule(conn, [cid, cid], eid, MONDAY) == 0
    due = FollowUps(db).due(MONDAY, 30)
    assert [(d.kind, d.due) for d in due] == [
        ("thank_you", MONDAY + dt.timedelta(days=1)),
        ("meeting", MONDAY + dt.timedelta(days=7)),
        ("share_content", MONDAY + dt.timedelta(days=21)),
    ]
    assert ContactBook(db).summaries()[0].next_follow_up == MONDAY + dt.timedelta(days=1)


def test_disabled_steps_are_not_planned(db: Database) -> None:
    cid, eid = _one_contact_at_event(db)
    playbook = default_playbook()
    playbook.steps[1].enabled = False
    with db.engine.begin() as conn:
        playbook.schedule(conn, [cid], eid, MONDAY)
    assert [d.kind for d in FollowUps(db).due(MONDAY, 30)] == ["thank_you", "share_content"]


def test_stored_playbook_round_trips_and_bad_settings_fall_back() -> None:
    custom = FollowUpPlaybook(
        steps=[PlaybookStep("call", "call", 3, "connect", subject={"en": "Hi"})],
        skip_weekends=True,
    )
    assert FollowUpPlaybook.from_json(custom.to_json()) == custom
    assert FollowUpPlaybook.from_json("garbage") == default_playbook()
    broken = {"steps": [{"key": "x", "kind": "call", "delay_days": "soon"}, {"kind": "no key"}]}
    assert FollowUpPlaybook.from_json(broken).steps == []


def test_snooze_moves_from_today_when_overdue(db: Database) -> None:
    cid, _eid = _one_contact_at_event(db)
    fu = FollowUps(db)
    late = fu.add(cid, "thank_you", due=MONDAY - dt.timedelta(days=5))
    early = fu.add(cid, "meeting", due=MONDAY + dt.timedelta(days=2))
    assert fu.snooze(late, days=3, today=MONDAY) == MONDAY + dt.timedelta(days=3)
    assert fu.snooze(early, days=7, today=MONDAY) == MONDAY + dt.timedelta(days=9)
    with pytest.raises(ValueError, match="at least one day"):
        fu.snooze(early, days=0, today=MONDAY)


def test_done_moves_to_timeline_and_sets_last_touch(db: Database) -> None:
    cid, _eid = _one_contact_at_event(db)
    fu = FollowUps(db)
    tp = fu.add(cid, "thank_you", due=MONDAY)
    fu.mark_done(tp, on=MONDAY, note="Sent a card")
    assert fu.due(MONDAY, 7) == []
    (entry,) = [e for e in fu.timeline(cid) if e.what == "touchpoint"]
    assert (entry.status, entry.detail, entry.date) == ("done", "Sent a card", MONDAY)
    summary = ContactBook(db).summaries()[0]
    assert summary.last_touch == MONDAY
    assert summary.next_follow_up is None


def test_skip_removes_from_due(db: Database) -> None:
    cid, _eid = _one_contact_at_event(db)
    fu = FollowUps(db)
    tp = fu.add(cid, "meeting", due=MONDAY)
    fu.skip(tp)
    assert fu.due(MONDAY, 7) == []
    assert [e.status for e in fu.timeline(cid) if e.what == "touchpoint"] == ["skipped"]
