"""Full-text search over contacts with SQLite FTS5.

The index is an FTS5 table keyed by contact id. Rather than triggers on six tables, the services
that write contacts call :func:`reindex` inside the same transaction: one statement rebuilds the
rows of the touched contacts from the base tables, so the index can never disagree with them after
a commit. Phone numbers are indexed twice, as written and as bare digits, so "600123" finds
"+34 600 123 456".

**Index rows in name order (#19).** A search shows its matches by name, and FTS5 hands its matches
over in rowid order, so the rowid of a contact's index row is an *order key*, not its id: the
high 42 bits are the first seven bytes of its name as SQLite's NOCASE collation compares them
(six bits a byte, see :func:`name_group`), the low 21 bits a slot that tells contacts of the same
group apart. Rowid order is then name order up to ties inside a group, so the first page of a
search is the first matches in rowid order, plus the rest of the last group, sorted exactly — a
few dozen rows whatever the number of matches, where sorting all matches cost up to 40 ms at
100,000 contacts. ``contact_search`` maps each key to its contact (a lookup by primary key) and
tells :func:`reindex` which row to delete when a contact goes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

CREATE_SQL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS contact_fts USING fts5("
    "name, organization, email, phone, note, tags, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)
DROP_SQL = "DROP TABLE IF EXISTS contact_fts"

_SELECT_ROWS = """
SELECT s.key,
       trim(c.full_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.nickname),
       trim(c.organization || ' ' || c.department || ' ' || c.title),
       coalesce((SELECT group_concat(e.value, ' ') FROM contact_email e
                 WHERE e.contact_id = c.id), ''),
       coalesce((SELECT group_concat(p.value || ' ' || p.match_key || ' ' || p.digits, ' ')
                 FROM contact_phone p WHERE p.contact_id = c.id), ''),
       c.note,
       coalesce((SELECT group_concat(t.name, ' ') FROM contact_tag ct JOIN tag t
                 ON t.id = ct.tag_id WHERE ct.contact_id = c.id), '')
FROM contact c JOIN contact_search s ON s.contact_id = c.id
"""

_CHUNK = 500

# The order key: GROUP_BITS of slot under the name's group.
GROUP_BITS = 21
_SLOTS = 1 << GROUP_BITS
_GROUP_CHARS = 7


def _byte_codes() -> tuple[list[int], frozenset[int]]:
    """Each byte's code (0 is "the name ended") and the codes that stand for several bytes.

    Codes rise with the bytes, so a name's codes sort as its bytes do. Where one code stands
    for several bytes, the group ends at it: two names that share it there tie, and the exact
    sort inside the group tells them apart — never a wrong order."""
    codes, merged = [0] * 256, {1, 35, 62, 63}
    for b in range(256):
        if b < 0x20:
            codes[b] = 1  # control characters
        elif b <= 0x40:
            codes[b] = 2 + b - 0x20  # space, punctuation, digits, "@": 2..34
        elif b <= 0x5A:
            codes[b] = 36 + b - 0x41  # A-Z as NOCASE compares them: as a-z
        elif b <= 0x60:
            codes[b] = 35  # [ \ ] ^ _ `
        elif b <= 0x7A:
            codes[b] = 36 + b - 0x61  # a-z: 36..61
        elif b <= 0x7F:
            codes[b] = 62  # { | } ~ DEL
        else:
            codes[b] = 63  # every byte of a non-ASCII character
    return codes, frozenset(merged)


_CODES, _MERGED = _byte_codes()


def name_group(name: str | None) -> int:
    """The name's first seven bytes as ``ORDER BY full_name COLLATE NOCASE`` compares them:
    a < b in that order gives name_group(a) <= name_group(b)."""
    group, used = 0, 0
    for byte in (name or "").encode("utf-8", "surrogatepass")[:_GROUP_CHARS]:
        code = _CODES[byte]
        group, used = group * 64 + code, used + 1
        if code in _MERGED:
            break
    return group << (6 * (_GROUP_CHARS - used))


def group_start(key: int) -> int:
    """The smallest order key of ``key``'s group."""
    return key >> GROUP_BITS << GROUP_BITS


