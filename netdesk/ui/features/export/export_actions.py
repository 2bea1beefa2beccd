"""File → Export all contacts… / Export selected contacts… (Ctrl+Shift+E).

The file dialog's filter picks the format (vCard 3.0, vCard 4.0 or CSV). The export runs off the
GUI thread, writing to a private temporary file beside the target that replaces it only when
complete, so a failed or cancelled export never leaves half a file behind; the result is readable
by the user alone (0600), like every file netdesk writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from netdesk.app.exporting import FORMATS, ExportProgress, export_steps
from netdesk.ui.tasks import Task, progress_dialog

if TYPE_CHECKING:
    from netdesk.ui.context import Context

SHORTCUT = "Ctrl+Shift+E"
SUFFIX = {"vcard": ".vcf", "vcard4": ".vcf", "csv": ".csv"}


def format_filters() -> list[str]:
    """The file dialog's filters, in the order of :data:`FORMATS`."""
    return [
        QCoreApplication.translate("ExportActions", "vCard 3.0 (*.vcf)"),
        QCoreApplication.translate("ExportActions", "vCard 4.0 (*.vcf)"),
        QCoreApplication.translate("ExportActions", "CSV spreadsheet (*.csv)"),
    ]


class ExportActions(QObject):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.setObjectName("exportActions")
        self.ctx = ctx
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.all_action = QAction(
            QCoreApplication.translate("ExportActions", "E&xport all contacts…"), ctx
        )
        self.all_action.setObjectName("exportAllAction")
        self.all_action.triggered.connect(lambda _checked=False: self.export_all())
        self.selected_action = QAction(
            QCoreApplication.translate("ExportActions", "Export &selected contacts…"), ctx
        )
        self.selected_action.setObjectName("exportSelectedAction")
        self.selected_action.setShortcut(QKeySequence(SHORTCUT))
        self.selected_action.triggered.connect(lambda _checked=False: self.export_selected())
        self.ics_action = QAction(
            QCoreApplication.translate("ExportActions", "Export &follow-ups as a calendar…"),
            ctx,
        )
        self.ics_action.setObjectName("exportFollowUpsAction")
        self.ics_action.triggered.connect(lambda _checked=False: self.export_follow_ups())
        menu = ctx.shell.menus["file"]
        menu.insertAction(ctx.shell.file_extras, self.all_action)
        menu.insertAction(ctx.shell.file_extras, self.selected_action)
        menu.insertAction(ctx.shell.file_extras, self.ics_action)
        ctx.shell.add_action(self.selected_action)
        ctx.shell.table.selectionModel().selectionChanged.connect(lambda *_: self.update_enabled())
        ctx.contactsChanged.connect(self.update_enabled)
        self.update_enabled()

    def update_enabled(self) -> None:
        self.selected_action.setEnabled(bool(self.ctx.shell.selected_ids()))

    def export_all(self) -> None:
        self._export(None)

    def export_selected(self) -> None:
        ids = self.ctx.shell.selected_ids()
        if ids:
            self._export(ids)

    def export_follow_ups(self, path: Path | None = None, days: int = 365) -> int | None:
        """Planned follow-ups of the coming year as an .ics file (as `netdesk agenda`): your
        calendar program shows them beside your meetings."""
        import datetime as dt

        from netdesk.app.agenda import agenda_ics
        from netdesk.app.touchpoints import FollowUps
        from netdesk.system.private_files import write_private

        if path is None:
            folder = str(self.ctx.settings.value("export/folder", str(Path.home())))
            chosen, _ = QFileDialog.getSaveFileName(
                self.ctx.widget,
                QCoreApplication.translate("ExportActions", "Export follow-ups as a calendar"),
                str(Path(folder) / "follow-ups.ics"),
                QCoreApplication.translate("ExportActions", "Calendar (*.ics)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != ".ics":
                path = path.with_name(path.name + ".ics")
        items = FollowUps(self.ctx.db).due(dt.date.today(), days)
        try:
            write_private(path, agenda_ics(items))
        except OSError as exc:
            self._on_failed(f"{path}: {exc.strerror or exc}")
            return None
        self.ctx.settings.setValue("export/folder", str(path.parent))
        self.ctx.show_message(
            QCoreApplication.translate(
                "ExportActions", "Wrote {0} follow-ups to {1}; open it in your calendar."
            ).format(len(items), path),
            8000,
        )
        return len(items)

    def ask_target(self, count: int) -> tuple[Path, str] | None:
        """The file and format the user picks; None when they cancel."""
        settings = self.ctx.settings
        filters = format_filters()
        last = str(settings.value("export/format", "vcard"))
        fmt = last if last in FORMATS else "vcard"
        folder = str(settings.value("export/folder", str(Path.home())))
        dialog = QFileDialog(
            self.ctx.widget,
            self.tr("Export %n contact(s)", "", count),
        )
        dialog.setObjectName("exportFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters(filters)
        dialog.selectNameFilter(filters[FORMATS.index(fmt)])
        dialog.setDirectory(folder)
        dialog.selectFile(f"contacts{SUFFIX[fmt]}")
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        chosen = dialog.selectedNameFilter()
        fmt = FORMATS[filters.index(chosen)] if chosen in filters else "vcard"
        path = Path(dialog.selectedFiles()[0])
        if path.suffix.lower() != SUFFIX[fmt]:
            path = path.with_name(path.name + SUFFIX[fmt])
        settings.setValue("export/format", fmt)
        settings.setValue("export/folder", str(path.parent))
        return path, fmt

    def _export(self, ids: list[int] | None) -> None:
        if self.task is not None and self.task.running:
            return
        total = len(ids) if ids is not None else self.ctx.book.count()
        if total == 0:
            self.ctx.show_message(
                QCoreApplication.translate("ExportActions", "There are no contacts to export."),
                5000,
            )
            return
        target = self.ask_target(total)
        if target is None:
            return
        path, fmt = target
        db = self.ctx.db
        task = Task(lambda: export_steps(db, fmt, path, ids=ids, total=total), self)
        self.task = task
        progress = progress_dialog(
            task,
            self.ctx.widget,
            QCoreApplication.translate("ExportActions", "Exporting contacts…"),
            QCoreApplication.translate("ExportActions", "Cancel"),
            maximum=total,
            name="exportProgress",
        )
        self.progress = progress
        task.progress.connect(self._on_progress)
        task.succeeded.connect(lambda count: self._on_done(int(count), path))
        task.failed.connect(self._on_failed)
        task.cancelled.connect(
            lambda: self.ctx.show_message(
                QCoreApplication.translate("ExportActions", "Export cancelled."), 5000
            )
        )
        task.finished.connect(progress.reset)
        task.start(self.ctx.synchronous_tasks)

    def _on_progress(self, value: object) -> None:
        if isinstance(value, ExportProgress) and self.progress is not None:
            self.progress.setMaximum(value.total)
            self.progress.setValue(value.done)

    def _on_done(self, count: int, path: Path) -> None:
        self.ctx.show_message(
            self.tr("Exported %n contact(s) to {0}.", "", count).format(path),
            8000,
        )

    def _on_failed(self, message: str) -> None:
        QMessageBox.warning(
            self.ctx.widget, QCoreApplication.translate("ExportActions", "Export failed"), message
        )


def install(ctx: Context) -> None:
    ExportActions(ctx)
