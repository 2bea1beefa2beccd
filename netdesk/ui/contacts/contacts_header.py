"""The contacts list's header, set up so the window paints before Qt's enums are made (#19).

The first time PySide6's ``Qt`` namespace is touched it makes all 94 of its enums: ~25 ms on
CPython 3.11, a sixth of a bare window's start (netdesk.ui.qt_ints). Three things about a
header would do it before the first paint, and each is done another way:

- a ``headerData`` written in Python is called with a ``Qt.Orientation`` as soon as the view
  gets the model, so the titles come from a model in C++ (``install``);
- ``setSortIndicator`` takes a ``Qt.SortOrder``, so the indicator is written into the header's
  saved state (``show_sort``) and read back from it (``shown_sort``). ``QHeaderView.saveState``
  (Qt 6) begins with a marker and a version, then the orientation, the sort order and the sort
  section as 32-bit big-endian ints, then one byte: whether the indicator shows. Anything else
  is answered None and the enum API is used instead (slower, never wrong);
- a view that sorts calls the model's ``sort`` with a ``Qt.SortOrder``, so sorting is enabled
  once the database is attached (netdesk.ui.shell.window_build).
"""

from __future__ import annotations

import struct

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

_HEAD = struct.Struct(">iiiii?")  # marker, version, orientation, order, section, shown
_MARKER, _VERSION, _HORIZONTAL = 0xFF, 0, 1


def sort_of(state: bytes) -> tuple[int, bool] | None:
    """(section, descending) of a horizontal header's saved state; None when not one."""
    if len(state) < _HEAD.size:
        return None
    marker, version, orientation, order, section, _shown = _HEAD.unpack_from(state)
    if (marker, version, orientation) != (_MARKER, _VERSION, _HORIZONTAL) or order not in (0, 1):
        return None
    return section, order == 1


def with_sort(state: bytes, section: int, descending: bool) -> bytes | None:
    """``state`` with its indicator shown on ``section``, in that order; None when not one."""
    if sort_of(state) is None:
        return None
    head = _HEAD.pack(_MARKER, _VERSION, _HORIZONTAL, int(descending), section, True)
    return head + state[_HEAD.size :]


def install(table: QTableView, titles: list[str], parent: QObject) -> QStandardItemModel:
    """The header of ``table`` (whose model is set) shows ``titles`` from a model in C++."""
    model = QStandardItemModel(0, len(titles), parent)
    model.setHorizontalHeaderLabels(titles)
    header = table.horizontalHeader()
    header.setModel(model)
    header.setSectionsClickable(True)
    return model


def show_sort(header: QHeaderView, column: int, descending: bool) -> None:
    """Show the sort indicator on ``column``, in that order."""
    state = with_sort(bytes(header.saveState().data()), column, descending)
    if state is None or not header.restoreState(QByteArray(state)):
        from PySide6.QtCore import Qt

        header.setSortIndicatorShown(True)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)


def shown_sort(header: QHeaderView) -> tuple[int, bool]:
    """(column, descending) the header's indicator shows."""
    sort = sort_of(bytes(header.saveState().data()))
    if sort is None:
        from PySide6.QtCore import Qt

        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        sort = header.sortIndicatorSection(), descending
    return sort


__all__ = ["install", "show_sort", "shown_sort", "sort_of", "with_sort"]
