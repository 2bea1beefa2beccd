"""Settings → Accounts: the CardDAV/CalDAV accounts netdesk syncs with.

Adding, editing and removing an account take effect at once (the server was already asked, the
keyring already written), so the Settings dialog's Save has nothing left to do here; the window
re-reads the accounts for its sync timer when the Settings dialog closes (ui/sync_menu.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netdesk.app import accounts as use_cases
from netdesk.app.accounts import Account
from netdesk.app.opening import Database
from netdesk.app.settings_store import SettingsStore
from netdesk.sync import accounts
from netdesk.sync.dav import display_url
from netdesk.system.secrets import KeyringLocked, PasswordStore
from netdesk.ui.features.sync.account_form import AccountForm
from netdesk.ui.features.sync.keyring_prompt import AskingPasswords
from netdesk.ui.formatting import format_datetime

ModelIndex = QModelIndex | QPersistentModelIndex
NAME, SERVER, USER, INTERVAL, LAST_SYNC, LAST_ERROR = range(6)
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class AccountsModel(QAbstractTableModel):
    """The sync accounts, one row each, re-read with reload()."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[Account] = []
        self.headers = [
            self.tr("Name"),
            self.tr("Server"),
            self.tr("User"),
            self.tr("Syncs"),
            self.tr("Last sync"),
            self.tr("Last error"),
        ]
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = accounts.accounts(self.db)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        account = self.rows[index.row()]
        if role == NAME_ROLE:
            return account.name
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(account, index.column())
        return None

    def _text(self, account: Account, column: int) -> str | None:
        if column == NAME:
            return account.name
        if column == SERVER:
            return display_url(account.url)
        if column == USER:
            return account.username
        if column == INTERVAL:
            if account.interval_minutes <= 0:
                return self.tr("on demand")
            return self.tr("every {0} min").format(account.interval_minutes)
        if column == LAST_SYNC:
            if account.last_sync_at is None:
                return self.tr("never")
            return format_datetime(account.last_sync_at.replace(tzinfo=dt.UTC))
        if column == LAST_ERROR:
            return account.last_error or ""
        return None


class AccountsSettings(QWidget):
    """The page: the list of accounts and Add, Edit, Remove."""

    accountsChanged = Signal()  # an account was added, changed or removed

    def __init__(
        self, db: Database, passwords: PasswordStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountsSettings")
        self.db = db
        self.passwords = passwords or PasswordStore()
        self.synchronous = False  # tests may run discovery inline
        self.form: AccountForm | None = None
        intro = QLabel(
            self.tr(
                "netdesk syncs your contacts with an address book (CardDAV) and publishes "
                "follow-ups as tasks (CalDAV) on a server you use, such as Radicale or Nextcloud."
            )
        )
        intro.setWordWrap(True)
        self.storage = QLabel()
        self.storage.setObjectName("passwordStorageNotice")
        self.storage.setWordWrap(True)
        self.model = AccountsModel(db, self)
        self.table = QTableView()
        self.table.setObjectName("accountsTable")
        self.table.setAccessibleName(self.tr("Sync accounts"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.add_button = QPushButton(self.tr("&Add account…"))
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("editAccount")
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setObjectName("removeAccount")
        self.remove_button.clicked.connect(self.remove)
        self.message = QLabel()
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.storage)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        if self.passwords.available():
            text = self.tr("Passwords are kept in {0}, nowhere else.").format(
                self.passwords.describe()
            )
        else:
            text = self.tr(
                "No secure password storage (keyring) on this computer: passwords are not "
                "saved, and will be asked at each sync."
            )
        self.storage.setText(text)
        self._update()

    def _update(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        name = rows[0].data(NAME_ROLE)
        return str(name) if name is not None else None

    # -- actions -----------------------------------------------------------------------------
    def add(self) -> None:
        self._open_form(None)

    def edit(self) -> None:
        name = self.selected()
        if name is None:
            return
        try:
            account = accounts.get_account(self.db, name)
        except LookupError:  # removed meanwhile (netdesk account remove)
            self._gone(name)
            return
        self._open_form(account)

    def _gone(self, name: str) -> None:
        self.refresh()
        self.message.setText(self.tr("The sync account {0} no longer exists.").format(name))
        self.accountsChanged.emit()

    def _open_form(self, existing: Account | None) -> None:
        form = AccountForm(
            self.db, existing, self.passwords, synchronous=self.synchronous, parent=self
        )
        form.accepted.connect(self._saved)
        form.finished.connect(form.deleteLater)
        self.form = form
        form.open()  # window-modal, without a nested event loop

    def _saved(self) -> None:
        form = self.form
        name = form.name.text().strip() if form is not None else ""
        self.refresh()
        self._select(name)
        self.message.setText(self.tr("Saved the sync account {0}.").format(name))
        self.accountsChanged.emit()

    def _select(self, name: str) -> None:
        for row, account in enumerate(self.model.rows):
            if account.name == name:
                self.table.selectRow(row)

    def remove(self) -> None:
        name = self.selected()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove sync account"),
            self.tr(
                "Remove the sync account {0}? Its saved password is deleted from the keyring. "
                "Your contacts stay on this computer, and the address book stays on the server."
            ).format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        note = ""
        with contextlib.suppress(LookupError):  # removed meanwhile: what the user asked for
            note = self._forget_password(name)
        self.refresh()
        self.message.setText(
            self.tr("Removed the sync account {0}.").format(name) + (" " + note if note else "")
        )
        self.accountsChanged.emit()

    def _forget_password(self, name: str) -> str:
        """Remove the account, its password first (netdesk.app.accounts.remove_account); what
        the user should know when the password could not be deleted."""
        locked = self.tr(
            "The keyring is locked, so netdesk cannot delete the password of {0}. Unlock it "
            "(your desktop may ask for your login password), then choose Retry."
        ).format(name)
        left = use_cases.remove_account(
            self.db, AskingPasswords(self, self.passwords, locked), name
        )
        if left is None:
            return ""
        if not isinstance(left, KeyringLocked):
            return self.tr("Its password could not be deleted from the keyring: {0}").format(
                str(left)
            )
        return self.tr(
            "Its password is still in the keyring (it stayed locked): delete the entry "
            "netdesk / {0} with your keyring app."
        ).format(name)


class AccountsPage:
    """What the Settings dialog shows as a tab (netdesk.ui.shell.settings_dialog.SettingsPage)."""

    def __init__(self, widget: AccountsSettings) -> None:
        self.widget = widget
        self.title = QCoreApplication.translate("AccountsSettings", "A&ccounts")

    def save(self) -> None:
        """Nothing to do: each account was saved when its own form was."""


def settings_page(store: SettingsStore, qsettings: QSettings, parent: QWidget) -> AccountsPage:
    return AccountsPage(AccountsSettings(store.db, parent=parent))
