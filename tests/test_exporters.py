"""Exporters: vCard 3.0/4.0 and CSV text that other programs accept and netdesk reads back whole."""

from __future__ import annotations

import base64
import dataclasses
import importlib
import re
import struct
import zlib
from collections.abc import Callable, Iterable
from types import ModuleType

import pytest
import vobject

from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)
from netdesk.interop.csv_reader import read_csv, sniff
from netdesk.interop.csv_writer import write_csv
from netdesk.interop.vcard_writer import VCardVersion, escape_text, fold, write_vcard, write_vcards


def _tiny_png() -> bytes:
    """A valid 1×1 red PNG, built here so the test owns its fixture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _rich() -> ContactData:
    return ContactData(
        full_name="Dr. José María Ñúñez, Jr.",
        given_name="José",
        family_name="Ñúñez; de la Peña",
        additional_names="María",
        prefix="Dr.",
        suffix="Jr.",
        nickname="Pepe",
        organization="Acme Ibérica, S.L.; Madrid",
        department="I+D \\ Laboratorio",
        title="Director, R&D",
        role="Architect; lead",
        note="First line, with a comma; and a semicolon.\nSecond line \\ backslash.\nÚltima línea.",
        birthday="--03-22",
        emails=[
            EmailAddress("jose.nunez@acme.example", "work", True),
            EmailAddress("pepe@example.com", "home"),
            EmailAddress("asistente@acme.example", "@work"),
        ],
        phones=[
            PhoneNumber("+34 600 123 456", "cell", True),
            PhoneNumber("+34 910 000 000", "work"),
            PhoneNumber("+34 910 000 001", "work fax"),
            PhoneNumber("+34 910 000 002", "Assistant"),
            PhoneNumber("+34 910 000 003", "pager"),
        ],
        addresses=[
            PostalAddress(
                kind="work",
                po_box="Apdo. 12",
                extended="Planta 3",
                street="Calle Mayor 1, 3º B\nEdificio Norte",
                city="Madrid",
                region="Comunidad de Madrid",
                postal_code="28013",
                country="España",
            ),
            PostalAddress(
                kind="home",
                street="Calle Luna 5",
                city="Alcalá de Henares",
                postal_code="28801",
                country="España",
                label="Calle Luna 5\n28801 Alcalá de Henares",
            ),
        ],
        urls=[
            WebAddress("https://acme.example/es?a=1,b=2", "work"),
            WebAddress("https://www.linkedin.com/in/pepe-nunez", "LinkedIn"),
        ],
        tags=["Clientes", "VIP, Madrid", "Golf"],
        photo=_tiny_png(),
        photo_mime="image/png",
        uid="urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
    )


def _organisation_only() -> ContactData:
    return ContactData(
        organization="Ferretería López",
        emails=[EmailAddress("ventas@ferreteria.example")],
        phones=[PhoneNumber("+34 955 000 000")],
    )


def _long_note() -> ContactData:
    return ContactData(
        given_name="Zoë",
        family_name="O'Brien",
        birthday="1980-02-29",
        note="ñ" * 90 + " — a long note with 😀 emoji and accents: áéíóú " * 3,
        emails=[EmailAddress("zoe@example.com")],
        tags=["Golf"],
    )


FIXTURES = [_rich, _organisation_only, _long_note]


def _expected(contact: ContactData, *, photo: bool, version: str = "") -> ContactData:
    """What a reader should give back: FN is always written, so full_name is filled in, and
    a card read says which version it was written in."""
    expected = dataclasses.replace(contact, full_name=contact.display_name(), version=version)
    if not photo:
        expected.photo = None
        expected.photo_mime = None
    return expected


def _differences(got: ContactData, want: ContactData) -> list[str]:
    """Field-by-field, so a failure names exactly what did not survive."""
    return [
        f"{f.name}: got {getattr(got, f.name)!r}, want {getattr(want, f.name)!r}"
        for f in dataclasses.fields(ContactData)
        if getattr(got, f.name) != getattr(want, f.name)
    ]


def _vcard_reader() -> ModuleType:
    try:
        return importlib.import_module("netdesk.interop.vcard_reader")
    except ModuleNotFoundError:
        pytest.skip("netdesk.interop.vcard_reader does not exist yet (written by another helper)")


def _read_back(text: str) -> list[ContactData]:
    reader = _vcard_reader()
    results = list(reader.read_vcards(text.encode("utf-8")))
    assert [r.error for r in results] == [None] * len(results)
    return [r.contact for r in results]


# ------------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("version", ["3.0", "4.0"])
@pytest.mark.parametrize("make", FIXTURES, ids=lambda f: f.__name__.strip("_"))
def test_vcard_round_trip_keeps_every_field(
    version: VCardVersion, make: Callable[[], ContactData]
) -> None:
    contact = make()
    [back] = _read_back(write_vcard(contact, version))
    assert _differences(back, _expected(contact, photo=True, version=version)) == []


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcard_round_trip_of_several_cards(version: VCardVersion) -> None:
    contacts = [make() for make in FIXTURES]
    back = _read_back(write_vcards(contacts, version))
    assert len(back) == len(contacts)
    for got, original in zip(back, contacts, strict=True):
        assert _differences(got, _expected(original, photo=True, version=version)) == []


def test_csv_round_trip_keeps_every_field_the_photo_too() -> None:
    contacts = [make() for make in FIXTURES]
    text = write_csv(contacts)
    raw = text.encode("utf-8-sig")
    assert sniff(raw).kind == "netdesk"
    rows = list(read_csv(raw))
    assert [r.error for r in rows] == [None] * len(contacts)
    assert [r.warnings for r in rows] == [[]] * len(contacts)
    for row, original in zip(rows, contacts, strict=True):
        assert row.contact is not None
        want = dataclasses.replace(_expected(original, photo=True), full_name=original.full_name)
        assert _differences(row.contact, want) == []
    assert rows[0].contact is not None and rows[0].contact.photo == _tiny_png()


# --------------------------------------------------------------------------- vCard format


def _physical_lines(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # CRLF only, no bare LF or CR
    return text[:-2].split("\r\n")


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_lines_are_folded_at_75_octets_without_splitting_characters(version: VCardVersion) -> None:
    text = write_vcards([make() for make in FIXTURES], version)
    for line in _physical_lines(text):
        assert len(line.encode("utf-8")) <= 75, line
    folded = fold("NOTE:" + "€" * 40)
    pieces = folded.split("\r\n")
    assert len(pieces) > 1 and all(len(p.encode()) <= 75 for p in pieces)
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == "NOTE:" + "€" * 40


def _unfolded(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_vcard_30_content_lines() -> None:
    lines = _unfolded(write_vcard(_rich(), "3.0"))
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
    assert "FN:Dr. José María Ñúñez\\, Jr." in lines
    assert "N:Ñúñez\\; de la Peña;José;María;Dr.;Jr." in lines
    assert "ORG:Acme Ibérica\\, S.L.\\; Madrid;I+D \\\\ Laboratorio" in lines
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-22" in lines  # 3.0 has no yearless date
    assert "EMAIL;TYPE=work,pref:jose.nunez@acme.example" in lines
    assert "TEL;TYPE=work,fax:+34 910 000 001" in lines
    assert "item2.TEL:+34 910 000 002" in lines and "item2.X-ABLabel:Assistant" in lines
    assert "CATEGORIES:Clientes,VIP\\, Madrid,Golf" in lines
    assert "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1" in lines
    photo = next(line for line in lines if line.startswith("PHOTO"))
    assert photo.startswith("PHOTO;ENCODING=b;TYPE=PNG:")
    assert base64.b64decode(photo.split(":", 1)[1]) == _tiny_png()
    assert lines[-2] == "END:VCARD"


def test_vcard_40_content_lines() -> None:
    lines = _unfolded(write_vcard(_rich(), "4.0"))
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:4.0"]
    assert "BDAY:--0322" in lines
    assert "EMAIL;TYPE=work;PREF=1:jose.nunez@acme.example" in lines
    assert any(line.startswith("PHOTO:data:image/png;base64,") for line in lines)
    assert "BDAY:19800229" in _unfolded(write_vcard(_long_note(), "4.0"))
    assert "BDAY:1980-02-29" in _unfolded(write_vcard(_long_note(), "3.0"))


def test_fn_is_always_present() -> None:
    lines = _unfolded(write_vcard(_organisation_only()))
    assert "FN:Ferretería López" in lines and "N:;;;;" in lines
    assert any(line.startswith("FN:") for line in _unfolded(write_vcard(ContactData(), "4.0")))


def test_escape_text() -> None:
    assert escape_text("a\\b,c;d\ne\r\nf") == "a\\\\b\\,c\\;d\\ne\\nf"


def test_vobject_parses_the_30_output() -> None:
    contacts = [make() for make in FIXTURES]
    cards = list(vobject.readComponents(write_vcards(contacts, "3.0")))
    assert len(cards) == len(contacts)
    rich = cards[0]
    assert rich.fn.value == "Dr. José María Ñúñez, Jr."
    assert rich.note.value == _rich().note
    assert rich.n.value.family == "Ñúñez; de la Peña"
    assert rich.org.value == ["Acme Ibérica, S.L.; Madrid", "I+D \\ Laboratorio"]
    assert rich.photo.value == _tiny_png()
    assert [a.value.city for a in rich.contents["adr"]] == ["Madrid", "Alcalá de Henares"]
    assert cards[2].note.value == _long_note().note


# ------------------------------------------------------------------------------ CSV format


def _csv_header(contacts: Iterable[ContactData]) -> list[str]:
    return write_csv(contacts).split("\r\n", 1)[0].split(",")


def test_csv_has_as_many_item_columns_as_the_fullest_contact() -> None:
    header = _csv_header([_rich(), _organisation_only()])
    assert header[:3] == ["Name", "Given name", "Family name"]
    assert header[-7:] == [
        "Birthday",
        "Tags",
        "Note",
        "UID",
        "Photo",
        "vCard version",
        "Other vCard lines",
    ]
    assert "E-mail 3" in header and "E-mail 4" not in header
    assert "Phone 5 kind" in header and "Phone 6" not in header
    assert "Address 2 street" in header and "Address 3 street" not in header
    assert "URL 2" in header
    single = _csv_header([_organisation_only()])
    assert "E-mail 1" in single and "Address 1 city" in single and "E-mail 2" not in single


def test_csv_writes_tags_with_their_separator() -> None:
    rows = list(read_csv(write_csv([_rich()]).encode()))
    assert rows[0].contact is not None
    assert rows[0].contact.tags == ["Clientes", "VIP, Madrid", "Golf"]
    assert "Clientes ; VIP, Madrid ; Golf" in write_csv([_rich()])


def test_empty_export_is_a_header_only_csv_that_reads_back_empty() -> None:
    text = write_csv([])
    assert text.count("\r\n") == 1
    assert list(read_csv(text.encode())) == []
    assert write_vcards([]) == ""


def test_no_control_characters_leak_into_vcard_lines() -> None:
    text = write_vcards([make() for make in FIXTURES], "4.0")
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
