"""Deterministic benchmark data: contacts with e-mails, phones, notes, some photos, and
touchpoints — mostly done in the past, a realistic trickle planned ahead."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

from netdesk.app.sample_data import generate, seed_contacts
from netdesk.domain.contact_data import ContactData
from netdesk.store import derived
from netdesk.store.db import Database, open_database

TOUCHPOINTS_PER_CONTACT = 10
KINDS = ("thank_you", "meeting", "share_content", "call", "note")
INTENTS = ("give", "connect", "ask")


def contacts(count: int, seed: int = 11) -> list[ContactData]:
    return list(generate(count, seed, photos_every=50))


def write_vcards(path: Path, count: int, seed: int = 11) -> None:
    """A vCard 3.0 file as a phone would export it (escaped, folded long lines)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        for i, c in enumerate(generate(count, seed)):
            note = c.note.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            lines = [
                "BEGIN:VCARD",
                "VERSION:3.0",
                f"FN:{c.given_name} {c.family_name}",
                f"N:{c.family_name};{c.given_name};;;",
                f"ORG:{c.organization} {i % 2000}",
                f"TITLE:{c.title}",
                f"EMAIL;TYPE=INTERNET,WORK:{c.emails[0].value}",
                f"TEL;TYPE=CELL:{c.phones[0].value}",
                f"ADR;TYPE=WORK:;;Calle {rng.randrange(1, 200)};{c.addresses[0].city};;;Spain",
                f"NOTE:{note}" if note else "NOTE:Met at event " + str(i % 97),
                "CATEGORIES:" + ",".join(c.tags or ["bench"]),
                f"UID:bench-{seed}-{i}",
                "END:VCARD",
            ]
            fh.write("\r\n".join(lines) + "\r\n")


def touchpoint_rows(
    contact_ids: list[int], today: dt.date, seed: int = 5
) -> list[tuple[object, ...]]:
    """Nine done touchpoints in the past two years and one planned in the next year each."""
    rng = random.Random(seed)
    rows: list[tuple[object, ...]] = []
    for cid in contact_ids:
        for _ in range(TOUCHPOINTS_PER_CONTACT - 1):
            day = today - dt.timedelta(days=rng.randrange(1, 730))
            rows.append((cid, rng.choice(KINDS), rng.choice(INTENTS), "done", day, day))
        due = today + dt.timedelta(days=rng.randrange(-3, 365))
        rows.append((cid, rng.choice(KINDS), rng.choice(INTENTS), "planned", due, None))
    return rows


def build_database(path: Path, count: int, today: dt.date) -> Database:
    db = open_database(path)
    ids = seed_contacts(db, count)
    rows = touchpoint_rows(ids, today)
    raw = sqlite3.connect(path)
    with raw:
        raw.executemany(
            "INSERT INTO touchpoint(contact_id, kind, intent, status, due_date, done_date, "
            "channel, note, created_at) VALUES (?, ?, ?, ?, ?, ?, '', '', '2026-01-01')",
            [
                (c, k, i, s, d.isoformat(), dd.isoformat() if dd else None)
                for c, k, i, s, d, dd in rows
            ],
        )
        # Three in ten contacts matter enough to keep in touch with: tiers A, B and C.
        raw.execute(
            "UPDATE contact SET tier = CASE id % 10 WHEN 0 THEN 'A' WHEN 1 THEN 'B' "
            "WHEN 2 THEN 'C' END"
        )
    raw.close()
    # The triggers noted every contact whose follow-ups or tier were written: the last touch,
    # next follow-up and reconnect date are computed as after any write (netdesk.store.derived).
    with db.engine.begin() as conn:
        derived.refresh(conn)
        conn.exec_driver_sql("ANALYZE")
    return db
