"""Import is idempotent and merges sure duplicates the way dedupe finds them (#15, point 4).

Importing a file twice, or an export of the same book, changes and merges nothing; sure
duplicates inside one import are merged even when a later card is what joins them, in another
chunk of a big file too; the batch's undo puts everything back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netdesk.app import importer
from netdesk.app.contacts import ContactBook
from netdesk.app.dedupe import find_duplicates
from netdesk.app.exporting import export_text
from netdesk.app.import_undo import list_batches, undo_import
from netdesk.app.importer import EventChoice, ImportRequest, import_all
from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber
from netdesk.store.db import Database

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "vcards" / "valid"


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"the vCard corpus is not at {CORPUS}")
    return sorted(CORPUS.iterdir())


def _book(db: Database) -> str:
    """The whole book as netdesk's CSV: every field of every contact, photos included."""
    return export_text(db, "csv")


def _card(name: str, *lines: str) -> str:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:"
        + name
        + "\r\n"
        + "".join(line + "\r\n" for line in lines)
        + "END:VCARD\r\n"
    )


def test_the_corpus_leaves_no_sure_duplicate_for_dedupe(db: Database) -> None:
    report = import_all(db, ImportRequest(_corpus_files()), "US")
    assert report.cards == 229
    assert find_duplicates(db, suggestions=False).sure == []
    # the ten phones the issue found on two contacts (joined through a third card) are on one
    holders = [r for r in ContactBook(db).as_records("Roid Ando") if len(r["phones"]) >= 10]
    assert len(holders) == 1


def test_importing_the_corpus_again_changes_nothing(db: Database) -> None:
    import_all(db, ImportRequest(_corpus_files()), "US")
    before = _book(db)
    again = import_all(db, ImportRequest(_corpus_files()), "US")
    assert (again.created, again.merged, again.unchanged) == (0, 0, 229)
    assert again.batch_id is None and len(list_batches(db)) == 1
    assert _book(db) == before


@pytest.mark.parametrize("fmt", ["vcard", "vcard4", "csv"])
def test_importing_an_export_of_the_book_changes_nothing(
    db: Database, tmp_path: Path, fmt: str
) -> None:
    import_all(db, ImportRequest(_corpus_files()), "US")
    before = _book(db)
    exported = tmp_path / f"book.{'csv' if fmt == 'csv' else 'vcf'}"
    exported.write_text(export_text(db, fmt), encoding="utf-8")
    again = import_all(db, ImportRequest([exported]), "US")
    assert (again.created, again.merged) == (0, 0)
    assert again.unchanged == again.cards == len(ContactBook(db).summaries())
    assert _book(db) == before


def test_two_people_sharing_a_phone_survive_a_reimport_of_their_export(
    db: Database, tmp_path: Path
) -> None:
    """The issue's case: an export re-imported merged two people and mixed their N fields."""
    book = ContactBook(db, "ES")
    book.create(ContactData(full_name="Ana Gil", given_name="Ana", family_name="Gil",
                            phones=[PhoneNumber("+34 910 000 001", "work")]))  # fmt: skip
    book.create(ContactData(full_name="Luis Mora", given_name="Luis", family_name="Mora",
                            phones=[PhoneNumber("+34 910 000 001", "work")]))  # fmt: skip
    exported = tmp_path / "book.vcf"
    exported.write_text(export_text(db, "vcard"), encoding="utf-8")
    again = import_all(db, ImportRequest([exported]), "ES")
    assert (again.created, again.merged, again.unchanged) == (0, 0, 2)
    people = {r["full_name"]: r for r in book.as_records("")}
    assert set(people) == {"Ana Gil", "Luis Mora"}
    assert people["Luis Mora"]["given_name"] == "Luis"