def group_end(key: int) -> int:
    """The smallest order key after ``key``'s group."""
    return ((key >> GROUP_BITS) + 1) << GROUP_BITS


def name_bounds(name: str | None) -> tuple[int, int]:
    """The order keys of the group a contact with this name is in: [start, end)."""
    start = name_group(name) << GROUP_BITS
    return start, start + _SLOTS


def reindex(conn: Connection, contact_ids: Iterable[int]) -> None:
    """Bring the index rows of these contacts in line with the base tables (deleted ones go)."""
    from sqlalchemy import text

    ids = list(contact_ids)
    if not ids:
        return
    insert = text("INSERT INTO contact_search (key, contact_id) VALUES (:key, :id)")
    # A slot is the id's low bits; only ids past 2**21 can meet another contact's slot.
    crowded = (conn.execute(text("SELECT max(id) FROM contact")).scalar() or 0) >= _SLOTS
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join(str(int(i)) for i in chunk)
        conn.execute(
            text(
                "DELETE FROM contact_fts WHERE rowid IN "
                f"(SELECT key FROM contact_search WHERE contact_id IN ({marks}))"
            )
        )
        conn.execute(text(f"DELETE FROM contact_search WHERE contact_id IN ({marks})"))
        names = conn.execute(text(f"SELECT id, full_name FROM contact WHERE id IN ({marks})"))
        keys = []
        for contact_id, name in names.all():
            key = name_bounds(name)[0] | (contact_id & (_SLOTS - 1))
            if crowded:  # one at a time: the next probe must see this one
                conn.execute(insert, {"key": _free_key(conn, key), "id": contact_id})
            else:
                keys.append({"key": key, "id": contact_id})
        if keys:
            conn.execute(insert, keys)
    # One statement in key order: FTS5 writes a new segment each time a rowid comes out of
    # order, which made an import of 10,000 cards index 5x slower when written per chunk.
    conn.execute(
        text(
            "INSERT INTO contact_fts(rowid, name, organization, email, phone, note, tags) "
            f"{_SELECT_ROWS} WHERE c.id IN (SELECT value FROM json_each(:ids)) ORDER BY s.key"
        ),
        {"ids": json.dumps(ids)},
    )


def _free_key(conn: Connection, key: int) -> int:
    """``key`` or the next slot of its group no contact holds (a group holds 2**21)."""
    from sqlalchemy import text

    first = group_start(key)
    for step in range(_SLOTS):
        probe = first + (key - first + step) % _SLOTS
        taken = conn.execute(text("SELECT 1 FROM contact_search WHERE key = :k"), {"k": probe})
        if taken.first() is None:
            return probe
    raise ValueError("more than 2**21 contacts share the first seven letters of a name")


def rebuild(conn: Connection) -> None:
    """Every contact's index row, from nothing."""
    from sqlalchemy import text

    conn.execute(text("DELETE FROM contact_fts"))
    conn.execute(text("DELETE FROM contact_search"))
    ids = [int(i) for i in conn.execute(text("SELECT id FROM contact ORDER BY id")).scalars()]
    reindex(conn, ids)


# The ids of the contacts whose index rows match :q.
MATCHING_IDS = (
    "SELECT contact_id FROM contact_search WHERE key IN "
    "(SELECT rowid FROM contact_fts WHERE contact_fts MATCH :q)"
)


_TOKEN = re.compile(r"\w+", re.UNICODE)


def match_expression(query: str) -> str | None:
    """Turn what the user typed into a safe FTS5 query: every word must match as a prefix.

    Returns None when nothing searchable was typed (punctuation only), so callers list everything.
    """
    words: Sequence[str] = _TOKEN.findall(query)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)
