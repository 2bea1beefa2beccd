"""What an import takes at its boundary: wide Unicode files read, control characters and
invalid e-mail addresses kept out with a reason, no empty batch, true messages (#15, point 6)."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from netdesk.app.contacts import ContactBook
from netdesk.app.import_checks import clean_incoming
from netdesk.app.importer import ImportRequest, import_all
from netdesk.domain.contact_data import ContactData, PhoneNumber, PostalAddress, WebAddress
from netdesk.domain.validation import CONTROL
from netdesk.store.db import Database
from netdesk.store.models import ImportBatch

CARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Begoña Núñez\r\nEMAIL:bego@example.es\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Güell\r\nTEL:+34 600 000 002\r\nEND:VCARD\r\n"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_vcards_with_a_bom_are_read(
    codec: str, tmp_path: Path, db: Database
) -> None:
    path = tmp_path / "wide.vcf"
    path.write_bytes(("\ufeff" + CARDS).encode(codec))
    report = import_all(db, ImportRequest(files=[path]), "ES")
    assert report.created == 2 and not report.rejected
    assert sorted(s.full_name for s in ContactBook(db).summaries()) == ["Begoña Núñez", "Zoë Güell"]


def test_control_characters_and_invalid_addresses_are_kept_out_with_a_reason(
    tmp_path: Path, db: Database
) -> None:
    path = tmp_path / "junk.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nora\x00 Nul\r\nEMAIL:nora@\x00nul.example\r\n"
        b"EMAIL:nora@ok.example\r\nNOTE:first\\nsecond\x07\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Trunc\r\nEMAIL:trunc@"
    )
    report = import_all(db, ImportRequest(files=[path]), "ES")
    records = {r["full_name"]: r for r in ContactBook(db).as_records()}
    assert set(records) == {"Nora Nul", "Trunc"}
    assert records["Nora Nul"]["emails"] == ["nora@ok.example"]
    assert records["Nora Nul"]["note"] == "first\nsecond"
    assert records["Trunc"]["emails"] == []
    said = [w for _file, _card, w in report.warnings]
    assert "control characters removed from the name" in said
    assert "e-mail “nora@?nul.example” is not an e-mail address; left out" in said
    assert any("“trunc@” is not an e-mail address" in w for w in said)


def test_an_import_in_which_every_card_is_rejected_leaves_no_batch(
    tmp_path: Path, db: Database
) -> None:
    path = tmp_path / "none.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n", encoding="utf-8")
    report = import_all(db, ImportRequest(files=[path]), "ES")
    assert report.rejected and report.batch_id is None
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0
    done = subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db.path), "import", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "undo with" not in done.stdout


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs a device file")
def test_a_link_to_a_device_is_not_a_regular_file(tmp_path: Path, db: Database) -> None:
    link = tmp_path / "device.vcf"
    link.symlink_to("/dev/null")
    done = subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db.path), "import", str(link)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "not a regular file" in done.stderr
    assert "no such file" not in done.stderr


@pytest.mark.parametrize("joint", [b"END:VCARDBEGIN:VCARD", b"end:vcard  BEGIN:VCARD"])
def test_cards_glued_on_one_line_are_two_people(tmp_path: Path, db: Database, joint: bytes) -> None:
    """A careless concatenation ("END:VCARDBEGIN:VCARD") once folded two people into one."""
    path = tmp_path / "glued.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Glued\r\nEMAIL:ana@g.example\r\n"
        + joint
        + b"\r\nVERSION:3.0\r\nFN:Bea Glued\r\nEMAIL:bea@g.example\r\nEND:VCARD\r\n"
        + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cid\r\nNOTE:END:VCARDBEGIN:VCARD stays text\r\n"
        + b"END:VCARD\r\n"
    )
    report = import_all(db, ImportRequest(files=[path]), "ES")
    assert (report.created, len(report.rejected)) == (3, 0)
    book = ContactBook(db)
    names = sorted(s.full_name for s in book.summaries(""))
    assert names == ["Ana Glued", "Bea Glued", "Cid"]
    cid = next(s.id for s in book.summaries("Cid"))
    assert book.get(cid).note == "END:VCARDBEGIN:VCARD stays text"


def _reference_clean(data: ContactData) -> ContactData:
    """The rule, spelled out: control characters go from every text; line breaks and tabs
    become spaces except in notes and address labels."""
    import dataclasses

    def clean(item: object) -> None:
        for spec in dataclasses.fields(item):  # type: ignore[arg-type]
            value = getattr(item, spec.name)
            if isinstance(value, str):
                value = CONTROL.sub("", value)
                if spec.name not in ("note", "label"):
                    value = value.replace("\r", " ").replace("\n", " ").replace("\t", " ")
                setattr(item, spec.name, value)

    expected = copy.deepcopy(data)
    clean(expected)
    for item in [*expected.phones, *expected.addresses, *expected.urls]:
        clean(item)
    return expected


@given(
    st.lists(
        st.text(alphabet=st.sampled_from("ab \r\n\t\x00\x07\x1b\x7fñ€"), max_size=8),
        min_size=8,
        max_size=8,
    )
)
def test_cleaning_follows_the_rule_for_any_text(texts: list[str]) -> None:
    data = ContactData(
        full_name=texts[0] + "x",
        given_name=texts[1],
        organization=texts[2],
        note=texts[3],
        title=texts[4],
        phones=[PhoneNumber(texts[5] + "600", "cell")],
        addresses=[PostalAddress(street=texts[6], label=texts[7])],
        urls=[WebAddress("https://example.org/" + texts[6])],
    )
    expected = _reference_clean(data)
    original = copy.deepcopy(data)
    warnings = clean_incoming(data)
    for name in ("full_name", "given_name", "organization", "note", "title"):
        assert getattr(data, name) == getattr(expected, name), name
    assert data.phones == expected.phones
    assert data.addresses == expected.addresses
    assert data.urls == expected.urls
    assert bool(warnings) == (expected != original)  # every change is reported