@pytest.mark.parametrize("chunk", [1, 500])
def test_a_later_card_joining_two_earlier_ones_merges_all_three(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(importer, "CHUNK", chunk)  # 1: every card in a chunk of its own
    path = tmp_path / "three.vcf"
    path.write_text(
        _card("Ana Gil", "TEL:+34 600 000 001")
        + _card("A. Gil", "EMAIL:ana@gil.example")
        + _card("Ana G.", "EMAIL:ana@gil.example", "TEL:+34 600 000 001"),
        encoding="utf-8",
    )
    report = import_all(db, ImportRequest([path]), "ES")
    assert (report.created, report.merged) == (1, 2)
    (ana,) = ContactBook(db).as_records("")
    assert ana["full_name"] == "Ana Gil"  # the earliest card's contact is kept, as dedupe does
    assert sorted(ana["emails"]) == ["ana@gil.example"]
    assert find_duplicates(db, suggestions=False).sure == []
    assert report.batch_id is not None
    undo_import(db, report.batch_id)
    assert ContactBook(db).summaries() == []


def test_a_chain_into_a_stored_contact_keeps_it_and_undo_restores_it(
    db: Database, tmp_path: Path
) -> None:
    book = ContactBook(db, "ES")
    stored = book.create(ContactData(full_name="Ana Gil", note="from the fair",
                                     phones=[PhoneNumber("+34 600 000 001")]))  # fmt: skip
    path = tmp_path / "two.vcf"
    path.write_text(
        _card("A. Gil", "EMAIL:ana@gil.example", "TITLE:CEO")
        + _card("Ana G.", "EMAIL:ana@gil.example", "TEL:+34 600 000 001"),
        encoding="utf-8",
    )
    report = import_all(db, ImportRequest([path]), "ES")
    assert (report.created, report.merged) == (0, 2)
    (ana,) = book.as_records("")
    assert (ana["id"], ana["title"], ana["emails"]) == (stored, "CEO", ["ana@gil.example"])
    assert report.batch_id is not None
    undo_import(db, report.batch_id)
    (back,) = book.as_records("")
    assert (back["id"], back["title"], back["emails"], back["note"]) == (
        stored, "", [], "from the fair"
    )  # fmt: skip


def test_two_stored_contacts_a_card_joins_are_left_to_dedupe(db: Database, tmp_path: Path) -> None:
    book = ContactBook(db, "ES")
    first = book.create(ContactData(full_name="Ana Gil", phones=[PhoneNumber("+34 600 000 001")]))
    second = book.create(
        ContactData(full_name="Ana Gil Ruiz", emails=[EmailAddress("ana@gil.example")])
    )
    path = tmp_path / "join.vcf"
    path.write_text(_card("Ana", "EMAIL:ana@gil.example", "TEL:+34 600 000 001"), encoding="utf-8")
    import_all(db, ImportRequest([path]), "ES")
    assert sorted(r["id"] for r in book.as_records("")) == [first, second]
    assert [g.contact_ids for g in find_duplicates(db, suggestions=False).sure] == [(first, second)]


def test_people_met_again_are_linked_to_the_new_event_even_with_nothing_new(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "badge.vcf"
    path.write_text(_card("Ana Gil", "EMAIL:ana@gil.example"), encoding="utf-8")
    import_all(db, ImportRequest([path], event=EventChoice(name="Fair 2026")), "ES")
    again = import_all(db, ImportRequest([path], event=EventChoice(name="Expo 2027")), "ES")
    assert (again.created, again.merged, again.unchanged) == (0, 0, 1)
    assert again.batch_id is not None  # kept: it links Ana to the new event, and can be undone
    (ana,) = ContactBook(db).as_records("")
    assert sorted(ana["events"]) == ["Expo 2027", "Fair 2026"]


def test_lines_other_programs_wrote_are_stored_by_an_import(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.vcf"
    path.write_text(_card("Ana Gil", "X-FOO:bar", "item1.X-ABDATE:2001-01-01"), encoding="utf-8")
    import_all(db, ImportRequest([path]), "ES")
    (cid,) = [r["id"] for r in ContactBook(db).as_records("")]
    assert ContactBook(db).get(cid).extra == ["X-FOO:bar", "item1.X-ABDATE:2001-01-01"]


def test_a_card_with_nothing_new_under_the_name_in_other_case_is_unchanged(
    db: Database, tmp_path: Path
) -> None:
    ContactBook(db).create(ContactData(full_name="Ana Gil", note="met at the fair"))
    path = tmp_path / "upper.vcf"
    path.write_text(_card("ANA GIL"), encoding="utf-8")  # no e-mail or phone to match by
    report = import_all(db, ImportRequest([path]), "ES")
    assert (report.created, report.unchanged) == (0, 1)
    assert [s.full_name for s in ContactBook(db).summaries()] == ["Ana Gil"]
