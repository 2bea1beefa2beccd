"""Relationship strength's scores, computed on the driver's connection (see netdesk.app.strength
for what the four parts mean). Free of SQLAlchemy, so the command line's ``contacts --json``
reads them without the ORM (#19)."""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

HALF_LIFE_DAYS = 60
YEAR = 365
FULL_FREQUENCY = 24
FULL_MEETINGS = 3
# Fading: the relationship had depth (frequency + two-way + meetings) but the last touch is old.
FADING_DEPTH = 20
FADING_AFTER_DAYS = 45


class Strength(NamedTuple):
    """A contact's score and why (a named tuple: ``dataclasses`` costs the command line 7 ms
    of imports, #19)."""

    contact_id: int
    recency: int
    frequency: int
    two_way: int
    meetings: int
    last_touch: dt.date | None
    touches: int
    sent: int
    received: int
    meetings_held: int

    @property
    def score(self) -> int:
        return min(100, self.recency + self.frequency + self.two_way + self.meetings)

    @property
    def depth(self) -> int:
        return self.frequency + self.two_way + self.meetings


AGGREGATE = """
SELECT contact_id, max(day), count(*), sum(sent), sum(received), sum(meeting) FROM (
  SELECT contact_id, date AS day,
         direction IN ('sent', 'both') AS sent, direction IN ('received', 'both') AS received,
         channel = 'meeting' AS meeting
    FROM interaction WHERE date >= :since {only_i}
  UNION ALL
  SELECT contact_id, done_date, 1, 0, kind = 'meeting'
    FROM touchpoint
   WHERE status = 'done' AND done_date >= :since {only_t}
     AND NOT EXISTS (SELECT 1 FROM auto_completion a
                     WHERE a.touchpoint_id = touchpoint.id AND NOT a.undone)
) GROUP BY contact_id
"""
_LAST = "SELECT id, last_touch FROM contact WHERE last_touch IS NOT NULL {only}"


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)) if value else None


def parts(  # noqa: PLR0917
    today: dt.date,
    last: dt.date | None,
    touches: int,
    sent: int,
    received: int,
    meetings: int,
) -> tuple[int, int, int, int]:
    """Recency, frequency, two-way and meetings, each rounded as shown."""
    recency = 0
    if last is not None:
        days = max(0, (today - last).days)
        recency = round(40 * 0.5 ** (days / HALF_LIFE_DAYS))
    frequency = round(25 * min(1.0, math.log2(1 + touches) / math.log2(1 + FULL_FREQUENCY)))
    two_way = round(15 * min(sent, received) / max(sent, received)) if sent and received else 0
    meeting_part = round(20 * min(1.0, meetings / FULL_MEETINGS))
    return recency, frequency, two_way, meeting_part


def score_parts(  # noqa: PLR0917
    contact_id: int,
    today: dt.date,
    last: dt.date | None,
    touches: int,
    sent: int,
    received: int,
    meetings: int,
) -> Strength:
    return Strength(
        contact_id,
        *parts(today, last, touches, sent, received, meetings),
        last,
        touches,
        sent,
        received,
        meetings,
    )


def scores(
    conn: sqlite3.Connection, today: dt.date, contact_ids: Iterable[int] | None = None
) -> dict[int, Strength]:
    """Strength of these contacts (all with any touch when None); others score 0. On the
    driver's connection: the command line reads it without the ORM (#19); the derived last
    touches must be current (``strength.compute`` refreshes them first)."""
    ids = None if contact_ids is None else sorted(set(contact_ids))
    params: dict[str, object] = {"since": (today - dt.timedelta(days=YEAR)).isoformat()}
    only_i = only_t = only_c = ""
    if ids is not None:
        params["ids"] = json.dumps(ids)
        only_i = "AND contact_id IN (SELECT value FROM json_each(:ids))"
        only_t = only_i
        only_c = "AND id IN (SELECT value FROM json_each(:ids))"
    last_touch = {cid: _date(day) for cid, day in conn.execute(_LAST.format(only=only_c), params)}
    result: dict[int, Strength] = {}
    for cid, day, n, sent, received, meetings in conn.execute(
        AGGREGATE.format(only_i=only_i, only_t=only_t), params
    ):
        dates = [d for d in (_date(day), last_touch.get(cid)) if d is not None]
        last = max(dates) if dates else None
        result[cid] = score_parts(
            cid, today, last, int(n), int(sent or 0), int(received or 0), int(meetings or 0)
        )
    for cid, last in last_touch.items():
        if cid not in result:
            result[cid] = score_parts(cid, today, last, 0, 0, 0, 0)
    return result


__all__ = [
    "AGGREGATE",
    "FADING_AFTER_DAYS",
    "FADING_DEPTH",
    "FULL_FREQUENCY",
    "FULL_MEETINGS",
    "HALF_LIFE_DAYS",
    "YEAR",
    "Strength",
    "parts",
    "score_parts",
    "scores",
]
