"""Touchpoints: the planned and done contacts with a person, and what is due when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from netdesk.app import due_list
from netdesk.app.due_list import DueTouchpoint, planned
from netdesk.domain.touchpoint_words import INTENTS
from netdesk.store.db import Database
from netdesk.store.models import Contact, Event, EventContact, Touchpoint

STATUSES = ("planned", "done", "skipped")

# The newest logged mails and meetings a contact's timeline shows (a busy thread has hundreds).
TIMELINE_INTERACTIONS = 200


class TouchpointNotFound(LookupError):
    pass


@dataclass(frozen=True)
class TouchpointState:
    """What done/snooze/skip change, so the window can undo them."""

    status: str
    due_date: dt.date | None
    done_date: dt.date | None
    note: str


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a contact's history, newest first."""

    date: dt.date | None
    what: str  # "touchpoint", "event", "note"
    title: str
    detail: str
    status: str = ""
    touchpoint_id: int | None = None
    # (channel, subject, source) of the mail or meeting that completed it by itself
    auto: tuple[str, str, str] | None = None


class FollowUps:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        contact_id: int,
        kind: str,
        *,
        due: dt.date | None = None,
        intent: str = "give",
        status: str = "planned",
        done_date: dt.date | None = None,
        note: str = "",
        channel: str = "",
        event_id: int | None = None,
    ) -> int:
        if intent not in INTENTS:
            raise ValueError(f"intent must be one of {', '.join(INTENTS)}, not {intent!r}")
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        with self.db.session() as session:
            tp = Touchpoint(
                contact_id=contact_id,
                kind=kind,
                intent=intent,
                status=status,
                due_date=due,
                done_date=done_date,
                note=note,
                channel=channel,
                event_id=event_id,
            )
            session.add(tp)
            session.flush()
            return tp.id

    def due(self, today: dt.date, days: int = 7, limit: int | None = None) -> list[DueTouchpoint]:
        """Everything planned up to ``days`` after ``today``, overdue included, by due date."""
        return due_list.due(self.db, today, days, limit)

    def due_ids(self, today: dt.date) -> list[int]:
        """The ids of what ``due(today, 0)`` lists, in its order (read from the index alone)."""
        return due_list.due_ids(self.db, today)

    def items(self, ids: list[int], today: dt.date) -> list[DueTouchpoint]:
        """Those planned touchpoints, by due date."""
        return due_list.items(self.db, ids, today)

    def agenda(
        self, today: dt.date, days: int = 7, per_group: int = 200
    ) -> tuple[list[DueTouchpoint], dict[str, int]]:
        """The Today view: up to ``per_group`` overdue, today and upcoming touchpoints each,
        and how many each group holds in all (counted on the index, not loaded)."""
        day, end = today.isoformat(), (today + dt.timedelta(days=days)).isoformat()
        groups = {
            "overdue": ("t.due_date < :day", {"day": day}),
            "today": ("t.due_date = :day", {"day": day}),
            "upcoming": ("t.due_date > :day AND t.due_date <= :end", {"day": day, "end": end}),
        }
        items: list[DueTouchpoint] = []
        counts: dict[str, int] = {}
        with self.db.engine.connect() as conn:
            for name, (where, params) in groups.items():
                counts[name] = int(
                    conn.execute(
                        text(
                            "SELECT count(*) FROM touchpoint t "
                            f"WHERE t.status = 'planned' AND {where}"
                        ),
                        params,
                    ).scalar_one()
                )
        for where, params in groups.values():
            items.extend(self._planned(where, params, per_group, today))
        return items, counts

    def _planned(
        self, where: str, params: dict[str, str], limit: int | None, today: dt.date
    ) -> list[DueTouchpoint]:
        return planned(self.db, where, params, limit, today)

    def mark_done(self, touchpoint_id: int, *, on: dt.date, note: str | None = None) -> None:
        with self.db.session() as session:
            tp = self._load(session, touchpoint_id)
            tp.status = "done"
            tp.done_date = on
            if note:
                tp.note = note
            session.flush()

    def snooze(self, touchpoint_id: int, *, days: int, today: dt.date) -> dt.date:
        """Move a planned touchpoint ``days`` later (from today when it was already overdue)."""
        if days < 1:
            raise ValueError("snooze needs at least one day")
        with self.db.session() as session:
            tp = self._load(session, touchpoint_id)
            base = max(tp.due_date or today, today)
            tp.due_date = base + dt.timedelta(days=days)
            session.flush()
            return tp.due_date

    def skip(self, touchpoint_id: int) -> None:
        with self.db.session() as session:
            tp = self._load(session, touchpoint_id)
            tp.status = "skipped"
            session.flush()

    def delete(self, touchpoint_id: int) -> None:
        with self.db.session() as session:
            tp = self._load(session, touchpoint_id)
            session.delete(tp)
            session.flush()

    def state(self, touchpoint_id: int) -> TouchpointState:
        with self.db.session() as session:
            tp = self._load(session, touchpoint_id)
            return TouchpointState(tp.status, tp.due_date, tp.done_date, tp.note)

    def set_state(self, touchpoint_id: int, state: TouchpointState) -> None:
        with self.db.session() as session:
            tp = self._load(session, touchpoint_id)
            tp.status, tp.due_date = state.status, state.due_date
            tp.done_date, tp.note = state.done_date, state.note
            session.flush()

    def reschedule(self, touchpoint_id: int, due: dt.date) -> None:
        with self.db.session() as session:
            tp = self._load(session, touchpoint_id)
            tp.due_date = due
            session.flush()

    def get(self, touchpoint_id: int) -> DueTouchpoint:
        with self.db.session() as session:
            tp = self._load(session, touchpoint_id)
            contact = session.get(Contact, tp.contact_id)
            event = session.get(Event, tp.event_id) if tp.event_id else None
            return DueTouchpoint(
                id=tp.id,
                contact_id=tp.contact_id,
                contact=contact.full_name if contact else "",
                kind=tp.kind,
                intent=tp.intent,
                due=tp.due_date or dt.date.today(),
                status=tp.status,
                event=event.name if event else None,
                note=tp.note,
            )

    def event_of(self, touchpoint_id: int) -> tuple[str | None, dt.date | None]:
        with self.db.session() as session:
            tp = self._load(session, touchpoint_id)
            event = session.get(Event, tp.event_id) if tp.event_id else None
            return (event.name, event.date) if event else (None, None)

    def timeline(self, contact_id: int) -> list[TimelineEntry]:
        entries: list[TimelineEntry] = []
        with self.db.session() as session:
            auto = {
                tp_id: (channel or "", subject or "", source or "")
                for tp_id, channel, subject, source in session.execute(
                    text(
                        "SELECT a.touchpoint_id, i.channel, i.subject, i.source"
                        " FROM auto_completion a JOIN touchpoint t ON t.id = a.touchpoint_id"
                        " LEFT JOIN interaction i ON i.id = a.interaction_id"
                        " WHERE t.contact_id = :c AND NOT a.undone AND t.status = 'done'"
                    ),
                    {"c": contact_id},
                )
            }
            for tp in session.scalars(
                select(Touchpoint).where(Touchpoint.contact_id == contact_id)
            ):
                when = tp.done_date if tp.status == "done" else tp.due_date
                entries.append(
                    TimelineEntry(
                        date=when,
                        what="touchpoint",
                        title=tp.kind.replace("_", " ").capitalize(),
                        detail=tp.note,
                        status=tp.status,
                        touchpoint_id=tp.id,
                        auto=auto.get(tp.id),
                    )
                )
            met = session.execute(
                select(Event.name, Event.date, Event.place)
                .join(EventContact, EventContact.event_id == Event.id)
                .where(EventContact.contact_id == contact_id)
            )
            for name, date, place in met:
                entries.append(TimelineEntry(date=date, what="event", title=name, detail=place))
            # Mails and meetings read from the user's mailbox and calendars: what = channel,
            # status = direction, detail = where it was read.
            for day, channel, direction, subject, source in session.execute(
                text(
                    "SELECT date, channel, direction, subject, source FROM interaction"
                    " WHERE contact_id = :c ORDER BY date DESC, id DESC LIMIT :n"
                ),
                {"c": contact_id, "n": TIMELINE_INTERACTIONS},
            ):
                entries.append(
                    TimelineEntry(
                        date=dt.date.fromisoformat(day) if isinstance(day, str) else day,
                        what=channel,
                        title=subject,
                        detail=source,
                        status=direction,
                    )
                )
        entries.sort(key=lambda e: e.date or dt.date.min, reverse=True)
        return entries

    @staticmethod
    def _load(session: Session, touchpoint_id: int) -> Touchpoint:
        tp = session.get(Touchpoint, touchpoint_id)
        if tp is None:
            raise TouchpointNotFound(f"no follow-up with id {touchpoint_id}")
        return tp
