"""A read-only item model over a list of rows, for the lists beside the contacts: events,
referrals, backups, sync conflicts (#16: they were QTableWidgets that built every cell up front).

Each column is a header and a function from a row to its text; the text is made only when the
view asks for it (the visible rows), and rows reach the view in pages of ``PAGE`` as it
scrolls (``fetchMore``), so a list of thousands costs what is on screen. ``set_rows`` replaces
the rows at once; ``row(index)`` gives a row back for the actions on the selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView

ModelIndex = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], str]]
PAGE = 256


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.shown = 0  # rows handed to the view so far

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.shown = min(len(self.rows), PAGE)
        self.endResetModel()

    def row(self, index: int) -> Any | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def text(self, row: int, column: int) -> str:
        return self.columns[column][1](self.rows[row])

    # -- Qt's model interface ---------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.shown < len(self.rows)

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(len(self.rows), self.shown + PAGE)
        if more > self.shown:
            self.beginInsertRows(QModelIndex(), self.shown, more - 1)
            self.shown = more
            self.endInsertRows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.shown:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section][0]
        return None


def rows_table(
    model: RowsModel, name: str, accessible: str, open_row: Callable[[], object]
) -> QTableView:
    """A list page's table: whole rows selected, one at a time, read-only, columns as wide as
    their text (the last one stretches); a double-click opens the row."""
    table = QTableView()
    table.setModel(model)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.doubleClicked.connect(lambda _i: open_row())
    return table


def button_row(buttons: Sequence[tuple[str, Callable[[], object], str]]) -> QHBoxLayout:
    """New…, Edit…, Delete above a list: (text with its &-shortcut, what it does, object name)."""
    row = QHBoxLayout()
    for text, slot, name in buttons:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False, s=slot: s())
        row.addWidget(button)
    row.addStretch(1)
    return row


__all__ = ["PAGE", "RowsModel", "button_row", "rows_table"]
