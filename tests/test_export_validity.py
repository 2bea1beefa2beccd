"""Exports valid for their stated version, checked by independent validators over the shared
corpus, and the corpus round-tripping through vCard 3.0, 4.0 and CSV with nothing lost or
changed (#15). The validators and what each is trusted for: tests/vcard_validators.py."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import vobject

from netdesk.domain.contact_data import ContactData, PhoneNumber, PostalAddress, WebAddress
from netdesk.interop.csv_reader import read_csv
from netdesk.interop.csv_writer import write_csv
from netdesk.interop.vcard_reader import read_vcards
from netdesk.interop.vcard_writer import VCardVersion, write_vcard, write_vcards
from tests.vcard_validators import (
    strict_30_problems,
    vcard4_problems,
    vcard4_validator_missing,
)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "vcards" / "valid"


def _corpus() -> list[ContactData]:
    if not CORPUS.is_dir():
        pytest.skip(f"the vCard corpus is not at {CORPUS}")
    return [
        r.contact
        for path in sorted(CORPUS.iterdir())
        for r in read_vcards(path.read_bytes())
        if r.contact is not None
    ]


def _need_vcard4_validator() -> None:
    missing = vcard4_validator_missing()
    if missing:
        pytest.skip(missing)


# ---------------------------------------------------------------------------- the validators


def test_the_30_validator_catches_what_the_issue_found() -> None:
    """The validator is worth trusting: each non-3.0 construct the issue lists is refused."""
    bad = [
        "URL;TYPE=work:http://example.com",
        "URL:www.example.com",
        "TEL;TYPE=main:+1 555 0100",
        "TEL;TYPE=text:+1 555 0100",
        "BDAY:--0203",
        "ANNIVERSARY:20100101",
    ]
    for line in bad:
        card = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nN:A;;;;\r\n{line}\r\nEND:VCARD\r\n"
        assert strict_30_problems(card), line


def test_the_40_validator_catches_a_broken_card() -> None:
    _need_vcard4_validator()
    card = "BEGIN:VCARD\r\nVERSION:4.0\r\nN:A;;;;\r\nBDAY:not a date\r\nEND:VCARD\r\n"
    assert vcard4_problems(card)  # no FN, and a BDAY that is not a date


# ------------------------------------------------------------------------- corpus, validated


def test_corpus_exported_as_30_passes_the_strict_validator() -> None:
    contacts = _corpus()
    text = write_vcards(contacts, "3.0")
    assert len(contacts) == 229
    assert strict_30_problems(text) == []


def test_corpus_exported_as_40_passes_the_40_validator() -> None:
    _need_vcard4_validator()
    text = write_vcards(_corpus(), "4.0")
    assert vcard4_problems(text) == []


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vobject_reads_every_exported_card(version: VCardVersion) -> None:
    contacts = _corpus()
    cards = list(vobject.readComponents(write_vcards(contacts, version)))
    assert len(cards) == len(contacts)
    assert [c.version.value for c in cards] == [version] * len(contacts)
    assert [c.fn.value for c in cards] == [c.display_name() for c in contacts]


# --------------------------------------------------------------------- corpus, round-tripped


def _comparable(contact: ContactData, *, extras: bool) -> ContactData:
    """The fields to compare; the kept lines only when the export kept them by name."""
    copy = dataclasses.replace(contact, version="")
    if not extras:
        copy.extra = []
    return copy


def _differences(got: ContactData, want: ContactData) -> list[str]:
    return [
        f"{want.display_name()}: {f.name}: got {getattr(got, f.name)!r}, want "
        f"{getattr(want, f.name)!r}"
        for f in dataclasses.fields(ContactData)
        if getattr(got, f.name) != getattr(want, f.name)
    ]


_X_NAME = re.compile(r"^((?:[A-Za-z0-9-]+\.)?)X-", re.IGNORECASE)


def _essence(line: str) -> tuple[str, str]:
    """A kept line's group and name (without an X- an export may add) and its value."""
    head, _, value = line.partition(":")
    name = _X_NAME.sub(r"\1", head.split(";")[0]).upper()
    return name, "".join(value.split())


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_corpus_round_trips_through_vcard(version: VCardVersion) -> None:
    contacts = _corpus()
    back = [r.contact for r in read_vcards(write_vcards(contacts, version).encode("utf-8"))]
    assert len(back) == len(contacts)
    problems: list[str] = []
    for got, original in zip(back, contacts, strict=True):
        assert got is not None
        problems += _differences(
            _comparable(got, extras=False), _comparable(original, extras=False)
        )
        # the other programs' lines: every name and value there, under its own name or an X-
        # one (a 2.1 card's CHARSET and 8BIT parameters go, and spaces inside its base64)
        kept = {_essence(line) for line in got.extra}
        problems += [
            f"{original.display_name()}: lost {line!r}"
            for line in original.extra
            if _essence(line) not in kept
        ]
    assert problems == []


def test_corpus_round_trips_through_csv() -> None:
    contacts = _corpus()
    rows = list(read_csv(write_csv(contacts).encode("utf-8-sig")))
    assert [r.error for r in rows] == [None] * len(contacts)
    problems: list[str] = []
    for row, original in zip(rows, contacts, strict=True):
        assert row.contact is not None
        problems += _differences(row.contact, original)
    assert problems == []


# ------------------------------------------------------------------ what the issue found, each


