"""Edit → Met at event… (Ctrl+Shift+M): record that the selected contacts were met at an event.

The event is an existing one or a new one named here. People newly met there get the follow-up
playbook planned, as an import with an event does; the whole step is undoable.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.attendance import Attendance, forget_attendance
from netdesk.app.events import EventBook, EventData, EventSummary
from netdesk.ui.followups.followup_dialogs import date_edit, to_date
from netdesk.ui.formatting import format_date

if TYPE_CHECKING:
    from netdesk.ui.context import Context

SHORTCUT = "Ctrl+Shift+M"
NEW = -1  # the combo box entry "New event…"


class MetAtEventDialog(QDialog):
    """Pick the event: an existing one (newest first) or a new one with a name and date."""

    def __init__(
        self, events: list[EventSummary], count: int, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metAtEventDialog")
        self.setWindowTitle(QCoreApplication.translate("MetAtEvent", "Met at event"))
        self.event_box = QComboBox()
        self.event_box.setObjectName("eventChoice")
        for summary in events:
            when = format_date(summary.date)
            label = f"{summary.name} — {when}" if when else summary.name
            self.event_box.addItem(label, summary.id)
        self.event_box.addItem(QCoreApplication.translate("MetAtEvent", "New event…"), NEW)
        self.name = QLineEdit()
        self.name.setObjectName("newEventName")
        self.name.setPlaceholderText(
            QCoreApplication.translate("MetAtEvent", "e.g. Chamber breakfast")
        )
        self.date: QDateEdit = date_edit(today, "newEventDate")
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("MetAtEvent", "&Event"), self.event_box)
        self.form.addRow(QCoreApplication.translate("MetAtEvent", "&Name"), self.name)
        self.form.addRow(QCoreApplication.translate("MetAtEvent", "&Date"), self.date)
        explain = QLabel(
            self.tr(
                "%n contact(s) will be recorded as met there. Those not yet linked to the event "
                "get the follow-up playbook planned (thank-you, meeting, share content).",
                "",
                count,
            )
        )
        explain.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("metAtEventProblem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(explain)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.event_box.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    def is_new(self) -> bool:
        return bool(self.event_box.currentData() == NEW)

    def _update(self) -> None:
        for widget in (self.name, self.date):
            widget.setEnabled(self.is_new())
            label = self.form.labelForField(widget)
            if label is not None:
                label.setEnabled(self.is_new())

    def _accept(self) -> None:
        if self.is_new() and not self.name.text().strip():
            self.problem.setText(
                QCoreApplication.translate("MetAtEvent", "Name: give the new event a name.")
            )
            self.problem.show()
            self.name.setFocus()
            return
        self.accept()

    def choice(self) -> int | EventData:
        """The id of the chosen event, or the fields of the new one."""
        if self.is_new():
            return EventData(self.name.text().strip(), to_date(self.date))
        return int(self.event_box.currentData())


class MetAtEventCommand(QUndoCommand):
    """Redo links the contacts (creating the event if new) and plans the playbook; undo takes
    back exactly that (and the event, if this step created it)."""

    def __init__(self, ctx: Context, choice: int | EventData, contact_ids: list[int]):
        super().__init__(QCoreApplication.translate("MetAtEvent", "Met at event"))
        self.ctx = ctx
        self.choice = choice
        self.contact_ids = list(contact_ids)
        self.created_event: int | None = None
        self.added: Attendance | None = None
        self._done = False

    def apply(self) -> None:
        """Do it now (``LookupError``/``ValueError`` say what is wrong); the push that follows
        does not do it again."""
        self._record()
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self._record()
        self.ctx.contactsChanged.emit()

    def _record(self) -> None:
        events = EventBook(self.ctx.db)
        if isinstance(self.choice, EventData):
            event_id = events.add(self.choice)
            self.created_event = event_id
        else:
            event_id = self.choice
        try:
            self.added = events.add_attendees(event_id, self.contact_ids, today=self.ctx.today())
        except (LookupError, ValueError):
            if self.created_event is not None:
                events.delete(self.created_event)
                self.created_event = None
            raise

    def undo(self) -> None:
        if self.added is not None:
            forget_attendance(self.ctx.db, self.added)
            self.added = None
        if self.created_event is not None:
            EventBook(self.ctx.db).delete(self.created_event)
            self.created_event = None
        self.ctx.contactsChanged.emit()


class MetAtEvent(QObject):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.setObjectName("metAtEvent")
        self.ctx = ctx
        self.action = QAction(QCoreApplication.translate("MetAtEvent", "&Met at event…"), ctx)
        self.action.setObjectName("metAtEventAction")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.triggered.connect(lambda _checked=False: self.ask())
        menu = ctx.shell.menus["edit"]
        menu.insertAction(ctx.shell.delete_action, self.action)
        ctx.shell.add_action(self.action)
        ctx.shell.table.selectionModel().selectionChanged.connect(lambda *_: self.update_enabled())
        ctx.contactsChanged.connect(self.update_enabled)
        self.update_enabled()

    def update_enabled(self) -> None:
        self.action.setEnabled(bool(self.ctx.shell.selected_ids()))

    def ask(self) -> None:
        ids = self.ctx.shell.selected_ids()
        if not ids:
            return
        ctx = self.ctx
        dialog = MetAtEventDialog(EventBook(ctx.db).list(), len(ids), ctx.today(), ctx.widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        command = MetAtEventCommand(ctx, dialog.choice(), ids)
        try:
            command.apply()
        except (LookupError, ValueError) as exc:
            ctx.show_message(
                QCoreApplication.translate("MetAtEvent", "Not recorded: {0}").format(exc), 8000
            )
            return
        ctx.undo_stack.push(command)
        added = command.added
        if added is None:
            return
        name = EventBook(ctx.db).get(added.event_id).name
        ctx.show_message(
            self.tr("%n contact(s) newly met at {0}", "", len(added.linked)).format(name)
            + " · "
            + self.tr("%n follow-up(s) planned", "", len(added.touchpoint_ids)),
            8000,
        )
        ctx.shell.select_contact(ids[0])


def install(ctx: Context) -> None:
    MetAtEvent(ctx)
