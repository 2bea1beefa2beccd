"""Every main flow without a mouse: real key presses on the main window and its dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui.contacts.contact_dialog import ContactDialog
from netdesk.ui.shell import window_extras
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY, detail_shown, focus, when_dialog_opens

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CTRL = Qt.KeyboardModifier.ControlModifier


def names(db: Database) -> list[str]:
    return [s.full_name for s in ContactBook(db).summaries()]


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press where the keyboard focus is, as the keyboard delivers it."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(target, text)


def on_dialog(qtbot: QtBot, act: Callable[[QDialog], None]) -> None:
    """when_dialog_opens, once the dialog has the keyboard; a failing step closes the dialog
    (so exec() returns and the test reports the failure instead of hanging)."""

    def run(dialog: QDialog) -> None:
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
            act(dialog)
        except BaseException:
            dialog.reject()
            raise

    when_dialog_opens(qtbot, run)


def ready(qtbot: QtBot, window: MainWindow) -> None:
    focus(qtbot, window, window.search)


def test_add_a_contact_with_ctrl_n_and_undo_with_ctrl_z(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    ready(qtbot, window)
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        seen["dialog"] = type(dialog).__name__
        seen["first field"] = QApplication.focusWidget().objectName()  # type: ignore[union-attr]
        type_text(qtbot, "Marta Soler")
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "Soler Consulting")  # the organisation, three fields on
        press(qtbot, Qt.Key.Key_Return)

    on_dialog(qtbot, fill)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert seen == {"dialog": "ContactDialog", "first field": "full_name"}
    assert names(db) == ["Marta Soler"]
    assert ContactBook(db).as_records()[0]["organization"] == "Soler Consulting"
    assert window.selected_ids() != []

    focus(qtbot, window, window.table)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert names(db) == []


def test_escape_closes_the_dialog_without_saving(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    ready(qtbot, window)

    def cancel(_dialog: QDialog) -> None:
        type_text(qtbot, "Not saved")
        press(qtbot, Qt.Key.Key_Escape)

    on_dialog(qtbot, cancel)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert names(db) == []


def test_import_with_ctrl_i_picks_the_file_and_confirms_by_keyboard(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    window.synchronous_tasks = True
    ready(qtbot, window)
    seen: list[str] = []

    def pick_file(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append("files")
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None and name.hasFocus()
        type_text(qtbot, str(FIXTURES / "breakfast.vcf"))
        on_dialog(qtbot, preview)
        press(qtbot, Qt.Key.Key_Return)

    def preview(dialog: QDialog) -> None:
        if isinstance(dialog, QFileDialog):  # still closing
            on_dialog(qtbot, preview)
            return
        seen.append("preview")
        event = dialog.findChild(QComboBox, "eventChoice")
        assert event is not None
        event.setFocus()
        press(qtbot, Qt.Key.Key_Home)  # "Not at an event"
        press(qtbot, Qt.Key.Key_Return)

    on_dialog(qtbot, pick_file)
    press(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: len(names(db)) == 3, timeout=5000)
    assert seen == ["files", "preview"]
    assert names(db) == ["Grace Clarke", "Lucía Pérez", "Tomás Ruiz"]
    focus(qtbot, window, window.table)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert names(db) == []
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo, as on Linux
    assert len(names(db)) == 3
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Y, CTRL)  # and as on Windows
    assert len(names(db)) == 3


def test_mark_a_follow_up_done_with_ctrl_d(window: MainWindow, qtbot: QtBot, db: Database) -> None:
    ana = ContactBook(db).create(ContactData(full_name="Ana García"))
    FollowUps(db).add(ana, "thank_you", due=TODAY)
    window.refresh()
    pane = window.followups_pane
    assert pane.group_count("today") == 1
    focus(qtbot, window, pane.tree)
    # Arrow keys walk the groups down to the first follow-up.
    for _ in range(5):
        if pane.selected_touchpoint() is not None:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert pane.selected_touchpoint() is not None

    def done(dialog: QDialog) -> None:
        assert QApplication.focusWidget() is dialog.findChild(QPlainTextEdit, "doneNote")
        type_text(qtbot, "Card sent")
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Return)

    on_dialog(qtbot, done)
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert pane.group_count("today") == 0
    timeline = window.followups.timeline(ana)
    assert [(e.status, e.detail) for e in timeline if e.what != "event"] == [("done", "Card sent")]
    focus(qtbot, window, pane.tree)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert pane.group_count("today") == 1


def test_search_with_ctrl_f_filters_as_you_type_then_tab_reaches_the_list(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    book = ContactBook(db)
    for name in ("Marta Soler", "Tomás Ruiz", "Grace Clarke"):
        book.create(ContactData(full_name=name))
    window.refresh()
    focus(qtbot, window, window.table)
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.search
    type_text(qtbot, "tom")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    assert window.model.index(0, 0).data() == "Tomás Ruiz"
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.table
    assert len(window.selected_ids()) == 1  # the first match, ready for the arrow keys
    detail_shown(qtbot, window)
    assert window.detail.heading.text() == "Tomás Ruiz"


def test_alt_number_switches_to_every_view(window: MainWindow, qtbot: QtBot) -> None:
    assert window.view_actions, "the window has no views"
    focus(qtbot, window, window.search)
    order = [*range(1, len(window.view_actions)), 0]
    for index in order:
        action = window.view_actions[index]
        assert action.shortcut().toString() == f"Alt+{index + 1}"
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.AltModifier)
        assert window.views.currentIndex() == index, action.text()


@pytest.mark.parametrize(
    ("keys", "what"),
    [
        ("Ctrl+N", "New contact…"),
        ("Ctrl+F", "Find"),
        ("Ctrl+I", "Import business cards…"),
        ("Ctrl+Z", "Undo"),
        ("Ctrl+D", "Mark done…"),
        ("Alt+1", "Contacts"),
        ("F1", "Keyboard shortcuts"),
    ],
)
def test_shortcuts_are_listed_under_help(window: MainWindow, keys: str, what: str) -> None:
    rows = dict(window_extras.shortcut_rows(window))
    assert rows.get(keys, "").startswith(what)
    assert window.shortcuts_action in window.menus["help"].actions()


def test_every_view_is_listed_under_help(window: MainWindow) -> None:
    rows = window_extras.shortcut_rows(window)
    listed = {keys for keys, _ in rows}
    assert {a.shortcut().toString() for a in window.view_actions} <= listed
    assert len(listed) == len(rows), "two actions share a shortcut"


def test_f1_shows_the_shortcuts_and_escape_closes_them(window: MainWindow, qtbot: QtBot) -> None:
    ready(qtbot, window)
    shown: list[str] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        shown.append(dialog.text())
        press(qtbot, Qt.Key.Key_Escape)

    on_dialog(qtbot, read)
    press(qtbot, Qt.Key.Key_F1)
    assert shown and "Ctrl+N" in shown[0] and "Ctrl+I" in shown[0]


def test_contact_dialog_tab_order_follows_the_form(qtbot: QtBot) -> None:
    dialog = ContactDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    visited: list[str] = []
    for _ in range(15):
        widget = QApplication.focusWidget()
        assert widget is not None
        visited.append(widget.objectName() or widget.text())  # type: ignore[attr-defined]
        press(qtbot, Qt.Key.Key_Tab)
    expected = [
        "full_name",
        "given_name",
        "family_name",
        "organization",
        "title",
        "emails",
        "phones",
        "street",
        "city",
        "country",
        "birthday",
        "tags",
        "note",
    ]
    assert visited[: len(expected)] == expected
    assert [t.replace("&", "") for t in visited[len(expected) :]] == ["Save", "Cancel"]


def test_main_window_tab_order_reads_search_list_detail_follow_ups(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    ContactBook(db).create(ContactData(full_name="Ana García"))
    window.refresh()
    focus(qtbot, window, window.search)
    visited: list[QWidget | None] = []
    for _ in range(4):
        visited.append(QApplication.focusWidget())
        press(qtbot, Qt.Key.Key_Tab)
    assert visited == [
        window.search,
        window.table,
        window.detail.body,
        window.followups_pane.tree,
    ]
