"""Contacts as ``netdesk contacts --json`` prints them: every field a script may want, read
through ``reading()`` (netdesk.store.common.Readable) without SQLAlchemy (#19).

``ContactBook.as_records`` is this function, so the window's code and the command line read
the same records whichever way the file was opened.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from typing import Any

from netdesk.app.strength_scores import scores
from netdesk.store.common import Readable
from netdesk.store.fts import MATCHING_IDS, match_expression

_CONTACT = (
    "SELECT id, full_name, given_name, family_name, nickname, organization, department, title, "
    "role, note, birthday, photo_mime, needs_review, tier, cadence_days, last_touch, "
    "next_follow_up, created_at, updated_at FROM contact {where} "
    "ORDER BY full_name COLLATE NOCASE, id"
)
_ADDRESS_FIELDS = (
    "kind",
    "po_box",
    "extended",
    "street",
    "city",
    "region",
    "postal_code",
    "country",
)
_ONLY = "contact_id IN (SELECT value FROM json_each(:ids))"


def contact_records(source: Readable, query: str = "") -> list[dict[str, Any]]:
    """Every contact matching ``query`` (all when empty) as a plain dict, by name."""
    expression = match_expression(query)
    where = ""
    params: dict[str, Any] = {}
    if expression is not None:
        where = f"WHERE id IN ({MATCHING_IDS})"
        params["q"] = expression
    with source.reading() as conn:
        contacts = conn.execute(_CONTACT.format(where=where), params).fetchall()
        ids = [c[0] for c in contacts]
        chosen = {"ids": json.dumps(ids)} if expression is not None else {}
        only = f"WHERE {_ONLY}" if expression is not None else ""
        emails = _values(conn, f"SELECT contact_id, value FROM contact_email {only}", chosen)
        phones = _values(conn, f"SELECT contact_id, value FROM contact_phone {only}", chosen)
        urls = _values(conn, f"SELECT contact_id, value FROM contact_url {only}", chosen)
        addresses: dict[int, list[dict[str, str]]] = defaultdict(list)
        columns = ", ".join(_ADDRESS_FIELDS)
        for row in conn.execute(
            f"SELECT contact_id, {columns} FROM contact_address {only} "
            "ORDER BY contact_id, position, id",
            chosen,
        ):
            addresses[row[0]].append(dict(zip(_ADDRESS_FIELDS, row[1:], strict=True)))
        tags: dict[int, list[str]] = defaultdict(list)
        for cid, name in conn.execute(
            "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"{only.replace('contact_id', 'ct.contact_id')} ORDER BY t.name",
            chosen,
        ):
            tags[cid].append(name)
        met: dict[int, list[str]] = defaultdict(list)
        for cid, name in conn.execute(
            "SELECT ec.contact_id, e.name FROM event_contact ec JOIN event e ON e.id = ec.event_id "
            f"{only.replace('contact_id', 'ec.contact_id')} ORDER BY e.date, e.id",
            chosen,
        ):
            met[cid].append(name)
        # Computed now, not read from the stored column: strength fades day by day.
        strengths = scores(conn, dt.date.today(), ids if expression is not None else None)
    records = []
    for row in contacts:
        cid = row[0]
        found = strengths.get(cid)
        records.append(
            {
                "id": cid,
                "full_name": row[1],
                "given_name": row[2] or "",
                "family_name": row[3] or "",
                "nickname": row[4] or "",
                "organization": row[5] or "",
                "department": row[6] or "",
                "title": row[7] or "",
                "role": row[8] or "",
                "emails": emails.get(cid, []),
                "phones": phones.get(cid, []),
                "addresses": addresses.get(cid, []),
                "urls": urls.get(cid, []),
                "note": row[9] or "",
                "birthday": row[10],
                "tags": tags.get(cid, []),
                "has_photo": row[11] is not None,
                "needs_review": bool(row[12]),
                "events": met.get(cid, []),
                "tier": row[13],
                "cadence_days": row[14],
                "last_touch": _iso_day(row[15]),
                "next_follow_up": _iso_day(row[16]),
                "created_at": _utc(row[17]),
                "updated_at": _utc(row[18]),
                "strength": found.score if found else 0,
            }
        )
    return records


def _values(conn: sqlite3.Connection, sql: str, params: dict[str, Any]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for cid, value in conn.execute(f"{sql} ORDER BY contact_id, position, id", params):
        found[cid].append(value)
    return found


def _iso_day(value: str | None) -> str | None:
    return dt.date.fromisoformat(value).isoformat() if value else None


def _utc(value: str) -> str:
    return dt.datetime.fromisoformat(value).isoformat(timespec="seconds") + "Z"


__all__ = ["contact_records"]
