"""Mail and calendars in the window: Tools → Scan mail and calendars now (Ctrl+Shift+I), the
scan on a schedule, its progress and Cancel in the status bar, what the last scan found, the
follow-ups it completed as one undoable step, and Tools → People you write to… (suggestions).

Scans run off the GUI thread (netdesk.ui.tasks); passwords are read from the keyring here, on
the GUI thread, and handed to the scan.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from netdesk.app import auto_complete
from netdesk.app.interactions import LAST_SCAN
from netdesk.app.mail_sources import sources_to_scan
from netdesk.app.settings_store import SettingsStore
from netdesk.ui.features.mail.mail_settings import scan_interval
from netdesk.ui.tasks import Task

if TYPE_CHECKING:  # loaded by the first scan: mail and calendar readers (~8 MB)
    from netdesk.app.scan_all import ScanAll
    from netdesk.ui.context import Context

SCAN_SHORTCUT = "Ctrl+Shift+I"


class CompletedByScan(QUndoCommand):
    """Follow-ups a scan marked done: undo puts them back to planned (and later scans leave
    them so); redo completes them again."""

    def __init__(self, ctx: Context, touchpoint_ids: list[int]) -> None:
        super().__init__(
            QCoreApplication.translate(
                "MailScan", "Follow-ups marked done by mails or meetings: {0}"
            ).format(len(touchpoint_ids))
        )
        self.ctx = ctx
        self.ids = touchpoint_ids
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        auto_complete.redo(self.ctx.db, self.ids)
        self.ctx.contactsChanged.emit()

    def undo(self) -> None:
        auto_complete.undo(self.ctx.db, self.ids)
        self.ctx.contactsChanged.emit()


class MailScanFeature(QObject):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.task: Task | None = None
        self.last: ScanAll | None = None
        self.scan_action = QAction(
            QCoreApplication.translate("MailScan", "&Scan mail and calendars now"), ctx
        )
        self.scan_action.setObjectName("scanMailAction")
        self.scan_action.setShortcut(QKeySequence(SCAN_SHORTCUT))
        self.scan_action.setStatusTip(
            QCoreApplication.translate(
                "MailScan",
                "Log mails and meetings with your contacts (headers only, on this computer)",
            )
        )
        self.scan_action.triggered.connect(lambda _c=False: self.scan())
        self.suggest_action = QAction(
            QCoreApplication.translate("MailScan", "&People you write to…"), ctx
        )
        self.suggest_action.setObjectName("mailSuggestionsAction")
        self.suggest_action.triggered.connect(lambda _c=False: self.suggestions())
        self.fading_action = QAction(
            QCoreApplication.translate("MailScan", "&Fading relationships…"), ctx
        )
        self.fading_action.setObjectName("fadingAction")
        self.fading_action.triggered.connect(lambda _c=False: self.fading())
        for action in (self.scan_action, self.suggest_action, self.fading_action):
            ctx.shell.menus["tools"].addAction(action)
            ctx.shell.add_action(action)
        bar = ctx.shell.statusBar()
        self.status = QLabel()
        self.status.setObjectName("lastMailScan")
        bar.addPermanentWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setObjectName("mailScanProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(
            QCoreApplication.translate("MailScan", "Scanning mail and calendars")
        )
        self.cancel_button = QPushButton(QCoreApplication.translate("MailScan", "Cancel scan"))
        self.cancel_button.setObjectName("cancelMailScan")
        self.cancel_button.clicked.connect(lambda _c=False: self.cancel())
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        # Every minute: is a scan due (Settings → Scan every …)? A scan from the command line
        # counts as the last scan too.
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.scheduled)
        self.timer.start()
        self.show_last()

    # -- schedule and status -----------------------------------------------------------------
    def due(self, now: dt.datetime | None = None) -> bool:
        store = SettingsStore(self.ctx.db)
        minutes = scan_interval(store)
        if not minutes:
            return False
        last = store.get(LAST_SCAN)
        try:
            when = dt.datetime.fromisoformat(str(last["at"])) if isinstance(last, dict) else None
        except (KeyError, ValueError):
            when = None
        now = now or dt.datetime.now()
        return when is None or now - when >= dt.timedelta(minutes=minutes)

    def scheduled(self) -> None:
        self.show_last()
        if self.due() and sources_to_scan(self.ctx.db):
            self.scan(quiet=True)

    def show_last(self) -> None:
        last = SettingsStore(self.ctx.db).get(LAST_SCAN)
        if not isinstance(last, dict) or not last.get("at"):
            self.status.setText(QCoreApplication.translate("MailScan", "Mail not scanned yet"))
            return
        try:
            when = dt.datetime.fromisoformat(str(last["at"]))
        except ValueError:
            return
        stamp = when.strftime("%H:%M") if when.date() == dt.date.today() else when.strftime("%d %b")
        text = QCoreApplication.translate("MailScan", "Mail scanned {0}: {1} logged").format(
            stamp, last.get("logged", 0)
        )
        if last.get("completed"):
            text += QCoreApplication.translate("MailScan", ", {0} follow-ups done").format(
                last["completed"]
            )
        if last.get("errors"):
            text += " ⚠"
        self.status.setText(text)

    # -- scanning ----------------------------------------------------------------------------
    def passwords(self) -> dict[str, str]:
        """Every saved password a full scan needs, read on the GUI thread."""
        from netdesk.system.secrets import PasswordStore, PasswordStoreError

        store = PasswordStore()
        found: dict[str, str] = {}
        for kind, name in sources_to_scan(self.ctx.db):
            key = f"imap:{name}" if kind == "imap" else name
            if kind in ("imap", "caldav"):
                try:
                    value = store.get(key)
                except PasswordStoreError:
                    value = None
                if value:
                    found[key] = value
        return found

    def scan(self, quiet: bool = False) -> Task | None:
        if self.task is not None:
            return None
        db = self.ctx.db
        if not sources_to_scan(db):
            if not quiet:
                self.ctx.show_message(
                    QCoreApplication.translate(
                        "MailScan",
                        "No mailboxes or calendars yet: add them in Settings → Mail and calendars.",
                    ),
                    8000,
                )
            return None
        from netdesk.app.scan_all import scan_all

        passwords = self.passwords()
        task = Task(lambda: scan_all(db, passwords))
        self.task = task
        self.scan_action.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        task.progress.connect(self._progress)
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        task.finished.connect(self._finished)
        task.start(self.ctx.synchronous_tasks)
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, step: object) -> None:
        from netdesk.app.mail_scan import Progress

        if isinstance(step, Progress):
            if step.total:
                self.progress.setRange(0, step.total)
                self.progress.setValue(min(step.done, step.total))
            else:
                self.progress.setRange(0, 0)
            self.progress.setFormat(step.what)
            self.progress.setToolTip(step.what)

    def _done(self, result: object) -> None:
        from netdesk.app.scan_all import ScanAll

        if not isinstance(result, ScanAll):
            return
        self.last = result
        done = auto_complete.completions(self.ctx.db, scan_ids=result.scan_ids)
        ids = [c.touchpoint_id for c in done if not c.undone]
        if ids:
            self.ctx.undo_stack.push(CompletedByScan(self.ctx, ids))
        self.ctx.contactsChanged.emit()
        message = QCoreApplication.translate(
            "MailScan", "Scan finished: {0} mails and meetings logged, {1} follow-ups done."
        ).format(result.logged, result.completed)
        if result.errors:
            message += " " + QCoreApplication.translate("MailScan", "Not read: {0}").format(
                "; ".join(result.errors[:2])
            )
        self.ctx.show_message(message, 15000)

    def _failed(self, message: str) -> None:
        self.ctx.show_message(
            QCoreApplication.translate("MailScan", "The scan stopped: {0}").format(message), 15000
        )

    def _cancelled(self) -> None:
        self.ctx.contactsChanged.emit()  # what the scan wrote before Cancel stays
        self.ctx.show_message(
            QCoreApplication.translate(
                "MailScan", "Scan cancelled; what it had read is kept and the next scan carries on."
            ),
            8000,
        )

    def _finished(self) -> None:
        self.task = None
        self.scan_action.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()
        self.show_last()

    # -- dialogs -----------------------------------------------------------------------------
    def suggestions(self) -> object:
        from netdesk.ui.features.mail.suggestions_dialog import SuggestionsDialog

        dialog = SuggestionsDialog(self.ctx)
        dialog.open()
        return dialog

    def fading(self) -> object:
        from netdesk.ui.features.mail.suggestions_dialog import FadingDialog

        dialog = FadingDialog(self.ctx)
        dialog.open()
        return dialog


def install(ctx: Context) -> None:
    ctx.add_part("mail_scan", MailScanFeature(ctx))
