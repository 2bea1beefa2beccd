"""Logged mails and meetings as ``netdesk interactions`` lists them, and the meetings each
event led to — read through ``reading()`` (netdesk.store.common.Readable), without SQLAlchemy,
so the command line answers from a plain read-only connection (#19)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass

from netdesk.store.common import Readable


@dataclass(frozen=True)
class InteractionRow:
    id: int
    contact_id: int
    contact: str
    date: dt.date
    channel: str
    direction: str
    subject: str
    source: str

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "contact_id": self.contact_id,
            "contact": self.contact,
            "date": self.date.isoformat(),
            "channel": self.channel,
            "direction": self.direction,
            "subject": self.subject,
            "source": self.source,
        }


def interactions(
    source: Readable, contact_id: int | None = None, limit: int | None = None
) -> list[InteractionRow]:
    """Logged mails and meetings, newest first (of one contact, or everyone's)."""
    where = "WHERE i.contact_id = :contact" if contact_id is not None else ""
    sql = (
        "SELECT i.id, i.contact_id, c.full_name, i.date, i.channel, i.direction, i.subject, "
        f"i.source FROM interaction i JOIN contact c ON c.id = i.contact_id {where} "
        "ORDER BY i.date DESC, i.id DESC LIMIT :limit"
    )
    params = {"contact": contact_id, "limit": -1 if limit is None else limit}
    with source.reading() as conn:
        rows = conn.execute(sql, params).fetchall()
    days: dict[str, dt.date] = {}
    out = []
    for row in rows:
        day = days.get(row[3])
        if day is None:
            day = days[row[3]] = dt.date.fromisoformat(row[3])
        out.append(InteractionRow(row[0], row[1], row[2], day, *row[4:]))
    return out


# Meetings read from the calendar with people met at an event, credited to the latest event
# each person was met at on or before the meeting; one that completed a planned meeting is
# already counted as that follow-up.
_CALENDAR_MEETINGS = (
    "SELECT ev, count(DISTINCT key) FROM ("
    " SELECT i.key AS key, (SELECT ec.event_id FROM event_contact ec"
    "   JOIN event e ON e.id = ec.event_id"
    "   WHERE ec.contact_id = i.contact_id AND e.date <= i.date"
    "   ORDER BY e.date DESC, e.id DESC LIMIT 1) AS ev"
    " FROM interaction i WHERE i.channel = 'meeting' AND NOT EXISTS ("
    "   SELECT 1 FROM auto_completion a JOIN interaction j ON j.id = a.interaction_id"
    "   WHERE j.key = i.key AND NOT a.undone)"
    ") WHERE ev IN (SELECT value FROM json_each(:ids)) GROUP BY ev"
)


def calendar_meetings_by_event(conn: sqlite3.Connection, event_ids: list[int]) -> dict[int, int]:
    """Meetings held per event, from the calendar (see the note above)."""
    if not event_ids:
        return {}
    rows = conn.execute(_CALENDAR_MEETINGS, {"ids": json.dumps(event_ids)})
    return {int(ev): int(n) for ev, n in rows}


__all__ = ["InteractionRow", "calendar_meetings_by_event", "interactions"]
