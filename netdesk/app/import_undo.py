"""Undoing an import batch as a unit: what it created goes, what it merged reverts."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import delete, select

from netdesk.domain.contact_json import from_json
from netdesk.domain.match_keys import default_region
from netdesk.store.contact_rows import apply_data
from netdesk.store.db import Database
from netdesk.store.models import (
    CardImage,
    Contact,
    EventContact,
    ImportBatch,
    ImportChange,
    Touchpoint,
    utcnow,
)


@dataclass(frozen=True)
class BatchSummary:
    id: int
    created_at: dt.datetime
    files: list[str]
    cards: int
    created: int
    merged: int
    undone: bool


def list_batches(db: Database) -> list[BatchSummary]:
    with db.session() as session:
        rows = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).all()
        result = []
        for b in rows:
            summary = json.loads(b.summary or "{}")
            result.append(
                BatchSummary(
                    id=b.id,
                    created_at=b.created_at,
                    files=list(json.loads(b.files or "[]")),
                    cards=int(summary.get("cards", 0)),
                    created=int(summary.get("created", 0)),
                    merged=int(summary.get("merged", 0)),
                    undone=b.undone_at is not None,
                )
            )
        return result


def undo_import(db: Database, batch_id: int, region: str | None = None) -> tuple[int, int]:
    """Revert the batch; returns (contacts removed, contacts reverted)."""
    region = region or default_region()
    with db.session() as session:
        batch = session.get(ImportBatch, batch_id)
        if batch is None:
            raise LookupError(f"no import batch with id {batch_id}")
        if batch.undone_at is not None:
            raise ValueError(f"import batch {batch_id} was already undone")
        changes = session.scalars(
            select(ImportChange).where(ImportChange.batch_id == batch_id)
        ).all()
        created = [c.contact_id for c in changes if c.action == "created"]
        merged = [(c.contact_id, c.before) for c in changes if c.action == "merged"]
        session.execute(delete(Touchpoint).where(Touchpoint.batch_id == batch_id))
        session.execute(delete(EventContact).where(EventContact.batch_id == batch_id))
        session.execute(delete(CardImage).where(CardImage.batch_id == batch_id))
        for start in range(0, len(created), 500):
            chunk = created[start : start + 500]
            session.execute(delete(Contact).where(Contact.id.in_(chunk)))
        reverted = []
        for cid, before in merged:
            contact = session.get(Contact, cid)
            if contact is None or before is None:
                continue  # deleted by the user since; nothing to revert
            apply_data(session, contact, from_json(json.loads(before)), region)
            reverted.append(cid)
        session.flush()
        batch.undone_at = utcnow()
        return len(created), len(reverted)
