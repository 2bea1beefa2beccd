"""Search rows keyed in name order (#19): the index's keys follow SQLite's NOCASE order, a search
pages through its matches exactly as the list sorts them, and the keys follow every write."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from netdesk.app.contacts import ContactBook, ContactSummary
from netdesk.store import fts, migrate
from netdesk.store.db import Database, open_database

# Names that meet in their first seven bytes, differ only in case or accents, carry control
# characters, brackets, emoji, digits and punctuation where NOCASE's byte order is least obvious.
_PARTS = (
    "Ana",
    "ana",
    "ANA",
    "Ána",
    "Ana García",
    "Ana Garcia",
    "Ana Garcés",
    "ana garcía lópez",
    "Ana  García",
    "Ana-García",
    "Ana_García",
    "Ana[García]",
    "Ana{G}",
    "Ana~",
    "Ana\x7f",
    "Ana\tGarcía",
    "Ana\x01",
    "Zoë",
    "zoe",
    "Øyvind",
    "Łukasz",
    "Émile",
    "émile",
    "O'Neil",
    "Oneil",
    "o neil",
    "1st Choice",
    "@home",
    "",
    " ",
    "García",
    "GARCÍA",
    "garcía ana",
    "Ana 😀",
    "Ana 😀 García",
    "Ana\u00a0García",
    "Ana.García",
    "Ana, García",
    "Ana/G",
)


def hostile_names(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = []
    for _ in range(count):
        name = rng.choice(_PARTS)
        if rng.random() < 0.6:
            name += rng.choice(("", " ", "-", "_", "~", "é", "a", "A", "Z", "0")) + rng.choice(
                _PARTS
            )
        names.append(name)
    return names


def test_name_groups_rise_with_nocase_order() -> None:
    names = hostile_names(3000, seed=7) + list(_PARTS)
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.execute("CREATE TABLE n (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany("INSERT INTO n (name) VALUES (?)", [(n,) for n in names])
        ordered = [r[0] for r in conn.execute("SELECT name FROM n ORDER BY name COLLATE NOCASE")]
    groups = [fts.name_group(n) for n in ordered]
    falls = [
        (a, b)
        for a, b, ga, gb in zip(ordered, ordered[1:], groups, groups[1:], strict=False)
        if ga > gb
    ]
    assert falls == []
    # and the groups do tell names apart: not every name in one group
    assert len(set(groups)) > 100


def test_groups_tell_apart_what_nocase_tells_apart_in_seven_ascii_bytes() -> None:
    assert fts.name_group("Ana") == fts.name_group("ANA")  # NOCASE folds ASCII
    assert fts.name_group("Ana") < fts.name_group("Ana ")  # a prefix sorts first
    assert fts.name_group("Ana Gar") < fts.name_group("Ana Gas")
    assert fts.name_group("Ana Garcia") == fts.name_group("Ana Garcés")  # same 7 bytes
    assert fts.name_group("Ánade") == fts.name_group("Ánima")  # past a non-ASCII byte: a tie
    assert fts.name_group("") < fts.name_group(" ")
    start, end = fts.name_bounds("Ana")
    assert fts.group_start(start + 5) == start and fts.group_end(start + 5) == end
    assert 0 <= fts.name_bounds("\U0010ffff" * 4)[1] <= 2**63  # fits SQLite's rowid


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "netdesk.sqlite")
    yield database
    database.close()


def fill(db: Database, names: list[str], ids: list[int] | None = None) -> None:
    rows = [
        {"id": ids[i] if ids else None, "name": name, "org": f"Org {i % 5} consulting"}
        for i, name in enumerate(names)
    ]
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO contact (id, full_name, given_name, family_name, additional_names, "
                "prefix, suffix, nickname, organization, department, title, role, note, uid, "
                "primary_email, primary_phone, created_at, updated_at) VALUES (:id, :name, '', "
                "'', '', '', '', '', :org, '', '', '', '', '', '', '', '2026-01-01', "
                "'2026-01-01')"
            ),
            rows,
        )


def expected(db: Database, query: str, descending: bool) -> list[int]:
    """The list's order of every match, by plain SQL: what the pages must add up to."""
    direction = " DESC" if descending else ""
    with db.reading() as raw:
        return [
            r[0]
            for r in raw.execute(
                f"SELECT id FROM contact WHERE id IN ({fts.MATCHING_IDS}) "
                f"ORDER BY full_name COLLATE NOCASE{direction}, id{direction}",
                {"q": fts.match_expression(query)},
            )
        ]


