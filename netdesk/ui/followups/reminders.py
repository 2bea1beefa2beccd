"""Reminders outside the window: a tray icon with the number due, and notifications."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from netdesk.app.touchpoints import FollowUps

CHECK_INTERVAL_MS = 60_000


class Reminders(QObject):
    """Counts what is due and tells the user once about each follow-up that falls due."""

    countChanged = Signal(int)
    notified = Signal(str, str)  # title, message (also shown by the tray when there is one)

    def __init__(
        self,
        followups: FollowUps,
        today: Callable[[], dt.date],
        window: QWidget,
        settings: QSettings,
        icon: QIcon,
    ) -> None:
        super().__init__(window)
        self.followups = followups
        self.today = today
        self.window = window
        self.settings = settings
        self._announced: set[int] = set()
        self.count = 0
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            menu = QMenu(window)
            show = QAction(self.tr("Show netdesk"), menu)
            show.triggered.connect(self._show_window)
            menu.addAction(show)
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda _reason: self._show_window())
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def enabled(self) -> bool:
        return bool(self.settings.value("reminders/enabled", True, type=bool))

    def start(self) -> None:
        """The start-up check (one summary notification), then a check every minute."""
        self.check(first=True)
        self.timer.start()

    def check(self, first: bool = False) -> None:
        today = self.today()
        # Every minute on the GUI thread: ids only, and the items of the newly due alone.
        due = self.followups.due_ids(today)
        self.count = len(due)
        self.countChanged.emit(self.count)
        if self.tray is not None:
            self.tray.setToolTip(self.tr("netdesk — {0} follow-ups due").format(self.count))
        new = [i for i in due if i not in self._announced]
        self._announced.update(due)
        if not new or not self.enabled():
            return
        if first:
            self._notify(
                self.tr("Follow-ups due"),
                self.tr("{0} follow-ups are due today or overdue.").format(len(due)),
            )
        else:
            for item in self.followups.items(new, today):
                self._notify(self.tr("Follow-up due"), f"{item.contact}")

    def _notify(self, title: str, message: str) -> None:
        self.notified.emit(title, message)
        if self.tray is not None:
            self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 8000)

    def _show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
