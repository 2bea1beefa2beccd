"""The Today view: done, snooze, skip, reschedule, compose — by keyboard and mouse, with undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QDate, QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from netdesk.app.cadence import KeepInTouch
from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY, detail_shown, focus, when_dialog_opens


@pytest.fixture
def planned(db: Database) -> dict[str, int]:
    book = ContactBook(db)
    ana = book.create(
        ContactData(given_name="Ana", family_name="García", emails=[EmailAddress("ana@x.es")])
    )
    event = EventBook(db).create("Chamber breakfast", date=TODAY - dt.timedelta(days=1))
    fu = FollowUps(db)
    thanks = fu.add(ana, "thank_you", due=TODAY, event_id=event)
    meeting = fu.add(ana, "meeting", due=TODAY + dt.timedelta(days=3), intent="connect")
    return {"ana": ana, "thanks": thanks, "meeting": meeting}


def select_in_today(qtbot: QtBot, window: MainWindow, touchpoint_id: int) -> None:
    assert window.followups_pane.select_touchpoint(touchpoint_id)
    focus(qtbot, window, window.followups_pane.tree)


def test_mark_done_by_keyboard_moves_it_to_the_timeline(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int]
) -> None:
    window.refresh()
    pane = window.followups_pane
    assert pane.group_count("today") == 1
    select_in_today(qtbot, window, planned["thanks"])

    def act(dialog: QDialog) -> None:
        note = dialog.findChild(QPlainTextEdit, "doneNote")
        assert note is not None
        note.setFocus()
        qtbot.keyClicks(note, "Sent a thank-you card")
        ok = dialog.findChild(QCheckBox, "planNext")
        assert ok is not None and not ok.isChecked()  # only meetings offer a next step
        dialog.accept()

    when_dialog_opens(qtbot, act)
    qtbot.keyClick(pane.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert pane.group_count("today") == 0
    window.select_contact(planned["ana"])
    detail_shown(qtbot, window)
    timeline = window.detail.body.toPlainText()
    assert f"{TODAY.isoformat()} Thank you (done) — Sent a thank-you card" in timeline
    assert window.model.index(0, 5).data() == TODAY.isoformat()  # last touch

    focus(qtbot, window, pane.tree)
    qtbot.keyClick(pane.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pane.group_count("today") == 1


def test_logging_a_meeting_plans_the_next_step(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int], db: Database
) -> None:
    window.refresh()
    select_in_today(qtbot, window, planned["meeting"])

    def act(dialog: QDialog) -> None:
        box = dialog.findChild(QCheckBox, "planNext")
        assert box is not None and box.isChecked()
        dialog.accept()

    when_dialog_opens(qtbot, act)
    window.followup_actions.done_action.trigger()
    kinds = [(d.kind, d.due) for d in FollowUps(db).due(TODAY, 30)]
    assert ("share_content", TODAY + dt.timedelta(days=14)) in kinds
    window.undo_action.trigger()
    assert [d.kind for d in FollowUps(db).due(TODAY, 30)] == ["thank_you", "meeting"]


@pytest.mark.parametrize(("key", "days"), [(Qt.Key.Key_1, 1), (Qt.Key.Key_3, 3), (Qt.Key.Key_7, 7)])
def test_snooze_shortcuts(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int], db: Database, key: Qt.Key, days: int
) -> None:
    window.refresh()
    select_in_today(qtbot, window, planned["thanks"])
    qtbot.keyClick(window.followups_pane.tree, key, Qt.KeyboardModifier.ControlModifier)
    assert FollowUps(db).state(planned["thanks"]).due_date == TODAY + dt.timedelta(days=days)


def test_skip_and_undo(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int], db: Database
) -> None:
    window.refresh()
    select_in_today(qtbot, window, planned["thanks"])
    qtbot.keyClick(window.followups_pane.tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert FollowUps(db).state(planned["thanks"]).status == "skipped"
    window.undo_action.trigger()
    assert FollowUps(db).state(planned["thanks"]).status == "planned"


def test_compose_fills_the_template_and_copies_it(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int]
) -> None:
    window.refresh()
    select_in_today(qtbot, window, planned["thanks"])
    seen: dict[str, str] = {}

    def act(dialog: QDialog) -> None:
        subject = dialog.findChild(QLineEdit, "composeSubject")
        to = dialog.findChild(QLineEdit, "composeTo")
        copy = dialog.findChild(QPushButton, "copyText")
        assert subject is not None and to is not None and copy is not None
        seen["subject"], seen["to"] = subject.text(), to.text()
        qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
        dialog.reject()

    when_dialog_opens(qtbot, act)
    qtbot.keyClick(window.followups_pane.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"subject": "Great to meet you at Chamber breakfast", "to": "ana@x.es"}
    assert QGuiApplication.clipboard().text().startswith("Great to meet you at Chamber breakfast")


def test_reconnect_group_lists_contacts_past_their_cadence(
    window: MainWindow, db: Database
) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Old Friend"))
    FollowUps(db).add(cid, "call", status="done", done_date=TODAY - dt.timedelta(days=100))
    KeepInTouch(db).set_cadence(cid, tier="B")
    window.refresh()
    group = window.followups_pane.tree.topLevelItem(3)
    assert group is not None and group.text(0) == "Reconnect (1)"
    assert group.child(0).text(1) == "Old Friend"


# -- rescheduling, snoozing to a date, next steps, opening the mail program ----------------------
def press_in_dialog(qtbot: QtBot, dialog: QDialog, name: str, text: str) -> None:
    """Type a date into the dialog's date field the way a user does: select all, type, Enter."""
    edit = dialog.findChild(QDateEdit, name)
    assert edit is not None
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_snooze_until_a_date_by_keyboard(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int], db: Database
) -> None:
    window.refresh()
    select_in_today(qtbot, window, planned["thanks"])
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        edit = dialog.findChild(QDateEdit, "pickedDate")
        assert edit is not None
        seen["minimum"] = edit.minimumDate().toPython()
        seen["title"] = dialog.windowTitle()
        press_in_dialog(qtbot, dialog, "pickedDate", "2026-12-24")

    when_dialog_opens(qtbot, act)
    qtbot.keyClick(window.followups_pane.tree, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"minimum": TODAY + dt.timedelta(days=1), "title": "Snooze until"}
    assert FollowUps(db).state(planned["thanks"]).due_date == dt.date(2026, 12, 24)
    assert window.followups_pane.group_count("today") == 0
    window.undo_action.trigger()
    assert FollowUps(db).state(planned["thanks"]).due_date == TODAY


