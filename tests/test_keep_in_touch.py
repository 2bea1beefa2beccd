"""Cadence, message templates in both languages, and the .ics agenda."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest

from netdesk.app.agenda import agenda_ics
from netdesk.app.cadence import TIERS_KEY, KeepInTouch
from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook
from netdesk.app.messages import compose, fill
from netdesk.app.playbook import default_playbook
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database, open_database

TODAY = dt.date(2026, 11, 22)


def test_cadence_by_tier_and_by_days(db: Database) -> None:
    book = ContactBook(db)
    a = book.create(ContactData(full_name="Tier A, touched long ago"))
    b = book.create(ContactData(full_name="Every 10 days, touched yesterday"))
    c = book.create(ContactData(full_name="No cadence"))
    fu = FollowUps(db)
    fu.add(a, "call", status="done", done_date=TODAY - dt.timedelta(days=45))
    fu.add(b, "call", status="done", done_date=TODAY - dt.timedelta(days=1))
    fu.add(c, "call", status="done", done_date=TODAY - dt.timedelta(days=400))
    keep = KeepInTouch(db)
    keep.set_cadence(a, tier="A")
    keep.set_cadence(b, days=10)
    due = keep.due(TODAY)
    assert [(r.contact_id, r.cadence_days, r.due) for r in due] == [
        (a, 30, TODAY - dt.timedelta(days=15))
    ]
    assert [r.contact_id for r in keep.due(TODAY, days_ahead=9)] == [a, b]


def test_tier_days_come_from_settings(db: Database) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Ana"))
    FollowUps(db).add(cid, "call", status="done", done_date=TODAY - dt.timedelta(days=20))
    keep = KeepInTouch(db)
    keep.set_cadence(cid, tier="A")
    assert keep.due(TODAY) == []
    SettingsStore(db).set(TIERS_KEY, {"A": 14, "B": 60})
    assert [r.contact_id for r in keep.due(TODAY)] == [cid]
    with pytest.raises(ValueError, match="unknown tier"):
        keep.set_cadence(cid, tier="Z")


def test_a_done_touchpoint_resets_the_clock(db: Database) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Ana"))
    keep = KeepInTouch(db)
    keep.set_cadence(cid, days=30)
    FollowUps(db).add(cid, "call", status="done", done_date=TODAY - dt.timedelta(days=31))
    assert len(keep.due(TODAY)) == 1
    FollowUps(db).add(cid, "meeting", status="done", done_date=TODAY)
    assert keep.due(TODAY) == []


@pytest.mark.parametrize(
    ("language", "subject", "body_start", "date_text"),
    [
        ("en", "Great to meet you at Chamber breakfast", "Hi Lucía,", "16 November"),
        ("es", "Un placer conocerte en Chamber breakfast", "Hola Lucía:", "16 de noviembre"),
    ],
)
def test_templates_render_in_both_languages(
    language: str, subject: str, body_start: str, date_text: str
) -> None:
    contact = ContactData(
        given_name="Lucía", family_name="Pérez", emails=[EmailAddress("lucia@norte.example")]
    )
    message = compose(
        default_playbook(),
        "thank_you",
        contact,
        language=language,
        my_name="Marta Soler",
        event="Chamber breakfast",
        event_date=dt.date(2026, 11, 16),
    )
    assert message.to == "lucia@norte.example"
    assert message.subject == subject
    assert message.body.startswith(body_start)
    assert date_text in message.body
    assert message.body.rstrip().endswith("Marta Soler")
    assert "{" not in message.body
    url = urlsplit(message.mailto())
    assert url.scheme == "mailto" and url.path == "lucia@norte.example"
    query = parse_qs(url.query)
    assert query["subject"] == [subject]
    assert query["body"] == [message.body]


def test_unknown_placeholders_and_bad_braces_do_not_break_composing() -> None:
    assert fill("Hi {first_name}, {unknown}!", {"first_name": "Ana"}) == "Hi Ana, {unknown}!"
    assert fill("Broken {first_name", {"first_name": "Ana"}) == "Broken {first_name"


def test_agenda_parses_as_icalendar(db: Database) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Ana García"))
    event = EventBook(db).create("Breakfast", date=TODAY)
    fu = FollowUps(db)
    fu.add(cid, "thank_you", due=TODAY + dt.timedelta(days=1), event_id=event)
    fu.add(cid, "meeting", due=TODAY + dt.timedelta(days=7), intent="connect")
    data = agenda_ics(fu.due(TODAY, 30))
    calendar = icalendar.Calendar.from_ical(data)
    todos = [c for c in calendar.walk("VTODO")]
    assert [str(t["summary"]) for t in todos] == ["Thank Ana García", "Meet Ana García"]
    assert [t.decoded("due") for t in todos] == [
        TODAY + dt.timedelta(days=1),
        TODAY + dt.timedelta(days=7),
    ]
    assert str(todos[0]["description"]) == "From Breakfast"
    assert len({str(t["uid"]) for t in todos}) == 2


def test_agenda_command_writes_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    db = open_database(path)
    cid = ContactBook(db).create(ContactData(full_name="Ana"))
    FollowUps(db).add(cid, "call", due=dt.date.today())
    db.close()
    out = tmp_path / "agenda.ics"
    run = subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(path), "agenda", "--ics", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert (out.stat().st_mode & 0o777) == 0o600
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert [str(t["summary"]) for t in calendar.walk("VTODO")] == ["Call Ana"]


def test_reconnect_limit_merges_tiers_and_own_cadences_most_overdue_first(db: Database) -> None:
    book = ContactBook(db)
    fu = FollowUps(db)
    keep = KeepInTouch(db)
    # (tier, own cadence, days since the last touch) → due = last touch + cadence
    people = {
        "A, 50 days ago": ("A", None, 50),  # due 20 days ago
        "C, 200 days ago": ("C", None, 200),  # due 20 days ago too, later id
        "own 5, 30 days ago": ("C", 5, 30),  # its own cadence wins: due 25 days ago
        "B, 100 days ago": ("B", None, 100),  # due 10 days ago
        "A, 10 days ago": ("A", None, 10),  # not due for 20 days
    }
    ids = {}
    for name, (tier, days, ago) in people.items():
        ids[name] = book.create(ContactData(full_name=name))
        fu.add(ids[name], "call", status="done", done_date=TODAY - dt.timedelta(days=ago))
        keep.set_cadence(ids[name], tier=tier, days=days)
    expected = ["own 5, 30 days ago", "A, 50 days ago", "C, 200 days ago", "B, 100 days ago"]
    assert [r.contact for r in keep.due(TODAY)] == expected
    assert [r.contact for r in keep.due(TODAY, limit=3)] == expected[:3]
    assert keep.count_due(TODAY) == 4
    assert keep.count_due(TODAY, days_ahead=20) == 5
    own = next(r for r in keep.due(TODAY) if r.contact.startswith("own"))
    assert (own.cadence_days, own.due) == (5, TODAY - dt.timedelta(days=25))


def test_today_agenda_loads_a_page_per_group_and_counts_them_all(db: Database) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Busy"))
    fu = FollowUps(db)
    for offset, n in ((-2, 5), (0, 3), (3, 4), (9, 2)):  # overdue, today, this week, later
        for _ in range(n):
            fu.add(cid, "call", due=TODAY + dt.timedelta(days=offset))
    items, counts = fu.agenda(TODAY, 7, per_group=2)
    assert counts == {"overdue": 5, "today": 3, "upcoming": 4}
    assert [i.bucket(TODAY) for i in items] == ["overdue"] * 2 + ["today"] * 2 + ["upcoming"] * 2
    assert len(fu.due(TODAY, 7)) == 12 and len(fu.due(TODAY, 7, limit=7)) == 7
