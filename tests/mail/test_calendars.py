"""Meetings from .ics files and from CalDAV (the Radicale the sync tests use): recurring ones
expanded up to today, cancelled and declined ones and conferences not counted."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from bench.mailgen import ME, ics, vevent
from netdesk import cli
from netdesk.app.contacts import ContactBook
from netdesk.app.interaction_list import interactions
from netdesk.app.roi import event_figures
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database
from tests.sync.conftest import RadicaleServer

ANN, BOB = "ann@lee.example", "bob@roe.example"


def _contact(db: Database, name: str, address: str) -> int:
    return ContactBook(db).create(ContactData(full_name=name, emails=[EmailAddress(address)]))


def _calendar() -> str:
    return ics(
        [
            # weekly one-to-one with Ann, five times from 2 Nov; the 9 Nov one was cancelled
            vevent(
                "weekly-1",
                "20261102T100000Z",
                summary="One-to-one",
                attendees=[(ANN, "ACCEPTED"), (ME, "ACCEPTED")],
                extra=["RRULE:FREQ=WEEKLY;COUNT=5"],
            ),
            vevent(
                "weekly-1",
                "20261109T100000Z",
                summary="One-to-one",
                attendees=[(ANN, "ACCEPTED")],
                extra=["RECURRENCE-ID:20261109T100000Z", "STATUS:CANCELLED"],
            ),
            # Bob declined this one; I declined that one
            vevent("lunch", "20261105T130000Z", attendees=[(BOB, "DECLINED"), (ANN, "")]),
            vevent(
                "mine-declined", "20261106T130000Z", organizer=BOB, attendees=[(ME, "DECLINED")]
            ),
            # a conference is not a one-to-one
            vevent("conf", "20261107", attendees=[(f"p{i}@c.example", "") for i in range(9)]),
            # broken and missing starts
            vevent("broken", "DTSTART:2026-13-45"),
            vevent("nostart", ""),
            # all-day, organised by Bob, to a stranger too
            vevent(
                "allday",
                "DTSTART;VALUE=DATE:20261112",
                organizer=BOB,
                attendees=[("stranger@x.example", "ACCEPTED")],
            ),
            # in the future: not held yet
            vevent("future", "20270115T090000Z", attendees=[(ANN, "ACCEPTED")]),
        ]
    )


def _scan(db: Database, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    code = cli.run(["--db", str(db.path), "calendar", "scan", *args, "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    result: dict[str, object] = json.loads(captured.out)
    return result


def test_ics_occurrences_up_to_today_and_what_does_not_count(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = _contact(db, "Ann Lee", ANN)
    bob = _contact(db, "Bob Roe", BOB)
    path = tmp_path / "work.ics"
    path.write_text(_calendar(), encoding="utf-8")

    report = _scan(db, capsys, str(path), "--me", ME, "--until", "2026-11-20")

    # held by 20 Nov: weekly x3 (2, 9 cancelled, 16), lunch, mine-declined, conf, broken,
    # nostart, allday
    assert report["events"] == 9
    assert report["logged"] == 4
    assert report["ignored"] == {
        "newsletter": 0, "bulk": 1, "unmatched": 0, "malformed": 2, "duplicate": 0,
        "cancelled": 2,
    }  # fmt: skip
    rows = interactions(db)
    assert sorted((r.contact_id, r.date.isoformat(), r.channel, r.direction) for r in rows) == [
        (ann, "2026-11-02", "meeting", "both"),
        (ann, "2026-11-05", "meeting", "both"),
        (ann, "2026-11-16", "meeting", "both"),
        (bob, "2026-11-12", "meeting", "both"),
    ]
    # later: the occurrences since then are new, the earlier ones duplicates
    later = _scan(db, capsys, str(path), "--me", ME, "--until", "2026-12-31")
    assert later["logged"] == 2  # 23 and 30 Nov
    assert later["ignored"]["duplicate"] == 4  # type: ignore[index]


def test_held_meeting_completes_the_planned_meeting_and_counts_for_the_event(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from netdesk.app.events import EventBook
    from netdesk.store.models import Touchpoint

    ann = _contact(db, "Ann Lee", ANN)
    events = EventBook(db)
    event = events.create("Chamber breakfast", date=dt.date(2026, 10, 28))
    events.add_attendees(event, [ann], today=dt.date(2026, 10, 28))
    with db.session() as session:
        meeting = session.scalar(
            select(Touchpoint.id).where(Touchpoint.contact_id == ann, Touchpoint.kind == "meeting")
        )
    assert meeting is not None
    path = tmp_path / "cal.ics"
    bob = _contact(db, "Bob Roe", BOB)
    events.add_attendees(event, [bob], schedule=False)
    path.write_text(
        ics(
            [
                # before the event: not one of its meetings
                vevent("before", "20261020T090000Z", attendees=[(ANN, "ACCEPTED")]),
                # with Ann and Bob: completes Ann's planned meeting, counted once
                vevent("coffee", "20261104T090000Z", attendees=[(ANN, ""), (BOB, "")]),
                # a second one-to-one with Bob, nothing planned for it: still a meeting held
                vevent("lunch", "20261118T120000Z", attendees=[(BOB, "ACCEPTED")]),
            ]
        ),
        encoding="utf-8",
    )
    report = _scan(db, capsys, str(path), "--me", ME, "--until", "2026-11-30")
    assert report["touchpoints_completed"] == 1
    state = FollowUps(db).state(meeting)
    assert (state.status, state.done_date) == ("done", dt.date(2026, 11, 4))
    (figures,) = event_figures(db, event_ids=[event])
    assert figures.meetings == 2


def test_not_a_calendar_is_a_clear_message(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.ics"
    path.write_text("this is not a calendar", encoding="utf-8")
    code = cli.run(["--db", str(db.path), "calendar", "scan", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "notes.ics: not an iCalendar file" in err
    assert "Traceback" not in err


def test_caldav_calendars_of_the_sync_account(
    db: Database,
    radicale: RadicaleServer,
    memory_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ann = _contact(db, "Ann Lee", ANN)
    monkeypatch.setattr("sys.stdin", io.StringIO(radicale.password + "\n"))
    assert cli.run(
        ["--db", str(db.path), "account", "add", "home", "--url", radicale.url,
         "--username", radicale.username, "--password-stdin"]
    ) == 0  # fmt: skip
    base = f"{radicale.url}{radicale.username}/work/"
    with radicale.client() as http:
        body = (
            '<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" '
            'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
            "<D:displayname>Work</D:displayname><C:supported-calendar-component-set>"
            '<C:comp name="VEVENT"/></C:supported-calendar-component-set>'
            "</D:prop></D:set></C:mkcalendar>"
        )
        assert http.request("MKCALENDAR", base, content=body).status_code == 201
        for uid, start in (("c1", "20261103T100000Z"), ("c2", "20261110T100000Z")):
            data = ics([vevent(uid, start, attendees=[(ANN, "ACCEPTED")])])
            response = http.put(
                f"{base}{uid}.ics", content=data, headers={"Content-Type": "text/calendar"}
            )
            assert response.status_code == 201
    report = _scan(db, capsys, "--account", "home", "--until", "2026-11-30")
    assert (report["events"], report["logged"]) == (2, 2)
    rows = interactions(db, ann)
    assert {r.source for r in rows} == {"caldav:home/Work"}
    assert [r.date for r in rows] == [dt.date(2026, 11, 10), dt.date(2026, 11, 3)]
