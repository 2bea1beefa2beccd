"""Sync from the window: Tools → Sync now (F5), every N minutes, status in the status bar.

The network work runs on a worker thread (ui/tasks.py); passwords come from the keyring, or
are asked for this sync only when there is no secure store or none was saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QPushButton

from netdesk.ui.tasks import Task

if TYPE_CHECKING:
    from netdesk.app.accounts import Account
    from netdesk.sync.report import SyncReport
    from netdesk.ui.context import Context


class SyncMenu(QObject):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.status = QLabel()
        self.status.setObjectName("syncStatus")
        self.status.setAccessibleName(QCoreApplication.translate("SyncMenu", "Sync status"))
        ctx.shell.statusBar().addPermanentWidget(self.status)
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("syncConflicts")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setAccessibleName(
            QCoreApplication.translate("SyncMenu", "Open the sync conflicts")
        )
        self.conflicts_button.clicked.connect(lambda _c=False: self.resolve_conflicts())
        ctx.shell.statusBar().addPermanentWidget(self.conflicts_button)
        self.action = QAction(QCoreApplication.translate("SyncMenu", "&Sync now"), ctx)
        self.action.setShortcut(QKeySequence("F5"))
        self.action.triggered.connect(lambda _c=False: self.sync_now())
        ctx.shell.menus["tools"].addAction(self.action)
        ctx.shell.add_action(self.action)
        self.conflicts_action = QAction(
            QCoreApplication.translate("SyncMenu", "&Resolve sync conflicts…"), ctx
        )
        self.conflicts_action.setObjectName("resolveConflictsAction")
        self.conflicts_action.triggered.connect(lambda _c=False: self.resolve_conflicts())
        ctx.shell.menus["tools"].addAction(self.conflicts_action)
        ctx.undo_stack.indexChanged.connect(lambda _i: self.update_conflicts())
        self.update_conflicts()
        self.task: Task | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.last_error = ""
        self._schedule()
        # Settings → Accounts saves accounts at once; re-read them when the dialog has closed
        # (this slot runs after the window's own, which returns once the dialog is gone).
        ctx.shell.settings_action.triggered.connect(lambda _checked=False: self._schedule())

    def _accounts(self) -> list[Account]:
        from netdesk.sync import accounts

        return accounts.accounts(self.ctx.db)

    def _schedule(self) -> None:
        minutes = [a.interval_minutes for a in self._accounts() if a.interval_minutes > 0]
        if minutes:
            self.timer.start(min(minutes) * 60_000)
        else:
            self.timer.stop()

    def password(self, account: Account) -> str | None:
        """The saved password, else one typed for this sync only (None: the user cancelled)."""
        from netdesk.system.secrets import PasswordStore, PasswordStoreError

        try:
            saved = PasswordStore().get(account.name)
        except PasswordStoreError:
            saved = None  # locked or no secure store: ask, and keep it for this sync only
        if saved:
            return saved
        typed, ok = QInputDialog.getText(
            self.ctx.widget,
            QCoreApplication.translate("SyncMenu", "Password"),
            QCoreApplication.translate("SyncMenu", "Password for {0} on {1}:").format(
                account.username, account.name
            ),
            QLineEdit.EchoMode.Password,
        )
        return typed if ok and typed else None

    def sync_now(self) -> None:
        if self.task is not None and self.task.running:
            return
        targets = self._accounts()
        if not targets:
            self.status.setText(
                QCoreApplication.translate(
                    "SyncMenu", "No sync account yet: add one in Settings → Accounts"
                )
            )
            return
        passwords: list[tuple[Account, str]] = []
        for account in targets:
            password = self.password(account)
            if password is None:
                self.status.setText(QCoreApplication.translate("SyncMenu", "Sync cancelled"))
                return
            passwords.append((account, password))
        self.status.setText(QCoreApplication.translate("SyncMenu", "Syncing…"))
        db = self.ctx.db

        def work() -> Generator[str, None, list[SyncReport]]:
            from netdesk.sync.engine import SyncEngine

            reports = []
            for account, password in passwords:
                yield account.name
                with SyncEngine(db, account, password) as engine:
                    reports.append(engine.sync())
            return reports

        self.task = Task(work, self)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.start(synchronous=self.ctx.synchronous_tasks)

    def _done(self, reports: Any) -> None:
        received = sum(r.downloaded for r in reports)
        sent = sum(r.uploaded for r in reports)
        now = dt.datetime.now().strftime("%H:%M")
        text = QCoreApplication.translate("SyncMenu", "Synced {0}: {1} received, {2} sent").format(
            now, received, sent
        )
        self.last_error = ""
        self.status.setText(text)
        self.status.setToolTip("")
        self.update_conflicts()
        self.ctx.shell.refresh()

    def _failed(self, message: str) -> None:
        self.last_error = message
        self.status.setText(
            QCoreApplication.translate("SyncMenu", "Sync failed: {0}").format(message)
        )
        self.status.setToolTip(message)
        self.update_conflicts()

    def update_conflicts(self) -> int:
        """Show the open conflicts in the status bar; Resolve… only when there are some."""
        from netdesk.sync import accounts

        count = len(accounts.open_conflicts(self.ctx.db))
        self.conflicts_action.setEnabled(count > 0)
        self.conflicts_button.setText(self.tr("%n sync conflict(s)", "", count))
        self.conflicts_button.setToolTip(
            QCoreApplication.translate("SyncMenu", "Choose which versions to keep")
        )
        self.conflicts_button.setVisible(count > 0)
        return count

    def resolve_conflicts(self) -> None:
        """Open the conflicts dialog; each resolution lands on the undo stack."""
        from netdesk.ui.features.sync.conflict_dialog import ConflictDialog, ResolveConflictCommand

        dialog = ConflictDialog(self.ctx.db, self.ctx.widget)
        dialog.setObjectName("conflictDialog")
        dialog.resolved.connect(
            lambda done: self.ctx.undo_stack.push(ResolveConflictCommand(self.ctx, done))
        )
        dialog.exec()
        dialog.deleteLater()
        self.update_conflicts()
        self.ctx.shell.refresh()


def install(ctx: Context) -> None:
    ctx.add_part("sync_menu", SyncMenu(ctx))
