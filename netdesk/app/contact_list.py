"""The contacts list's pages as the window shows them, before and after the ORM is loaded.

The first page is read with plain ``sqlite3`` (netdesk.store.first_page) so the window can
paint its list about 0.3 s before SQLAlchemy and the services are imported; every page after
it, and every search and sort, comes from ``ContactBook.summaries`` in the same order and with
the same columns (tests/test_first_page.py compares the two for every sort). Free of
SQLAlchemy: the window's shell imports it before the first paint.
"""

from __future__ import annotations

from netdesk.store.first_page import (
    COLUMNS,
    PAGE,
    SCREEN,
    FirstPage,
    ListRow,
    parse_sort,
    read_first_page,
    read_in_background,
)

# The list's columns as the window shows them: the book's, without the id.
SHOWN = COLUMNS[1:]


def sort_key(shown_column: int) -> int:
    """The book's sort column (an index of COLUMNS, as ContactBook.summaries, the first page
    and the remembered sort count them) for a column of the window's list."""
    return COLUMNS.index(SHOWN[shown_column])


__all__ = [
    "COLUMNS",
    "PAGE",
    "SCREEN",
    "SHOWN",
    "FirstPage",
    "ListRow",
    "parse_sort",
    "read_first_page",
    "read_in_background",
    "sort_key",
]
