"""Relationship strength, 0-100, and the "fading" list: strong relationships going cold.

Four parts, each shown to the user ("why this score"), from the last 365 days of logged mails
and meetings and done follow-ups:

* **recency** (up to 40): halves every 60 days since the last touch;
* **frequency** (up to 25): grows with the log of the number of touches, full at 24 a year;
* **two-way** (up to 15): how balanced what the user sent and what came back is;
* **meetings** (up to 20): meetings held, full at 3 a year.

A follow-up the scan completed is counted once (through its mail), not twice.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from netdesk.store import derived
from netdesk.store.db import Database

HALF_LIFE_DAYS = 60
YEAR = 365
FULL_FREQUENCY = 24
FULL_MEETINGS = 3
# Fading: the relationship had depth (frequency + two-way + meetings) but the last touch is old.
FADING_DEPTH = 20
FADING_AFTER_DAYS = 45


@dataclass(frozen=True)
class Strength:
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


_AGGREGATE = """
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


def score_parts(  # noqa: PLR0917
    contact_id: int,
    today: dt.date,
    last: dt.date | None,
    touches: int,
    sent: int,
    received: int,
    meetings: int,
) -> Strength:
    recency = 0
    if last is not None:
        days = max(0, (today - last).days)
        recency = round(40 * 0.5 ** (days / HALF_LIFE_DAYS))
    frequency = round(25 * min(1.0, math.log2(1 + touches) / math.log2(1 + FULL_FREQUENCY)))
    two_way = round(15 * min(sent, received) / max(sent, received)) if sent and received else 0
    meeting_part = round(20 * min(1.0, meetings / FULL_MEETINGS))
    return Strength(
        contact_id,
        recency,
        frequency,
        two_way,
        meeting_part,
        last,
        touches,
        sent,
        received,
        meetings,
    )


def compute(
    conn: Connection, today: dt.date, contact_ids: Iterable[int] | None = None
) -> dict[int, Strength]:
    """Strength of these contacts (all with any touch when None); others score 0."""
    derived.refresh(conn)  # inside a write: the last touches it reads are brought in line first
    ids = None if contact_ids is None else sorted(set(contact_ids))
    params: dict[str, object] = {"since": (today - dt.timedelta(days=YEAR)).isoformat()}
    only_i = only_t = only_c = ""
    if ids is not None:
        params["ids"] = json.dumps(ids)
        only_i = "AND contact_id IN (SELECT value FROM json_each(:ids))"
        only_t = only_i
        only_c = "AND id IN (SELECT value FROM json_each(:ids))"
    last_touch = {
        cid: _date(day) for cid, day in conn.execute(text(_LAST.format(only=only_c)), params)
    }
    result: dict[int, Strength] = {}
    for cid, day, n, sent, received, meetings in conn.execute(
        text(_AGGREGATE.format(only_i=only_i, only_t=only_t)), params
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


def store(conn: Connection, today: dt.date, contact_ids: Iterable[int] | None = None) -> int:
    """Write the scores to ``contact.strength`` (all contacts when None); returns how many."""
    scores = compute(conn, today, contact_ids)
    if contact_ids is None:
        conn.execute(text("UPDATE contact SET strength = NULL WHERE strength IS NOT NULL"))
    rows = [{"s": s.score, "id": cid} for cid, s in scores.items()]
    if rows:
        conn.execute(text("UPDATE contact SET strength = :s WHERE id = :id"), rows)
    return len(rows)


def refresh_all(db: Database, today: dt.date) -> int:
    with db.session() as session:
        return store(session.connection(), today)


def of_contact(db: Database, contact_id: int, today: dt.date) -> Strength:
    with db.session() as session:
        found = compute(session.connection(), today, [contact_id])
    return found.get(contact_id) or score_parts(contact_id, today, None, 0, 0, 0, 0)


@dataclass(frozen=True)
class Fading:
    contact_id: int
    name: str
    strength: Strength


def fading(db: Database, today: dt.date, limit: int = 20) -> list[Fading]:
    """Contacts with a deep relationship whose last touch is getting old, deepest first."""
    with db.session() as session:
        conn = session.connection()
        scores = compute(conn, today)
        cold = [
            s
            for s in scores.values()
            if s.depth >= FADING_DEPTH
            and s.last_touch is not None
            and (today - s.last_touch).days >= FADING_AFTER_DAYS
        ]
        cold.sort(key=lambda s: (-s.depth, s.last_touch or today))
        cold = cold[:limit]
        names: dict[int, str] = dict(
            conn.execute(
                text(
                    "SELECT id, full_name FROM contact"
                    " WHERE id IN (SELECT value FROM json_each(:i))"
                ),
                {"i": json.dumps([s.contact_id for s in cold])},
            ).all()
        )
    return [Fading(s.contact_id, names.get(s.contact_id, ""), s) for s in cold]
