"""The main window driven as a user drives it: keyboard, clicks, what ends up on screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY, detail_shown, focus, when_dialog_opens


def visible_names(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_empty_database_shows_the_first_run_state(window: MainWindow, qtbot: QtBot) -> None:
    assert window.stack.currentWidget() is window.empty_state
    assert "Import business cards" in window.empty_state.import_button.text()
    qtbot.waitUntil(lambda: window.count_label.text() == "0 contacts", timeout=2000)


def fill_and_save(qtbot: QtBot, fields: dict[str, str]) -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        for name, value in fields.items():
            widget = dialog.findChild(QLineEdit, name) or dialog.findChild(QPlainTextEdit, name)
            assert widget is not None, name
            widget.setFocus()
            qtbot.keyClicks(widget, value)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(
            box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    return act


def test_add_contact_by_keyboard_then_delete_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    when_dialog_opens(
        qtbot,
        fill_and_save(
            qtbot,
            {
                "full_name": "Marta Soler",
                "organization": "Soler Consulting",
                "emails": "marta@soler.es",
                "tags": "consultants",
            },
        ),
    )
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert visible_names(window) == ["Marta Soler"]
    assert window.stack.currentWidget() is window.table
    detail_shown(qtbot, window)
    assert window.detail.heading.text() == "Marta Soler"
    detail_shown(qtbot, window)
    assert "marta@soler.es" in window.detail.body.toPlainText()

    focus(qtbot, window, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert visible_names(window) == []
    assert window.stack.currentWidget() is window.empty_state

    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert visible_names(window) == ["Marta Soler"]
    (record,) = window.book.as_records()
    assert record["emails"] == ["marta@soler.es"]
    assert record["tags"] == ["consultants"]


@pytest.mark.parametrize(
    ("fields", "error_field", "expected"),
    [
        ({"emails": "marta@"}, "full_name", "Enter a name or an organisation."),
        ({"full_name": "Marta", "emails": "marta-at-soler"}, "emails", "not an e-mail address"),
        ({"full_name": "Marta", "birthday": "22/03/1980"}, "birthday", "Use a date like"),
    ],
)
def test_dialog_names_the_wrong_field_and_stays_open(
    window: MainWindow,
    qtbot: QtBot,
    fields: dict[str, str],
    error_field: str,
    expected: str,
) -> None:
    seen: dict[str, str] = {}

    def act(dialog: QDialog) -> None:
        fill_and_save(qtbot, fields)(dialog)
        label = dialog.findChild(QLabel, f"error_{error_field}")
        assert label is not None
        seen["text"] = label.text()
        seen["visible"] = str(label.isVisible())
        seen["open"] = str(dialog.isVisible())
        dialog.reject()

    when_dialog_opens(qtbot, act)
    window.new_action.trigger()
    assert expected in seen["text"]
    assert seen["visible"] == "True"
    assert seen["open"] == "True"
    assert window.book.count() == 0


def test_edit_then_undo_restores_the_old_values(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Pau Vidal", organization="Old Org"))
    window.refresh()
    window.select_contact(cid)

    def act(dialog: QDialog) -> None:
        org = dialog.findChild(QLineEdit, "organization")
        assert org is not None
        org.selectAll()
        qtbot.keyClicks(org, "New Org")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, act)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.book.get(cid).organization == "New Org"
    assert window.model.index(0, 1).data() == "New Org"
    window.undo_action.trigger()
    assert window.book.get(cid).organization == "Old Org"


def test_search_filters_as_you_type(window: MainWindow, qtbot: QtBot, db: Database) -> None:
    book = ContactBook(db)
    book.create(ContactData(full_name="Ana García", organization="Notaría Centro"))
    book.create(ContactData(full_name="Bruno Díaz", emails=[EmailAddress("bruno@diaz.es")]))
    book.create(ContactData(full_name="Carla Núñez"))
    window.refresh()
    assert len(visible_names(window)) == 3
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "nota")
    qtbot.waitUntil(lambda: visible_names(window) == ["Ana García"], timeout=2000)
    qtbot.waitUntil(lambda: window.count_label.text() == "1 of 3 contacts", timeout=2000)
    window.search.clear()
    qtbot.keyClicks(window.search, "zzz")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.no_matches, timeout=2000)


def test_follow_ups_are_grouped_with_counts(window: MainWindow, db: Database) -> None:
    book = ContactBook(db)
    a = book.create(ContactData(full_name="Ana"))
    b = book.create(ContactData(full_name="Bea"))
    fu = FollowUps(db)
    fu.add(a, "thank_you", due=TODAY - dt.timedelta(days=2))
    fu.add(b, "meeting", due=TODAY, intent="connect")
    fu.add(b, "share_content", due=TODAY + dt.timedelta(days=5))
    fu.add(b, "share_content", due=TODAY + dt.timedelta(days=30))  # beyond the week
    window.refresh()
    pane = window.followups_pane
    assert [pane.group_count(k) for k in ("overdue", "today", "upcoming")] == [1, 1, 1]
    overdue = pane.tree.topLevelItem(0)
    assert overdue.text(0) == "Overdue (1)"
    assert overdue.child(0).text(1) == "Ana"
    assert overdue.child(0).text(2) == "Thank-you"
    # The list shows each contact's next follow-up.
    assert window.model.index(0, 6).data() == (TODAY - dt.timedelta(days=2)).isoformat()


def test_window_layout_is_remembered(make_window: Callable[[], MainWindow]) -> None:
    first = make_window()
    first.resize(760, 540)
    first.splitter.setSizes([150, 400, 200])
    first.table.horizontalHeader().resizeSection(0, 233)
    sizes = first.splitter.sizes()
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (760, 540)
    assert second.splitter.sizes() == sizes
    assert second.table.horizontalHeader().sectionSize(0) == 233


def test_shortcuts_are_listed(window: MainWindow) -> None:
    shortcuts = {
        a.text().replace("&", ""): a.shortcut().toString()
        for a in (window.new_action, window.import_action, window.find_action, window.undo_action)
    }
    assert shortcuts == {
        "New contact…": "Ctrl+N",
        "Import business cards…": "Ctrl+I",
        "Find": "Ctrl+F",
        "Undo": "Ctrl+Z",
    }
    assert window.search.isClearButtonEnabled()  # bound with the shortcuts


def test_selecting_a_contact_again_with_ctrl_held_keeps_it_selected(
    window: MainWindow, db: Database, qtbot: QtBot
) -> None:
    """Ctrl+Enter closes the contact dialog; the refresh that follows selects the contact just
    edited again. selectRow() toggles under Ctrl and had unselected it."""
    ana = ContactBook(db).create(ContactData(full_name="Ana García"))
    window.refresh()
    window.select_contact(ana)
    qtbot.keyPress(window.table, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        window.select_contact(ana)
        assert window.selected_ids() == [ana]
        window.refresh()
        assert window.selected_ids() == [ana]
    finally:
        qtbot.keyRelease(window.table, Qt.Key.Key_Control)
