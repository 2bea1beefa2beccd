"""A contact's derived data, kept by one mechanism (#16).

What the list, the search and the Today view read without recomputing it:

- the search index row (``contact_fts``, netdesk.store.fts);
- ``last_touch`` (the newest done follow-up or logged mail/meeting) and ``next_follow_up``
  (the earliest planned follow-up);
- ``reconnect_due`` (when keeping in touch is due, from the last touch and the cadence);
- the contact's ready-made ``contacts --json`` record (``contact_record``, netdesk.store.records).

Triggers (migration 0009) add the id of every contact whose rows change — the contact, its
e-mails, phones, tags, follow-ups or logged interactions — to ``contact_stale``, with what
went stale; those of migration 0011 add the rest a record shows, with the bit RECORD, and a
record is rebuilt whatever the bit. ``refresh`` runs on every commit of the database's engine
(a listener that netdesk.store.db.Database installs): the derived data of exactly those
contacts is recomputed in the same transaction, so after a commit it can never disagree with
the rows it comes from,
whichever code wrote them — a session, a plain connection, the importer's bulk SQL. Nothing
refreshes by hand; a bulk import still rebuilds each index row once. Code that reads derived
data in the middle of its own write calls ``refresh`` first (netdesk.app.strength).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Connection, TextClause, text
from sqlalchemy.exc import OperationalError

from netdesk.store import fts, records
from netdesk.store.models import SINCE_SQL

# reconnect_due: NULL without days ('+' || NULL is NULL, where printf('+%d days', NULL) would
# add nothing).
RECONNECT_SQL = (
    f"date({SINCE_SQL}, '+' || coalesce(cadence_days, "
    "(SELECT days FROM cadence_tier WHERE cadence_tier.name = contact.tier)) || ' days')"
)

# Dates are ISO text, so SQLite's two-argument max() compares them; '' stands for "none".
_DATES_SQL = text(
    "UPDATE contact SET last_touch = nullif(max("
    " coalesce((SELECT max(done_date) FROM touchpoint"
    "  WHERE touchpoint.contact_id = contact.id AND status = 'done'), ''),"
    " coalesce((SELECT max(date) FROM interaction WHERE interaction.contact_id = contact.id),"
    " '')), ''),"
    " next_follow_up = (SELECT min(due_date) FROM touchpoint"
    "  WHERE touchpoint.contact_id = contact.id AND status = 'planned')"
    " WHERE id IN (SELECT value FROM json_each(:ids))"
)
# After the dates: reconnect_due reads last_touch.
_RECONNECT_SQL = text(
    f"UPDATE contact SET reconnect_due = {RECONNECT_SQL} "
    "WHERE id IN (SELECT value FROM json_each(:ids)) "
    f"AND reconnect_due IS NOT {RECONNECT_SQL}"
)
_RECORD_DELETE = text(records.DELETE_SQL)
_RECORD_INSERT = text(records.INSERT_SQL)
_RECORD_INSERT_0011 = text(records.INSERT_SQL_0011)
_CHUNK = 500


# What went stale, as the triggers of migrations 0009 and 0011 note it.
INDEX, DATES, RECONNECT, RECORD = 1, 2, 4, 8


def stale(conn: Connection) -> dict[int, int]:
    """{contact id: what went stale} since the last refresh; nothing on a schema older than
    migration 0009 (a file being migrated, or taken back by a downgrade)."""
    try:
        rows = conn.execute(text("SELECT id, what FROM contact_stale")).all()
    except OperationalError as exc:
        if "no such table: contact_stale" in str(exc):
            return {}
        raise
    return {int(i): int(w) for i, w in rows}


def refresh(conn: Connection) -> int:
    """Bring the derived data of every changed contact in line; how many were refreshed."""
    found = stale(conn)
    if found:
        recompute(
            conn,
            index=sorted(i for i, w in found.items() if w & INDEX),
            dates=sorted(i for i, w in found.items() if w & DATES),
            reconnect=sorted(i for i, w in found.items() if w & (DATES | RECONNECT)),
            records=sorted(found),
        )
        conn.execute(text("DELETE FROM contact_stale"))
    return len(found)


def _record_statements(conn: Connection) -> tuple[TextClause, ...]:
    """How records are rebuilt at the file's revision: not at all before migration 0011 made
    ``contact_record`` (a file being migrated refreshes at revisions before it), without their
    touches before 0012 added the column."""
    found = conn.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'contact_record'")
    ).scalar()
    if found is None:
        return ()
    if "touches" not in found:
        return (_RECORD_DELETE, _RECORD_INSERT_0011)
    return (_RECORD_DELETE, _RECORD_INSERT)


def recompute(
    conn: Connection,
    *,
    index: Sequence[int],
    dates: Sequence[int],
    reconnect: Sequence[int],
    records: Sequence[int] = (),
) -> None:
    """The search rows of ``index``, the dates of ``dates``, then the reconnect dates of
    ``reconnect`` (which read the last touch), then the records of ``records`` (which show
    both dates)."""
    fts.reindex(conn, index)
    steps = (
        ((_DATES_SQL,), dates),
        ((_RECONNECT_SQL,), reconnect),
        (_record_statements(conn) if records else (), records),
    )
    for statements, ids in steps:
        for start in range(0, len(ids), _CHUNK):
            chunk = {"ids": json.dumps(list(ids[start : start + _CHUNK]))}
            for sql in statements:
                conn.execute(sql, chunk)


def recompute_reconnect_all(conn: Connection) -> None:
    """Every reconnect date, after the days of a tier changed."""
    conn.execute(
        text(
            f"UPDATE contact SET reconnect_due = {RECONNECT_SQL} "
            "WHERE (tier IS NOT NULL OR reconnect_due IS NOT NULL) "
            f"AND reconnect_due IS NOT {RECONNECT_SQL}"
        )
    )


__all__ = [
    "DATES",
    "INDEX",
    "RECONNECT",
    "RECONNECT_SQL",
    "RECORD",
    "recompute",
    "recompute_reconnect_all",
    "refresh",
    "stale",
]
