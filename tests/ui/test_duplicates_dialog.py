"""Tools → Find and merge duplicates: the groups side by side, merge, undo and redo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTreeWidget
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook
from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber
from netdesk.store.db import Database
from netdesk.ui.features.duplicates.duplicates_dialog import DuplicatesDialog
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import focus, when_dialog_opens


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    book = ContactBook(db, region="ES")
    ids = {
        "ana": book.create(
            ContactData(
                full_name="Ana García",
                organization="Faro",
                emails=[EmailAddress("ana@faro.es")],
                tags=["client"],
            )
        ),
        "ana2": book.create(
            ContactData(
                full_name="Ana Garcia Ruiz",
                emails=[EmailAddress("ANA@faro.es"), EmailAddress("ana@gmail.com")],
                phones=[PhoneNumber("+34 600 11 22 33", "cell")],
                note="Second card",
            )
        ),
        "lucia": book.create(ContactData(full_name="Lucía Pérez", organization="Estudio Norte")),
        "lucia2": book.create(ContactData(full_name="Lucia Perez", organization="Estudio Norte")),
        "tomas": book.create(ContactData(full_name="Tomás Ruiz", emails=[EmailAddress("t@x.es")])),
    }
    event = EventBook(db).create("Breakfast", date=dt.date(2026, 11, 1))
    EventBook(db).add_attendees(event, [ids["ana2"]])
    return ids


def texts(tree: QTreeWidget, group: int) -> list[list[str]]:
    item = tree.topLevelItem(group)
    assert item is not None
    rows = []
    for i in range(item.childCount()):
        child = item.child(i)
        assert child is not None
        rows.append([child.text(c) for c in range(tree.columnCount())])
    return rows


def test_find_and_merge_by_keyboard_then_undo_and_redo(
    window: MainWindow, qtbot: QtBot, db: Database, people: dict[str, int]
) -> None:
    window.synchronous_tasks = True
    book = ContactBook(db, region="ES")
    before = book.as_records()
    action = window.findChild(QAction, "findDuplicatesAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+D"
    assert action in window.menus["tools"].actions()
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, DuplicatesDialog)
        tree = dialog.findChild(QTreeWidget, "duplicateGroups")
        status = dialog.findChild(QLabel, "duplicatesStatus")
        merge = dialog.findChild(QPushButton, "mergeButton")
        assert tree is not None and status is not None and merge is not None
        seen["status"] = status.text()
        sure, suggestion = tree.topLevelItem(0), tree.topLevelItem(1)
        assert sure is not None and suggestion is not None
        seen["titles"] = [sure.text(0), suggestion.text(0)]
        seen["checked"] = [sure.checkState(0), suggestion.checkState(0)]
        seen["rows"] = texts(tree, 0)
        # keep the second card of the sure group: select it and press Enter
        tree.setFocus()
        second = sure.child(1)
        assert second is not None
        tree.setCurrentItem(second)
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        seen["kept"] = texts(tree, 0)[1][0]
        # check the suggestion too: select it and press Space
        tree.setCurrentItem(suggestion)
        qtbot.keyClick(tree, Qt.Key.Key_Space)
        seen["merge_text"] = merge.text()
        qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, act)
    focus(qtbot, window, window.table)
    qtbot.keyClick(
        window.table,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    assert seen["status"] == "1 sure duplicate group(s) · 1 suggestion(s) to check"
    assert seen["titles"] == [
        "Sure — same e-mail ana@faro.es — 2 contact(s)",
        "Suggestion — similar name at Estudio Norte — 2 contact(s)",
    ]
    assert seen["checked"] == [Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    assert seen["rows"] == [
        [
            "Ana García  (kept)",
            "Faro",
            "",
            "ana@faro.es",
            "",
            "client",
            dt.date.today().isoformat(),
            "",
        ],
        [
            "Ana Garcia Ruiz",
            "",
            "",
            "ANA@faro.es, ana@gmail.com",
            "+34 600 11 22 33",
            "",
            dt.date.today().isoformat(),
            "Second card",
        ],
    ]
    assert seen["kept"] == "Ana Garcia Ruiz  (kept)"
    assert seen["merge_text"] == "&Merge 2 group(s)"

    after = {r["id"]: r for r in book.as_records()}
    assert sorted(after) == sorted([people["ana2"], people["lucia"], people["tomas"]])
    merged = after[people["ana2"]]
    assert merged["emails"] == ["ANA@faro.es", "ana@gmail.com"]
    assert merged["organization"] == "Faro" and merged["tags"] == ["client"]
    assert merged["events"] == ["Breakfast"]
    assert window.statusBar().currentMessage() == (
        "Merged 2 duplicate contact(s). Press Ctrl+Z to undo."
    )
    assert window.undo_stack.count() == 1

    focus(qtbot, window, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert book.as_records() == before
    assert window.model.rowCount() == 5
    window.redo_action.trigger()
    assert sorted(r["id"] for r in book.as_records()) == sorted(after)


def test_nothing_found_and_nothing_merged(window: MainWindow, qtbot: QtBot, db: Database) -> None:
    window.synchronous_tasks = True
    ContactBook(db).create(ContactData(full_name="Only One", emails=[EmailAddress("one@x.es")]))
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        status = dialog.findChild(QLabel, "duplicatesStatus")
        merge = dialog.findChild(QPushButton, "mergeButton")
        assert status is not None and merge is not None
        seen["status"], seen["enabled"] = status.text(), merge.isEnabled()
        dialog.reject()

    when_dialog_opens(qtbot, act)
    action = window.findChild(QAction, "findDuplicatesAction")
    assert action is not None
    action.trigger()
    assert seen == {"status": "No duplicates found.", "enabled": False}
    assert window.undo_stack.count() == 0


def test_unchecking_everything_disables_merge(
    window: MainWindow, qtbot: QtBot, people: dict[str, int], db: Database
) -> None:
    dialog = DuplicatesDialog(db, "ES", synchronous=True, parent=window)
    qtbot.addWidget(dialog)
    dialog.start_scan()
    merge = dialog.merge_button
    assert merge.isEnabled() and len(dialog.checked_plans()) == 1
    qtbot.mouseClick(dialog.select_none, Qt.MouseButton.LeftButton)
    assert not merge.isEnabled() and dialog.checked_plans() == []
    qtbot.mouseClick(dialog.select_sure, Qt.MouseButton.LeftButton)
    assert [p.keep for p in dialog.checked_plans()] == [people["ana"]]


def test_a_merge_that_fails_changes_nothing_and_says_why(
    window: MainWindow, qtbot: QtBot, people: dict[str, int], db: Database
) -> None:
    dialog = DuplicatesDialog(db, "ES", synchronous=True, parent=window)
    qtbot.addWidget(dialog)
    dialog.start_scan()
    ContactBook(db).delete([people["ana2"]])  # gone since the scan (another window, the CLI)
    dialog.merge_checked()
    assert dialog.merged is None
    assert dialog.status.text() == (
        "Nothing was merged: contact "
        f"{people['ana2']} no longer exists; scan for duplicates again before merging"
    )
    assert dialog.tree.isEnabled()
    assert ContactBook(db).count() == 4
