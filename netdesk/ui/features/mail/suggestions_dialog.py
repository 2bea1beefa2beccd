"""Two lists the mail scan makes possible: people you write to who are not contacts (to add,
never added silently) and fading relationships (strong ones going cold)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from netdesk.app import correspondents, strength
from netdesk.ui.contacts.commands import AddContactCommand
from netdesk.ui.formatting import format_date

if TYPE_CHECKING:
    from netdesk.ui.context import Context


class DismissCommand(QUndoCommand):
    def __init__(self, ctx: Context, addresses: list[str], label: str) -> None:
        super().__init__(label)
        self.ctx = ctx
        self.addresses = addresses

    def redo(self) -> None:
        correspondents.dismiss(self.ctx.db, self.addresses)

    def undo(self) -> None:
        correspondents.dismiss(self.ctx.db, self.addresses, dismissed=False)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))


class SuggestionsDialog(QDialog):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx.widget)
        self.ctx = ctx
        self.setObjectName("mailSuggestions")
        self.setWindowTitle(self.tr("People you write to"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "You exchange personal mail with these people, but they are not contacts. "
                "Add the ones that matter; nobody is added without you."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = _table(
            [
                self.tr("Name"),
                self.tr("E-mail"),
                self.tr("Sent"),
                self.tr("Received"),
                self.tr("Last"),
            ],
            "suggestionTable",
        )
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No suggestions: everyone you write to is a contact."))
        self.empty.setObjectName("noSuggestions")
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = QPushButton(self.tr("&Add as contact"))
        self.add_button.setObjectName("addSuggestion")
        self.dismiss_button = QPushButton(self.tr("&Not a contact"))
        self.dismiss_button.setObjectName("dismissSuggestion")
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda _c=False: self.add_selected())
        self.dismiss_button.clicked.connect(lambda _c=False: self.dismiss_selected())
        layout.addWidget(buttons)
        self.rows: list[correspondents.Suggestion] = []
        self.reload()

    def reload(self) -> None:
        self.rows = correspondents.suggestions(self.ctx.db)
        _fill(
            self.table,
            [
                [s.name, s.address, str(s.sent), str(s.received), format_date(s.last_date)]
                for s in self.rows
            ],
        )
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        for button in (self.add_button, self.dismiss_button):
            button.setEnabled(bool(self.rows))
        if self.rows:
            self.table.selectRow(0)

    def selected(self) -> list[correspondents.Suggestion]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.rows[r] for r in rows if r < len(self.rows)]

    def add_selected(self) -> None:
        stack = self.ctx.undo_stack
        chosen = self.selected()
        if not chosen:
            return
        stack.beginMacro(self.tr("Add %n suggested contact(s)", "", len(chosen)))
        for suggestion in chosen:
            stack.push(AddContactCommand(self.ctx, correspondents.as_contact(suggestion)))
        stack.endMacro()
        self.reload()

    def dismiss_selected(self) -> None:
        chosen = [s.address for s in self.selected()]
        if chosen:
            label = self.tr("Not a contact: %n e-mail(s)", "", len(chosen))
            self.ctx.undo_stack.push(DismissCommand(self.ctx, chosen, label))
            self.reload()


class FadingDialog(QDialog):
    """Strong relationships going cold: who to write to before they fade."""

    def __init__(self, ctx: Context, today: dt.date | None = None) -> None:
        super().__init__(ctx.widget)
        self.ctx = ctx
        self.setObjectName("fadingRelationships")
        self.setWindowTitle(self.tr("Fading relationships"))
        self.resize(640, 400)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "You had a real exchange with these people, but the last touch is getting old. "
                "Double-click to open one."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.items = strength.fading(ctx.db, today or dt.date.today())
        self.table = _table(
            [self.tr("Name"), self.tr("Strength"), self.tr("Last touch"), self.tr("Why")],
            "fadingTable",
        )
        _fill(
            self.table,
            [
                [
                    f.name,
                    str(f.strength.score),
                    format_date(f.strength.last_touch),
                    self.tr("{0} touches, {1} meetings in a year").format(
                        f.strength.touches, f.strength.meetings_held
                    ),
                ]
                for f in self.items
            ],
        )
        self.table.doubleClicked.connect(lambda index: self.open_contact(index.row()))
        layout.addWidget(self.table, 1)
        empty = QLabel(self.tr("Nobody is fading: every strong relationship was touched lately."))
        empty.setObjectName("noneFading")
        empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        layout.addWidget(empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def open_contact(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.ctx.shell.select_contact(self.items[row].contact_id)
            self.accept()