def paged(book: ContactBook, query: str, descending: bool, size: int) -> list[int]:
    ids: list[int] = []
    last: ContactSummary | None = None
    while page := book.summaries(query, limit=size, descending=descending, after=last):
        assert len(page) <= size
        ids.extend(s.id for s in page)
        last = page[-1]
    return ids


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("size", [1, 3, 7, 50])
def test_search_pages_add_up_to_the_sorted_matches(
    db: Database, descending: bool, size: int
) -> None:
    fill(db, hostile_names(400, seed=size))
    book = ContactBook(db)
    for query in ("ana", "garc", "org", "consulting", "z", "émile", "ana garcía", "nobody"):
        whole = expected(db, query, descending)
        assert paged(book, query, descending, size) == whole, query
        first = [s.id for s in book.summaries(query, limit=size, descending=descending)]
        assert first == whole[:size]
        assert [s.id for s in book.summaries(query, descending=descending)] == whole
        offset = [s.id for s in book.summaries(query, limit=size, offset=2, descending=descending)]
        assert offset == whole[2 : 2 + size]
    assert expected(db, "ana", False)  # the data does hold matches


def keys(db: Database) -> dict[int, int]:
    with db.reading() as raw:
        return {c: k for k, c in raw.execute("SELECT key, contact_id FROM contact_search")}


def test_keys_follow_renames_and_deletes(db: Database) -> None:
    fill(db, ["Ana García", "Bruno Díaz", "Carla Ruiz"])
    book = ContactBook(db)
    first = keys(db)
    assert len(first) == 3 and all(
        k >> fts.GROUP_BITS == fts.name_group(n) >> 0
        for k, n in ((first[1], "Ana García"), (first[2], "Bruno Díaz"), (first[3], "Carla Ruiz"))
    )
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE contact SET full_name = 'Zoe Ana' WHERE id = 1"))
    moved = keys(db)
    assert moved[1] >> fts.GROUP_BITS == fts.name_group("Zoe Ana") and moved[2] == first[2]
    assert [s.full_name for s in book.summaries("ana", limit=1)] == ["Zoe Ana"]
    assert [s.full_name for s in book.summaries("org", limit=2)] == ["Bruno Díaz", "Carla Ruiz"]
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM contact WHERE id = 2"))
    assert set(keys(db)) == {1, 3}
    with db.reading() as raw:
        assert raw.execute("SELECT count(*) FROM contact_fts").fetchone()[0] == 2
    assert [s.id for s in book.summaries("bruno")] == []


def test_ids_past_two_million_get_a_free_slot_of_their_group(db: Database) -> None:
    slots = 1 << fts.GROUP_BITS
    ids = [5, slots + 5, 2 * slots + 5, 7]  # the same low bits three times
    fill(db, ["Ana García", "Ana García", "Ana Garcés", "Ana Gómez"], ids)
    found = keys(db)
    assert sorted(found) == sorted(ids) and len(set(found.values())) == 4
    group = fts.name_group("Ana García")
    assert all(found[i] >> fts.GROUP_BITS == group for i in ids[:3])
    book = ContactBook(db)
    assert [s.id for s in book.summaries("ana", limit=2)] == [2 * slots + 5, 5]  # "Garcé" < "Garcí"
    assert paged(book, "ana", False, 1) == expected(db, "ana", False)


def test_the_upgrade_keys_an_older_index_and_the_downgrade_gives_ids_back(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    db = open_database(path)
    fill(db, ["Carla Ruiz", "Ana García", "Bruno Díaz"])
    with db.engine.begin() as conn:
        migrate.downgrade(conn, "0009")
    db.close()
    with closing(sqlite3.connect(path)) as raw:
        assert [r[0] for r in raw.execute("SELECT rowid FROM contact_fts ORDER BY rowid")] == [
            1,
            2,
            3,
        ]
        assert raw.execute(
            "SELECT rowid FROM contact_fts WHERE contact_fts MATCH 'bruno'"
        ).fetchall() == [(3,)]
    db = open_database(path)  # back up to the head: keyed again, searchable, in order
    book = ContactBook(db)
    assert [s.full_name for s in book.summaries("org", limit=2)] == ["Ana García", "Bruno Díaz"]
    assert sorted(keys(db)) == [1, 2, 3]
    with db.reading() as raw:
        assert raw.execute("SELECT count(*) FROM contact_stale").fetchone()[0] == 0
    db.close()
