"""Finding and merging duplicates among stored contacts, and undoing the merge exactly."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from netdesk.app.contacts import ContactBook
from netdesk.app.dedupe import (
    MergePlan,
    ScanProgress,
    find_duplicates,
    merge_groups,
    scan,
    undo_merge,
)
from netdesk.app.events import EventBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber, PostalAddress
from netdesk.store import snapshots
from netdesk.store.db import Database, open_database
from netdesk.store.models import Referral, Touchpoint
from netdesk.store.sync_models import Account, SyncState

REGION = "ES"


@pytest.fixture
def book(db: Database) -> ContactBook:
    return ContactBook(db, region=REGION)


def person(
    name: str,
    org: str = "",
    emails: tuple[str, ...] = (),
    phones: tuple[str, ...] = (),
    **more: Any,
) -> ContactData:
    return ContactData(
        full_name=name,
        organization=org,
        emails=[EmailAddress(e) for e in emails],
        phones=[PhoneNumber(p, "cell") for p in phones],
        **more,
    )


def everything(db: Database, ids: list[int]) -> dict[str, Any]:
    """Every row that belongs to these contacts, for comparing before and after."""
    with db.engine.connect() as conn:
        snap = snapshots.take(conn, ids)
    rows: dict[str, Any] = {
        name: sorted(r, key=lambda x: sorted(map(str, x.items()))) for name, r in snap.rows.items()
    }
    rows["referral_links"] = sorted(snap.referral_links)
    return rows


def test_sure_groups_join_by_email_or_phone_transitively(book: ContactBook, db: Database) -> None:
    a = book.create(person("Ana García", emails=("Ana@Norte.es",)))
    b = book.create(person("A. García", emails=("ana@norte.es",), phones=("600 12 34 56",)))
    c = book.create(person("Ana G.", phones=("+34 600-123-456",)))
    lone = book.create(person("Bruno Díaz", emails=("bruno@x.es",), phones=("+34 611 00 00 00",)))
    found = find_duplicates(db)
    assert [g.contact_ids for g in found.sure] == [(a, b, c)]
    (group,) = found.sure
    assert group.keep == a
    assert set(group.reasons) == {"same e-mail ana@norte.es", "same phone +34600123456"}
    assert lone not in found.members
    assert found.members[b].emails == "ana@norte.es"
    assert found.members[c].phones == "+34 600-123-456"


def test_suggestions_need_a_close_name_at_the_same_organisation(
    book: ContactBook, db: Database
) -> None:
    a = book.create(person("Lucía Pérez", "Estudio Norte"))
    b = book.create(person("Lucia  Perez", "estudio norte"))
    c = book.create(person("Pérez Lucía", "Estudio Norte"))  # same words, other order
    book.create(person("Lucía Pérez", "Taller Sur"))  # same name elsewhere: someone else
    book.create(person("Marta Pérez", "Estudio Norte"))  # same firm, other person
    book.create(person("Estudio Norte", "Estudio Norte"))  # only the firm's name
    book.create(person("Estudio Nortes", "Estudio Norte"))
    found = find_duplicates(db)
    assert found.sure == []
    (group,) = found.suggested
    assert group.contact_ids == (a, b, c)
    assert group.reasons == ("similar name at Estudio Norte",)
    assert find_duplicates(db, suggestions=False).groups == []


def test_contacts_in_a_sure_group_are_not_suggested_again(book: ContactBook, db: Database) -> None:
    a = book.create(person("Ana Ruiz", "Faro", emails=("ana@faro.es",)))
    b = book.create(person("Ana Ruiz", "Faro", emails=("ANA@faro.es",)))
    found = find_duplicates(db)
    assert [(g.contact_ids, g.sure) for g in found.groups] == [((a, b), True)]


def test_scan_reports_progress_to_the_end(book: ContactBook, db: Database) -> None:
    for i in range(30):
        book.create(person(f"Person {i}", "Acme", emails=(f"p{i % 10}@acme.es",)))
    steps = scan(db)
    seen: list[ScanProgress] = []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as stop:
            result = stop.value
            break
    assert seen[0] == ScanProgress(0, 30, "keys")
    assert seen[-1].stage == "details" and seen[-1].done == seen[-1].total == 30
    assert len(result.sure) == 10


def test_merge_keeps_everything_and_moves_history(book: ContactBook, db: Database) -> None:
    keep = book.create(
        person(
            "Lucía Pérez",
            "Estudio Norte",
            emails=("lucia@norte.es",),
            phones=("+34 600 12 34 56",),
            title="Socia",
            note="Met at the breakfast.",
            tags=["architects"],
        )
    )
    other = book.create(
        person(
            "Lucia Perez",
            "",
            emails=("LUCIA@norte.es", "lu@gmail.com"),
            phones=("600123456", "+34 911 22 33 44"),
            title="Architect",
            note="Wants introductions to accountants.",
            tags=["Architects", "madrid"],
            addresses=[PostalAddress(kind="work", street="Calle Mayor 1", city="Madrid")],
            birthday="--03-22",
        )
    )
    bystander = book.create(person("Tomás Ruiz", emails=("tomas@x.es",)))
    events = EventBook(db)
    breakfast = events.create("Breakfast", date=dt.date(2026, 3, 5))
    lunch = events.create("Lunch", date=dt.date(2026, 3, 6))
    events.add_attendees(breakfast, [keep, other], schedule=False)
    events.add_attendees(lunch, [other], schedule=False)
    fu = FollowUps(db)
    day = dt.date(2026, 3, 10)
    call = fu.add(other, "call", status="done", done_date=day, note="Long call")
    planned = fu.add(other, "meeting", due=dt.date(2026, 4, 1), intent="connect")
    with db.session() as session:
        session.add_all(
            [
                Referral(direction="received", contact_id=other, other_contact_id=bystander),
                Referral(direction="given", contact_id=bystander, other_contact_id=other),
            ]
        )

    undo = merge_groups(db, [MergePlan(keep, (other,))], REGION)
    assert undo.merged_away == 1
    got = book.get(keep)
    assert got.full_name == "Lucía Pérez" and got.title == "Socia"
    assert got.organization == "Estudio Norte"
    assert [e.value for e in got.emails] == ["lucia@norte.es", "lu@gmail.com"]
    assert [p.value for p in got.phones] == ["+34 600 12 34 56", "+34 911 22 33 44"]
    assert [a.street for a in got.addresses] == ["Calle Mayor 1"]
    assert got.note == "Met at the breakfast.\n\nWants introductions to accountants."
    assert got.tags == ["architects", "madrid"]
    assert got.birthday == "--03-22"
    with pytest.raises(LookupError):
        book.get(other)
    assert sorted(events.attendees(breakfast)) == [keep]
    assert events.attendees(lunch) == [keep]
    assert {fu.get(call).contact_id, fu.get(planned).contact_id} == {keep}
    with db.session() as session:
        refs = session.execute(select(Referral.contact_id, Referral.other_contact_id)).all()
    assert sorted(refs) == sorted([(keep, bystander), (bystander, keep)])
    summary = {s.id: s for s in book.summaries()}
    assert summary[keep].last_touch == day
    assert summary[keep].next_follow_up == dt.date(2026, 4, 1)
    assert [s.id for s in book.summaries("gmail")] == [keep]  # the search index follows


def test_undo_puts_every_row_back(book: ContactBook, db: Database) -> None:
    keep = book.create(person("Ana Ruiz", "Faro", emails=("ana@faro.es",), tags=["client"]))
    other = book.create(
        person("Ana Ruiz", "", emails=("ANA@faro.es",), phones=("+34 600 00 00 01",))
    )
    third = book.create(person("Ana R.", phones=("600000001",), note="Third record"))
    bystander = book.create(person("Bea", emails=("bea@x.es",)))
    event = EventBook(db).create("Expo", date=dt.date(2026, 1, 10))
    EventBook(db).add_attendees(event, [keep, other, third])
    FollowUps(db).add(third, "call", status="done", done_date=dt.date(2026, 1, 12))
    with db.session() as session:
        session.add(Referral(direction="received", contact_id=third, other_contact_id=bystander))
        account = Account(name="home", url="http://127.0.0.1/dav")
        session.add(account)
        session.flush()
        session.add(SyncState(account_id=account.id, contact_id=other, href="/c/2.vcf"))
    ids = [keep, other, third]
    before = everything(db, ids)
    records = book.as_records()
    assert len(before["touchpoint"]) == 10  # three playbook steps each, plus the call

    (group,) = find_duplicates(db).sure
    assert group.contact_ids == (keep, other, third)
    undo = merge_groups(db, [MergePlan.of(group)], REGION)
    with db.session() as session:
        # one thank-you, meeting and share-content for the event, not three of each
        steps = session.scalars(
            select(Touchpoint.playbook_step).where(Touchpoint.contact_id == keep)
        ).all()
        assert sorted(s for s in steps if s) == ["meeting", "share_content", "thank_you"]
        assert session.scalar(select(SyncState.contact_id)) is None  # the card goes upstream
    assert [r["id"] for r in book.as_records()] == [keep, bystander]

    undo_merge(db, undo)
    assert everything(db, ids) == before
    assert book.as_records() == records
    with db.session() as session:
        assert session.scalar(select(SyncState.contact_id)) == other
    assert find_duplicates(db).sure == [group]


def test_the_step_furthest_along_survives_a_merge(book: ContactBook, db: Database) -> None:
    keep = book.create(person("Ana", emails=("ana@x.es",)))
    other = book.create(person("Ana", emails=("ana@x.es",)))
    event = EventBook(db).create("Expo", date=dt.date(2026, 1, 10))
    EventBook(db).add_attendees(event, [keep, other])
    fu = FollowUps(db)
    with db.session() as session:
        done_id = session.scalar(
            select(Touchpoint.id).where(
                Touchpoint.contact_id == other, Touchpoint.playbook_step == "thank_you"
            )
        )
    assert done_id is not None
    fu.mark_done(done_id, on=dt.date(2026, 1, 11), note="Sent")
    merge_groups(db, [MergePlan(keep, (other,))], REGION)
    with db.session() as session:
        rows = session.execute(
            select(Touchpoint.id, Touchpoint.status).where(
                Touchpoint.contact_id == keep, Touchpoint.playbook_step == "thank_you"
            )
        ).all()
    assert rows == [(done_id, "done")]


def test_bad_plans_are_refused_before_anything_changes(book: ContactBook, db: Database) -> None:
    a = book.create(person("A", emails=("a@x.es",)))
    b = book.create(person("B", emails=("a@x.es",)))
    c = book.create(person("C", emails=("a@x.es",)))
    with pytest.raises(ValueError, match="more than one group"):
        merge_groups(db, [MergePlan(a, (b,)), MergePlan(b, (c,))], REGION)
    with pytest.raises(LookupError, match="contact 999 no longer exists"):
        merge_groups(db, [MergePlan(a, (b,)), MergePlan(c, (999,))], REGION)
    assert book.count() == 3  # the first plan was rolled back with the second
    (group,) = find_duplicates(db).sure
    with pytest.raises(ValueError, match="not in the group"):
        MergePlan.of(group, keep=12345)
    assert MergePlan.of(group, keep=c) == MergePlan(c, (a, b))


# -- the command line -----------------------------------------------------------------------------
def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netdesk", *args],
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )


def test_cli_dry_run_then_merge(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite"
    db = open_database(path)
    book = ContactBook(db, region=REGION)
    a = book.create(person("Ana García", "Faro", emails=("ana@faro.es",)))
    b = book.create(person("A. García", emails=("ANA@faro.es",), note="from the phone"))
    c = book.create(person("Lucía Pérez", "Norte"))
    d = book.create(person("Lucia Perez", "Norte"))
    db.close()

    dry = run_cli("--db", str(path), "dedupe", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report == {
        "dry_run": True,
        "merged": [
            {"keep": a, "name": "Ana García", "merged": [b], "reasons": ["same e-mail ana@faro.es"]}
        ],
        "contacts_merged": 1,
        "suggested": [
            {
                "contact_ids": [c, d],
                "names": ["Lucía Pérez", "Lucia Perez"],
                "reasons": ["similar name at Norte"],
            }
        ],
        "backup": None,
    }
    db = open_database(path)
    assert ContactBook(db).count() == 4
    db.close()

    out = run_cli("--db", str(path), "dedupe")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert (
        lines[0]
        == "merged 1 duplicate contacts into 1; 1 possible duplicates left for you to check"
    )
    assert lines[1] == f"  #{a} Ana García ← #{b} A. García (same e-mail ana@faro.es)"
    assert (
        lines[2]
        == f"  possible duplicate: #{c} Lucía Pérez ~ #{d} Lucia Perez (similar name at Norte)"
    )
    assert lines[-1].startswith("backed up first to ")
    backup = Path(lines[-1].removeprefix("backed up first to ").split(" (undo")[0])
    assert backup.is_file() and backup.stat().st_mode & 0o077 == 0
    db = open_database(path)
    assert ContactBook(db).count() == 3
    assert ContactBook(db).get(a).note == "from the phone"
    db.close()

    again = run_cli("--db", str(path), "dedupe", "--json")
    assert json.loads(again.stdout)["merged"] == []


@pytest.mark.parametrize("region", ["US", "ES", ""])
def test_a_merged_contact_keeps_one_phone_written_two_ways(region: str) -> None:
    """#14, point 5: merging kept "600 12 34 56" and "+34 600 12 34 56" as two phones when the
    region did not say Spain; "0034 …" is the same number as "+34 …" wherever one dials."""
    from netdesk.domain.merge import merge_contact

    kept = ContactData(full_name="Ana", phones=[PhoneNumber("600 12 34 56")])
    other = ContactData(
        full_name="Ana",
        phones=[
            PhoneNumber("+34 600 12 34 56"),
            PhoneNumber("0034 600-12-34-56"),
            PhoneNumber("+34 911 22 33 44"),
            PhoneNumber("+1 212 600 1234"),  # ends differently: another phone
        ],
    )
    merged = merge_contact(kept, other, region)
    assert [p.value for p in merged.phones] == [
        "600 12 34 56",
        "+34 911 22 33 44",
        "+1 212 600 1234",
    ]
