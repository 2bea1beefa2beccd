"""The contacts list's first page read with plain ``sqlite3``, for the window's first paint.

Importing SQLAlchemy, the models and the services costs about 0.3 s before anything can be
drawn, while reading one page of 100,000 contacts costs a few milliseconds. So the window
paints its list from here and builds the rest right after. This is a second data path on
purpose, and a narrow one: one page, in the same order and of the same columns as
``ContactBook.summaries`` (tests/test_first_page.py compares the two for every sort), and only
for a database that is already at this version's schema. Anything else — no file, not SQLite,
an older or newer schema, any SQLite error — returns None and the window takes its usual path
(migration, integrity check, the offer to restore).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from netdesk.store.common import BUSY_TIMEOUT_MS, is_sqlite_file
from netdesk.store.read_only import is_current

# Rows per page of the contacts list (the window's model pages by this much too).
PAGE = 256
# Rows the first paint and a search keystroke read: more than a tall screen shows; the rest
# come as the view scrolls. On a cold disk each row can be a page read of its own: a first
# page of 256 took ~35 ms (#19).
SCREEN = 64
# The list's columns in ContactBook.summaries' order; sort_column indexes this tuple.
COLUMNS = (
    "id",
    "full_name",
    "organization",
    "title",
    "primary_email",
    "primary_phone",
    "last_touch",
    "next_follow_up",
    "strength",
)
_NOCASE = frozenset({1, 2, 3, 4, 5})


# Plain classes, not dataclasses: importing dataclasses costs ~4 ms before the first paint.
class ListRow:
    """One row of the contacts list; the same fields, in the same order, as ContactSummary."""

    __slots__ = (
        "email",
        "full_name",
        "id",
        "last_touch",
        "next_follow_up",
        "organization",
        "phone",
        "strength",
        "title",
    )

    def __init__(self, row: tuple[Any, ...]) -> None:
        self.id: int = row[0]
        self.full_name: str = row[1]
        self.organization: str = row[2]
        self.title: str = row[3]
        self.email: str = row[4]
        self.phone: str = row[5]
        self.last_touch = _date(row[6])
        self.next_follow_up = _date(row[7])
        self.strength: int | None = row[8] if len(row) > 8 else None

    def as_tuple(self) -> tuple[Any, ...]:
        return (
            self.id,
            self.full_name,
            self.organization,
            self.title,
            self.email,
            self.phone,
            self.last_touch,
            self.next_follow_up,
            self.strength,
        )


class FirstPage:
    def __init__(self, rows: list[ListRow], total: int | None, exhausted: bool) -> None:
        self.rows = rows
        # Every contact in the database; None until counted (read_in_background counts after
        # handing the page over). A page that holds the whole list is its own count.
        self.total = len(rows) if exhausted else total
        self.exhausted = exhausted  # the page holds the whole list
        self.counted = threading.Event()  # set once ``total`` is final (None: not countable)
        if self.total is not None:
            self.counted.set()


STRENGTH = 8  # the strength column: one number, unscored contacts last both ways
UNSCORED_DOWN, UNSCORED_UP = -1, 101  # below and above every score (indexes in migration 0008)


def order_parts(sort_column: int, descending: bool) -> list[str]:
    """The list's sort key, term by term (without directions): the same terms the contacts
    list's keyset paging compares, so its next page starts right after the last row."""
    column = COLUMNS[sort_column]
    nocase = " COLLATE NOCASE" if sort_column in _NOCASE else ""
    if sort_column == STRENGTH:
        return [f"coalesce({column}, {UNSCORED_DOWN if descending else UNSCORED_UP})", "id"]
    if sort_column == 1:
        return [f"{column}{nocase}", "id"]
    empty = f"({column} IS NOT NULL)" if descending else f"({column} IS NULL)"
    return [empty, f"coalesce({column}, ''){nocase}", "id"]


def order_by(sort_column: int, descending: bool) -> str:
    """The ORDER BY of ``ContactBook.summaries`` for a list without a search."""
    direction = " DESC" if descending else ""
    return ", ".join(p + direction for p in order_parts(sort_column, descending))


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def read_first_page(
    path: Path,
    limit: int,
    sort_column: int = 1,
    descending: bool = False,
    handed: Callable[[FirstPage | None], None] | None = None,
) -> FirstPage | None:
    """The first ``limit`` rows in the list's order and the contact count, or None when the
    database is missing, not at this version's schema, or cannot be read.

    With ``handed`` the page is passed to it as soon as its rows are read, before the count
    (which fills in ``total`` and sets ``counted`` then)."""
    page = None
    try:
        if not 0 < sort_column < len(COLUMNS) or not path.is_file() or not is_sqlite_file(path):
            return None
        uri = f"{path.absolute().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            if not is_current(conn):
                return None
            found = conn.execute(
                f"SELECT {', '.join(COLUMNS)} FROM contact "
                f"ORDER BY {order_by(sort_column, descending)} LIMIT ?",
                (limit,),
            ).fetchall()
            page = FirstPage([ListRow(r) for r in found], None, len(found) < limit)
            if handed is not None:
                handed(page)
            if page.total is None:
                page.total = int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])
    except (sqlite3.Error, OSError, ValueError, TypeError):  # TypeError, ValueError: a date
        if handed is None:  # SQLite accepted but Python cannot read; a page handed over
            page = None  # stays, without its count
    finally:
        if page is not None:
            page.counted.set()
        elif handed is not None:
            handed(None)
    return page


def read_in_background(
    path: Path, limit: int, sort_column: int = 1, descending: bool = False
) -> Callable[[], FirstPage | None]:
    """Start ``read_first_page`` on a thread and return a function that waits for its page.

    SQLite releases the GIL while it reads, so the window's shell is built meanwhile. The page
    is handed over as soon as its rows are read; the count follows (``FirstPage.counted``):
    on a cold disk it scans an index, ~30 ms at 100,000 contacts, which the paint need not
    wait for."""
    answer: list[FirstPage | None] = []
    ready = threading.Event()

    def hand(page: FirstPage | None) -> None:
        if not ready.is_set():
            answer.append(page)
            ready.set()

    def read() -> None:
        try:
            read_first_page(path, limit, sort_column, descending, hand)
        finally:
            hand(None)  # nothing handed (an unexpected error): the usual path

    thread = threading.Thread(target=read, name="netdesk-first-page", daemon=True)
    thread.start()

    def wait() -> FirstPage | None:
        ready.wait()
        return answer[0] if answer else None

    return wait


def parse_sort(value: object) -> tuple[int, bool]:
    """The list's remembered sort ("column,descending" as first_page counts columns), or the
    default (by name, A first) when it is missing or makes no sense."""
    try:
        column, descending = (int(part) for part in str(value).split(","))
    except (TypeError, ValueError):
        return 1, False
    if not 0 < column < len(COLUMNS) or descending not in (0, 1):
        return 1, False
    return column, bool(descending)


__all__ = [
    "PAGE",
    "SCREEN",
    "FirstPage",
    "ListRow",
    "order_by",
    "order_parts",
    "parse_sort",
    "read_first_page",
    "read_in_background",
]
