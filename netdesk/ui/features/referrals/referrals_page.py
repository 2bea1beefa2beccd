"""The Referrals view: the ledger of referrals given and received; add, edit, delete (undoable).

Marking a received referral as won offers to plan a thank-you to the person who sent it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.events import EventBook
from netdesk.app.referrals import DeletedReferral, ReferralData, ReferralLedger
from netdesk.domain.referral_words import DIRECTIONS, STATUSES
from netdesk.ui.formatting import date_format, format_date, format_money
from netdesk.ui.widgets.layout import add_labelled_row
from netdesk.ui.widgets.rows_model import RowsModel, button_row, rows_table

if TYPE_CHECKING:
    from netdesk.ui.context import Context

THANK_YOU_AFTER_DAYS = 1


class ReferralDialog(QDialog):
    def __init__(
        self, ctx: Context, data: ReferralData | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Referral"))
        data = data or ReferralData("received", None, date=ctx.today())
        form = QFormLayout(self)
        labels = {"given": self.tr("I gave it"), "received": self.tr("I received it")}
        self.direction = self._combo([(labels[d], d) for d in DIRECTIONS], data.direction)
        self.direction.setAccessibleName(self.tr("Direction"))
        form.addRow(self.tr("&Direction"), self.direction)
        people = [("", None)] + [(s.full_name, s.id) for s in ctx.book.summaries()]
        self.contact = self._combo(people, data.contact_id, searchable=True)
        self.contact.setObjectName("referralContact")
        self.contact.setAccessibleName(self.tr("Referred by or referred"))
        form.addRow(self.tr("&Contact (sent it / got it)"), self.contact)
        self.other = self._combo(people, data.other_contact_id, searchable=True)
        self.other.setObjectName("referralOther")
        self.other.setAccessibleName(self.tr("Introduced to or client"))
        form.addRow(self.tr("&To / client"), self.other)
        self.date = QDateEdit()
        self.date.setObjectName("referralDate")
        self.date.setDisplayFormat(date_format())  # four-digit years, never "5/12/26"
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Date"))
        day = data.date or ctx.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        form.addRow(self.tr("D&ate"), self.date)
        self.description = QLineEdit(data.description)
        self.description.setAccessibleName(self.tr("Description"))
        form.addRow(self.tr("D&escription"), self.description)
        names = {
            "open": self.tr("Open"),
            "meeting": self.tr("Meeting held"),
            "won": self.tr("Won"),
            "lost": self.tr("Lost"),
        }
        self.status = self._combo([(names[s], s) for s in STATUSES], data.status)
        self.status.setObjectName("referralStatus")
        self.status.setAccessibleName(self.tr("Status"))
        form.addRow(self.tr("&Status"), self.status)
        money = QHBoxLayout()
        self.value = QDoubleSpinBox()
        self.value.setObjectName("referralValue")
        self.value.setRange(0, 100_000_000)
        self.value.setValue(float(data.value))
        self.value.setAccessibleName(self.tr("Value of the business"))
        self.currency = QLineEdit(data.currency)
        self.currency.setMaxLength(3)
        self.currency.setAccessibleName(self.tr("Currency"))
        money.addWidget(self.value, 1)
        money.addWidget(self.currency)
        add_labelled_row(form, self.tr("&Value when won"), money, self.value)
        events = [("", None)] + [(e.name, e.id) for e in EventBook(ctx.db).list()]
        self.event_choice = self._combo(events, data.event_id)
        self.event_choice.setObjectName("referralEvent")
        self.event_choice.setAccessibleName(self.tr("Event where the relationship started"))
        form.addRow(self.tr("&Met at event"), self.event_choice)
        # A new referral is credited to the event the relationship began at, as soon as the
        # contact is known, until the user picks an event themselves.
        self._ledger = ReferralLedger(ctx.db)
        self._event_picked = data.event_id is not None
        self.event_choice.activated.connect(lambda _i: setattr(self, "_event_picked", True))
        self.contact.currentIndexChanged.connect(lambda _i: self._default_event())
        self.problem = QLabel()
        self.problem.setObjectName("referralProblem")
        self.problem.setStyleSheet("color: #c0392b")
        form.addRow("", self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _combo(
        items: Sequence[tuple[str, object]], current: object, *, searchable: bool = False
    ) -> QComboBox:
        combo = QComboBox()
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        if searchable:
            # Type any part of a name: the list narrows to the contacts that contain it.
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = combo.completer()
            assert completer is not None  # an editable combo box has one
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def _default_event(self) -> None:
        contact_id = self.contact.currentData()
        if self._event_picked or contact_id is None:
            return
        met = self._ledger.where_met(int(contact_id))
        self.event_choice.setCurrentIndex(max(0, self.event_choice.findData(met)))

    @staticmethod
    def _chosen(combo: QComboBox) -> object:
        """The item whose text is typed (an editable picker), else None."""
        if not combo.isEditable():
            return combo.currentData()
        index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return combo.itemData(index) if index >= 0 else None

    def referral_data(self) -> ReferralData:
        day = self.date.date()
        return ReferralData(
            direction=str(self.direction.currentData()),
            contact_id=self._chosen(self.contact),  # type: ignore[arg-type]
            other_contact_id=self._chosen(self.other),  # type: ignore[arg-type]
            date=dt.date(day.year(), day.month(), day.day()),
            description=self.description.text().strip(),
            status=str(self.status.currentData()),
            value=Decimal(f"{self.value.value():.2f}"),
            currency=self.currency.text().strip().upper() or "EUR",
            event_id=self.event_choice.currentData(),
        )

    def _accept(self) -> None:
        if self._chosen(self.contact) is None:
            self.problem.setText(
                self.tr("Contact: choose who sent you the referral or whom you referred.")
            )
            self.contact.setFocus()
            return
        self.accept()


class _ReferralCommand(QUndoCommand):
    def __init__(
        self, page: ReferralsPage, text: str, referral_id: int | None, data: ReferralData | None
    ) -> None:
        super().__init__(text)
        self.page, self.referral_id, self.data = page, referral_id, data
        self.previous: ReferralData | None = None
        self.deleted: DeletedReferral | None = None

    def redo(self) -> None:
        ledger = self.page.ledger
        if self.data is None and self.referral_id is not None:
            self.deleted = ledger.delete(self.referral_id)
        elif self.deleted is not None:  # redo of an add that was undone
            ledger.restore(self.deleted)
            self.deleted = None
        elif self.referral_id is None and self.data is not None:
            self.referral_id = ledger.add(self.data)
        elif self.referral_id is not None and self.data is not None:
            self.previous = ledger.update(self.referral_id, self.data)
        self.page.refresh()

    def undo(self) -> None:
        ledger = self.page.ledger
        if self.data is None and self.deleted is not None:
            ledger.restore(self.deleted)
            self.deleted = None
        elif self.previous is not None and self.referral_id is not None:
            ledger.update(self.referral_id, self.previous)
            self.previous = None
        elif self.referral_id is not None:
            self.deleted = ledger.delete(self.referral_id)
        self.page.refresh()


class ReferralsPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.ledger = ReferralLedger(ctx.db)
        statuses = {
            "open": self.tr("open"),
            "meeting": self.tr("meeting held"),
            "won": self.tr("won"),
            "lost": self.tr("lost"),
        }
        given, received = self.tr("given"), self.tr("received")
        self.model = RowsModel(
            [
                (self.tr("Date"), lambda r: format_date(r.date) if r.date else ""),
                (self.tr("Direction"), lambda r: given if r.direction == "given" else received),
                (self.tr("Contact"), lambda r: r.contact),
                (self.tr("To / client"), lambda r: r.other_contact),
                (self.tr("Status"), lambda r: statuses.get(r.status, r.status)),
                (
                    self.tr("Value"),
                    lambda r: format_money(r.value, r.currency) if r.value else "",
                ),
                (self.tr("Event"), lambda r: r.event),
            ],
            self,
        )
        self.table = rows_table(
            self.model, "referralsTable", self.tr("Referrals"), self.edit_selected
        )
        self.empty = QLabel(
            self.tr(
                "No referrals yet. Record the ones you give and receive: networking works "
                "when both directions flow."
            )
        )
        self.empty.setWordWrap(True)
        buttons = button_row(
            [
                (self.tr("&New referral…"), self.new_referral, "newReferral"),
                (self.tr("&Edit…"), self.edit_selected, "editReferral"),
                (self.tr("&Delete"), self.delete_selected, "deleteReferral"),
            ]
        )
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        rows = self.ledger.list()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def selected_id(self) -> int | None:
        row = self.model.row(self.table.currentIndex().row())
        return None if row is None else int(row.id)

    def new_referral(self) -> None:
        dialog = ReferralDialog(self.ctx, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            command = _ReferralCommand(self, self.tr("Add referral"), None, dialog.referral_data())
            self._push(command)
            self._offer_thank_you(command.referral_id, None, dialog.referral_data())

    def edit_selected(self) -> None:
        referral_id = self.selected_id()
        if referral_id is None:
            return
        before = self.ledger.get(referral_id).data()
        dialog = ReferralDialog(self.ctx, before, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            after = dialog.referral_data()
            self._push(_ReferralCommand(self, self.tr("Edit referral"), referral_id, after))
            self._offer_thank_you(referral_id, before, after)

    def delete_selected(self) -> None:
        referral_id = self.selected_id()
        if referral_id is not None:
            self._push(_ReferralCommand(self, self.tr("Delete referral"), referral_id, None))

    def _push(self, command: _ReferralCommand) -> None:
        self.ctx.undo_stack.push(command)

    def _offer_thank_you(
        self, referral_id: int | None, before: ReferralData | None, after: ReferralData
    ) -> None:
        """A received referral just marked won: offer to thank the person who sent it."""
        newly_won = after.status == "won" and (before is None or before.status != "won")
        if referral_id is None or after.direction != "received" or not newly_won:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Say thank you?"),
            self.tr("The business is won. Plan a thank-you to the person who referred it?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            due = self.ctx.today() + dt.timedelta(days=THANK_YOU_AFTER_DAYS)
            self.ledger.schedule_thank_you(referral_id, due)
            self.ctx.shell.refresh()


def install(ctx: Context) -> None:
    page = ReferralsPage(ctx)
    ctx.shell.add_view(page, QCoreApplication.translate("ReferralsPage", "Referrals"))
    ctx.add_part("referrals_page", page)
