"""What an import keeps of a photographed card: its image beside the contact, and "to review"."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert

from netdesk.app.import_sources import IncomingCard
from netdesk.store.models import CardImage, Contact, table_of


def keep_captured(
    conn: Connection,
    batch_id: int,
    captured: list[tuple[int, int, IncomingCard]],
    ids: list[int],
) -> None:
    """Keep each photo's card image with its contact; a new contact read by OCR is marked to
    review (a card merged into a stored contact leaves that contact's state as it was).

    ``captured`` holds (index of the new contact in ``ids``, or -1; the stored contact's id
    when the index is -1; the card).
    """
    review: list[int] = []
    rows: list[dict[str, Any]] = []
    for index, stored_id, card in captured:
        assert card.captured is not None
        contact_id = ids[index] if index >= 0 else stored_id
        if index >= 0 and card.captured.needs_review:
            review.append(contact_id)
        if card.captured.image is not None:
            rows.append(
                {
                    "contact_id": contact_id,
                    "batch_id": batch_id,
                    "image": card.captured.image,
                    "mime": "image/jpeg",
                    "file": Path(card.file).name,
                    "source": card.captured.source,
                    "text": card.captured.text,
                    "unsure": json.dumps(card.captured.unsure),
                    "created_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                }
            )
    if review:
        contacts = table_of(Contact)
        conn.execute(contacts.update().where(contacts.c.id.in_(review)).values(needs_review=True))
    if rows:
        conn.execute(insert(table_of(CardImage)), rows)
