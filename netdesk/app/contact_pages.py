"""The contacts list's pages after the first: search, sort and keyset paging, read through
``reading()`` (netdesk.store.common.Readable) — the window through its engine, ``netdesk
contacts`` on a plain read-only connection without SQLAlchemy (#19).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from netdesk.store import fts
from netdesk.store.common import Readable
from netdesk.store.first_page import COLUMNS, STRENGTH, UNSCORED_DOWN, UNSCORED_UP, order_parts


@dataclass(frozen=True)
class ContactSummary:
    """One row of the contacts list."""

    id: int
    full_name: str
    organization: str
    title: str
    email: str
    phone: str
    last_touch: dt.date | None
    next_follow_up: dt.date | None
    strength: int | None = None


def summaries(
    source: Readable,
    query: str = "",
    *,
    offset: int = 0,
    limit: int | None = None,
    sort_column: int = 1,
    descending: bool = False,
    after: ContactSummary | None = None,
) -> list[ContactSummary]:
    """A page of the contacts list; ``sort_column`` indexes netdesk.store.first_page.COLUMNS.

    ``after`` is the last row of the previous page: the next page starts right after it
    (keyset paging), so page 400 costs what page 1 does, where OFFSET would sort past
    every earlier row again.
    """
    # The hottest query of the window (every keystroke, every page), as SQL on the driver's
    # cursor: no session to commit, and SQLAlchemy's result rows cost about a third of a
    # keystroke's search at 100,000 contacts.
    key, params = _page_order(sort_column, descending, after)
    columns = ", ".join(COLUMNS)
    conditions = [key.after] if after is not None else []
    params.update({"limit": -1 if limit is None else limit, "offset": offset})
    expression = fts.match_expression(query)
    with source.reading() as raw:
        if expression is not None:
            params["q"] = expression
            if sort_column == 1 and limit is not None:
                keys = _name_candidates(raw, expression, after, limit + offset, descending)
                params["keys"] = json.dumps(keys)
                conditions.append(
                    "id IN (SELECT contact_id FROM contact_search "
                    "WHERE key IN (SELECT value FROM json_each(:keys)))"
                )
            else:
                conditions.append(f"id IN ({fts.MATCHING_IDS})")
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = (
            f"SELECT {columns} FROM contact {where} "
            f"ORDER BY {key.order} LIMIT :limit OFFSET :offset"
        )
        rows = raw.execute(sql, params).fetchall()
    dates: dict[Any, dt.date | None] = {None: None}
    result = []
    for r in rows:
        last, upcoming = r[6], r[7]
        if last not in dates:
            dates[last] = _as_date(last)
        if upcoming not in dates:
            dates[upcoming] = _as_date(upcoming)
        result.append(
            ContactSummary(r[0], r[1], r[2], r[3], r[4], r[5], dates[last], dates[upcoming], r[8])
        )
    return result


def _name_candidates(
    raw: sqlite3.Connection,
    expression: str,
    after: ContactSummary | None,
    wanted: int,
    descending: bool,
) -> list[int]:
    """The order keys (netdesk.store.fts) of the matches the next ``wanted`` rows by name are
    among, read in one pass over the index.

    The index hands matches over in key order, which is name order up to ties inside a group
    of keys. So: the group of the cursor (rows of it may come before or after the cursor), then
    the first ``wanted`` matches past it, and the rest of the last one's group — the exact sort
    of those then puts the right rows first, and no other match can come before them.
    """
    params: dict[str, str | int] = {"q": expression}
    if after is None:
        edge, within = None, ""
    else:
        start, end = fts.name_bounds(after.full_name)
        edge = start if descending else end
        within = " AND rowid < :bound" if descending else " AND rowid >= :bound"
        params["bound"] = end if descending else start
    cursor = raw.execute(
        f"SELECT rowid FROM contact_fts WHERE contact_fts MATCH :q{within} "
        f"ORDER BY rowid {'DESC' if descending else ''}",
        params,
    )
    keys: list[int] = []
    past, stop = 0, None  # matches past the cursor's group; where the last group ends
    for rows in iter(lambda: cursor.fetchmany(64), []):
        for (key,) in rows:
            if stop is not None and (key < stop if descending else key >= stop):
                cursor.close()
                return keys
            keys.append(key)
            if edge is None or (key < edge if descending else key >= edge):
                past += 1
                if past == wanted:
                    stop = fts.group_start(key) if descending else fts.group_end(key)
    return keys


@dataclass(frozen=True)
class _PageKey:
    order: str  # ORDER BY clause
    after: str  # the condition for rows after the cursor


def _page_order(
    sort_column: int, descending: bool, after: ContactSummary | None
) -> tuple[_PageKey, dict[str, Any]]:
    """The list's order as a row value, so "after this row" is one comparison.

    Empty values sort last both ways; names (never empty) keep the shape of the name index.
    """
    parts = order_parts(sort_column, descending)
    unscored = UNSCORED_DOWN if descending else UNSCORED_UP
    direction = " DESC" if descending else ""
    order = ", ".join(p + direction for p in parts)
    names = [f":after{i}" for i in range(len(parts))]
    condition = f"({', '.join(parts)}) {'<' if descending else '>'} ({', '.join(names)})"
    params: dict[str, Any] = {}
    if after is not None:
        value = _SUMMARY_VALUES[sort_column](after)
        if isinstance(value, dt.date):
            value = value.isoformat()
        values: list[Any] = [value, after.id]
        if sort_column == STRENGTH:
            values = [unscored if value is None else value, after.id]
        elif sort_column != 1:
            values = [
                int((value is not None) if descending else (value is None)),
                "" if value is None else value,
                after.id,
            ]
        params = {n.removeprefix(":"): v for n, v in zip(names, values, strict=True)}
    return _PageKey(order, condition), params


_SUMMARY_VALUES = (
    lambda s: s.id,
    lambda s: s.full_name,
    lambda s: s.organization,
    lambda s: s.title,
    lambda s: s.email,
    lambda s: s.phone,
    lambda s: s.last_touch,
    lambda s: s.next_follow_up,
    lambda s: s.strength,
)


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


__all__ = ["ContactSummary", "summaries"]
