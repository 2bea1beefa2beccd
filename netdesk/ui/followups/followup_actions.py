"""What the user does with a follow-up in the Today view, each step undoable."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QMenu

from netdesk.app.messages import compose
from netdesk.app.playbook import SETTING_KEY, FollowUpPlaybook
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps, TouchpointState
from netdesk.ui.followups.followup_dialogs import ComposeDialog, DateDialog, DoneDialog

if TYPE_CHECKING:
    from netdesk.ui.shell.main_window import MainWindow


class ChangeFollowUpCommand(QUndoCommand):
    """Any change to one touchpoint (done, snooze, skip, reschedule), plus a planned next step."""

    def __init__(
        self,
        window: MainWindow,
        touchpoint_id: int,
        after: TouchpointState,
        text: str,
        next_step: tuple[str, dt.date] | None = None,
    ) -> None:
        super().__init__(text)
        self.window = window
        self.touchpoint_id = touchpoint_id
        self.before = window.followups.state(touchpoint_id)
        self.after = after
        self.next_step = next_step
        self.next_id: int | None = None

    def redo(self) -> None:
        fu = self.window.followups
        fu.set_state(self.touchpoint_id, self.after)
        if self.next_step is not None:
            item = fu.get(self.touchpoint_id)
            kind, due = self.next_step
            intent = "connect" if kind == "meeting" else "give"
            self.next_id = fu.add(item.contact_id, kind, due=due, intent=intent)
        self.window.contactsChanged.emit()

    def undo(self) -> None:
        fu = self.window.followups
        if self.next_id is not None:
            fu.delete(self.next_id)
            self.next_id = None
        fu.set_state(self.touchpoint_id, self.before)
        self.window.contactsChanged.emit()


class FollowUpActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        pane = window.followups_pane
        self.done_action = self._make(self.tr("Mark &done…"), self.mark_done, "Ctrl+D")
        self.snooze_1 = self._make(self.tr("Snooze &1 day"), lambda: self.snooze(1), "Ctrl+1")
        self.snooze_3 = self._make(self.tr("Snooze &3 days"), lambda: self.snooze(3), "Ctrl+3")
        self.snooze_7 = self._make(self.tr("Snooze &1 week"), lambda: self.snooze(7), "Ctrl+7")
        self.snooze_date = self._make(self.tr("Snooze &until…"), self.snooze_until, "Ctrl+R")
        self.reschedule_action = self._make(
            self.tr("&Reschedule…"), self.reschedule, "Ctrl+Shift+R"
        )
        self.skip_action = self._make(self.tr("S&kip"), self.skip, "Ctrl+K")
        self.compose_action = self._make(self.tr("&Compose message…"), self.compose, "Ctrl+M")
        self.actions = [
            self.done_action,
            self.snooze_1,
            self.snooze_3,
            self.snooze_7,
            self.snooze_date,
            self.reschedule_action,
            self.skip_action,
            self.compose_action,
        ]
        pane.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.tree.customContextMenuRequested.connect(self._context_menu)
        pane.tree.currentItemChanged.connect(lambda *_: self.update_enabled())
        self.update_enabled()

    def _make(self, text: str, slot: object, shortcut: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def menu(self, parent: QMenu) -> None:
        for action in self.actions:
            parent.addAction(action)

    def update_enabled(self) -> None:
        selected = self.window.followups_pane.selected_touchpoint() is not None
        for action in self.actions:
            action.setEnabled(selected)

    def _context_menu(self, pos: QPoint) -> None:
        if self.window.followups_pane.selected_touchpoint() is None:
            return
        menu = QMenu(self.window)
        self.menu(menu)
        menu.exec(self.window.followups_pane.tree.viewport().mapToGlobal(pos))

    # -- the actions -------------------------------------------------------------------------
    @property
    def followups(self) -> FollowUps:
        return self.window.followups

    def _selected(self) -> int | None:
        return self.window.followups_pane.selected_touchpoint()

    def mark_done(self) -> None:
        tid = self._selected()
        if tid is None:
            return
        item = self.followups.get(tid)
        today = self.window.today()
        title = f"{self.window.followups_pane.kind_label(item.kind)} — {item.contact}"
        dialog = DoneDialog(title, today, offer_next=item.kind == "meeting", parent=self.window)
        if dialog.exec() != DoneDialog.DialogCode.Accepted:
            return
        when = dialog.when.date().toPython()
        assert isinstance(when, dt.date)
        note = dialog.note.toPlainText().strip() or item.note
        next_step = dialog.next_step()
        planned = None
        if next_step is not None:
            planned = (next_step[0], when + dt.timedelta(days=next_step[1]))
        after = TouchpointState("done", item.due, when, note)
        self.window.undo_stack.push(
            ChangeFollowUpCommand(self.window, tid, after, self.tr("Mark done"), planned)
        )

    def snooze(self, days: int) -> None:
        tid = self._selected()
        if tid is None:
            return
        state = self.followups.state(tid)
        today = self.window.today()
        base = max(state.due_date or today, today)
        after = TouchpointState(
            state.status, base + dt.timedelta(days=days), state.done_date, state.note
        )
        self.window.undo_stack.push(
            ChangeFollowUpCommand(self.window, tid, after, self.tr("Snooze"))
        )

    def snooze_until(self) -> None:
        """Snooze to a chosen day, from tomorrow on."""
        tid = self._selected()
        if tid is None:
            return
        state = self.followups.state(tid)
        tomorrow = self.window.today() + dt.timedelta(days=1)
        dialog = DateDialog(
            self.tr("Snooze until"), state.due_date or tomorrow, self.window, minimum=tomorrow
        )
        dialog.setObjectName("snoozeUntilDialog")
        if dialog.exec() != DateDialog.DialogCode.Accepted:
            return
        after = TouchpointState(state.status, dialog.value(), state.done_date, state.note)
        self.window.undo_stack.push(
            ChangeFollowUpCommand(self.window, tid, after, self.tr("Snooze"))
        )

    def reschedule(self) -> None:
        """Move to any day, earlier included (the meeting was brought forward)."""
        tid = self._selected()
        if tid is None:
            return
        state = self.followups.state(tid)
        dialog = DateDialog(
            self.tr("Reschedule to"), state.due_date or self.window.today(), self.window
        )
        dialog.setObjectName("rescheduleDialog")
        if dialog.exec() != DateDialog.DialogCode.Accepted:
            return
        after = TouchpointState(state.status, dialog.value(), state.done_date, state.note)
        self.window.undo_stack.push(
            ChangeFollowUpCommand(self.window, tid, after, self.tr("Reschedule"))
        )

    def skip(self) -> None:
        tid = self._selected()
        if tid is None:
            return
        state = self.followups.state(tid)
        after = TouchpointState("skipped", state.due_date, state.done_date, state.note)
        self.window.undo_stack.push(ChangeFollowUpCommand(self.window, tid, after, self.tr("Skip")))

    def compose(self) -> None:
        tid = self._selected()
        if tid is None:
            return
        item = self.followups.get(tid)
        settings = SettingsStore(self.window.db)
        event, event_date = self.followups.event_of(tid)
        message = compose(
            FollowUpPlaybook.from_json(settings.get(SETTING_KEY)),
            item.kind,
            self.window.book.get(item.contact_id),
            language=str(settings.get("message_language") or self.window.language()),
            my_name=str(settings.get("my_name") or ""),
            event=event,
            event_date=event_date,
        )
        ComposeDialog(message, self.window).exec()
