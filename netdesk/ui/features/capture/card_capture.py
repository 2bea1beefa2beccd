"""Cards from photos in the window: review what OCR read, paste a screenshot, see what waits.

- Tools → Review cards from photos… (Ctrl+Shift+C), and a status-bar button "N cards to review"
  while any wait (cards read by OCR, from the window or the command line);
- File → Import card photo from clipboard (Ctrl+Shift+V): a screenshot of a digital card or a
  QR code goes through the same import as files;
- after an import that read paper cards, the review opens by itself.
Accepting and rejecting are steps on the undo stack.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QMessageBox, QPushButton

from netdesk.app import card_review
from netdesk.app.importer import ImportReport
from netdesk.domain.contact_data import ContactData
from netdesk.ui.features.capture.card_review_dialog import CardReviewDialog
from netdesk.ui.tasks import Task

if TYPE_CHECKING:
    from netdesk.app.contacts import ContactSnapshot
    from netdesk.ui.context import Context

REVIEW_SHORTCUT = "Ctrl+Shift+C"
PASTE_SHORTCUT = "Ctrl+Shift+V"


class ConfirmCardCommand(QUndoCommand):
    def __init__(self, ctx: Context, contact_id: int, data: ContactData) -> None:
        super().__init__(
            QCoreApplication.translate("CardCapture", "Confirm card of {0}").format(
                data.display_name()
            )
        )
        self.ctx = ctx
        self.contact_id = contact_id
        self.data = data
        self.before = ctx.book.get(contact_id)

    def redo(self) -> None:
        card_review.confirm(self.ctx.db, self.contact_id, self.data)
        self.ctx.contactsChanged.emit()

    def undo(self) -> None:
        self.ctx.book.update(self.contact_id, self.before)
        card_review.set_waiting(self.ctx.db, self.contact_id, True)
        self.ctx.contactsChanged.emit()


class RejectCardCommand(QUndoCommand):
    def __init__(self, ctx: Context, contact_id: int) -> None:
        name = ctx.book.get(contact_id).display_name()
        super().__init__(
            QCoreApplication.translate("CardCapture", "Reject card of {0}").format(name)
        )
        self.ctx = ctx
        self.contact_id = contact_id
        self.snapshot: ContactSnapshot | None = None

    def redo(self) -> None:
        self.snapshot = card_review.reject(self.ctx.db, self.contact_id)
        self.ctx.contactsChanged.emit()

    def undo(self) -> None:
        if self.snapshot is not None:
            self.ctx.book.restore(self.snapshot)
        self.ctx.contactsChanged.emit()


class PickedUpCommand(QUndoCommand):
    """Photos read from the watched folder, as one import: undo removes what it created (the
    photos stay picked up, so they are not read again); redo imports them again."""

    def __init__(self, ctx: Context, report: ImportReport) -> None:
        super().__init__(
            QCoreApplication.translate("CardCapture", "Read photos from the watched folder")
        )
        self.ctx = ctx
        self.batch_id = report.batch_id
        self.files = [Path(str(image["file"])) for image in report.images]
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        from netdesk.app.importer import ImportRequest, import_all

        report = import_all(self.ctx.db, ImportRequest(files=self.files), self.ctx.book.region)
        self.batch_id = report.batch_id
        self.ctx.contactsChanged.emit()

    def undo(self) -> None:
        from netdesk.app.import_undo import undo_import

        if self.batch_id is not None:
            undo_import(self.ctx.db, self.batch_id)
        self.ctx.contactsChanged.emit()


class CardCapture(QObject):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.dialog: CardReviewDialog | None = None
        self.review_action = QAction(
            QCoreApplication.translate("CardCapture", "&Review cards from photos…"), ctx
        )
        self.review_action.setObjectName("reviewCardsAction")
        self.review_action.setShortcut(QKeySequence(REVIEW_SHORTCUT))
        self.review_action.triggered.connect(lambda _c=False: self.review())
        ctx.shell.menus["tools"].addAction(self.review_action)
        ctx.shell.add_action(self.review_action)
        self.paste_action = QAction(
            QCoreApplication.translate("CardCapture", "Import card photo from clip&board"), ctx
        )
        self.paste_action.setObjectName("pasteCardAction")
        self.paste_action.setShortcut(QKeySequence(PASTE_SHORTCUT))
        self.paste_action.triggered.connect(lambda _c=False: self.paste())
        ctx.shell.menus["file"].insertAction(ctx.shell.file_extras, self.paste_action)
        ctx.shell.add_action(self.paste_action)
        self.button = QPushButton()
        self.button.setObjectName("cardsToReview")
        self.button.setFlat(True)
        self.button.setAccessibleName(
            QCoreApplication.translate("CardCapture", "Review cards read from photos")
        )
        self.button.clicked.connect(lambda _c=False: self.review())
        ctx.shell.statusBar().addPermanentWidget(self.button)
        ctx.contactsChanged.connect(self.update_count)
        # Cards the command line or the watched folder stored meanwhile: counted again when the
        # window comes back to the front, and every half minute (a partial index: instant).
        ctx.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self.update_count)
        self.timer.timeout.connect(self.pick_up)
        self.timer.start()
        self.task: Task | None = None
        self.update_count()
        QTimer.singleShot(2000, self.pick_up)  # what the phone synced while netdesk was closed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ctx and event.type() == QEvent.Type.WindowActivate:
            self.update_count()
        return False

    def update_count(self) -> None:
        count = card_review.waiting_count(self.ctx.db)
        self.button.setText(self.tr("%n card(s) to review", "", count))
        self.button.setVisible(count > 0)
        self.review_action.setEnabled(count > 0)

    def review(self) -> CardReviewDialog | None:
        queue = card_review.waiting(self.ctx.db)
        if not queue:
            self.ctx.show_message(
                QCoreApplication.translate("CardCapture", "No cards are waiting for review."), 5000
            )
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        dialog = CardReviewDialog(
            queue, lambda cid: card_review.load(self.ctx.db, cid), self.ctx.widget
        )
        dialog.accepted_card.connect(self._confirm)
        dialog.rejected_card.connect(self._reject)
        dialog.finished.connect(lambda _r: self.update_count())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _confirm(self, contact_id: int, data: object) -> None:
        assert isinstance(data, ContactData)
        self.ctx.undo_stack.push(ConfirmCardCommand(self.ctx, contact_id, data))

    def _reject(self, contact_id: int) -> None:
        self.ctx.undo_stack.push(RejectCardCommand(self.ctx, contact_id))

    def paste(self) -> Path | None:
        """Import the image on the clipboard (a screenshot) as a photo."""
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            QMessageBox.information(
                self.ctx.widget,
                QCoreApplication.translate("CardCapture", "Import card photo from clipboard"),
                QCoreApplication.translate(
                    "CardCapture",
                    "The clipboard holds no image. Copy a screenshot or a photo of the card first.",
                ),
            )
            return None
        folder = Path(tempfile.mkdtemp(prefix="netdesk-clipboard-"))
        path = folder / "clipboard.png"
        if not image.save(str(path)):  # PNG, from the suffix
            shutil.rmtree(folder, ignore_errors=True)
            return None
        from netdesk.ui.importing.import_flow import start_import

        start_import(self.ctx, [path], temporary=folder)
        return path

    def pick_up(self) -> Task | None:
        """Import what is new in the watched folder, off the GUI thread, at most one at a time."""
        from netdesk.app.capture_folder import SETTING, pick_up
        from netdesk.app.playbook import SETTING_KEY, FollowUpPlaybook
        from netdesk.app.settings_store import SettingsStore
        from netdesk.domain.match_keys import default_region

        if self.task is not None:
            return None
        store = SettingsStore(self.ctx.db)
        folder = str(store.get(SETTING) or "")
        if not folder or not Path(folder).is_dir():
            return None
        region = str(store.get("phone_region") or default_region())
        playbook = FollowUpPlaybook.from_json(store.get(SETTING_KEY))
        task = Task(lambda: pick_up(self.ctx.db, Path(folder), region, playbook))
        self.task = task
        task.succeeded.connect(lambda report: self._picked_up(report, folder))
        task.finished.connect(self._pick_up_done)
        task.start(self.ctx.synchronous_tasks)
        return task

    def _pick_up_done(self) -> None:
        self.task = None

    def _picked_up(self, report: object, folder: str) -> None:
        if not isinstance(report, ImportReport):
            return  # nothing new
        self.ctx.contactsChanged.emit()
        self.ctx.show_message(
            self.tr(
                "Read %n photo(s) from {0}: {1} new, {2} rejected; Ctrl+Z undoes.",
                "",
                len(report.images),
            ).format(folder, report.created, len(report.rejected)),
            15000,
        )
        if report.batch_id is not None:
            self.ctx.undo_stack.push(PickedUpCommand(self.ctx, report))

    def after_import(self, read_by_ocr: int) -> None:
        """An import read paper cards: open the review once the summary has shown."""
        self.update_count()
        if read_by_ocr:
            QTimer.singleShot(0, self.review)


def install(ctx: Context) -> None:
    capture = CardCapture(ctx)
    ctx.cardsImported.connect(capture.after_import)
    ctx.add_part("card_capture", capture)
