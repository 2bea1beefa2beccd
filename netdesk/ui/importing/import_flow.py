"""File → Import and drag-and-drop: preview off the GUI thread, decide, import, report, undo.

The flow is: pick files → map unknown CSV columns → a dry run on a worker thread builds the
preview → the user chooses the event and settles possible duplicates → the real import runs on a
worker thread with a progress dialog and Cancel → a summary, and an undo step on the stack.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from netdesk.app.events import EventBook
from netdesk.app.import_sources import NeedsColumnMapping
from netdesk.app.import_undo import undo_import
from netdesk.app.importer import ImportProgress, ImportReport, ImportRequest, run_import
from netdesk.app.playbook import SETTING_KEY, FollowUpPlaybook
from netdesk.app.settings_store import SettingsStore
from netdesk.capture.images import IMAGE_SUFFIXES
from netdesk.domain.match_keys import default_region
from netdesk.interop.csv_reader import CsvLayout, sniff
from netdesk.ui.formatting import format_date
from netdesk.ui.importing.import_dialog import ImportPreviewDialog
from netdesk.ui.tasks import Task, progress_dialog, wait_for

if TYPE_CHECKING:
    from netdesk.ui.context import Context

CARD_SUFFIXES = {".vcf", ".vcard", ".csv", *IMAGE_SUFFIXES}


class ImportBatchCommand(QUndoCommand):
    """Undo removes what the batch created and reverts what it merged; redo imports again."""

    def __init__(self, flow: ImportFlow, report: ImportReport) -> None:
        super().__init__(
            QCoreApplication.translate("ImportFlow", "Import {0} cards").format(report.cards)
        )
        self.flow = flow
        self.batch_id = report.batch_id
        self.request = flow.request
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        ctx, flow = self.flow.ctx, self.flow

        def again() -> int | None:
            steps = run_import(ctx.db, self.request, flow.region, flow.playbook)
            while True:
                try:
                    next(steps)
                except StopIteration as stop:
                    return stop.value.batch_id  # type: ignore[no-any-return]

        label = QCoreApplication.translate("ImportFlow", "Importing business cards…")
        self.batch_id = wait_for(again, ctx.widget, label, ctx.synchronous_tasks)
        ctx.contactsChanged.emit()

    def undo(self) -> None:
        ctx, batch_id, region = self.flow.ctx, self.batch_id, self.flow.region
        if batch_id is not None:
            label = QCoreApplication.translate("ImportFlow", "Undoing the import…")
            wait_for(
                lambda: undo_import(ctx.db, batch_id, region),
                ctx.widget,
                label,
                ctx.synchronous_tasks,
            )
        ctx.contactsChanged.emit()


class ImportFlow(QObject):
    """One import, from chosen files to the summary. Keeps itself alive until it is done."""

    active: ClassVar[list[ImportFlow]] = []

    def __init__(
        self,
        ctx: Context,
        paths: list[Path],
        synchronous: bool = False,
        temporary: Path | None = None,
    ) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.synchronous = synchronous
        # A folder netdesk made for this import (a pasted screenshot): removed when it is done,
        # since what the import keeps of a photo is stored in the database.
        self.temporary = temporary
        settings = SettingsStore(ctx.db)
        self.region = str(settings.get("phone_region") or default_region())
        self.playbook = FollowUpPlaybook.from_json(settings.get(SETTING_KEY))
        self.request = ImportRequest(files=paths)
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.preview: ImportPreviewDialog | None = None
        self.report: ImportReport | None = None

    # -- steps -------------------------------------------------------------------------------
    def ask_csv_mappings(self) -> bool:
        """Column mappings for CSVs netdesk cannot read by itself; False if the user cancels."""
        from netdesk.ui.importing.csv_mapping_dialog import CsvMappingDialog

        for path in self.request.files:
            if path.suffix.lower() not in {".csv", ".tsv", ".txt"}:
                continue
            try:
                raw = path.read_bytes()
                layout = sniff(raw)
            except (OSError, ValueError):
                continue  # the import reports the file as unreadable
            if layout.kind is not None or not layout.headers:
                continue
            dialog = CsvMappingDialog(
                path, layout, first_values(raw, layout), self.ctx.settings, self.ctx.widget
            )
            if dialog.exec() != CsvMappingDialog.DialogCode.Accepted:
                return False
            self.request.csv_mappings[str(path)] = dialog.mapping()
        return True

    def start(self) -> None:
        if not self.ask_csv_mappings():
            self._done()
            return
        ImportFlow.active.append(self)
        self.request.dry_run = True
        self._run(self.tr("Reading business cards…"), self._show_preview)

    def _run(self, label: str, on_success: Callable[[object], None]) -> None:
        task = Task(lambda: run_import(self.ctx.db, self.request, self.region, self.playbook))
        self.task = task
        progress = progress_dialog(
            task, self.ctx.widget, label, self.tr("Cancel"), maximum=0, name="importProgress"
        )
        self.progress = progress
        task.progress.connect(self._on_progress)
        task.succeeded.connect(on_success)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        task.finished.connect(progress.reset)
        task.start(self.synchronous)

    def _on_progress(self, value: object) -> None:
        if isinstance(value, ImportProgress) and self.progress is not None:
            self.progress.setMaximum(value.total)
            self.progress.setValue(value.done)

    def _on_failed(self, message: str) -> None:
        QMessageBox.warning(
            self.ctx.widget,
            self.tr("Import failed"),
            self.tr("Nothing was imported; your contacts are unchanged.\n\n{0}").format(message),
        )
        self._done()

    def _on_cancelled(self) -> None:
        self.ctx.show_message(self.tr("Import cancelled; nothing was changed."), 8000)
        self._done()

    def _show_preview(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        events = [
            (eid, f"{name} ({format_date(date)})" if date else name)
            for eid, name, date in EventBook(self.ctx.db).recent(50)
        ]
        self.preview = ImportPreviewDialog(report, events, self.ctx.widget)
        self.preview.accepted.connect(self._confirmed)
        self.preview.rejected.connect(self._done)
        # Open after the worker's signals have settled, so tests and users see one dialog.
        QTimer.singleShot(0, self.preview.open)

    def _confirmed(self) -> None:
        assert self.preview is not None
        self.request.dry_run = False
        self.request.event = self.preview.event_choice()
        self.request.decisions = self.preview.decisions()
        self._run(self.tr("Importing business cards…"), self._imported)

    def _imported(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self.report = report
        self.ctx.undo_stack.push(ImportBatchCommand(self, report))
        self.ctx.contactsChanged.emit()
        self.ctx.show_message(
            self.tr(
                "Imported {0} cards: {1} new, {2} merged, {3} rejected, {4} follow-ups planned. "
                "Ctrl+Z undoes the import."
            ).format(
                report.cards,
                report.created,
                report.merged,
                len(report.rejected),
                report.touchpoints_planned,
            )
            + (
                " "
                + self.tr("{0} already in your contacts, with nothing new.").format(
                    report.unchanged
                )
                if report.unchanged
                else ""
            ),
            15000,
        )
        self.ctx.cardsImported.emit(sum(i["found"] for i in report.images if i["source"] == "ocr"))
        self._done()

    def _done(self) -> None:
        if self in ImportFlow.active:
            ImportFlow.active.remove(self)
        if self.temporary is not None:
            shutil.rmtree(self.temporary, ignore_errors=True)
            self.temporary = None


def first_values(raw: bytes, layout: CsvLayout) -> list[str]:
    """The first data row of a CSV, to show next to each column in the mapping dialog."""
    text = raw.decode(layout.encoding, errors="replace")
    rows = csv.reader(io.StringIO(text), delimiter=layout.delimiter)
    for index, row in enumerate(rows):
        if index == layout.header_index + 1:
            return row
    return []


def choose_files(ctx: Context) -> list[Path]:
    paths, _filter = QFileDialog.getOpenFileNames(
        ctx.widget,
        QCoreApplication.translate("ImportFlow", "Import business cards"),
        "",
        QCoreApplication.translate(
            "ImportFlow",
            "Business cards and photos (*.vcf *.vcard *.csv *.jpg *.jpeg *.png *.webp *.heic "
            "*.heif);;All files (*)",
        ),
    )
    return [Path(p) for p in paths]


def start_import(
    ctx: Context, paths: list[Path] | None = None, temporary: Path | None = None
) -> ImportFlow | None:
    """Import PATHS (or the files the user picks); TEMPORARY, if given, is removed when done."""
    chosen = paths if paths is not None else choose_files(ctx)
    if not chosen:
        return None
    flow = ImportFlow(ctx, chosen, synchronous=ctx.synchronous_tasks, temporary=temporary)
    try:
        flow.start()
    except NeedsColumnMapping as exc:
        flow._done()
        QMessageBox.information(
            ctx.widget, QCoreApplication.translate("ImportFlow", "Import business cards"), str(exc)
        )
        return None
    return flow
