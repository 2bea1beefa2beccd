"""The first page read with plain sqlite3 for the first paint is the contact book's first page,
and anything but a sound database at this version's schema is left to the usual path."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber
from netdesk.store.db import SCHEMA_HEAD, Database
from netdesk.store.first_page import (
    COLUMNS,
    FirstPage,
    parse_sort,
    read_first_page,
    read_in_background,
)

PEOPLE = [
    ("ana garcía", "Notaría Centro", "Notaria", "ana@notaria.es", "", "2026-01-03", None),
    ("Bruno Díaz", "", "CEO", "", "+34 600 000 001", None, "2026-12-01"),
    ("carla Núñez", "notaría centro", "", "carla@x.es", "", "2025-05-05", "2026-12-01"),
    ("Dario Vela", "Zeta SL", "Socio", "", "", None, None),
    ("Élodie Roux", "alfa", "socia", "e@roux.fr", "+33 1 00 00", "2026-01-03", "2027-01-01"),
    ("Ana Garcia", "Beta", "", "", "", "2024-02-02", None),
    ("zoe Park", "Zeta SL", "CTO", "zoe@zeta.io", "+1 555", None, "2026-11-30"),
]


def fill(db: Database) -> None:
    book = ContactBook(db)
    for name, org, title, email, phone, last, upcoming in PEOPLE * 3:
        contact_id = book.create(
            ContactData(
                full_name=name,
                organization=org,
                title=title,
                emails=[EmailAddress(email)] if email else [],
                phones=[PhoneNumber(phone)] if phone else [],
            )
        )
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE contact SET last_touch = ?, next_follow_up = ? WHERE id = ?",
                (last, upcoming, contact_id),
            )


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", range(1, len(COLUMNS)))
def test_the_first_page_is_the_books_first_page_in_every_order(
    db: Database, column: int, descending: bool
) -> None:
    fill(db)
    book = ContactBook(db)
    for limit in (5, 21, 50):
        page = read_first_page(db.path, limit, column, descending)
        assert page is not None
        expected = book.summaries(limit=limit, sort_column=column, descending=descending)
        assert [r.as_tuple() for r in page.rows] == [dataclasses.astuple(s) for s in expected]
        assert page.total == 21
        assert page.exhausted == (limit > 21)


def test_an_empty_database_has_an_empty_first_page(db: Database) -> None:
    page = read_first_page(db.path, 10)
    assert page is not None
    assert (page.rows, page.total, page.exhausted) == ([], 0, True)


def _set_revision(path: Path, revision: str | None) -> None:
    with sqlite3.connect(path) as conn:
        if revision is None:
            conn.execute("DROP TABLE alembic_version")
        else:
            conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


@pytest.mark.parametrize("revision", ["0001", "9999", None])
def test_a_database_at_another_schema_takes_the_usual_path(
    db: Database, revision: str | None
) -> None:
    fill(db)
    db.close()
    assert read_first_page(db.path, 10) is not None
    _set_revision(db.path, revision)
    assert read_first_page(db.path, 10) is None


def test_missing_empty_and_foreign_files_take_the_usual_path(tmp_path: Path) -> None:
    assert read_first_page(tmp_path / "none.sqlite", 10) is None
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    assert read_first_page(empty, 10) is None
    text = tmp_path / "text.sqlite"
    text.write_text("not a database at all, just some text that is long enough", "utf-8")
    assert read_first_page(text, 10) is None
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES (?)", (SCHEMA_HEAD,))
    conn.close()
    assert read_first_page(other, 10) is None  # no contact table: not a netdesk database


def test_a_damaged_list_takes_the_usual_path(db: Database) -> None:
    fill(db)
    db.close()
    data = bytearray(db.path.read_bytes())
    for offset in range(4096, len(data)):  # every page after the schema
        data[offset] = 0xA5
    db.path.write_bytes(bytes(data))
    assert read_first_page(db.path, 10) is None


def test_reading_the_first_page_changes_nothing_and_loads_no_sqlalchemy(db: Database) -> None:
    fill(db)
    db.close()
    before = db.path.read_bytes()
    code = (
        "import sys; from pathlib import Path; "
        "from netdesk.store.first_page import read_first_page; "
        f"page = read_first_page(Path({str(db.path)!r}), 5); "
        "print(page.total, 'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["21", "False"]
    assert db.path.read_bytes() == before


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("3,1", (3, True)),
        ("1,0", (1, False)),
        (None, (1, False)),
        ("", (1, False)),
        ("0,0", (1, False)),
        ("8,0", (8, False)),  # strength
        ("9,0", (1, False)),
        ("2,5", (1, False)),
        ("a,b", (1, False)),
        ("1,0,3", (1, False)),
        ("99999999999999999999,1", (1, False)),
    ],
)
def test_the_remembered_sort_is_read_or_refused(stored: object, expected: tuple[int, bool]) -> None:
    assert parse_sort(stored) == expected


def test_reading_in_the_background_gives_the_same_page(db: Database) -> None:
    fill(db)
    wait = read_in_background(db.path, 5, 2, True)
    page = wait()
    direct = read_first_page(db.path, 5, 2, True)
    assert page is not None and direct is not None
    assert [r.as_tuple() for r in page.rows] == [r.as_tuple() for r in direct.rows]
    assert read_in_background(db.path.with_name("none.sqlite"), 5)() is None


def test_the_page_is_handed_over_before_it_is_counted(db: Database) -> None:
    fill(db)
    total = len(PEOPLE) * 3
    seen: list[tuple[int | None, bool, int]] = []

    def hand(page: FirstPage | None) -> None:
        assert page is not None
        seen.append((page.total, page.counted.is_set(), len(page.rows)))

    page = read_first_page(db.path, 5, 1, False, hand)
    assert seen == [(None, False, 5)]  # rows first, no count yet
    assert page is not None and page.total == total and page.counted.is_set()
    # A page that holds every contact is its own count: nothing left to wait for.
    seen.clear()
    whole = read_first_page(db.path, total + 1, 1, False, hand)
    assert seen == [(total, True, total)]
    assert whole is not None and whole.total == total
    # In the background the count follows the page.
    later = read_in_background(db.path, 5)()
    assert later is not None
    assert later.counted.wait(10) and later.total == total


def test_a_file_that_cannot_be_read_hands_nothing_over(tmp_path: Path) -> None:
    handed: list[FirstPage | None] = []
    assert read_first_page(tmp_path / "none.sqlite", 5, 1, False, handed.append) is None
    assert handed == [None]
