"""The playbook closes itself: a mail sent to a contact, or a meeting held with them, marks the
follow-up it fulfils done — and every such completion can be undone.

A personal mail *sent* to a contact completes their planned thank-you or share-content
follow-up; a held meeting completes a planned meeting. Only a follow-up that is due within the
window (a setting, days) of the mail counts, and never from a mail older than the event it
follows up (or, without an event, older than the follow-up itself less the window): an old
thread does not tick off next month's plan. A completion the user undid stays undone.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, select, text, update

from netdesk.store.db import Database
from netdesk.store.mail_models import AutoCompletion, Interaction
from netdesk.store.models import Touchpoint, table_of

KINDS_BY_CHANNEL = {"email": ("thank_you", "share_content"), "meeting": ("meeting",)}

_CANDIDATE = text(
    "SELECT tp.id, tp.due_date FROM touchpoint tp LEFT JOIN event e ON e.id = tp.event_id"
    " WHERE tp.contact_id = :contact AND tp.status = 'planned'"
    " AND tp.kind IN (SELECT value FROM json_each(:kinds))"
    " AND (tp.due_date IS NULL OR tp.due_date <= date(:day, '+' || :window || ' days'))"
    " AND coalesce(e.date, date(tp.created_at, '-' || :window || ' days')) <= :day"
    " AND NOT EXISTS (SELECT 1 FROM auto_completion a WHERE a.touchpoint_id = tp.id)"
    " ORDER BY tp.due_date IS NULL, tp.due_date, tp.id LIMIT 1"
)


def complete_from(conn: Connection, scan_id: int, window: int, after_id: int = 0) -> int:
    """Complete what the interactions this scan logged (ids above ``after_id``) fulfil."""
    mail = table_of(Interaction)
    rows = conn.execute(
        select(mail.c.id, mail.c.contact_id, mail.c.date, mail.c.channel, mail.c.direction)
        .where(mail.c.scan_id == scan_id, mail.c.id > after_id)
        .order_by(mail.c.date, mail.c.id)
    ).all()
    done = 0
    tp = table_of(Touchpoint)
    for interaction_id, contact_id, day, channel, direction in rows:
        if channel == "email" and direction != "sent":
            continue
        kinds = KINDS_BY_CHANNEL.get(channel)
        if not kinds:
            continue
        found = conn.execute(
            _CANDIDATE,
            {
                "contact": contact_id,
                "kinds": json.dumps(kinds),
                "day": day.isoformat(),
                "window": window,
            },
        ).first()
        if found is None:
            continue
        touchpoint_id, due = found
        conn.execute(
            update(tp)
            .where(tp.c.id == touchpoint_id)
            .values(status="done", done_date=day, channel=channel)
        )
        conn.execute(
            table_of(AutoCompletion)
            .insert()
            .values(
                touchpoint_id=touchpoint_id,
                interaction_id=interaction_id,
                scan_id=scan_id,
                previous_due=dt.date.fromisoformat(due) if isinstance(due, str) else due,
            )
        )
        done += 1
    return done


@dataclass(frozen=True)
class Completion:
    """A follow-up a scan marked done, and the mail or meeting that did it."""

    touchpoint_id: int
    contact_id: int
    kind: str
    date: dt.date | None
    channel: str
    subject: str
    source: str
    undone: bool


def completions(
    db: Database, *, scan_ids: list[int] | None = None, touchpoint_ids: list[int] | None = None
) -> list[Completion]:
    ac, tp, mail = table_of(AutoCompletion), table_of(Touchpoint), table_of(Interaction)
    stmt = (
        select(
            ac.c.touchpoint_id,
            tp.c.contact_id,
            tp.c.kind,
            mail.c.date,
            mail.c.channel,
            mail.c.subject,
            mail.c.source,
            ac.c.undone,
        )
        .join(tp, tp.c.id == ac.c.touchpoint_id)
        .outerjoin(mail, mail.c.id == ac.c.interaction_id)
    )
    if scan_ids is not None:
        stmt = stmt.where(ac.c.scan_id.in_(scan_ids))
    if touchpoint_ids is not None:
        stmt = stmt.where(ac.c.touchpoint_id.in_(touchpoint_ids))
    with db.session() as session:
        return [
            Completion(t, c, k, d, ch or "", s or "", src or "", bool(u))
            for t, c, k, d, ch, s, src, u in session.execute(stmt)
        ]


def undo(db: Database, touchpoint_ids: list[int]) -> int:
    """Put these automatically completed follow-ups back to planned, as they were; a later scan
    of the same mail leaves them alone. Returns how many were undone."""
    ac, tp = table_of(AutoCompletion), table_of(Touchpoint)
    with db.session() as session:
        conn = session.connection()
        rows = conn.execute(
            select(ac.c.touchpoint_id, ac.c.previous_due, tp.c.contact_id)
            .join(tp, tp.c.id == ac.c.touchpoint_id)
            .where(ac.c.touchpoint_id.in_(touchpoint_ids), ac.c.undone.is_(False))
        ).all()
        for touchpoint_id, due, _ in rows:
            conn.execute(
                update(tp)
                .where(tp.c.id == touchpoint_id, tp.c.status == "done")
                .values(status="planned", done_date=None, due_date=due)
            )
            conn.execute(update(ac).where(ac.c.touchpoint_id == touchpoint_id).values(undone=True))
        return len(rows)


def redo(db: Database, touchpoint_ids: list[int]) -> int:
    """Undo the undo: complete them again, dated by their mail or meeting."""
    ac, tp, mail = table_of(AutoCompletion), table_of(Touchpoint), table_of(Interaction)
    with db.session() as session:
        conn = session.connection()
        rows = conn.execute(
            select(ac.c.touchpoint_id, mail.c.date, mail.c.channel, tp.c.contact_id)
            .join(tp, tp.c.id == ac.c.touchpoint_id)
            .join(mail, mail.c.id == ac.c.interaction_id)
            .where(ac.c.touchpoint_id.in_(touchpoint_ids), ac.c.undone.is_(True))
        ).all()
        for touchpoint_id, day, channel, _ in rows:
            conn.execute(
                update(tp)
                .where(tp.c.id == touchpoint_id, tp.c.status == "planned")
                .values(status="done", done_date=day, channel=channel)
            )
            conn.execute(update(ac).where(ac.c.touchpoint_id == touchpoint_id).values(undone=False))
        return len(rows)
