"""Row-level snapshots of contacts, so deleting (or merging away) a contact can be undone.

A snapshot holds every row that goes when the contact goes — its details, tags, event links,
touchpoints and logged mails and meetings — plus the referral columns that pointed at it.
Restoring puts the same rows back with the same ids, so everything that referred to the contact
refers to it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, insert, select, update

from netdesk.store.mail_models import Interaction
from netdesk.store.models import (
    CardImage,
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactUrl,
    EventContact,
    Referral,
    Touchpoint,
    contact_tag,
    table_of,
)

_OWNED: list[Table] = [
    table_of(Contact),
    table_of(ContactEmail),
    table_of(ContactPhone),
    table_of(ContactAddress),
    table_of(ContactUrl),
    contact_tag,
    table_of(EventContact),
    table_of(Touchpoint),
    table_of(CardImage),
    table_of(Interaction),
]
_REFERRAL_COLUMNS = ("contact_id", "other_contact_id")


@dataclass
class ContactSnapshot:
    contact_ids: list[int]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    referral_links: list[tuple[int, str, int]] = field(default_factory=list)


def take(conn: Connection, contact_ids: list[int]) -> ContactSnapshot:
    snap = ContactSnapshot(contact_ids=list(contact_ids))
    for table in _OWNED:
        key = table.c.id if table.name == "contact" else table.c.contact_id
        result = conn.execute(select(table).where(key.in_(contact_ids)))
        snap.rows[table.name] = [dict(r._mapping) for r in result]
    referral = table_of(Referral)
    for column in _REFERRAL_COLUMNS:
        col = referral.c[column]
        for rid, cid in conn.execute(select(referral.c.id, col).where(col.in_(contact_ids))):
            snap.referral_links.append((rid, column, cid))
    return snap


def restore(conn: Connection, snap: ContactSnapshot) -> None:
    for table in _OWNED:
        rows = snap.rows.get(table.name) or []
        if rows:
            conn.execute(insert(table), rows)
    referral = table_of(Referral)
    for rid, column, cid in snap.referral_links:
        conn.execute(update(referral).where(referral.c.id == rid).values({column: cid}))
