"""Contacts as ``netdesk contacts --json`` prints them: every field a script may want, read
through ``reading()`` (netdesk.store.common.Readable) without SQLAlchemy (#19).

Each record is stored ready-made as JSON (netdesk.store.records); this reads the matching ones
in name order with what strength needs — computed now, not stored: it fades day by day — and
adds the score to each. ``ContactBook.as_records`` is :func:`contact_records`, so the window's
code and the command line read the same records whichever way the file was opened.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from netdesk.app.strength_scores import AGGREGATE, YEAR, parts
from netdesk.store.common import Readable
from netdesk.store.fts import MATCHING_IDS, match_expression
from netdesk.store.records import RECORD_SQL, TOUCHES_SQL

# {chosen}: the matching contacts (a search) or every contact. A record missing from the table
# — a file whose derived data a writer outside netdesk left stale — is built in place, with
# its touches. Bytes, not text: the records go to stdout as they are, without decoding and
# encoding 3 MB again. Unordered: SQLite sorting 4,000 rows with their records cost 15 ms,
# Python sorts the names.
_READ = """
WITH chosen(id) AS MATERIALIZED ({chosen})
SELECT CAST(c.full_name AS BLOB), c.id, CAST(coalesce(r.record, {record}) AS BLOB),
       c.last_touch, coalesce(r.touches, {touches})
  FROM chosen JOIN contact c ON c.id = chosen.id
  LEFT JOIN contact_record r ON r.contact_id = c.id
"""


def _by_name(row: tuple[Any, ...]) -> tuple[bytes, int]:
    """The list's order, ``full_name COLLATE NOCASE, id``: NOCASE folds ASCII letters only and
    compares bytes, as ``bytes.lower`` and bytes comparison do."""
    return row[0].lower(), row[1]


def record_lines(source: Readable, query: str = "", today: dt.date | None = None) -> list[bytes]:
    """Every contact matching ``query`` (all when empty), by name, each as one JSON object
    (UTF-8)."""
    today = today or dt.date.today()
    expression = match_expression(query)
    since = (today - dt.timedelta(days=YEAR)).isoformat()
    params: dict[str, Any] = {}
    if expression is None:
        chosen = "SELECT id FROM contact"
    else:
        chosen = MATCHING_IDS
        params["q"] = expression
    sql = _READ.format(chosen=chosen, record=RECORD_SQL, touches=TOUCHES_SQL)
    with source.reading() as conn:
        rows = conn.execute(sql, params).fetchall()
        # The year's touches of each, from the list kept beside its record (records.py). A
        # list begins 400 days before the day it was built; a day asked for that is earlier
        # than that (a script passing an old date) is counted from the follow-ups themselves.
        year: dict[int, tuple[str | None, int, int, int, int]] = {}
        older = []
        for row in rows:
            begins, days = json.loads(row[4])
            if begins > since:
                older.append(row[1])
                continue
            n = sent = received = meetings = 0
            newest_day = ""
            for day, sent_one, received_one, meeting in days:
                if day >= since:
                    n += 1
                    sent += sent_one
                    received += received_one
                    meetings += meeting
                    newest_day = max(newest_day, day)
            year[row[1]] = (newest_day or None, n, sent, received, meetings)
        if older:
            only = "AND contact_id IN (SELECT value FROM json_each(:ids))"
            found = conn.execute(
                AGGREGATE.format(only_i=only, only_t=only),
                {"since": since, "ids": json.dumps(older)},
            )
            year.update({r[0]: (r[1], r[2], r[3], r[4], r[5]) for r in found})
    rows.sort(key=_by_name)
    # Many contacts share their counts and days since the last touch: each is scored once.
    scored: dict[tuple[Any, ...], int] = {}
    lines = []
    nothing = (None, 0, 0, 0, 0)
    for _name, contact_id, record, stored_last, _touches in rows:
        last_in_year, n, sent, received, meetings = year.get(contact_id, nothing)
        # The newest touch: the stored last touch also counts follow-ups older than a year.
        newest = max(filter(None, (stored_last, last_in_year)), default=None)
        key = (newest, n, sent, received, meetings)
        score = scored.get(key)
        if score is None:
            last = dt.date.fromisoformat(newest) if newest else None
            found_parts = parts(today, last, n or 0, sent or 0, received or 0, meetings or 0)
            score = scored[key] = min(100, sum(found_parts))
        lines.append(b'%s,"strength":%d}' % (record[:-1], score))
    return lines


def contact_records(
    source: Readable, query: str = "", today: dt.date | None = None
) -> list[dict[str, Any]]:
    """The records of :func:`record_lines` as dicts."""
    return [json.loads(line) for line in record_lines(source, query, today)]


__all__ = ["contact_records", "record_lines"]
