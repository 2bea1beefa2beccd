"""New contact and Edit contact: the editor, with the keep-in-touch cadence, as undoable steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netdesk.app.cadence import KeepInTouch
from netdesk.ui.contacts.commands import AddContactCommand, EditContactCommand
from netdesk.ui.contacts.contact_dialog import ContactDialog

if TYPE_CHECKING:
    from netdesk.ui.shell.main_window import MainWindow


def new_contact(window: MainWindow) -> int | None:
    dialog = ContactDialog(parent=window, tiers=KeepInTouch(window.db).tiers())
    if dialog.exec() != ContactDialog.DialogCode.Accepted:
        return None
    command = AddContactCommand(window, dialog.contact_data(), dialog.cadence())
    window.undo_stack.push(command)
    if command.contact_id is not None:
        window.select_contact(command.contact_id)
    return command.contact_id


def edit_contact(window: MainWindow, contact_id: int) -> None:
    keep = KeepInTouch(window.db)
    before = window.book.get(contact_id)
    current = keep.cadence_of(contact_id)
    was = (current.tier, current.own_days)
    dialog = ContactDialog(before, parent=window, tiers=keep.tiers(), cadence=was)
    if dialog.exec() == ContactDialog.DialogCode.Accepted:
        after = dialog.contact_data()
        window.undo_stack.push(
            EditContactCommand(window, contact_id, before, after, (was, dialog.cadence()))
        )
        window.select_contact(contact_id)
