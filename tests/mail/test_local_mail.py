"""Local mail (mbox, Maildir, Thunderbird folders): what counts, what is logged, what it does."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from bench.mailgen import ME, Message, encoded, write_maildir, write_mbox
from netdesk import cli
from netdesk.app import auto_complete, strength
from netdesk.app.contacts import ContactBook
from netdesk.app.correspondents import add_as_contact, dismiss, suggestions
from netdesk.app.dedupe import MergePlan, merge_groups
from netdesk.app.events import EventBook
from netdesk.app.interaction_list import interactions
from netdesk.app.interactions import (
    BULK_RECIPIENTS,
    EXCLUSIONS,
    MY_ADDRESSES,
    STORE_SUBJECTS,
)
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.mail.local import find_mailboxes, thunderbird_profiles
from netdesk.store.db import Database
from netdesk.store.models import Touchpoint

ANN, BOB = "ann@lee.example", "Bob.Roe@Roe.Example"
NOV = dt.datetime(2026, 11, 10, 9, 30, tzinfo=dt.UTC)


def _contact(db: Database, name: str, *addresses: str) -> int:
    emails = [EmailAddress(a) for a in addresses]
    return ContactBook(db).create(ContactData(full_name=name, emails=emails))


def _scan(db: Database, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    code = cli.run(["--db", str(db.path), "mail", "scan", *args, "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    result: dict[str, object] = json.loads(captured.out)
    return result


def _hostile_box() -> list[Message]:
    return [
        Message(ME, [ANN], subject="Thank you for yesterday", message_id="t1@me"),
        # the same message again (copied to another folder)
        Message(ME, [ANN], subject="Thank you for yesterday", message_id="t1@me"),
        # an encoded display name and subject; the contact's address in another case
        Message(
            encoded("Bob Röe", "bob.roe@roe.example"),
            [ME],
            subject="=?utf-8?q?Caf=C3=A9_ma=C3=B1ana?=",
            message_id="b1@roe",
        ),
        # Bcc to a contact: the user's copy in Sent keeps it
        Message(ME, ["someone@else.example"], bcc=[ANN], subject="FYI", message_id="bcc@me"),
        Message("Shop <news@shop.example>", [ME], extra=["List-Id: <news.shop>"], message_id="n1"),
        Message("bot@ci.example", [ME], extra=["Auto-Submitted: auto-generated"], message_id="a1"),
        Message("x@list.example", [ANN, ME], extra=["Precedence: bulk"], message_id="p1"),
        Message(ME, [f"p{i}@many.example" for i in range(10)] + [ANN], message_id="bulk1"),
        Message("", [ME], message_id="nofrom"),
        Message(ANN, [ME], raw_date="31 Foo 2026 25:99", message_id="baddate"),
        Message(ANN, [ME], date=None, message_id="nodate"),
        Message("Stranger <stranger@web.example>", [ME], subject="Hi", message_id="s1"),
        # no Message-ID at all: still logged, and once
        Message(ANN, [ME], subject="No id", date=NOV.replace(day=12)),
    ]


def test_mbox_counts_every_kind_of_message_and_logs_the_personal_ones(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = _contact(db, "Ann Lee", ANN)
    bob = _contact(db, "Bob Roe", BOB)
    box = write_mbox(tmp_path / "Sent", _hostile_box())

    report = _scan(db, capsys, str(box), "--me", ME)

    assert report == {
        "messages": 13,
        "logged": 4,
        "ignored": {"newsletter": 3, "bulk": 1, "unmatched": 1, "malformed": 3, "duplicate": 1},
        "touchpoints_completed": 0,
    }
    rows = interactions(db)
    assert {(r.contact_id, r.direction, r.subject) for r in rows} == {
        (ann, "sent", "Thank you for yesterday"),
        (bob, "received", "Café mañana"),
        (ann, "sent", "FYI"),
        (ann, "received", "No id"),
    }
    assert len(rows) == 4
    # a re-scan logs nothing twice, messages without a Message-ID included
    again = _scan(db, capsys, str(box), "--me", ME)
    assert again["logged"] == 0
    assert again["ignored"]["duplicate"] == 5  # type: ignore[index]
    assert len(interactions(db)) == 4
    assert ContactBook(db).get(ann).full_name == "Ann Lee"


def test_without_me_every_message_is_received_and_since_filters(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _contact(db, "Ann Lee", ANN)
    box = write_mbox(
        tmp_path / "box",
        [
            Message(ANN, [ME], date=NOV.replace(month=1), message_id="old"),
            Message(ANN, [ME], date=NOV, message_id="new"),
        ],
    )
    report = _scan(db, capsys, str(box), "--since", "2026-06-01")
    assert (report["messages"], report["logged"]) == (1, 1)
    assert [r.date for r in interactions(db)] == [NOV.date()]


def test_settings_me_exclusions_bulk_limit_and_no_subjects(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _contact(db, "Ann Lee", ANN)
    _contact(db, "Colleague", "pat@mycompany.example")
    store = SettingsStore(db)
    store.set(MY_ADDRESSES, [ME.upper()])
    store.set(EXCLUSIONS, ["mycompany.example"])
    store.set(BULK_RECIPIENTS, 2)
    store.set(STORE_SUBJECTS, False)
    box = write_mbox(
        tmp_path / "box",
        [
            Message(ME, [ANN], subject="Secret plans", message_id="1"),
            Message("pat@mycompany.example", [ME], message_id="2"),
            Message(ME, [ANN, "a@x.example", "b@x.example"], message_id="3"),
        ],
    )
    report = _scan(db, capsys, str(box))
    assert report["logged"] == 1
    ignored = report["ignored"]
    assert (ignored["unmatched"], ignored["bulk"]) == (1, 1)  # type: ignore[index]
    (row,) = interactions(db)
    assert (row.direction, row.subject) == ("sent", "")


def test_maildir_and_thunderbird_folders_are_found_and_read_in_place(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _contact(db, "Ann Lee", ANN)
    home = tmp_path / "home"
    profile = home / ".thunderbird" / "abcd.default-release"
    local = profile / "Mail" / "Local Folders"
    local.mkdir(parents=True)
    (home / ".thunderbird" / "profiles.ini").write_text(
        "[Profile0]\nName=default\nIsRelative=1\nPath=abcd.default-release\n", encoding="utf-8"
    )
    write_mbox(local / "Inbox", [Message(ANN, [ME], message_id="tb1")])
    (local / "Inbox.msf").write_text("// index, not mail", encoding="utf-8")
    sub = local / "Inbox.sbd"
    sub.mkdir()
    write_mbox(sub / "Clients", [Message(ME, [ANN], message_id="tb2")])
    maildir = write_maildir(
        tmp_path / "Maildir", [Message(ANN, [ME], message_id=f"md{i}") for i in range(3)]
    )
    found = thunderbird_profiles(home)
    assert found == [profile / "Mail"]
    boxes = find_mailboxes(found[0])
    assert sorted(b.label for b in boxes) == [
        "Mail/Local Folders/Inbox",
        "Mail/Local Folders/Inbox.sbd/Clients",
    ]
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}

    report = _scan(db, capsys, str(found[0]), str(maildir), "--me", ME)

    assert (report["messages"], report["logged"]) == (5, 5)
    assert sorted(r.direction for r in interactions(db)) == ["received"] * 4 + ["sent"]
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    changed = [p for p in after if p.suffix != ".sqlite" and before.get(p) != after[p]]
    assert [p for p in changed if "netdesk" not in p.name] == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing.mbox", "no such file or folder"),
        ("notmail.txt", "not an mbox file"),
        ("emptydir", "no mbox files or Maildir folders in it"),
    ],
)
def test_bad_paths_get_a_clear_message(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, message: str
) -> None:
    (tmp_path / "notmail.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "emptydir").mkdir()
    code = cli.run(["--db", str(db.path), "mail", "scan", str(tmp_path / target)])
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and target in err
    assert "Traceback" not in err


def test_truncated_and_binary_mbox_do_not_crash(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _contact(db, "Ann Lee", ANN)
    box = tmp_path / "broken"
    good = Message(ANN, [ME], message_id="ok").as_bytes().replace(b"\r\n", b"\n")
    box.write_bytes(
        b"From x\n" + good + b"\n\nFrom y\n\xff\xfe\x00garbage: \x00\n\nFrom z\nFrom: ann@lee"
    )
    report = _scan(db, capsys, str(box))
    assert report["messages"] == 3
    assert report["logged"] == 1
    assert report["ignored"]["malformed"] == 2  # type: ignore[index]


def test_sent_thank_you_completes_the_playbook_and_can_be_undone(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = _contact(db, "Ann Lee", ANN)
    events = EventBook(db)
    event = events.create("Breakfast club", date=dt.date(2026, 11, 9))
    events.add_attendees(event, [ann], today=dt.date(2026, 11, 9))
    with db.session() as session:
        plan = {
            t.kind: (t.id, t.due_date)
            for t in session.scalars(select(Touchpoint).where(Touchpoint.contact_id == ann))
        }
    assert "thank_you" in plan
    box = write_mbox(
        tmp_path / "Sent",
        [
            # before the event: does not count for its thank-you
            Message(ME, [ANN], date=NOV.replace(day=1), message_id="early"),
            Message(ME, [ANN], subject="Great to meet you", message_id="thanks"),
            # a mail *from* Ann completes nothing
            Message(ANN, [ME], date=NOV.replace(day=11), message_id="reply"),
        ],
    )
    report = _scan(db, capsys, str(box), "--me", ME)
    assert report["touchpoints_completed"] == 1
    thank_you, due = plan["thank_you"]
    state = FollowUps(db).state(thank_you)
    assert (state.status, state.done_date) == ("done", NOV.date())
    (done,) = auto_complete.completions(db, touchpoint_ids=[thank_you])
    assert (done.subject, done.source, done.channel) == ("Great to meet you", "mbox:Sent", "email")

    capsys.readouterr()
    assert cli.run(["--db", str(db.path), "reopen", str(thank_you)]) == 0
    assert "a scan had marked it done" in capsys.readouterr().out
    state = FollowUps(db).state(thank_you)
    assert (state.status, state.done_date, state.due_date) == ("planned", None, due)
    # a later scan of the same mail (or a new one) leaves an undone completion alone
    write_mbox(box, [Message(ME, [ANN], date=NOV.replace(day=20), message_id="again")])
    _scan(db, capsys, str(box), "--me", ME)
    assert FollowUps(db).state(thank_you).status == "planned"
    assert auto_complete.redo(db, [thank_you]) == 1
    assert FollowUps(db).state(thank_you).status == "done"


def test_last_touch_strength_and_the_contact_list_json(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = dt.date.today()
    ann = _contact(db, "Ann Lee", ANN)
    quiet = _contact(db, "Quiet Person", "quiet@x.example")
    recent = dt.datetime.combine(today - dt.timedelta(days=3), dt.time(12), tzinfo=dt.UTC)
    messages = [
        Message(
            ME if i % 2 else ANN,
            [ANN if i % 2 else ME],
            date=recent - dt.timedelta(days=20 * i),
            message_id=f"x{i}",
        )
        for i in range(8)
    ]
    _scan(db, capsys, str(write_mbox(tmp_path / "box", messages)), "--me", ME)
    capsys.readouterr()
    assert cli.run(["--db", str(db.path), "contacts", "--json"]) == 0
    records = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert records[ann]["last_touch"] == recent.astimezone().date().isoformat()
    parts = strength.of_contact(db, ann, today)
    assert parts.sent == 4 and parts.received == 4
    assert parts.two_way == 15
    assert records[ann]["strength"] == parts.score > 50
    assert records[quiet]["strength"] == 0 and records[quiet]["last_touch"] is None


def test_suggestions_offer_frequent_correspondents_and_never_add_them_alone(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    box = write_mbox(
        tmp_path / "box",
        [
            Message(ME, ["Carla Gómez <carla@studio.example>"], message_id="c1"),
            Message(encoded("Carla Gómez", "carla@studio.example"), [ME], message_id="c2"),
            Message(ME, ["once@x.example"], message_id="o1"),
            Message("shop@x.example", [ME], extra=["List-Id: <l>"], message_id="l1"),
        ],
    )
    _scan(db, capsys, str(box), "--me", ME)
    assert ContactBook(db).summaries("") == []
    (carla,) = suggestions(db)
    assert (carla.address, carla.name, carla.sent, carla.received) == (
        "carla@studio.example", "Carla Gómez", 1, 1,
    )  # fmt: skip
    contact_id = add_as_contact(db, carla)
    assert ContactBook(db).get(contact_id).full_name == "Carla Gómez"
    assert suggestions(db) == []
    dismiss(db, ["once@x.example"])
    assert suggestions(db, minimum=1) == []


def test_merging_contacts_keeps_their_mail_and_deleting_can_be_undone(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _contact(db, "Ann Lee", ANN)
    b = _contact(db, "Ann L.", "ann@work.example")
    box = write_mbox(
        tmp_path / "box",
        [
            Message(ANN, [ME], message_id="1"),
            Message("ann@work.example", [ME], message_id="2"),
            Message(ME, [ANN, "ann@work.example"], message_id="3"),
        ],
    )
    _scan(db, capsys, str(box), "--me", ME)
    assert len(interactions(db)) == 4
    merge_groups(db, [MergePlan(a, (b,))], "ES")
    assert len(interactions(db, a)) == 3  # the message to both is kept once
    assert {r.contact_id for r in interactions(db)} == {a}
    book = ContactBook(db)
    snapshot = book.delete([a])
    assert interactions(db) == []
    book.restore(snapshot)
    assert len(interactions(db, a)) == 3


def test_reopen_puts_a_follow_up_done_by_hand_back_to_planned(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = _contact(db, "Ann Lee", ANN)
    followups = FollowUps(db)
    tp = followups.add(ann, "call", due=dt.date(2026, 12, 1))
    followups.mark_done(tp, on=dt.date(2026, 12, 2))
    assert cli.run(["--db", str(db.path), "reopen", str(tp)]) == 0
    assert capsys.readouterr().out.strip() == f"follow-up {tp} planned again"
    state = followups.state(tp)
    assert (state.status, state.done_date, state.due_date) == (
        "planned",
        None,
        dt.date(2026, 12, 1),
    )
    assert cli.run(["--db", str(db.path), "reopen", "999999"]) == 1
    assert "no follow-up with id 999999" in capsys.readouterr().err


def test_keep_in_touch_counts_from_the_last_mail(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from netdesk.app.cadence import KeepInTouch

    ann = _contact(db, "Ann Lee", ANN)
    keep = KeepInTouch(db)
    keep.set_cadence(ann, days=30)
    later = dt.date.today() + dt.timedelta(days=31)
    assert [r.contact_id for r in keep.due(later)] == [ann]  # 30 days from the day added
    recent = dt.datetime.combine(dt.date.today() + dt.timedelta(days=20), dt.time(12), dt.UTC)
    box = write_mbox(tmp_path / "box", [Message(ANN, [ME], date=recent, message_id="r")])
    _scan(db, capsys, str(box))
    assert keep.due(later) == []  # the mail reset the clock
    (row,) = keep.due(recent.date() + dt.timedelta(days=31))
    assert row.last_touch == recent.astimezone().date()