def _card(contact: ContactData, version: VCardVersion = "3.0") -> list[str]:
    return write_vcard(contact, version).replace("\r\n ", "").split("\r\n")


def test_30_phone_kinds_outside_the_30_set_become_labels() -> None:
    contact = ContactData(
        full_name="Ana",
        phones=[PhoneNumber("1", "other"), PhoneNumber("2", "main"), PhoneNumber("3", "text")],
    )
    lines = _card(contact)
    assert not any(line.startswith("TEL;TYPE") for line in lines)
    assert [line for line in lines if "X-ABLabel" in line] == [
        "item1.X-ABLabel:other",
        "item2.X-ABLabel:main",
        "item3.X-ABLabel:text",
    ]
    [back] = [r.contact for r in read_vcards("\r\n".join(lines).encode())]
    assert back is not None and [(p.value, p.kind) for p in back.phones] == [
        ("1", "other"),
        ("2", "main"),
        ("3", "text"),
    ]
    assert "TEL;TYPE=text:3" in _card(contact, "4.0")  # text is a 4.0 TYPE


def test_30_urls_have_no_type_and_always_a_scheme() -> None:
    contact = ContactData(
        full_name="Ana",
        urls=[WebAddress("www.example.com", "work"), WebAddress("homepage", "")],
    )
    lines = _card(contact)
    assert "item1.URL:http://www.example.com" in lines
    assert "item1.X-ABLabel:work" in lines
    assert "X-NETDESK-URL:homepage" in lines  # not a URI: kept, but not as a URL
    assert "URL;TYPE=work:http://www.example.com" in _card(contact, "4.0")
    [back] = [r.contact for r in read_vcards("\r\n".join(lines).encode())]
    assert back is not None
    assert [(u.value, u.kind) for u in back.urls] == [
        ("http://www.example.com", "work"),
        ("homepage", ""),
    ]


def test_yearless_birthday_is_written_the_apple_way_in_30() -> None:
    contact = ContactData(full_name="Ana", birthday="--02-03")
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-03" in _card(contact)
    assert "BDAY:--0203" in _card(contact, "4.0")
    for version in ("3.0", "4.0"):
        [result] = read_vcards(write_vcard(contact, version).encode())  # type: ignore[arg-type]
        assert result.contact is not None and result.contact.birthday == "--02-03"
    # a real 1604 birthday without Apple's parameter stays a year
    [old] = read_vcards(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:O\r\nBDAY:1604-02-03\r\nEND:VCARD\r\n")
    assert old.contact is not None and old.contact.birthday == "1604-02-03"


def test_30_address_label_is_its_own_property_tied_to_its_address() -> None:
    contact = ContactData(
        full_name="Ana",
        addresses=[
            PostalAddress("work", street="1 Main St", label="Acme\n1 Main St"),
            PostalAddress("Studio", street="2 Side St", label="Studio\n2 Side St"),
            PostalAddress("home", street="3 Home Rd"),
        ],
    )
    lines = _card(contact)
    assert "LABEL;TYPE=work:Acme\\n1 Main St" in lines
    assert "item1.LABEL:Studio\\n2 Side St" in lines
    assert not any("LABEL=" in line for line in lines)  # no 4.0 LABEL parameter
    [back] = [r.contact for r in read_vcards("\r\n".join(lines).encode())]
    assert back is not None
    assert [(a.kind, a.street, a.label) for a in back.addresses] == [
        ("work", "1 Main St", "Acme\n1 Main St"),
        ("Studio", "2 Side St", "Studio\n2 Side St"),
        ("home", "3 Home Rd", ""),
    ]
    assert back.extra == []


def test_a_label_before_its_address_and_a_label_alone() -> None:
    raw = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nLABEL;TYPE=home:Casa\\nMadrid\r\n"
        b"ADR;TYPE=work:;;Oficina 1;;;;\r\nADR;TYPE=home:;;Calle 2;Madrid;;;\r\n"
        b"LABEL;TYPE=postal:PO Box 9\r\nEND:VCARD\r\n"
    )
    [result] = read_vcards(raw)
    assert result.contact is not None
    assert [(a.street, a.label) for a in result.contact.addresses] == [
        ("Oficina 1", "PO Box 9"),  # no other address free: the first without a label
        ("Calle 2", "Casa\nMadrid"),
    ]


def test_export_keeps_properties_its_version_lacks_under_x_names() -> None:
    contact = ContactData(
        full_name="Ana",
        version="4.0",
        extra=["ANNIVERSARY:20100101", "GENDER:F", "item9.X-ABLabel:x", "X-FOO:bar"],
    )
    lines = _card(contact, "3.0")
    assert {"X-ANNIVERSARY:20100101", "X-GENDER:F", "X-FOO:bar"} <= set(lines)
    assert not any(line.startswith(("ANNIVERSARY", "GENDER")) for line in lines)
    # sync writes them back untouched, in the card's own version
    synced = write_vcard(contact, "4.0", strict=False).split("\r\n")
    assert {"ANNIVERSARY:20100101", "GENDER:F"} <= set(synced)


def test_control_characters_in_kept_lines_are_dropped_when_read() -> None:
    raw = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:C\r\nX-FOO:a\x0cb\x00c\r\nEND:VCARD\r\n"
    [result] = read_vcards(raw)
    assert result.contact is not None and result.contact.extra == ["X-FOO:abc"]
    assert strict_30_problems(write_vcard(result.contact, "3.0")) == []
