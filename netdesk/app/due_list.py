"""What is due: the planned follow-ups the Today view and ``netdesk due`` list.

Free of SQLAlchemy: it reads through anything with ``reading()`` (netdesk.store.common.
Readable), so the command line answers from a plain read-only connection without importing
the ORM (#19), and the window runs the very same query through its engine.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal, NamedTuple

from netdesk.store.common import Readable

Bucket = Literal["overdue", "today", "upcoming"]


class DueTouchpoint(NamedTuple):
    """A planned touchpoint as the Today view and ``netdesk due`` list it (a light tuple:
    thousands are built per refresh)."""

    id: int
    contact_id: int
    contact: str
    kind: str
    intent: str
    due: dt.date
    status: str
    event: str | None
    note: str

    def bucket(self, today: dt.date) -> Bucket:
        if self.due < today:
            return "overdue"
        if self.due == today:
            return "today"
        return "upcoming"


# Every column read here is in ix_touchpoint_planned and ix_contact_id_name, so SQLite reads
# index pages only (3,000 rows: 5 ms instead of 14 ms of scattered table pages).
_EVENT_JOIN = "LEFT JOIN event e ON e.id = t.event_id "
_PLANNED = (
    "SELECT {columns} FROM touchpoint t JOIN contact c ON c.id = t.contact_id "
    + _EVENT_JOIN
    + "WHERE t.status = 'planned' AND {where} ORDER BY t.due_date, t.id LIMIT :limit"
)
# One item of ``netdesk due --json``, made by SQLite: encoding 6,600 dicts in Python cost
# 30 ms of a 60 ms call (#19). An undated follow-up is due today, as in ``planned``.
_AS_JSON = (
    "json_object('id', t.id, 'contact_id', t.contact_id, 'contact', c.full_name, "
    "'kind', t.kind, 'intent', t.intent, 'due', coalesce(nullif(t.due_date, ''), :today), "
    "'status', t.status, 'event', e.name)"
)


def due(
    source: Readable, today: dt.date, days: int = 7, limit: int | None = None
) -> list[DueTouchpoint]:
    """Everything planned up to ``days`` after ``today``, overdue included, by due date."""
    horizon = today + dt.timedelta(days=days)
    return planned(source, "t.due_date <= :end", {"end": horizon.isoformat()}, limit, today)


def planned(
    source: Readable, where: str, params: dict[str, str], limit: int | None, today: dt.date
) -> list[DueTouchpoint]:
    """Planned touchpoints matching ``where`` (SQL over ``t``, the touchpoint), by due date; an
    undated one counts as due ``today``."""
    # No join to ``event``: looking it up for each of 3,000 rows cost ~0.8 ms of an 8 ms read
    # even where none has an event; the few names are read in one query below. The status is
    # the WHERE's own 'planned', so it is not read either (#19).
    sql = _PLANNED.format(
        columns="t.id, t.contact_id, c.full_name, t.kind, t.intent, t.due_date, t.event_id, t.note",
        where=where,
    ).replace(_EVENT_JOIN, "")
    with source.reading() as conn:
        # Thousands of rows on every refresh: straight from the driver's cursor (SQLAlchemy's
        # result rows cost a third more).
        rows = conn.execute(sql, {**params, "limit": -1 if limit is None else limit}).fetchall()
        event_ids = {r[6] for r in rows}
        event_ids.discard(None)
        events: dict[int | None, str | None] = {}
        if event_ids:
            events.update(
                conn.execute(
                    "SELECT id, name FROM event WHERE id IN (SELECT value FROM json_each(:ids))",
                    {"ids": json.dumps(sorted(event_ids))},
                ).fetchall()
            )
    # A week holds a few distinct days: each parsed once. The tuples are made directly
    # (NamedTuple._make with a spliced row cost 1.5 ms for 3,000 rows, this 0.8).
    days = {day: dt.date.fromisoformat(day) for day in {r[5] for r in rows} if day}
    days[None] = days[""] = today  # undated: due now
    make = tuple.__new__
    event = events.get
    return [
        make(
            DueTouchpoint,
            (r[0], r[1], r[2], r[3], r[4], days[r[5]], "planned", event(r[6]), r[7]),
        )
        for r in rows
    ]


def due_ids(source: Readable, today: dt.date) -> list[int]:
    """The ids of what :func:`due` lists for ``days=0`` (due today or overdue), in its order,
    read from the covering index alone: the reminders ask every minute on the GUI thread, and
    building all 5,000 items of 1,000,000 touchpoints to count them cost 20 ms (#19)."""
    # No join to ``contact``: the foreign key (ON DELETE CASCADE, enforced on every
    # connection) keeps every touchpoint's contact; looking each up cost 8 ms of 10.
    sql = (
        "SELECT t.id FROM touchpoint t WHERE t.status = 'planned' AND t.due_date <= :end "
        "ORDER BY t.due_date, t.id"
    )
    with source.reading() as conn:
        return [r[0] for r in conn.execute(sql, {"end": today.isoformat()})]


def items(source: Readable, ids: list[int], today: dt.date) -> list[DueTouchpoint]:
    """Those planned touchpoints, by due date (a few, such as the ones newly due)."""
    where = "t.id IN (SELECT value FROM json_each(:ids))"
    return planned(source, where, {"ids": json.dumps(sorted(ids))}, None, today)


def due_json(source: Readable, today: dt.date, days: int = 7) -> list[str]:
    """What :func:`due` lists, each item as :func:`as_json` makes it, already JSON text."""
    horizon = today + dt.timedelta(days=days)
    sql = _PLANNED.format(columns=_AS_JSON, where="t.due_date <= :end")
    params = {"end": horizon.isoformat(), "today": today.isoformat(), "limit": -1}
    with source.reading() as conn:
        return [row[0] for row in conn.execute(sql, params)]


def as_json(item: DueTouchpoint) -> dict[str, object]:
    """One item of ``netdesk due --json``."""
    return {
        "id": item.id,
        "contact_id": item.contact_id,
        "contact": item.contact,
        "kind": item.kind,
        "intent": item.intent,
        "due": item.due.isoformat(),
        "status": item.status,
        "event": item.event,
    }


__all__ = ["Bucket", "DueTouchpoint", "as_json", "due", "due_json", "planned"]
