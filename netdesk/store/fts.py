"""Full-text search over contacts with SQLite FTS5.

The index is an FTS5 table keyed by contact id. Rather than triggers on six tables, the services
that write contacts call :func:`reindex` inside the same transaction: one statement rebuilds the
rows of the touched contacts from the base tables, so the index can never disagree with them after
a commit. Phone numbers are indexed twice, as written and as bare digits, so "600123" finds
"+34 600 123 456".
"""

from __future__ import annotations

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
SELECT c.id,
       trim(c.full_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.nickname),
       trim(c.organization || ' ' || c.department || ' ' || c.title),
       coalesce((SELECT group_concat(e.value, ' ') FROM contact_email e
                 WHERE e.contact_id = c.id), ''),
       coalesce((SELECT group_concat(p.value || ' ' || p.match_key || ' ' || p.digits, ' ')
                 FROM contact_phone p WHERE p.contact_id = c.id), ''),
       c.note,
       coalesce((SELECT group_concat(t.name, ' ') FROM contact_tag ct JOIN tag t
                 ON t.id = ct.tag_id WHERE ct.contact_id = c.id), '')
FROM contact c
"""

_CHUNK = 500


def reindex(conn: Connection, contact_ids: Iterable[int]) -> None:
    from sqlalchemy import text

    """Bring the index rows of these contacts in line with the base tables (deleted ones go)."""
    ids = list(contact_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join(str(int(i)) for i in chunk)
        conn.execute(text(f"DELETE FROM contact_fts WHERE rowid IN ({marks})"))
        conn.execute(
            text(
                "INSERT INTO contact_fts(rowid, name, organization, email, phone, note, tags) "
                f"{_SELECT_ROWS} WHERE c.id IN ({marks})"
            )
        )


def rebuild(conn: Connection) -> None:
    from sqlalchemy import text

    conn.execute(text("DELETE FROM contact_fts"))
    conn.execute(
        text(
            "INSERT INTO contact_fts(rowid, name, organization, email, phone, note, tags) "
            + _SELECT_ROWS
        )
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
