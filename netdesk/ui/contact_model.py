"""The contacts list as a lazy table model: pages of rows are fetched as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from netdesk.core.contacts import ContactBook, ContactSummary
from netdesk.ui.formatting import format_date

Index = QModelIndex | QPersistentModelIndex

PAGE = 256


class ContactTableModel(QAbstractTableModel):
    NAME, ORGANIZATION, TITLE, EMAIL, PHONE, LAST_TOUCH, NEXT_FOLLOW_UP = range(7)
    ContactIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, book: ContactBook, parent: Any = None) -> None:
        super().__init__(parent)
        self._book = book
        self._rows: list[ContactSummary] = []
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
        ]
        # Nothing is read until the window first shows the list (reload), so start-up pays for
        # one query, not one per sort or header restore.
        self._loaded = False

    # -- loading -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many contacts match the current search (loaded or not); counted when asked."""
        if self._total is None:
            self._total = len(self._rows) if self._exhausted else self._book.count(self._query)
        return self._total

    def set_query(self, query: str) -> None:
        if query == self._query and self._loaded:
            return
        self._query = query
        self.reload()

    def reload(self) -> None:
        self._loaded = True
        self.beginResetModel()
        self._rows = self._page(None)
        self._exhausted = len(self._rows) < PAGE
        self._total = None
        self.endResetModel()

    def _page(self, after: ContactSummary | None) -> list[ContactSummary]:
        return self._book.summaries(
            self._query,
            after=after,
            limit=PAGE,
            sort_column=self._sort_column + 1,
            descending=self._descending,
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        rows = self._page(self._rows[-1] if self._rows else None)
        self._exhausted = len(rows) < PAGE
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == self.ContactIdRole:
            return row.id
        return None

    @staticmethod
    def _display(row: ContactSummary, column: int) -> str:
        values = (
            row.full_name,
            row.organization,
            row.title,
            row.email,
            row.phone,
            format_date(row.last_touch),
            format_date(row.next_follow_up),
        )
        return values[column] if 0 <= column < len(values) else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column = column
        self._descending = descending
        if self._loaded:
            self.reload()

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
