"""The contacts list as a lazy table model: pages of rows are fetched as the view scrolls.

At start-up the model can show a first page read with plain sqlite3 (netdesk.store.first_page)
before the contact book exists; it pages, searches and sorts once a book is attached.

In the window (``background``) the pages a scroll asks for and the first page of a new sort
are read on a worker thread and shown when they arrive: sorting 100,000 contacts by a column
without an index costs 20-40 ms a page, which on the GUI thread was the largest stall of the
window (#19). The rows shown stay until the new ones are there. A search, or data that
changed, still reloads at once: the code that follows (selecting the contact just saved)
needs the new rows. A search reads its matches in name order straight from the search index
(netdesk.store.fts), and a keystroke reads a screenful of them (``SCREEN``), not a page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

from netdesk.app.contact_list import PAGE, SCREEN, FirstPage, ListRow, sort_key
from netdesk.ui.formatting import format_date
from netdesk.ui.qt_ints import (
    ALIGN_RIGHT_MIDDLE,
    ALIGNMENT_ROLE,
    DISPLAY_ROLE,
    TOOLTIP_ROLE,
    USER_ROLE,
)

if TYPE_CHECKING:  # importing the contact book loads SQLAlchemy: not before the first paint
    from netdesk.app.contacts import ContactBook, ContactSummary
    from netdesk.ui.tasks import Reader

Index = QModelIndex | QPersistentModelIndex


class ContactTableModel(QAbstractTableModel):
    NAME, ORGANIZATION, TITLE, EMAIL, PHONE, LAST_TOUCH, NEXT_FOLLOW_UP, STRENGTH = range(8)
    ContactIdRole = USER_ROLE + 1

    def __init__(
        self,
        book: ContactBook | None,
        parent: Any = None,
        background: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._background = background
        self._reader_made: Reader | None = None  # see _reader
        self._rows: list[ContactSummary | ListRow] = []
        self._exhausted = True  # the last page came back short: nothing more to fetch
        self._total: int | None = None  # counted only when asked (not on every keystroke)
        self._query = ""
        self._sort_column = self.NAME
        self._descending = False
        self._headers = [
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Title"),
            self.tr("E-mail"),
            self.tr("Phone"),
            self.tr("Last touch"),
            self.tr("Next follow-up"),
            self.tr("Strength"),
        ]
        # Nothing is read until the window first shows the list (reload), so start-up pays for
        # one query, not one per sort or header restore.
        self._loaded = False
        self._stale = False  # searched or sorted before the book was attached

    @property
    def _reader(self) -> Reader:
        """One read at a time: a newer one (another sort) makes an older answer stale. Made at
        its first use, after the first paint: netdesk.ui.tasks and the Qt thread classes it
        loads cost the start ~2 ms (#19)."""
        if self._reader_made is None:
            from netdesk.ui.tasks import Reader

            self._reader_made = Reader(self._arrived, self, lambda: not self._background())
        return self._reader_made

    def _forget_reads(self) -> None:
        if self._reader_made is not None:
            self._reader_made.forget()

    # -- loading -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many contacts match the current search (loaded or not); counted when asked."""
        if self._total is None:
            if self._exhausted or self._book is None:
                return len(self._rows)
            self._total = self._book.count(self._query)
        return self._total

    @property
    def counted(self) -> bool:
        """``total`` is known: a first page's count arrives just after the paint (set_total)."""
        return self._total is not None or self._exhausted or self._book is not None

    def set_total(self, total: int | None) -> None:
        """The first page's count, read after it (netdesk.store.first_page.FirstPage)."""
        if self._book is None and not self._query:
            self._total = total

    @property
    def sort_order(self) -> tuple[int, bool]:
        """(column, descending) the list is sorted by."""
        return self._sort_column, self._descending

    @property
    def book_order(self) -> tuple[int, bool]:
        """The sort as the book, the first page and the remembered setting count columns."""
        return sort_key(self._sort_column), self._descending

    @property
    def attached(self) -> bool:
        return self._book is not None

    @property
    def loaded(self) -> bool:
        """Rows have been read (from the book or the first page)."""
        return self._loaded

    def show_first_page(self, page: FirstPage) -> None:
        """Show rows read before the contact book exists (the whole list, no search)."""
        self._forget_reads()
        self._loaded = True
        self.beginResetModel()
        self._rows = list(page.rows)
        self._exhausted = page.exhausted
        self._total = page.total
        self.endResetModel()

    def attach(self, book: ContactBook) -> None:
        """Page, search and sort through ``book`` from now on. Rows already shown stay (no
        reset, so selection and scrolling are kept) unless a search or sort came meanwhile."""
        from netdesk.app.contacts import ContactSummary

        self._book = book
        self._rows = [
            r if isinstance(r, ContactSummary) else ContactSummary(*r.as_tuple())
            for r in self._rows
        ]
        if self._stale:
            self._stale = False
            self.reload()

    def set_query(self, query: str) -> None:
        if query == self._query and self._loaded:
            return
        self._query = query
        self.reload()

    @property
    def reading(self) -> bool:
        """A page or a new sort is being read on a worker."""
        return self._reader_made is not None and self._reader_made.busy

    def reload(self) -> None:
        if self._book is None:
            self._stale = True
            return
        self._reader.forget()  # what a worker is reading is for rows about to be replaced
        self._loaded = True
        # A keystroke reads what a screen shows; the rest of the page comes as the view
        # scrolls (fetchMore). Every row read costs: at 100,000 contacts a first page of 256
        # matches took more than 10x the bare index lookup, one of 64 does not (#19).
        limit = SCREEN if self._query else PAGE
        self.beginResetModel()
        self._rows = list(self._page(None, limit))
        self._exhausted = len(self._rows) < limit
        self._total = None
        self.endResetModel()

    def _page(
        self, after: ContactSummary | ListRow | None, limit: int = PAGE
    ) -> list[ContactSummary]:
        return self._page_reader(after, limit)()

    def _page_reader(
        self, after: ContactSummary | ListRow | None, limit: int = PAGE
    ) -> Callable[[], list[ContactSummary]]:
        """A read of the page after ``after`` in the current search and order, which a worker
        can run: it holds its own copy of what it reads."""
        from netdesk.app.contacts import ContactSummary

        book = self._book
        assert book is not None  # callers check
        start = ContactSummary(*after.as_tuple()) if isinstance(after, ListRow) else after
        query, column, descending = self._query, sort_key(self._sort_column), self._descending

        def read() -> list[ContactSummary]:
            return book.summaries(
                query, after=start, limit=limit, sort_column=column, descending=descending
            )

        return read

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and not self._exhausted
            and self._book is not None
            and not self.reading
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The next page: on a worker in the window (the view asks while scrolling)."""
        if parent.isValid() or self._book is None or self.reading:
            return
        after = self._rows[-1] if self._rows else None
        read = self._page_reader(after)
        self._reader.read(lambda: ("more", after, read()))

    def fetch_now(self) -> bool:
        """The next page, read on this thread (to find a row); False when there is none."""
        if self._book is None or self._exhausted:
            return False
        self._reader.forget()
        after = self._rows[-1] if self._rows else None
        self._add_page(after, self._page(after))
        return True

    def _arrived(self, answer: tuple[str, Any, list[ContactSummary]]) -> None:
        kind, after, rows = answer
        if kind == "sorted":
            self._replace(rows)
        else:
            self._add_page(after, rows)

    def _add_page(self, after: Any, rows: list[ContactSummary]) -> None:
        if (self._rows[-1] if self._rows else None) is not after:
            return  # the list changed while the page was read
        self._exhausted = len(rows) < PAGE
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _replace(self, rows: list[ContactSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = len(rows) < PAGE
        self._total = None
        self.endResetModel()

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    @property
    def headers(self) -> list[str]:
        """The column titles. There is no headerData here: the view calls it with a
        Qt.Orientation as soon as it gets the model, which makes all of Qt's enums before the
        first paint (netdesk.ui.qt_ints). The window's header shows these titles from a model
        of its own (MainWindow.header_model)."""
        return list(self._headers)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == DISPLAY_ROLE:
            return self._display(row, index.column())
        if role == ALIGNMENT_ROLE and index.column() == self.STRENGTH:
            return ALIGN_RIGHT_MIDDLE
        if role == TOOLTIP_ROLE and index.column() == self.STRENGTH:
            return self.tr(
                "Relationship strength 0-100, from mails, meetings and follow-ups; "
                "the contact's details show why."
            )
        if role == self.ContactIdRole:
            return row.id
        return None

    @staticmethod
    def _display(row: ContactSummary | ListRow, column: int) -> str:
        values = (
            row.full_name,
            row.organization,
            row.title,
            row.email,
            row.phone,
            format_date(row.last_touch),
            format_date(row.next_follow_up),
            "" if row.strength is None else str(row.strength),
        )
        return values[column] if 0 <= column < len(values) else ""

    def sort(self, column: int, order: Any = None) -> None:
        """Qt's sort (the view calls it with a Qt.SortOrder; None is ascending)."""
        from PySide6.QtCore import Qt

        self.set_order(column, order == Qt.SortOrder.DescendingOrder)

    def set_order(self, column: int, descending: bool) -> None:
        """Sort by ``column``; the first paint sets the remembered order this way, before
        the view sorts (which would make Qt's enums)."""
        if not 0 <= column < len(self._headers):
            return
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column = column
        self._descending = descending
        if not self._loaded:
            return
        if self._book is None:
            self._stale = True
            return
        read = self._page_reader(None)
        self._reader.read(lambda: ("sorted", None, read()))

    # -- helpers for the window --------------------------------------------------------------
    def contact_id(self, row: int) -> int | None:
        if 0 <= row < len(self._rows):
            return self._rows[row].id
        return None

    def row_of(self, contact_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == contact_id:
                return i
        return None
