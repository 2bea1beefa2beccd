"""Importing cards as batches: new, merged, suggested, rejected; events; undo."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from netdesk.app.contacts import ContactBook
from netdesk.app.import_undo import list_batches, undo_import
from netdesk.app.importer import EventChoice, ImportRequest, import_all, run_import
from netdesk.app.playbook import default_playbook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber
from netdesk.store.db import Database

FIXTURES = Path(__file__).parent / "fixtures"
BREAKFAST = FIXTURES / "breakfast.vcf"
MIXED = FIXTURES / "mixed-with-broken.vcf"


def names(db: Database) -> list[str]:
    return [s.full_name for s in ContactBook(db).summaries()]


def test_new_cards_are_created_with_their_fields(db: Database) -> None:
    report = import_all(db, ImportRequest([BREAKFAST]), "ES")
    assert (report.cards, report.created, report.merged) == (3, 3, 0)
    assert report.rejected == []
    assert names(db) == ["Grace Clarke", "Lucía Pérez", "Tomás Ruiz"]
    (lucia,) = ContactBook(db).as_records("lucia")
    assert lucia["organization"] == "Estudio Norte"
    assert lucia["tags"] == ["architects", "madrid"]
    assert lucia["phones"] == ["+34 600 12 34 56"]


def test_a_broken_card_is_reported_and_the_rest_imports(db: Database) -> None:
    report = import_all(db, ImportRequest([MIXED]), "ES")
    assert report.cards == 3
    assert [(r.card, bool(r.reason)) for r in report.rejected] == [(2, True)]
    assert names(db) == ["Hugo Díaz", "Irene Moreno"]
    as_json = report.to_json()
    assert as_json["rejected"][0]["file"] == str(MIXED)
    assert as_json["rejected"][0]["card"] == 2


def test_reimporting_changes_nothing_and_keeps_no_batch(db: Database) -> None:
    import_all(db, ImportRequest([BREAKFAST]), "ES")
    again = import_all(db, ImportRequest([BREAKFAST]), "ES")
    assert (again.created, again.merged, again.unchanged) == (0, 0, 3)
    assert again.batch_id is None and len(list_batches(db)) == 1
    assert len(names(db)) == 3


def test_same_email_different_case_merges_keeping_everything(db: Database) -> None:
    book = ContactBook(db, "ES")
    cid = book.create(
        ContactData(
            full_name="Lucía Pérez (Norte)",
            emails=[EmailAddress("LUCIA@NORTE.EXAMPLE")],
            phones=[PhoneNumber("699 000 111")],
            note="Knows the mayor.",
            tags=["vip"],
        )
    )
    report = import_all(db, ImportRequest([BREAKFAST]), "ES")
    assert report.merged == 1
    merged = book.get(cid)
    assert merged.full_name == "Lucía Pérez (Norte)"  # what the user typed is kept
    assert [e.value for e in merged.emails] == ["LUCIA@NORTE.EXAMPLE"]
    assert [p.value for p in merged.phones] == ["699 000 111", "+34 600 12 34 56"]
    assert merged.tags == ["architects", "madrid", "vip"]
    assert merged.note == "Knows the mayor.\n\nLooking for a lawyer for a new client."
    assert merged.organization == "Estudio Norte"  # empty before, filled in


def test_same_phone_written_differently_merges(db: Database) -> None:
    book = ContactBook(db, "ES")
    cid = book.create(ContactData(full_name="T. Ruiz", phones=[PhoneNumber("915550102")]))
    import_all(db, ImportRequest([BREAKFAST]), "ES")
    assert [e.value for e in book.get(cid).emails] == ["tomas@ruiz.example"]
    assert len(names(db)) == 3


def test_similar_name_at_same_organisation_is_only_suggested(db: Database) -> None:
    book = ContactBook(db, "ES")
    existing = book.create(ContactData(full_name="Lucia Perez", organization="Estudio Norte"))
    report = import_all(db, ImportRequest([BREAKFAST]), "ES")
    (suggestion,) = report.suggested
    assert suggestion.card == 1
    assert suggestion.target_name == "Lucia Perez"
    assert len(names(db)) == 4  # kept separate until the user decides
    # The user decides to merge: re-run with the decision.
    undo_import(db, report.batch_id or 0)
    decided = import_all(
        db, ImportRequest([BREAKFAST], decisions={(str(BREAKFAST), 1): existing}), "ES"
    )
    assert decided.merged == 1 and decided.suggested == []
    assert [e.value for e in book.get(existing).emails] == ["lucia@norte.example"]


def test_duplicates_inside_one_file_become_one_contact(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "twice.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Gil\nEMAIL:ana@gil.example\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Gil\nEMAIL:ANA@gil.example\nTEL:+34 611 222 333\n"
        "END:VCARD\n",
        encoding="utf-8",
    )
    report = import_all(db, ImportRequest([path]), "ES")
    assert (report.created, report.merged) == (1, 1)
    (ana,) = ContactBook(db).as_records()
    assert ana["phones"] == ["+34 611 222 333"]


def test_event_and_playbook_are_attached(db: Database) -> None:
    met = dt.date(2026, 11, 16)
    request = ImportRequest(
        [BREAKFAST],
        event=EventChoice(name="Chamber breakfast", date=met, cost=Decimal("25"), hours=2.5),
    )
    report = import_all(db, request, "ES", default_playbook())
    assert report.touchpoints_planned == 9
    records = ContactBook(db).as_records()
    assert all(r["events"] == ["Chamber breakfast"] for r in records)
    due = FollowUps(db).due(met, 30)
    assert sorted({d.kind for d in due}) == ["meeting", "share_content", "thank_you"]
    # The same cards again: merged, and no follow-up is planned twice.
    again = import_all(db, request, "ES", default_playbook())
    assert again.touchpoints_planned == 0
    assert len(FollowUps(db).due(met, 30)) == 9


def test_dry_run_changes_nothing(db: Database) -> None:
    report = import_all(db, ImportRequest([BREAKFAST], dry_run=True), "ES")
    assert report.created == 3 and report.batch_id is None
    assert names(db) == []
    assert list_batches(db) == []


def test_undo_removes_created_and_reverts_merged(db: Database) -> None:
    book = ContactBook(db, "ES")
    cid = book.create(ContactData(full_name="Tomás", emails=[EmailAddress("tomas@ruiz.example")]))
    before = book.as_records()
    report = import_all(
        db,
        ImportRequest([BREAKFAST], event=EventChoice(name="Breakfast")),
        "ES",
        default_playbook(),
    )
    assert report.merged == 1 and report.created == 2
    assert book.get(cid).organization == "Bufete Ruiz"
    removed, reverted = undo_import(db, report.batch_id or 0)
    assert (removed, reverted) == (2, 1)
    after = book.as_records()
    for record in before + after:
        record.pop("updated_at")
    assert after == before
    assert FollowUps(db).due(dt.date.today(), 60) == []
    assert book.summaries("brightside") == []
    with pytest.raises(ValueError, match="already undone"):
        undo_import(db, report.batch_id or 0)


def test_progress_is_reported_and_the_batch_lands_whole(db: Database, tmp_path: Path) -> None:
    big = tmp_path / "many.vcf"
    big.write_text(
        "".join(
            f"BEGIN:VCARD\nVERSION:3.0\nFN:Person {i}\nEMAIL:p{i}@example.org\nEND:VCARD\n"
            for i in range(1200)
        ),
        encoding="utf-8",
    )
    steps = run_import(db, ImportRequest([big]), "ES")
    progress = [next(steps), next(steps)]
    assert progress[0].done < progress[1].done <= progress[1].total == 1200
    steps.close()  # cancelled half-way: nothing may remain
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM contact")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM import_batch")).scalar() == 0
    report = import_all(db, ImportRequest([big]), "ES")
    assert report.created == 1200
    assert ContactBook(db).count("p1199") == 1


def test_unreadable_and_empty_files_are_reported(db: Database, tmp_path: Path) -> None:
    empty = tmp_path / "empty.vcf"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.vcf"
    junk.write_bytes(b"\x00\x01 this is not a card")
    report = import_all(db, ImportRequest([empty, junk, BREAKFAST]), "ES")
    reasons = {Path(r.file).name: r.reason for r in report.rejected}
    assert reasons["empty.vcf"] == "the file is empty"
    assert "no business cards" in reasons["junk.vcf"]
    assert report.created == 3
    assert json.dumps(report.to_json())  # serialisable as the CLI prints it


def big_export(path: Path, count: int) -> Path:
    """A phone export big enough to be parsed by worker processes (over PARALLEL_BYTES)."""
    path.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nN:{i};Person;;;\r\n"
            f"ORG:Firm {i}\r\nEMAIL;TYPE=WORK:p{i}@example.org\r\n"
            f"TEL;TYPE=CELL:+34 6{i:08d}\r\nNOTE:Met at the fair\\, stand {i}\r\nEND:VCARD\r\n"
            for i in range(count)
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    from netdesk.interop.vcard_stream import ENV_WORKERS

    monkeypatch.setenv(ENV_WORKERS, "2")


@pytest.mark.usefixtures("two_workers")
def test_a_big_file_parsed_in_workers_lands_whole_and_merges_its_own_duplicates(
    db: Database, tmp_path: Path
) -> None:
    import multiprocessing

    from netdesk.app.importer import PREVIEW_NEW
    from netdesk.interop.vcard_stream import PARALLEL_BYTES

    path = big_export(tmp_path / "export.vcf", 3000)
    with path.open("a", encoding="utf-8") as fh:  # card 3001: card 2 again, e-mail in capitals
        fh.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P. Two\r\nEMAIL:P2@EXAMPLE.ORG\r\n")
        fh.write("TITLE:Buyer\r\nEND:VCARD\r\n")
    assert path.stat().st_size > PARALLEL_BYTES
    report = import_all(db, ImportRequest([path]), "ES")
    assert (report.cards, report.created, report.merged, report.rejected) == (3001, 3000, 1, [])
    # Counted, not kept: the report lists the first new cards and every merge, no more.
    assert len(report.outcomes) == PREVIEW_NEW + 1
    (merge,) = [o for o in report.outcomes if o.action == "merged"]
    assert (merge.card, merge.target_name) == (3001, "Person 2")
    assert ContactBook(db).count() == 3000
    two = ContactBook(db).get(merge.contact_id or 0)
    assert (two.full_name, two.title, two.note) == ("Person 2", "Buyer", "Met at the fair, stand 2")
    assert [e.value for e in two.emails] == ["p2@example.org"]
    assert multiprocessing.active_children() == []
    removed, _reverted = undo_import(db, report.batch_id or 0)
    assert removed == 3000 and ContactBook(db).count() == 0


@pytest.mark.usefixtures("two_workers")
def test_cancelling_a_big_import_stops_the_workers_and_writes_nothing(
    db: Database, tmp_path: Path
) -> None:
    import multiprocessing

    path = big_export(tmp_path / "export.vcf", 6000)
    steps = run_import(db, ImportRequest([path]), "ES")
    first = next(steps)
    assert 0 < first.done < first.total == 6000
    assert multiprocessing.active_children()  # the file is being parsed in worker processes
    steps.close()  # what Cancel does
    assert multiprocessing.active_children() == []
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM contact")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM import_change")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM import_batch")).scalar() == 0
