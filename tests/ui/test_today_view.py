"""The Today view: done, snooze, skip, compose — by keyboard, with undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from netdesk.core.cadence import KeepInTouch
from netdesk.core.contacts import ContactBook
from netdesk.core.events import EventBook
from netdesk.core.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database
from netdesk.ui.main_window import MainWindow
from tests.ui.conftest import TODAY, focus, when_dialog_opens


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
