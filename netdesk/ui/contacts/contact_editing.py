"""New contact and Edit contact: the editor, with the keep-in-touch cadence, as undoable steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netdesk.app.cadence import KeepInTouch
from netdesk.ui.contacts.commands import AddContactCommand, EditContactCommand
from netdesk.ui.contacts.contact_dialog import ContactDialog

if TYPE_CHECKING:
    from netdesk.ui.context import Context


def new_contact(ctx: Context) -> int | None:
    dialog = ContactDialog(parent=ctx.widget, tiers=KeepInTouch(ctx.db).tiers())
    if dialog.exec() != ContactDialog.DialogCode.Accepted:
        return None
    command = AddContactCommand(ctx, dialog.contact_data(), dialog.cadence())
    ctx.undo_stack.push(command)
    if command.contact_id is not None:
        ctx.shell.select_contact(command.contact_id)
    return command.contact_id


def edit_contact(ctx: Context, contact_id: int) -> None:
    keep = KeepInTouch(ctx.db)
    before = ctx.book.get(contact_id)
    current = keep.cadence_of(contact_id)
    was = (current.tier, current.own_days)
    dialog = ContactDialog(before, parent=ctx.widget, tiers=keep.tiers(), cadence=was)
    if dialog.exec() == ContactDialog.DialogCode.Accepted:
        after = dialog.contact_data()
        ctx.undo_stack.push(
            EditContactCommand(ctx, contact_id, before, after, (was, dialog.cadence()))
        )
        ctx.shell.select_contact(contact_id)
