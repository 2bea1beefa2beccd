"""The window paints its list before PySide6 makes the ``Qt`` namespace's enums (#19).

Making them costs ~25 ms on CPython 3.11, and a Python ``headerData``, ``setShortcut`` or any
``Qt.X`` before the paint does it. These tests check the pieces that stand in for them and,
in a fresh process, that the whole start keeps to it.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import open_database
from netdesk.ui import import_scan, qt_ints
from netdesk.ui.contacts import contacts_header
from tests.window_launch import fresh_process


def test_the_plain_ints_are_qt_s_own_values() -> None:
    role = Qt.ItemDataRole
    align = Qt.AlignmentFlag
    assert role.DisplayRole.value == qt_ints.DISPLAY_ROLE
    assert role.ToolTipRole.value == qt_ints.TOOLTIP_ROLE
    assert role.TextAlignmentRole.value == qt_ints.ALIGNMENT_ROLE
    assert role.UserRole.value == qt_ints.USER_ROLE
    assert align.AlignLeft.value == qt_ints.ALIGN_LEFT
    assert align.AlignCenter.value == qt_ints.ALIGN_CENTER
    assert (align.AlignRight | align.AlignVCenter).value == qt_ints.ALIGN_RIGHT_MIDDLE


@pytest.mark.parametrize(("section", "descending"), [(0, False), (3, True), (7, False)])
def test_the_sort_written_into_the_header_state_is_the_one_qt_shows(
    qtbot: QtBot, section: int, descending: bool
) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(QStandardItemModel(0, 8))
    header = table.horizontalHeader()
    header.resizeSection(2, 77)  # the rest of the state is kept
    state = contacts_header.with_sort(bytes(header.saveState().data()), section, descending)
    assert state is not None
    assert header.restoreState(QByteArray(state))
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (section, order)
    assert header.isSortIndicatorShown()
    assert header.sectionSize(2) == 77
    # and read back from what Qt saves, set through its own API
    header.setSortIndicator(5, Qt.SortOrder.AscendingOrder)
    assert contacts_header.sort_of(bytes(header.saveState().data())) == (5, False)


def test_a_state_that_is_not_a_horizontal_header_s_is_left_alone(qtbot: QtBot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(QStandardItemModel(4, 8))
    vertical = bytes(table.verticalHeader().saveState().data())
    for state in (b"", b"\x00\x00\x00\xff", b"garbage" * 5, vertical):
        assert contacts_header.sort_of(state) is None
        assert contacts_header.with_sort(state, 1, True) is None


def test_netdesk_and_standard_modules_are_answered_without_reading_them() -> None:
    import netdesk.ui.shell.app  # noqa: F401  (installs the answer)

    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    assert scan is not None, "PySide6 moved its import hook: netdesk.ui.import_scan is idle"
    assert getattr(scan, "netdesk_quick", False)
    assert import_scan.quicken()  # a second call keeps the one wrapper
    assert getattr(feature, "_mod_uses_pyside", None) is scan
    # modules without a source file: the scan itself would answer False for each
    assert scan(types.ModuleType("netdesk.not_a_file")) is True
    assert scan(types.ModuleType("json.not_a_file")) is False
    third_party = types.ModuleType("somebody_else")
    assert scan(third_party) is False  # scanned: no source, so "no"


PROBE = """
import json, sys
from pathlib import Path
import PySide6.QtCore as core
import PySide6.QtGui as gui
import PySide6.QtWidgets as widgets
from PySide6.QtCore import QEvent, QObject, QTimer
from netdesk.ui.shell.app import make_application
from netdesk.ui.shell.lifecycle import start_window

app = make_application(sys.argv[:1])
launch = start_window(Path(sys.argv[1]))
window = launch.window
seen = {}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "qt_made_at_paint" not in seen:
            seen["qt_made_at_paint"] = "Qt" in vars(core)
            made = {**vars(core), **vars(gui), **vars(widgets)}
            seen["types_at_paint"] = sorted(n for n in LATER if n in made)
        return False

LATER = ("QFont", "QIcon", "QDir", "QMetaMethod", "QTreeWidgetItem")
watch = Watch()
window.table.viewport().installEventFilter(watch)

def ready():
    header = window.table.horizontalHeader()
    seen["sort"] = [header.sortIndicatorSection(), header.sortIndicatorOrder().value]
    seen["sorting"] = window.table.isSortingEnabled()
    seen["titles"] = [header.model().headerData(i, core.Qt.Orientation.Horizontal)
                      for i in range(header.count())]
    seen["first"] = window.model.index(0, 0).data()
    seen["empty_state_built"] = window._empty_state is not None
    seen["clear_button"] = window.search.isClearButtonEnabled()
    QTimer.singleShot(0, app.quit)

window.ready.connect(ready)
app.exec()
launch.close()
print(json.dumps(seen))
"""


def test_the_window_paints_before_qt_s_enums_are_made(tmp_path: Path) -> None:
    path = tmp_path / "netdesk.sqlite"
    db = open_database(path)
    book = ContactBook(db)
    for name in ("Zoe Park", "Ana García", "Bruno Díaz"):
        book.create(ContactData(full_name=name))
    db.close()
    seen = fresh_process(PROBE, tmp_path, str(path))
    assert seen["qt_made_at_paint"] is False
    # Nor these types, each 0.4-2 ms to make: the panes' bold titles, QAction(text, parent),
    # QDir.tempPath(), QTimer.singleShot(ms, receiver, slot), the follow-ups' tree items.
    assert seen["types_at_paint"] == []
    assert seen["sort"] == [0, Qt.SortOrder.AscendingOrder.value]  # by name, A first
    assert seen["sorting"] is True  # header clicks sort once the window is ready
    assert seen["titles"][:3] == ["Name", "Organisation", "Title"]
    assert seen["first"] == "Ana García"
    assert seen["empty_state_built"] is False
    assert seen["clear_button"] is True  # set after the paint, there once the window is ready
