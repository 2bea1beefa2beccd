"""Recording who was met at an event, by hand, with the follow-up playbook planned for them.

The importer plans the playbook for the cards it brings in with an event; adding people to an
event by hand (the window's "Met at event…", the events view) does the same through
:meth:`netdesk.app.events.EventBook.add_attendees`, which calls :func:`record_attendance`.
Only people newly linked to the event get steps, and the unique index on (contact, event, step)
keeps a step from ever being planned twice. What was added is returned, so it can be undone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from netdesk.app.playbook import SETTING_KEY, FollowUpPlaybook
from netdesk.app.settings_store import SettingsStore
from netdesk.store.db import Database
from netdesk.store.models import Contact, Event, EventContact, Touchpoint

_IN = 500


@dataclass(frozen=True)
class Attendance:
    """What one call of ``add_attendees`` added: enough to take it back exactly."""

    event_id: int
    linked: tuple[int, ...]  # contacts newly recorded as met at the event
    touchpoint_ids: tuple[int, ...]  # follow-ups the playbook planned for them


def user_playbook(db: Database) -> FollowUpPlaybook:
    """The steps as the user set them in Settings (the defaults until then)."""
    return FollowUpPlaybook.from_json(SettingsStore(db).get(SETTING_KEY))


def _planned_steps(conn: Connection, event_id: int, contact_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(contact_ids), _IN):
        chunk = contact_ids[start : start + _IN]
        found.update(
            conn.scalars(
                select(Touchpoint.id).where(
                    Touchpoint.event_id == event_id,
                    Touchpoint.contact_id.in_(chunk),
                    Touchpoint.playbook_step.is_not(None),
                )
            )
        )
    return found


def record_attendance(
    conn: Connection,
    event_id: int,
    contact_ids: Iterable[int],
    playbook: FollowUpPlaybook | None,
    today: dt.date,
) -> Attendance:
    """Link the contacts to the event and plan ``playbook`` (if any) for the new ones.

    Steps count from the event's date, as on import, or from ``today`` for an undated event.
    """
    ids = list(dict.fromkeys(int(i) for i in contact_ids))
    event_date = conn.execute(select(Event.id, Event.date).where(Event.id == event_id)).first()
    if event_date is None:
        raise LookupError(f"no event with id {event_id}")
    if not ids:
        return Attendance(event_id, (), ())
    present: set[int] = set()
    already: set[int] = set()
    for start in range(0, len(ids), _IN):
        chunk = ids[start : start + _IN]
        present.update(conn.scalars(select(Contact.id).where(Contact.id.in_(chunk))))
        already.update(
            conn.scalars(
                select(EventContact.contact_id).where(
                    EventContact.event_id == event_id, EventContact.contact_id.in_(chunk)
                )
            )
        )
    missing = [i for i in ids if i not in present]
    if missing:
        raise LookupError(f"no contact with id {missing[0]}")
    new = [i for i in ids if i not in already]
    if new:
        conn.execute(
            sqlite_insert(EventContact).on_conflict_do_nothing(),
            [{"event_id": event_id, "contact_id": cid} for cid in new],
        )
    planned: list[int] = []
    if playbook is not None and new:
        before = _planned_steps(conn, event_id, new)
        playbook.schedule(conn, new, event_id, event_date[1] or today)
        planned = sorted(_planned_steps(conn, event_id, new) - before)
    return Attendance(event_id, tuple(new), tuple(planned))


def forget_attendance(db: Database, attendance: Attendance) -> None:
    """Undo :func:`record_attendance`: the links and the follow-ups it planned go again (one
    already done or skipped since stays: it is history now)."""
    with db.session() as session:
        conn = session.connection()
        ids = list(attendance.touchpoint_ids)
        for start in range(0, len(ids), _IN):
            conn.execute(
                delete(Touchpoint).where(
                    Touchpoint.id.in_(ids[start : start + _IN]), Touchpoint.status == "planned"
                )
            )
        linked = list(attendance.linked)
        for start in range(0, len(linked), _IN):
            conn.execute(
                delete(EventContact).where(
                    EventContact.event_id == attendance.event_id,
                    EventContact.contact_id.in_(linked[start : start + _IN]),
                )
            )
