"""Writing many contacts at once through SQLAlchemy Core.

The ORM's unit of work costs ~38x raw inserts at 10,000 contacts; executemany over Core tables
costs ~2x. Ids are allocated here, inside the caller's write transaction, so child rows can be
inserted in the same pass without a round trip per contact.

The tables' INSERT triggers (which note each new row's contact in ``contact_stale``, see
netdesk.store.derived) are set aside while the rows go in, and the same marks are made with one
statement per trigger. A trigger runs as a sub-program for every row: at 10,000 cards, ~50,000
runs were 0.55 s of 1.5 s of inserting. Dropping and recreating them happens inside the
caller's transaction, so no other connection ever sees the file without them, and an error or
a crash rolls the drop back with the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, func, insert, select

from netdesk.domain.contact_data import ContactData
from netdesk.domain.match_keys import email_key, phone_keys
from netdesk.store.db import driver
from netdesk.store.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactUrl,
    Tag,
    contact_tag,
    table_of,
    utcnow,
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
    "label",
)


def _primary(values: list[tuple[str, bool]]) -> str:
    present = [(v.strip(), pref) for v, pref in values if v.strip()]
    for value, pref in present:
        if pref:
            return value
    return present[0][0] if present else ""


def tag_ids(conn: Connection, names: set[str]) -> dict[str, int]:
    """Ids for these tag names, creating the missing ones."""
    if not names:
        return {}
    tags = table_of(Tag)
    found: dict[str, int] = {}
    wanted = sorted(names)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            {
                n: i
                for i, n in conn.execute(
                    select(tags.c.id, tags.c.name).where(tags.c.name.in_(chunk))
                )
            }
        )
    missing = [n for n in wanted if n not in found]
    if missing:
        conn.execute(insert(tags), [{"name": n} for n in missing])
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            found.update(
                {
                    n: i
                    for i, n in conn.execute(
                        select(tags.c.id, tags.c.name).where(tags.c.name.in_(chunk))
                    )
                }
            )
    return found


def insert_contacts(
    conn: Connection,
    contacts: Sequence[ContactData],
    region: str,
    now: dt.datetime | None = None,
) -> list[int]:
    """Insert the contacts with all their details and index them; returns their new ids."""
    if not contacts:
        return []
    # as SQLAlchemy's DateTime stores it on SQLite
    stamp = (now or utcnow()).strftime("%Y-%m-%d %H:%M:%S.%f")
    first = int(conn.execute(select(func.coalesce(func.max(Contact.id), 0))).scalar_one()) + 1
    ids = list(range(first, first + len(contacts)))
    main: list[dict[str, Any]] = []
    emails: list[dict[str, Any]] = []
    phones: list[dict[str, Any]] = []
    addresses: list[dict[str, Any]] = []
    urls: list[dict[str, Any]] = []
    tag_links: list[tuple[int, str]] = []
    for cid, data in zip(ids, contacts, strict=True):
        main.append(
            {
                "id": cid,
                "full_name": data.display_name(),
                "given_name": data.given_name,
                "family_name": data.family_name,
                "additional_names": data.additional_names,
                "prefix": data.prefix,
                "suffix": data.suffix,
                "nickname": data.nickname,
                "organization": data.organization,
                "department": data.department,
                "title": data.title,
                "role": data.role,
                "note": data.note,
                "birthday": data.birthday or None,
                "photo": data.photo,
                "photo_mime": data.photo_mime if data.photo else None,
                "uid": data.uid,
                # what the card said that netdesk does not model, for export and sync
                "vcard_extra": json.dumps(data.extra, ensure_ascii=False) if data.extra else None,
                "vcard_version": data.version or None,
                "primary_email": _primary([(e.value, e.pref) for e in data.emails]),
                "primary_phone": _primary([(p.value, p.pref) for p in data.phones]),
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        for i, e in enumerate(x for x in data.emails if x.value.strip()):
            emails.append(
                {
                    "contact_id": cid,
                    "position": i,
                    "value": e.value,
                    "kind": e.kind,
                    "pref": e.pref,
                    "match_key": email_key(e.value),
                }
            )
        for i, p in enumerate(x for x in data.phones if x.value.strip()):
            key, digits = phone_keys(p.value, region)
            phones.append(
                {
                    "contact_id": cid,
                    "position": i,
                    "value": p.value,
                    "kind": p.kind,
                    "pref": p.pref,
                    "match_key": key,
                    "digits": digits,
                }
            )
        for i, a in enumerate(x for x in data.addresses if not x.is_empty()):
            row = {name: getattr(a, name) for name in _ADDRESS_FIELDS}
            row.update(contact_id=cid, position=i)
            addresses.append(row)
        for i, u in enumerate(x for x in data.urls if x.value.strip()):
            urls.append({"contact_id": cid, "position": i, "value": u.value, "kind": u.kind})
        for name in dict.fromkeys(t.strip() for t in data.tags if t.strip()):
            tag_links.append((cid, name))
    by_name = tag_ids(conn, {name for _cid, name in tag_links})
    with _marks_after(driver(conn), ids[0], ids[-1]):
        for table, rows in (
            (Contact.__tablename__, main),
            (ContactEmail.__tablename__, emails),
            (ContactPhone.__tablename__, phones),
            (ContactAddress.__tablename__, addresses),
            (ContactUrl.__tablename__, urls),
            (
                contact_tag.name,
                [{"contact_id": cid, "tag_id": by_name[name]} for cid, name in tag_links],
            ),
        ):
            _insert_rows(conn, table, rows)
    return ids


# The tables insert_contacts writes, and the column naming each row's contact.
_WRITTEN = {
    "contact": "id",
    "contact_email": "contact_id",
    "contact_phone": "contact_id",
    "contact_address": "contact_id",
    "contact_url": "contact_id",
    "contact_tag": "contact_id",
}
# A trigger that only marks the new row's contact (migrations 0009 and 0011 write them so);
# any other trigger stays in place and runs per row.
_MARK_ONLY = re.compile(
    r"CREATE TRIGGER (\w+) AFTER INSERT ON (\w+) BEGIN INSERT INTO contact_stale\(id, what\) "
    r"VALUES \(NEW\.(\w+), (\d+)\) ON CONFLICT\(id\) DO UPDATE SET what = what \| "
    r"excluded\.what; END"
)
_MARK = (
    "INSERT INTO contact_stale(id, what) SELECT {column}, {what} FROM {table} "
    "WHERE {column} BETWEEN ? AND ? ON CONFLICT(id) DO UPDATE SET what = what | excluded.what"
)


@contextmanager
def _marks_after(raw: sqlite3.Connection, first: int, last: int) -> Iterator[None]:
    """Within: the written tables' marking triggers are away; after: their marks for the
    contacts ``first``..``last`` are made and the triggers are back. Only inside a
    transaction (the drop must never be committed on its own); else the triggers run."""
    found = raw.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
        f"({', '.join('?' * len(_WRITTEN))})",
        tuple(_WRITTEN),
    ).fetchall()
    marking = [
        match
        for (sql,) in found
        if (match := _MARK_ONLY.fullmatch(str(sql))) and match[3] == _WRITTEN.get(match[2])
    ]
    if not raw.in_transaction or not marking:
        yield
        return
    for match in marking:
        raw.execute(f'DROP TRIGGER "{match[1]}"')
    try:
        yield
        for match in marking:
            statement = _MARK.format(column=match[3], what=int(match[4]), table=match[2])
            raw.execute(statement, (first, last))
    finally:
        for match in marking:
            raw.execute(match[0])  # the trigger as it was stored


def _insert_rows(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """executemany on the driver's connection, inside the caller's transaction: SQLAlchemy's
    per-row parameter processing cost about as much as SQLite's own work for 10,000 cards.
    The rows hold only what SQLite stores as given (text, numbers, bytes, None)."""
    if not rows:
        return
    columns = list(rows[0])
    driver(conn).executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"VALUES ({', '.join(':' + c for c in columns)})",
        rows,
    )
