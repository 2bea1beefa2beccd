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
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from netdesk.app.strength_scores import (
    FADING_AFTER_DAYS,
    FADING_DEPTH,
    Strength,
    score_parts,
    scores,
)
from netdesk.store import derived
from netdesk.store.db import Database


def compute(
    conn: Connection, today: dt.date, contact_ids: Iterable[int] | None = None
) -> dict[int, Strength]:
    """Strength of these contacts (all with any touch when None); others score 0."""
    derived.refresh(conn)  # inside a write: the last touches it reads are brought in line first
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return scores(raw, today, contact_ids)


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