def test_reschedule_earlier_by_keyboard(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int], db: Database
) -> None:
    window.refresh()
    select_in_today(qtbot, window, planned["meeting"])
    when_dialog_opens(
        qtbot,
        lambda d: press_in_dialog(
            qtbot, d, "pickedDate", (TODAY - dt.timedelta(days=2)).isoformat()
        ),
    )
    qtbot.keyClick(
        window.followups_pane.tree,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    # brought forward, even into the past: it shows as overdue now
    assert FollowUps(db).state(planned["meeting"]).due_date == TODAY - dt.timedelta(days=2)
    assert window.followups_pane.group_count("overdue") == 1


def click_in_popup_menu(qtbot: QtBot, text: str, then: Callable[[], None]) -> None:
    """Click ``text`` in the next popup menu with the mouse, then run ``then``."""

    def poll() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu) and menu.isVisible():
            action = next(a for a in menu.actions() if a.text() == text)
            then()
            qtbot.mouseClick(
                menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center()
            )
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_reschedule_with_the_mouse_from_the_context_menu(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int], db: Database
) -> None:
    window.refresh()
    tree = window.followups_pane.tree
    assert window.followups_pane.select_touchpoint(planned["meeting"])
    item = tree.currentItem()
    assert item is not None
    window.followups_pane.select_touchpoint(planned["thanks"])
    new_day = TODAY + dt.timedelta(days=5)

    def pick_date(dialog: QDialog) -> None:
        edit = dialog.findChild(QDateEdit, "pickedDate")
        buttons = dialog.findChild(QDialogButtonBox)
        assert edit is not None and buttons is not None
        assert edit.date().toPython() == TODAY + dt.timedelta(days=3)  # starts at the due day
        edit.setDate(QDate(new_day.year, new_day.month, new_day.day))
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    click_in_popup_menu(qtbot, "&Reschedule…", lambda: when_dialog_opens(qtbot, pick_date))
    where = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.followups_pane.selected_touchpoint() == planned["meeting"]
    # the right button: offscreen, QTest cannot make the platform send this event, so send it
    menu_event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, tree.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(tree.viewport(), menu_event)
    qtbot.waitUntil(
        lambda: FollowUps(db).state(planned["meeting"]).due_date == new_day, timeout=3000
    )
    assert window.undo_stack.undoText() == "Reschedule"


