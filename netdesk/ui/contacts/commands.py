"""Undoable contact edits for the window's QUndoStack (Ctrl+Z / Ctrl+Shift+Z)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from netdesk.app.contacts import ContactSnapshot
from netdesk.domain.contact_data import ContactData
from netdesk.ui.i18n import Counted

if TYPE_CHECKING:
    from netdesk.ui.context import Context


Cadence = tuple[str | None, int | None]  # (tier, own days), as the contact editor gives them


def _set_cadence(ctx: Context, contact_id: int, cadence: Cadence) -> None:
    from netdesk.app.cadence import KeepInTouch

    KeepInTouch(ctx.db).set_cadence(contact_id, tier=cadence[0], days=cadence[1])


class AddContactCommand(QUndoCommand):
    def __init__(self, ctx: Context, data: ContactData, cadence: Cadence = (None, None)) -> None:
        super().__init__(
            QCoreApplication.translate("MainWindow", "Add {0}").format(data.display_name())
        )
        self.ctx = ctx
        self.data = data
        self.cadence = cadence
        self.contact_id: int | None = None
        self.snapshot: ContactSnapshot | None = None

    def redo(self) -> None:
        if self.snapshot is not None:
            self.ctx.book.restore(self.snapshot)
        else:
            self.contact_id = self.ctx.book.create(self.data)
            if self.cadence != (None, None):
                _set_cadence(self.ctx, self.contact_id, self.cadence)
        self.ctx.contactsChanged.emit()

    def undo(self) -> None:
        if self.contact_id is not None:
            self.snapshot = self.ctx.book.delete([self.contact_id])
        self.ctx.contactsChanged.emit()


class EditContactCommand(QUndoCommand):
    def __init__(
        self,
        ctx: Context,
        contact_id: int,
        before: ContactData,
        after: ContactData,
        cadence: tuple[Cadence, Cadence] | None = None,  # (before, after)
    ) -> None:
        super().__init__(
            QCoreApplication.translate("MainWindow", "Edit {0}").format(after.display_name())
        )
        self.ctx = ctx
        self.contact_id = contact_id
        self.before = before
        self.after = after
        self.cadence = cadence

    def redo(self) -> None:
        self.ctx.book.update(self.contact_id, self.after)
        if self.cadence is not None and self.cadence[0] != self.cadence[1]:
            _set_cadence(self.ctx, self.contact_id, self.cadence[1])
        self.ctx.contactsChanged.emit()

    def undo(self) -> None:
        self.ctx.book.update(self.contact_id, self.before)
        if self.cadence is not None and self.cadence[0] != self.cadence[1]:
            _set_cadence(self.ctx, self.contact_id, self.cadence[0])
        self.ctx.contactsChanged.emit()


class DeleteContactsCommand(QUndoCommand):
    def __init__(self, ctx: Context, contact_ids: list[int]) -> None:
        super().__init__(Counted().delete_contacts(len(contact_ids)))
        self.ctx = ctx
        self.contact_ids = list(contact_ids)
        self.snapshot: ContactSnapshot | None = None

    def redo(self) -> None:
        self.snapshot = self.ctx.book.delete(self.contact_ids)
        self.ctx.contactsChanged.emit()

    def undo(self) -> None:
        if self.snapshot is not None:
            self.ctx.book.restore(self.snapshot)
        self.ctx.contactsChanged.emit()
