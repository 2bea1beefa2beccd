"""The field parser pinned on OCR text: lines as Tesseract gives them, with their type size,
position and confidence, including the mistakes OCR makes."""

from __future__ import annotations

from netdesk.capture.card_text import fields_from_lines
from netdesk.capture.ocr import OcrLine


def lines(*rows: tuple[str, float] | tuple[str, float, float]) -> list[OcrLine]:
    """(text, type height[, confidence]) from the top of the card down, one under the other."""
    out = []
    top = 20
    for row in rows:
        text, height = row[0], row[1]
        confidence = row[2] if len(row) > 2 else 95.0
        out.append(
            OcrLine(
                text,
                confidence,
                height,
                top,
                40,
                right=40 + int(len(text) * height * 0.55),
                bottom=top + int(height),
            )
        )
        top += int(height * 1.5)
    return out


def test_spanish_card_with_labels() -> None:
    found = fields_from_lines(
        lines(
            ("Begoña Ibáñez Güell", 48),
            ("Directora de Marketing", 30),
            ("Peña & Muñoz Abogados S.L.", 34),
            ("Móvil: +34 612 345 678", 22),
            ("Tel.: 91 123 45 67", 22),
            ("bego.ibanez@penamunoz.es", 22),
            ("www.penamunoz.es", 22),
            ("C/ Alcalá, 123", 20),
            ("28009 Madrid", 20),
        ),
        "ES",
    )
    contact = found.contact
    assert contact.full_name == "Begoña Ibáñez Güell"
    assert (contact.given_name, contact.family_name) == ("Begoña", "Ibáñez Güell")
    assert contact.title == "Directora de Marketing"
    assert contact.organization == "Peña & Muñoz Abogados S.L."
    assert [(p.value, p.kind) for p in contact.phones] == [
        ("+34 612 34 56 78", "cell"),
        ("+34 911 23 45 67", "work"),
    ]
    assert [e.value for e in contact.emails] == ["bego.ibanez@penamunoz.es"]
    assert [u.value for u in contact.urls] == ["www.penamunoz.es"]
    [address] = contact.addresses
    assert address.street == "C/ Alcalá, 123"
    assert address.postal_code == "28009"
    assert address.city == "Madrid"
    assert found.unsure == []


def test_english_card_capitals_no_labels_and_ocr_mistakes() -> None:
    found = fields_from_lines(
        lines(
            ("NORTHWIND CONSULTING LTD", 34),
            ("OLIVER O'BRIEN", 50),
            ("Senior Consultant", 26),
            ("+44 7911 123456", 20),
            ("Email: oliver.obrien (at) northwind.co.uk", 20, 41.0),
        ),
        "ES",  # the user's region is Spain; the card's numbers carry their own country code
    )
    contact = found.contact
    assert contact.full_name == "Oliver O'Brien"
    assert contact.title == "Senior Consultant"
    assert contact.organization == "NORTHWIND CONSULTING LTD"
    assert [(p.value, p.kind) for p in contact.phones] == [("+44 7911 123456", "cell")]
    assert [e.value for e in contact.emails] == ["oliver.obrien@northwind.co.uk"]
    assert found.unsure == ["emails"]  # that line's confidence was 41


def test_an_organisation_over_two_lines_and_an_ampersand_read_as_a_euro_sign() -> None:
    rows = lines(("Nuria López", 44), ("Arquitecta", 28), ("+34 642 609 620", 20))
    rows += [
        OcrLine("Peña €", 90, 22, 200, 30, right=120, bottom=222),
        OcrLine("Muñoz Abogados", 90, 22, 226, 30, right=250, bottom=248),
    ]
    contact = fields_from_lines(rows, "ES").contact
    assert contact.organization == "Peña & Muñoz Abogados"
    assert contact.title == "Arquitecta"


def test_the_name_is_the_largest_name_like_line_not_the_company_or_a_street() -> None:
    contact = fields_from_lines(
        lines(
            ("Bright Lane Design Studio", 40),
            ("Chloe Turner", 36),
            ("Head of Sales", 24),
            ("221 King Street", 20),
            ("London EC2V 7HH", 20),
        ),
        "GB",
    ).contact
    assert contact.full_name == "Chloe Turner"
    assert contact.organization == "Bright Lane Design Studio"
    assert contact.addresses[0].street == "221 King Street"
    assert contact.addresses[0].postal_code == "EC2V 7HH"


def test_spanish_diaeresis_restored_and_no_name_marks_the_name_to_check() -> None:
    assert (
        fields_from_lines(
            lines(("Raúl Gúell", 40), ("+34 600 111 222", 20)), "ES"
        ).contact.full_name
        == "Raúl Güell"
    )
    found = fields_from_lines(lines(("info@estudio.es", 22), ("+34 600 111 222", 20)), "ES")
    assert found.contact.full_name == ""
    assert "full_name" in found.unsure


def test_a_lost_at_sign_is_not_invented() -> None:
    """An address whose @ OCR lost is not made into a wrong e-mail address: it stays as text
    (a web address here), for the user to see and fix in the review."""
    contact = fields_from_lines(
        lines(("Ana Ruiz", 40), ("anaGruiz.es", 22, 30.0), ("+34 600 111 222", 20)), "ES"
    ).contact
    assert contact.emails == []
    assert contact.full_name == "Ana Ruiz"
