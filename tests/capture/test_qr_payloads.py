"""What a QR code holds decides what it becomes: vCard, MeCard and BIZCARD are contacts, exactly;
links, Wi-Fi settings, calendar entries and text are reported for what they are."""

from __future__ import annotations

import pytest

from netdesk.capture.qr import classify


def test_vcard_30_becomes_the_contact_with_every_field() -> None:
    finding = classify(
        "BEGIN:VCARD\nVERSION:3.0\nN:Núñez;Begoña;;;\nFN:Begoña Núñez\nORG:Peña & Muñoz\n"
        "TITLE:Socia\nTEL;TYPE=cell:+34 612 345 678\nEMAIL:bego@pm.es\nURL:https://pm.es\n"
        "END:VCARD"
    )
    assert finding.kind == "vcard" and finding.is_contact
    [contact] = finding.contacts
    assert contact.full_name == "Begoña Núñez"
    assert (contact.given_name, contact.family_name) == ("Begoña", "Núñez")
    assert contact.organization == "Peña & Muñoz"
    assert contact.title == "Socia"
    assert [p.value for p in contact.phones] == ["+34 612 345 678"]
    assert [e.value for e in contact.emails] == ["bego@pm.es"]
    assert [u.value for u in contact.urls] == ["https://pm.es"]


def test_vcard_21_quoted_printable_and_40_tel_uri() -> None:
    old = classify(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
        "Ib=C3=A1=C3=B1ez;Jos=C3=A9\r\nTEL;CELL:600111222\r\nEND:VCARD"
    )
    assert old.contacts[0].family_name == "Ibáñez"
    assert old.contacts[0].given_name == "José"
    new = classify(
        "BEGIN:VCARD\nVERSION:4.0\nFN:Zoë Clarke\nTEL;VALUE=uri;TYPE=cell:tel:+44-7700-900123\n"
        "END:VCARD"
    )
    assert new.contacts[0].full_name == "Zoë Clarke"
    assert "7700" in new.contacts[0].phones[0].value


def test_a_vcard_cut_short_by_the_code_still_reads_with_a_warning() -> None:
    finding = classify("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nEMAIL:ana@x.es")
    assert [c.full_name for c in finding.contacts] == ["Ana Ruiz"]
    assert any("END:VCARD" in w for w in finding.warnings)


def test_mecard_with_escapes() -> None:
    finding = classify(
        r"MECARD:N:Peña,Íñigo;TEL:+34600000001;EMAIL:inigo@x.es;ORG:Peña\; Hijos;"
        r"NOTE:met at Expo\: stand 4;URL:https://x.es;;"
    )
    [contact] = finding.contacts
    assert contact.full_name == "Íñigo Peña"
    assert contact.organization == "Peña; Hijos"
    assert contact.note == "met at Expo: stand 4"
    assert [e.value for e in contact.emails] == ["inigo@x.es"]
    assert [u.value for u in contact.urls] == ["https://x.es"]


def test_bizcard() -> None:
    finding = classify(
        "BIZCARD:N:Sean;X:Owen;T:Software Engineer;C:Acme Ltd;A:1 Main St;B:+44 20 1234 5678;"
        "M:+44 7700 900000;E:sean@acme.co.uk;;"
    )
    [contact] = finding.contacts
    assert contact.full_name == "Sean Owen"
    assert contact.title == "Software Engineer"
    assert contact.organization == "Acme Ltd"
    assert [(p.value, p.kind) for p in contact.phones] == [
        ("+44 20 1234 5678", "work"),
        ("+44 7700 900000", "cell"),
    ]


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        ("https://example.org/agenda", "url"),
        ("https://www.linkedin.com/in/ana-ruiz", "profile"),
        ("WIFI:T:WPA;S:Expo Hall;P:secret;;", "wifi"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Talk\nEND:VEVENT\nEND:VCALENDAR", "calendar"),
        ("tel:+34600000000", "tel"),
        ("mailto:info@example.org", "email"),
        ("Stand 14, Hall B", "text"),
    ],
)
def test_codes_that_are_not_contacts(payload: str, kind: str) -> None:
    finding = classify(payload)
    assert finding.kind == kind
    assert not finding.is_contact
    assert finding.contacts == []


def test_a_mecard_without_name_email_or_phone_is_an_error_not_a_contact() -> None:
    finding = classify("MECARD:NOTE:hello;;")
    assert finding.contacts == []
    assert finding.error is not None and "no name" in finding.error
