"""Which calendars of a CalDAV sync account the scan reads: found on the server (off the GUI
thread), ticked by the user; none ticked means all that hold events."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.mail_sources import caldav_picks, set_caldav_picks
from netdesk.ui.tasks import Task

if TYPE_CHECKING:
    from netdesk.app.opening import Database
    from netdesk.sync.davxml import Collection


def find_calendars(
    url: str, username: str, password: str
) -> Generator[None, None, list[Collection]]:
    from netdesk.app.mail_scan import event_calendars
    from netdesk.sync.dav import DavClient

    yield None
    with DavClient(url, username, password) as client:
        return event_calendars(client)


class CalendarPickDialog(QDialog):
    def __init__(
        self, db: Database, account: str, parent: QWidget | None = None, synchronous: bool = False
    ) -> None:
        super().__init__(parent)
        from netdesk.sync import accounts
        from netdesk.system.secrets import PasswordStore, PasswordStoreError

        self.db = db
        self.account = account
        self.setObjectName("calendarPick")
        self.setWindowTitle(self.tr("Calendars of {0}").format(account))
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Asking the server for its calendars…"))
        self.status.setObjectName("calendarPickStatus")
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("calendarList")
        self.list.setAccessibleName(self.tr("Calendars whose meetings are read"))
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout.addWidget(self.buttons)
        row = accounts.get_account(db, account)
        try:
            password = PasswordStore().get(account) or ""
        except PasswordStoreError:
            password = ""
        task = Task(lambda: find_calendars(row.url, row.username, password), self)
        task.succeeded.connect(self._found)
        task.failed.connect(self.status.setText)
        self.task = task
        task.start(synchronous)

    def _found(self, calendars: object) -> None:
        picked = set(caldav_picks(self.db).get(self.account) or [])
        found = calendars if isinstance(calendars, list) else []
        for calendar in found:
            item = QListWidgetItem(calendar.name or calendar.url)
            item.setData(Qt.ItemDataRole.UserRole, calendar.url)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = not picked or calendar.url in picked or calendar.name in picked
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.status.setText(
            self.tr("Tick the calendars whose meetings netdesk reads.")
            if found
            else self.tr("The server has no calendar with events for this account.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(found))

    def chosen(self) -> list[str]:
        items = [self.list.item(i) for i in range(self.list.count())]
        ticked = [i for i in items if i.checkState() == Qt.CheckState.Checked]
        if len(ticked) == len(items):
            return []  # all: calendars added later are read too
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in ticked]

    def save(self) -> None:
        set_caldav_picks(self.db, self.account, self.chosen())
        self.accept()
