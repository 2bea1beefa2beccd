"""People added to an event by hand get the follow-up playbook, never twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from netdesk.app.attendance import forget_attendance
from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook
from netdesk.app.importer import EventChoice, ImportRequest, import_all
from netdesk.app.playbook import SETTING_KEY, FollowUpPlaybook, PlaybookStep, default_playbook
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database
from netdesk.store.models import Touchpoint

MET = dt.date(2026, 3, 5)  # a Thursday


def planned(db: Database, contact_id: int) -> list[tuple[str | None, str, dt.date | None]]:
    with db.session() as session:
        rows = session.execute(
            select(Touchpoint.playbook_step, Touchpoint.intent, Touchpoint.due_date)
            .where(Touchpoint.contact_id == contact_id)
            .order_by(Touchpoint.due_date)
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]


@pytest.fixture
def ana(db: Database) -> int:
    return ContactBook(db, region="ES").create(
        ContactData(full_name="Ana García", emails=[EmailAddress("ana@x.es")])
    )


def test_adding_by_hand_plans_the_default_steps_from_the_event_date(db: Database, ana: int) -> None:
    events = EventBook(db)
    event = events.create("Breakfast", date=MET)
    added = events.add_attendees(event, [ana])
    assert added.linked == (ana,) and len(added.touchpoint_ids) == 3
    assert planned(db, ana) == [
        ("thank_you", "give", MET + dt.timedelta(days=1)),
        ("meeting", "connect", MET + dt.timedelta(days=7)),
        ("share_content", "give", MET + dt.timedelta(days=21)),
    ]
    assert ContactBook(db).summaries()[0].next_follow_up == MET + dt.timedelta(days=1)


def test_never_twice_for_the_same_contact_and_event(db: Database, ana: int) -> None:
    events = EventBook(db)
    event = events.create("Breakfast", date=MET)
    events.add_attendees(event, [ana])
    again = events.add_attendees(event, [ana, ana])
    assert again.linked == () and again.touchpoint_ids == ()
    assert len(planned(db, ana)) == 3
    # removed from the event and added back: the steps already there are not doubled either
    events.remove_attendees(event, [ana])
    back = events.add_attendees(event, [ana])
    assert back.linked == (ana,) and back.touchpoint_ids == ()
    assert len(planned(db, ana)) == 3
    # another event is another set of steps
    other = events.create("Lunch", date=MET + dt.timedelta(days=2))
    assert len(events.add_attendees(other, [ana]).touchpoint_ids) == 3


def test_imported_then_added_by_hand_is_not_planned_again(
    db: Database, ana: int, tmp_path: Path
) -> None:
    card = tmp_path / "ana.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana García\r\nEMAIL:ana@x.es\r\nEND:VCARD\r\n"
    )
    request = ImportRequest(files=[card], event=EventChoice(name="Expo", date=MET))
    report = import_all(db, request, "ES", default_playbook())
    assert report.touchpoints_planned == 3 and report.event_id is not None
    added = EventBook(db).add_attendees(report.event_id, [ana])
    assert added.touchpoint_ids == () and len(planned(db, ana)) == 3


def test_the_users_playbook_and_weekends(db: Database, ana: int) -> None:
    custom = FollowUpPlaybook(
        steps=[
            PlaybookStep("thanks", "thank_you", 2, "give"),  # Saturday → Monday
            PlaybookStep("coffee", "meeting", 4, "connect", enabled=False),
            PlaybookStep("ask", "call", 5, "ask"),
        ],
        skip_weekends=True,
    )
    SettingsStore(db).set(SETTING_KEY, custom.to_json())
    events = EventBook(db)
    undated = events.create("Walk-in")
    today = dt.date(2026, 6, 3)  # a Wednesday
    events.add_attendees(undated, [ana], today=today)
    assert planned(db, ana) == [
        ("thanks", "give", dt.date(2026, 6, 5)),
        ("ask", "ask", dt.date(2026, 6, 8)),
    ]
    dated = events.create("Saturday fair", date=dt.date(2026, 6, 4))
    events.add_attendees(dated, [ana])
    assert ("thanks", "give", dt.date(2026, 6, 8)) in planned(db, ana)


def test_schedule_false_only_links(db: Database, ana: int) -> None:
    events = EventBook(db)
    event = events.create("Breakfast", date=MET)
    added = events.add_attendees(event, [ana], schedule=False)
    assert added.linked == (ana,) and planned(db, ana) == []
    assert events.attendees(event) == [ana]


def test_forgetting_takes_back_links_and_plans_but_keeps_history(db: Database, ana: int) -> None:
    bea = ContactBook(db).create(ContactData(full_name="Bea"))
    events = EventBook(db)
    event = events.create("Breakfast", date=MET)
    events.add_attendees(event, [bea])
    added = events.add_attendees(event, [ana, bea])
    assert added.linked == (ana,)
    thanks = min(added.touchpoint_ids)
    FollowUps(db).mark_done(thanks, on=MET + dt.timedelta(days=1))
    forget_attendance(db, added)
    assert events.attendees(event) == [bea]
    assert [p[0] for p in planned(db, ana)] == ["thank_you"]  # done: history, kept
    assert len(planned(db, bea)) == 3
    assert ContactBook(db).get(ana).full_name == "Ana García"


def test_unknown_event_or_contact_is_named(db: Database, ana: int) -> None:
    events = EventBook(db)
    with pytest.raises(LookupError, match="no event with id 77"):
        events.add_attendees(77, [ana])
    event = events.create("Breakfast", date=MET)
    with pytest.raises(LookupError, match="no contact with id 999"):
        events.add_attendees(event, [ana, 999])
    assert events.attendees(event) == []
