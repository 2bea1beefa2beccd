"""The Events view: every event with what it cost and brought; add, edit and delete (undoable)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.events import DeletedEvent, EventBook, EventData
from netdesk.app.roi import event_figures
from netdesk.ui.formatting import date_format, format_date, format_money, format_number
from netdesk.ui.widgets.layout import add_labelled_row
from netdesk.ui.widgets.ranked_events import ratio_text
from netdesk.ui.widgets.rows_model import RowsModel, button_row, rows_table

if TYPE_CHECKING:
    from netdesk.ui.context import Context


class EventDialog(QDialog):
    """Name, date, place, organiser, cost with currency, hours (travel included), notes."""

    def __init__(self, data: EventData | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Event"))
        data = data or EventData(name="")
        form = QFormLayout(self)
        self.name = QLineEdit(data.name)
        self.name.setObjectName("eventName")
        self.name.setAccessibleName(self.tr("Name"))
        form.addRow(self.tr("&Name"), self.name)
        self.date = QDateEdit()
        self.date.setObjectName("eventDate")
        self.date.setDisplayFormat(date_format())  # four-digit years, never "5/12/26"
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Date"))
        if data.date is not None:
            self.date.setDate(QDate(data.date.year, data.date.month, data.date.day))
        else:
            self.date.setDate(QDate.currentDate())
        form.addRow(self.tr("&Date"), self.date)
        self.place = QLineEdit(data.place)
        self.place.setAccessibleName(self.tr("Place"))
        form.addRow(self.tr("&Place"), self.place)
        self.organiser = QLineEdit(data.organiser)
        self.organiser.setAccessibleName(self.tr("Organiser"))
        form.addRow(self.tr("&Organiser"), self.organiser)
        money = QHBoxLayout()
        self.cost = QDoubleSpinBox()
        self.cost.setObjectName("eventCost")
        self.cost.setRange(0, 1_000_000)
        self.cost.setValue(float(data.cost))
        self.cost.setAccessibleName(self.tr("Cost"))
        self.currency = QLineEdit(data.currency)
        self.currency.setMaxLength(3)
        self.currency.setAccessibleName(self.tr("Currency"))
        money.addWidget(self.cost, 1)
        money.addWidget(self.currency)
        add_labelled_row(form, self.tr("&Cost"), money, self.cost)
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("eventHours")
        self.hours.setRange(0, 1000)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(data.hours)
        self.hours.setAccessibleName(self.tr("Hours spent, travel included"))
        form.addRow(self.tr("&Hours (with travel)"), self.hours)
        self.tags = QLineEdit(data.tags)
        self.tags.setObjectName("eventTags")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("comma separated, e.g. breakfast, monthly"))
        form.addRow(self.tr("T&ags"), self.tags)
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        form.addRow(self.tr("No&tes"), self.notes)
        self.problem = QLabel()
        self.problem.setObjectName("eventProblem")
        self.problem.setStyleSheet("color: #c0392b")
        form.addRow("", self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def event_data(self) -> EventData:
        day = self.date.date()
        return EventData(
            name=self.name.text().strip(),
            date=dt.date(day.year(), day.month(), day.day()),
            place=self.place.text().strip(),
            organiser=self.organiser.text().strip(),
            cost=Decimal(f"{self.cost.value():.2f}"),
            currency=self.currency.text().strip().upper() or "EUR",
            hours=self.hours.value(),
            notes=self.notes.toPlainText().strip(),
            tags=", ".join(t.strip() for t in self.tags.text().split(",") if t.strip()),
        )

    def _accept(self) -> None:
        data = self.event_data()
        if not data.name:
            self.problem.setText(self.tr("Name: an event needs a name."))
            self.name.setFocus()
            return
        if len(data.currency) != 3 or not data.currency.isalpha():
            self.problem.setText(self.tr("Currency: use a three-letter code such as EUR."))
            self.currency.setFocus()
            return
        self.accept()


class _EventCommand(QUndoCommand):
    """Add, edit or delete one event; undo puts it back as it was."""

    def __init__(
        self, page: EventsPage, text: str, *, event_id: int | None, data: EventData | None
    ) -> None:
        super().__init__(text)
        self.page = page
        self.event_id = event_id
        self.data = data  # new data for add/edit; None for delete
        self.previous: EventData | None = None
        self.deleted: DeletedEvent | None = None

    def redo(self) -> None:
        book = self.page.book
        if self.data is None and self.event_id is not None:
            self.deleted = book.delete(self.event_id)
        elif self.event_id is None and self.data is not None:
            self.event_id = book.add(self.data)
            self.deleted = None
        elif self.event_id is not None and self.data is not None:
            if self.deleted is not None:  # redo of an add that was undone
                book.restore(self.deleted)
                self.deleted = None
            else:
                self.previous = book.update(self.event_id, self.data)
        self.page.refresh()

    def undo(self) -> None:
        book = self.page.book
        if self.data is None and self.deleted is not None:
            book.restore(self.deleted)
        elif self.previous is not None and self.event_id is not None:
            book.update(self.event_id, self.previous)
            self.previous = None
        elif self.event_id is not None:  # undo of an add
            self.deleted = book.delete(self.event_id)
        self.page.refresh()


class EventsPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.book = EventBook(ctx.db)
        self.setObjectName("eventsPage")
        # Rows are (event summary, its return or None); the texts are made as rows are shown.
        self.model = RowsModel(
            [
                (self.tr("Date"), lambda r: format_date(r[0].date) if r[0].date else ""),
                (self.tr("Event"), lambda r: r[0].name),
                (self.tr("Organiser"), lambda r: r[0].organiser),
                (self.tr("Cost"), lambda r: format_money(r[0].cost, r[0].currency)),
                (
                    self.tr("Hours"),
                    lambda r: format_number(r[0].hours, 1 if r[0].hours % 1 else 0),
                ),
                (self.tr("Met"), lambda r: str(r[0].contacts_met)),
                (
                    self.tr("Follow-ups done"),
                    lambda r: f"{r[0].touchpoints_done} / {r[0].touchpoints_planned}",
                ),
                (self.tr("Return"), lambda r: ratio_text(r[1]) if r[1] is not None else ""),
            ],
            self,
        )
        self.table = rows_table(self.model, "eventsTable", self.tr("Events"), self.edit_selected)
        self.table.installEventFilter(self)
        self.empty = QLabel(
            self.tr(
                "No events yet — add one with Ctrl+Shift+N, or import cards and say where "
                "you met these people."
            )
        )
        self.empty.setObjectName("eventsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = button_row(
            [
                (self.tr("&New event…"), self.new_event, "newEvent"),
                (self.tr("&Edit…"), self.edit_selected, "editEvent"),
                (self.tr("&Delete"), self.delete_selected, "deleteEvent"),
            ]
        )
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        figures = {f.event_id: f for f in event_figures(self.ctx.db)}
        events = self.book.list()
        self.model.set_rows([(e, figures.get(e.id)) for e in events])
        self.empty.setVisible(not events)
        self.table.setVisible(bool(events))

    def selected_id(self) -> int | None:
        row = self.model.row(self.table.currentIndex().row())
        return None if row is None else int(row[0].id)

    def new_event(self) -> None:
        dialog = EventDialog(parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            text = self.tr("Add event")
            self._push(_EventCommand(self, text, event_id=None, data=dialog.event_data()))

    def edit_selected(self) -> None:
        event_id = self.selected_id()
        if event_id is None:
            return
        dialog = EventDialog(self.book.get(event_id), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            text = self.tr("Edit event")
            self._push(_EventCommand(self, text, event_id=event_id, data=dialog.event_data()))

    def delete_selected(self) -> None:
        event_id = self.selected_id()
        if event_id is not None:
            self._push(_EventCommand(self, self.tr("Delete event"), event_id=event_id, data=None))
            self.ctx.show_message(self.tr("Event deleted. Press Ctrl+Z to undo."), 8000)

    def _push(self, command: _EventCommand) -> None:
        self.ctx.undo_stack.push(command)
        self.ctx.shell.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the table, Enter edits the event and Delete deletes it."""
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.table and pressed and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)


def install(ctx: Context) -> None:
    page = EventsPage(ctx)
    index = ctx.shell.add_view(page, QCoreApplication.translate("EventsPage", "Events"))
    action = QAction(QCoreApplication.translate("EventsPage", "New &event…"), ctx)
    action.setShortcut(QKeySequence("Ctrl+Shift+N"))

    def new_event() -> None:
        ctx.shell.views.setCurrentIndex(index)
        page.new_event()

    action.triggered.connect(lambda _c=False: new_event())
    ctx.shell.menus["edit"].addAction(action)
    ctx.shell.add_action(action)
    ctx.add_part("events_page", page)