def test_any_done_step_can_plan_the_next_one(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int], db: Database
) -> None:
    window.refresh()
    select_in_today(qtbot, window, planned["thanks"])

    def act(dialog: QDialog) -> None:
        box = dialog.findChild(QCheckBox, "planNext")
        kind = dialog.findChild(QComboBox, "nextKind")
        days = dialog.findChild(QSpinBox, "nextDays")
        assert box is not None and kind is not None and days is not None
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)  # a thank-you does not offer it by itself
        kind.setFocus()
        qtbot.keyClick(kind, Qt.Key.Key_Home)  # Meeting
        days.setFocus()
        days.selectAll()
        qtbot.keyClicks(days, "10")
        dialog.accept()

    when_dialog_opens(qtbot, act)
    window.followup_actions.done_action.trigger()
    items = FollowUps(db).due(TODAY, 30)
    assert ("meeting", "connect", TODAY + dt.timedelta(days=10)) in [
        (d.kind, d.intent, d.due) for d in items
    ]


class MailCatcher(QObject):
    """Stands in for the user's mail program: QDesktopServices hands mailto: URLs to it."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


def test_compose_opens_the_mail_program_with_subject_and_body(
    window: MainWindow, qtbot: QtBot, planned: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from netdesk.ui.followups import followup_dialogs

    # the catcher below is this desktop's mail program
    monkeypatch.setattr(followup_dialogs, "mail_program_known", lambda: True)
    window.refresh()
    select_in_today(qtbot, window, planned["thanks"])
    catcher = MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "handle")

    def act(dialog: QDialog) -> None:
        body = dialog.findChild(QPlainTextEdit, "composeBody")
        button = dialog.findChild(QPushButton, "openMail")
        assert body is not None and button is not None and button.isEnabled()
        body.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(body, " PS: coffee?")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    try:
        when_dialog_opens(qtbot, act)
        qtbot.keyClick(
            window.followups_pane.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
        )
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    (url,) = catcher.urls
    assert url.startswith(
        "mailto:ana@x.es?subject=Great%20to%20meet%20you%20at%20Chamber%20breakfast&body=Hi%20Ana"
    )
    parsed = parse_qs(urlsplit(url).query)
    assert parsed["body"][0].startswith("Hi Ana,\n\nThank you for the conversation at Chamber")
    assert parsed["body"][0].endswith(" PS: coffee?")


def test_a_refresh_that_finds_the_same_follow_ups_keeps_the_tree_and_a_change_rebuilds_it(
    window: MainWindow, db: Database, planned: dict[str, int]
) -> None:
    tree = window.followups_pane.tree
    window.refresh()
    today_group = tree.topLevelItem(1)
    assert today_group is not None and today_group.text(0) == "Today (1)"
    assert all(tree.topLevelItem(i).isExpanded() for i in range(tree.topLevelItemCount()))
    today_group.setExpanded(False)  # the user folds a group; a sync's refresh finds no change
    window.refresh()
    assert tree.topLevelItem(1) is today_group and not today_group.isExpanded()
    FollowUps(db).add(planned["ana"], "call", due=TODAY)
    window.refresh()
    rebuilt = tree.topLevelItem(1)
    assert rebuilt is not today_group and rebuilt.text(0) == "Today (2)"
    assert rebuilt.isExpanded()
    assert [rebuilt.child(i).text(2) for i in range(rebuilt.childCount())] == [
        "Thank-you",
        "Call",
    ]
