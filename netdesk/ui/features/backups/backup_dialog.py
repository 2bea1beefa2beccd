"""File → Restore from backup…: pick a backup; the current state is saved first (undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netdesk.app import backups
from netdesk.app.backups import BackupInfo
from netdesk.ui.formatting import format_datetime
from netdesk.ui.widgets.layout import fit_to_screen
from netdesk.ui.widgets.rows_model import RowsModel

if TYPE_CHECKING:
    from pathlib import Path

    from netdesk.ui.context import Context


class RestoreDialog(QDialog):
    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        fit_to_screen(self, 620, 380)
        self.backups = backups
        text = QLabel(
            self.tr(
                "Choose a backup to go back to. Your current contacts are saved as a backup "
                "first, so you can undo the restore (Ctrl+Z)."
            )
        )
        text.setWordWrap(True)
        reasons = {
            "daily": self.tr("daily"),
            "manual": self.tr("made by you"),
            "pre-restore": self.tr("before a restore"),
            "pre-migration": self.tr("before an upgrade"),
            "pre-delete": self.tr("before a deletion from the command line"),
            "session": self.tr("when netdesk closed"),
        }

        def count(value: int | None) -> str:
            return "—" if value is None else str(value)

        self.model = RowsModel(
            [
                (self.tr("Made"), lambda i: format_datetime(i.created)),
                (self.tr("Why"), lambda i: reasons.get(i.reason, i.reason)),
                (self.tr("Contacts"), lambda i: count(i.contacts)),
                (self.tr("Events"), lambda i: count(i.events)),
                (self.tr("Follow-ups"), lambda i: count(i.follow_ups)),
            ],
            self,
        )
        self.model.set_rows(backups)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setObjectName("backupList")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.resizeColumnsToContents()
        if backups:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        if not backups:
            layout.addWidget(QLabel(self.tr("There are no backups yet.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def chosen(self) -> Path | None:
        info = self.model.row(self.table.currentIndex().row())
        return None if info is None else info.path


class RestoreCommand(QUndoCommand):
    """Redo restores ``backup``; undo puts back the state saved just before."""

    def __init__(self, ctx: Context, backup: Path) -> None:
        super().__init__(QCoreApplication.translate("RestoreDialog", "Restore from backup"))
        self.ctx = ctx
        self.backup = backup
        self.saved: Path | None = None

    def redo(self) -> None:
        self.saved = backups.restore_from(self.ctx.db.path, self.backup)
        self.ctx.contactsChanged.emit()

    def undo(self) -> None:
        if self.saved is not None:
            backups.restore_from(self.ctx.db.path, self.saved)
        self.ctx.contactsChanged.emit()


def restore_from_backup(ctx: Context) -> None:
    dialog = RestoreDialog(backups.listed(ctx.db.path), ctx.widget)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    chosen = dialog.chosen()
    if chosen is None:
        return
    # Other undo steps refer to rows of the state being replaced: they cannot apply after it.
    ctx.undo_stack.clear()
    ctx.undo_stack.push(RestoreCommand(ctx, chosen))
    ctx.show_message(
        QCoreApplication.translate(
            "RestoreDialog", "Restored the backup. Ctrl+Z goes back to what you had before."
        ),
        15000,
    )
