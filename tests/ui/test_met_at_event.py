"""Edit → Met at event…: people added to an event by hand get the playbook; Ctrl+Z undoes it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.store.models import Event, Touchpoint
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY, detail_shown, focus, when_dialog_opens


@pytest.fixture
def setup(db: Database) -> dict[str, int]:
    book = ContactBook(db)
    events = EventBook(db)
    return {
        "ana": book.create(ContactData(full_name="Ana García")),
        "bea": book.create(ContactData(full_name="Bea López")),
        "old": events.create("Spring fair", date=TODAY - dt.timedelta(days=200)),
        "breakfast": events.create("Chamber breakfast", date=TODAY - dt.timedelta(days=1)),
    }


def touchpoints(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Touchpoint)) or 0)


def shortcut(qtbot: QtBot, window: MainWindow) -> None:
    focus(qtbot, window, window.table)
    qtbot.keyClick(
        window.table,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def test_existing_event_by_keyboard_plans_the_playbook_and_undoes(
    window: MainWindow, qtbot: QtBot, db: Database, setup: dict[str, int]
) -> None:
    window.refresh()
    action = window.findChild(QAction, "metAtEventAction")
    assert action is not None and action in window.menus["edit"].actions()
    window.table.clearSelection()
    assert not action.isEnabled()
    window.select_contact(setup["ana"])
    assert action.isEnabled()
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        box = dialog.findChild(QComboBox, "eventChoice")
        name = dialog.findChild(QLineEdit, "newEventName")
        assert box is not None and name is not None
        seen["items"] = [box.itemText(i) for i in range(box.count())]
        seen["name_enabled"] = name.isEnabled()
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Home)  # newest event first: the breakfast
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, act)
    shortcut(qtbot, window)
    yesterday = TODAY - dt.timedelta(days=1)
    assert seen["items"] == [
        f"Chamber breakfast — {yesterday.isoformat()}",
        f"Spring fair — {(TODAY - dt.timedelta(days=200)).isoformat()}",
        "New event…",
    ]
    assert seen["name_enabled"] is False
    assert EventBook(db).attendees(setup["breakfast"]) == [setup["ana"]]
    due = [(d.kind, d.due, d.event) for d in FollowUps(db).due(TODAY, 30)]
    assert due == [
        ("thank_you", TODAY, "Chamber breakfast"),
        ("meeting", yesterday + dt.timedelta(days=7), "Chamber breakfast"),
        ("share_content", yesterday + dt.timedelta(days=21), "Chamber breakfast"),
    ]
    assert window.followups_pane.group_count("today") == 1  # the Today view shows it at once
    assert window.statusBar().currentMessage() == (
        "1 contact(s) newly met at Chamber breakfast · 3 follow-up(s) planned"
    )
    detail_shown(qtbot, window)
    assert "Met at Chamber breakfast" in window.detail.body.toPlainText()

    # a second time: nothing doubles
    when_dialog_opens(qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Return))
    shortcut(qtbot, window)
    assert touchpoints(db) == 3
    assert window.statusBar().currentMessage() == (
        "0 contact(s) newly met at Chamber breakfast · 0 follow-up(s) planned"
    )

    window.undo_action.trigger()  # the second, empty step
    window.undo_action.trigger()
    assert EventBook(db).attendees(setup["breakfast"]) == []
    assert touchpoints(db) == 0
    assert window.followups_pane.group_count("today") == 0
    window.redo_action.trigger()
    assert EventBook(db).attendees(setup["breakfast"]) == [setup["ana"]]
    assert touchpoints(db) == 3


def test_a_new_event_for_several_people(
    window: MainWindow, qtbot: QtBot, db: Database, setup: dict[str, int]
) -> None:
    window.refresh()
    window.table.selectAll()
    assert sorted(window.selected_ids()) == sorted([setup["ana"], setup["bea"]])
    seen: dict[str, str] = {}

    def act(dialog: QDialog) -> None:
        box = dialog.findChild(QComboBox, "eventChoice")
        name = dialog.findChild(QLineEdit, "newEventName")
        problem = dialog.findChild(QLabel, "metAtEventProblem")
        buttons = dialog.findChild(QDialogButtonBox)
        assert box is not None and name is not None and problem is not None
        assert buttons is not None
        box.setCurrentIndex(box.count() - 1)
        assert name.isEnabled()
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no name yet: refused
        seen["problem"] = problem.text()
        seen["visible"] = str(dialog.isVisible())
        qtbot.keyClicks(name, "Coworking open day")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, act)
    shortcut(qtbot, window)
    assert seen == {"problem": "Name: give the new event a name.", "visible": "True"}
    event_id = EventBook(db).find("Coworking open day")
    assert event_id is not None
    assert EventBook(db).get(event_id).date == TODAY
    assert sorted(EventBook(db).attendees(event_id)) == sorted([setup["ana"], setup["bea"]])
    assert touchpoints(db) == 6
    window.undo_action.trigger()
    assert EventBook(db).find("Coworking open day") is None  # the step made it, undo removes it
    assert touchpoints(db) == 0
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 2


def test_cancel_changes_nothing(
    window: MainWindow, qtbot: QtBot, db: Database, setup: dict[str, int]
) -> None:
    window.refresh()
    row = window.model.row_of(setup["bea"])
    assert row is not None
    where = window.table.visualRect(window.model.index(row, 0)).center()
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.selected_ids() == [setup["bea"]]
    seen: list[str] = []

    def cancel(dialog: QDialog) -> None:
        seen.append(dialog.objectName())
        dialog.reject()

    when_dialog_opens(qtbot, cancel)
    shortcut(qtbot, window)
    assert seen == ["metAtEventDialog"]
    assert touchpoints(db) == 0 and window.undo_stack.count() == 0
