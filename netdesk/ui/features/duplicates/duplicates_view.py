"""Tools → Find and merge duplicates… (Ctrl+Shift+D), merged as one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand

from netdesk.app.dedupe import MergePlan, MergeUndo, merge_groups, undo_merge
from netdesk.app.settings_store import SettingsStore
from netdesk.domain.match_keys import default_region
from netdesk.ui.features.duplicates.duplicates_dialog import DuplicatesDialog
from netdesk.ui.i18n import Counted
from netdesk.ui.tasks import wait_for

if TYPE_CHECKING:
    from netdesk.ui.context import Context

SHORTCUT = "Ctrl+Shift+D"


class MergeDuplicatesCommand(QUndoCommand):
    """Undo brings every merged contact back exactly; redo merges the same groups again."""

    def __init__(self, ctx: Context, plans: list[MergePlan], undo: MergeUndo, region: str) -> None:
        super().__init__(Counted().merge_duplicates(undo.merged_away))
        self.ctx = ctx
        self.plans = plans
        self.record = undo
        self.region = region
        self._first = True  # the dialog already merged, on a worker thread

    def redo(self) -> None:
        ctx = self.ctx
        if self._first:
            self._first = False
        else:
            label = QCoreApplication.translate("DuplicatesDialog", "Merging duplicates…")
            self.record = wait_for(
                lambda: merge_groups(ctx.db, self.plans, self.region),
                ctx.widget,
                label,
                ctx.synchronous_tasks,
            )
        ctx.contactsChanged.emit()

    def undo(self) -> None:
        ctx, record = self.ctx, self.record
        label = QCoreApplication.translate("DuplicatesDialog", "Bringing the contacts back…")
        wait_for(lambda: undo_merge(ctx.db, record), ctx.widget, label, ctx.synchronous_tasks)
        ctx.contactsChanged.emit()


def phone_region(ctx: Context) -> str:
    return str(SettingsStore(ctx.db).get("phone_region") or default_region())


def find_and_merge(ctx: Context) -> None:
    """Open the dialog; what the user merges lands on the undo stack as one step."""
    region = phone_region(ctx)
    dialog = DuplicatesDialog(ctx.db, region, ctx.synchronous_tasks, ctx.widget)
    dialog.setObjectName("duplicatesDialog")
    dialog.start_scan()
    dialog.exec()
    if dialog.merged is not None:
        plans, undo = dialog.merged
        ctx.undo_stack.push(MergeDuplicatesCommand(ctx, plans, undo, region))
        ctx.show_message(
            Counted().merged_duplicates(undo.merged_away),
            8000,
        )
        if plans:
            ctx.shell.select_contact(plans[0].keep)
    dialog.deleteLater()


def install(ctx: Context) -> None:
    action = QAction(
        QCoreApplication.translate("DuplicatesView", "Find and &merge duplicates…"), ctx
    )
    action.setObjectName("findDuplicatesAction")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.triggered.connect(lambda _checked=False: find_and_merge(ctx))
    ctx.shell.menus["tools"].addAction(action)
    ctx.shell.add_action(action)
