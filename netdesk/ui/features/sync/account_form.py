"""The form behind Settings → Accounts → Add / Edit: where the server is, who you are on it.

"Connect" runs discovery on a worker thread (ui/tasks.py) and shows the address book and task
calendar it found, offering to create what is missing. Saving hands the password to the keyring
(netdesk.system.secrets) and nothing else; the account row holds only where and how often to sync.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.app import accounts as use_cases
from netdesk.app.accounts import Account
from netdesk.app.opening import Database
from netdesk.sync import accounts
from netdesk.sync.dav import display_url
from netdesk.system.secrets import KeyringLocked, NoSecureStorage, PasswordStore, PasswordStoreError
from netdesk.ui.features.sync.keyring_prompt import AskingPasswords, keyring_call
from netdesk.ui.tasks import Task
from netdesk.ui.widgets.layout import error_colour

DEFAULT_INTERVAL = 30
MAX_INTERVAL = 24 * 60


def _shown(url: str) -> str:
    """The URL for a message while it is still being typed (maybe not valid yet)."""
    try:
        return display_url(url)
    except ValueError:  # a port still being typed, or not a number
        return urlsplit(url).hostname or url


class AccountForm(QDialog):
    """Add a sync account (``existing`` None) or edit one; accepted once it is saved."""

    searchFinished = Signal()  # a Connect or Create run ended (found, failed or cancelled)

    def __init__(
        self,
        db: Database,
        existing: Account | None = None,
        passwords: PasswordStore | None = None,
        *,
        synchronous: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.existing = existing
        self.passwords = passwords or PasswordStore()
        self.synchronous = synchronous
        self.secure = self.passwords.available()
        self.setup: accounts.Setup | None = None
        self._searched: tuple[str, str, str] | None = None  # url, user, password searched
        self._task: Task | None = None
        self.setObjectName("accountForm")
        self.setWindowTitle(
            self.tr("Edit sync account") if existing else self.tr("Add sync account")
        )
        self._build()
        if existing is not None:
            self.name.setText(existing.name)
            self.name.setReadOnly(True)
            self.url.setText(existing.url)
            self.username.setText(existing.username)
            self.interval.setValue(existing.interval_minutes)
        self._update()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("accountName")
        self.name.setAccessibleName(self.tr("Account name"))
        self.name.setPlaceholderText(self.tr("e.g. home or office"))
        self.url = QLineEdit()
        self.url.setObjectName("accountUrl")
        self.url.setAccessibleName(self.tr("Server URL"))
        self.url.setPlaceholderText(self.tr("https://cloud.example.org/remote.php/dav"))
        self.http_warning = QLabel()
        self.http_warning.setObjectName("httpWarning")
        self.http_warning.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("accountUser")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setObjectName("accountPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if self.existing is not None:
            self.password.setPlaceholderText(self.tr("unchanged — type to replace"))
        self.storage_note = QLabel(self._storage_text())
        self.storage_note.setObjectName("passwordStorage")
        self.storage_note.setWordWrap(True)
        self.interval = QSpinBox()
        self.interval.setObjectName("accountInterval")
        self.interval.setAccessibleName(self.tr("Sync every so many minutes (0: only on demand)"))
        self.interval.setRange(0, MAX_INTERVAL)
        self.interval.setValue(DEFAULT_INTERVAL)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setSpecialValueText(self.tr("only on demand"))

        self.connect_button = QPushButton(self.tr("&Connect and find the address book"))
        self.connect_button.setObjectName("connectButton")
        self.connect_button.clicked.connect(self.search)
        self.cancel_button = QPushButton(self.tr("Stop &searching"))
        self.cancel_button.setObjectName("cancelSearch")
        self.cancel_button.clicked.connect(self.cancel_search)
        self.busy = QProgressBar()
        self.busy.setObjectName("searchBusy")
        self.busy.setRange(0, 0)  # no steps to count: a busy bar
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Connecting"))
        self.found = QLabel()
        self.found.setObjectName("foundCollections")
        self.found.setWordWrap(True)
        self.create_button = QPushButton()
        self.create_button.setObjectName("createCollections")
        self.create_button.clicked.connect(self.create_missing)
        self.message = QLabel()
        self.message.setObjectName("accountMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {error_colour(self)}")

        form = QFormLayout()
        label = QLabel(self.tr("&Name"))
        label.setBuddy(self.name)
        form.addRow(label, self.name)
        label = QLabel(self.tr("Server &URL"))
        label.setBuddy(self.url)
        form.addRow(label, self.url)
        form.addRow("", self.http_warning)
        label = QLabel(self.tr("U&ser name"))
        label.setBuddy(self.username)
        form.addRow(label, self.username)
        label = QLabel(self.tr("&Password"))
        label.setBuddy(self.password)
        form.addRow(label, self.password)
        form.addRow("", self.storage_note)
        label = QLabel(self.tr("Sync &every"))
        label.setBuddy(self.interval)
        form.addRow(label, self.interval)
        search = QHBoxLayout()
        search.addWidget(self.connect_button)
        search.addWidget(self.busy, 1)
        search.addWidget(self.cancel_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(search)
        layout.addWidget(self.found)
        layout.addWidget(self.create_button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for field in (self.url, self.username, self.password):
            field.textChanged.connect(lambda _t: self._update())
        self.name.textChanged.connect(lambda _t: self.message.clear())

    def _storage_text(self) -> str:
        if not self.secure:
            return self.tr(
                "No secure password storage on this computer: the password is only used to "
                "connect now and will be asked at each sync."
            )
        return self.tr("The password is kept in {0}, nowhere else.").format(
            self.passwords.describe()
        )

    # -- state -------------------------------------------------------------------------------
    def _entered(self) -> tuple[str, str, str]:
        return self.url.text().strip(), self.username.text().strip(), self.password.text()

    def _unchanged_server(self) -> bool:
        """Editing with the same server, user and password: no new discovery needed."""
        old = self.existing
        url, user, password = self._entered()
        return old is not None and (url, user, password) == (old.url, old.username, "")

    def running(self) -> bool:
        return self._task is not None

    def _update(self) -> None:
        """Enable what makes sense now; a changed server, user or password needs a new search."""
        url, user, _ = self._entered()
        if self.setup is not None and self._searched != self._entered():
            self.setup = None
            self.found.clear()
        busy = self.running()
        plain = bool(url) and accounts.plain_http(url)
        self.http_warning.setVisible(plain)
        if plain:
            self.http_warning.setText(
                self.tr(
                    "Warning: http:// sends your password unencrypted to {0}. Use https:// "
                    "unless this server is on a network you trust."
                ).format(_shown(url))
            )
        for field in (self.url, self.username, self.password, self.interval):
            field.setEnabled(not busy)
        self.name.setEnabled(not busy)
        self.connect_button.setEnabled(not busy and bool(url) and bool(user))
        self.busy.setVisible(busy)
        self.cancel_button.setVisible(busy)
        setup = self.setup
        missing = []
        if setup is not None and setup.can_create_addressbook:
            missing.append(self.tr("an address book"))
        if setup is not None and setup.can_create_calendar:
            missing.append(self.tr("a task calendar"))
        self.create_button.setVisible(bool(missing) and not busy)
        self.create_button.setText(
            self.tr("C&reate {0} on the server").format(self.tr(" and ").join(missing))
        )
        usable = setup is not None and bool(setup.addressbook_url or setup.calendar_url)
        self.save_button.setEnabled(not busy and (usable or self._unchanged_server()))

    def _show_setup(self, setup: accounts.Setup) -> None:
        none = self.tr("none found")
        lines = [
            self.tr("Address book: {0}").format(
                display_url(setup.addressbook_url) if setup.addressbook_url else none
            ),
            self.tr("Task calendar: {0}").format(
                display_url(setup.calendar_url) if setup.calendar_url else none
            ),
        ]
        if not setup.addressbook_url and not setup.can_create_addressbook:
            lines.append(self.tr("The server does not say where an address book may be made."))
        if not setup.calendar_url and not setup.can_create_calendar:
            lines.append(self.tr("The server does not say where a task calendar may be made."))
        self.found.setText("\n".join(lines))

    # -- discovery ---------------------------------------------------------------------------
    def _password_for_search(self) -> str | None:
        """The typed password, else the saved one when editing; None after telling why not."""
        typed = self.password.text()
        if typed or self.existing is None:
            if not typed:
                self._error(self.tr("Password: type the password to connect."))
                return None
            return typed
        name = self.existing.name
        read: list[str | None] = []
        try:
            unlocked = keyring_call(
                self, lambda: read.append(self.passwords.get(name)), self._locked_text("read")
            )
        except NoSecureStorage:
            unlocked = True
        except PasswordStoreError as exc:
            self._error(self.tr("Password: {0}").format(str(exc)))
            return None
        if not unlocked:
            self._error(self.tr("Password: the keyring stayed locked; type the password."))
            return None
        if not read or not read[0]:
            self._error(self.tr("Password: none is saved for this account; type it to connect."))
            return None
        return read[0]

    def _locked_text(self, action: str) -> str:
        if action == "read":
            what = self.tr("The keyring is locked, so netdesk cannot read the saved password.")
        else:
            what = self.tr("The keyring is locked, so netdesk cannot save the password.")
        return (
            what
            + " "
            + self.tr(
                "Unlock it (your desktop may ask for your login password, or use its keyring app), "
                "then choose Retry."
            )
        )

    def search(self) -> None:
        """Connect: discover the collections at the URL without changing the server."""
        url, user, _ = self._entered()
        try:
            url = accounts.check_url(url)
        except ValueError as exc:
            self._error(self.tr("Server URL: {0}").format(str(exc)))
            return
        password = self._password_for_search()
        if password is None:
            return
        searched = self._entered()

        def work() -> Generator[str, None, accounts.Setup]:
            yield "connect"
            return accounts.find_collections(url, user, password)

        self._run(work, searched, self.tr("Connecting to {0}…").format(display_url(url)))

    def create_missing(self) -> None:
        setup, searched = self.setup, self._searched
        if setup is None or searched is None:
            return
        url, user, _ = searched
        password = self._password_for_search()
        if password is None:
            return

        def work() -> Generator[str, None, accounts.Setup]:
            yield "create"
            return accounts.create_collections(url, user, password, setup)

        self._run(work, searched, self.tr("Creating on {0}…").format(display_url(url)))

    def _run(
        self,
        work: Callable[[], Generator[str, None, accounts.Setup]],
        searched: tuple[str, str, str],
        text: str,
    ) -> None:
        task = Task(work)  # no parent: it may outlive this form on its worker thread
        task.succeeded.connect(self._found)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        self._task = task
        self._searched = searched
        self.message.setStyleSheet("")
        self.message.setText(text)
        self._update()
        task.start(synchronous=self.synchronous)

    def _current(self) -> bool:
        """Whether the signal comes from the run still wanted (not one stopped meanwhile)."""
        return self.sender() is self._task and self._task is not None

    def _end_run(self) -> None:
        self._task = None
        self._update()
        self.searchFinished.emit()

    def _found(self, setup: Any) -> None:
        if not self._current():
            return
        self.setup = setup
        self.message.clear()
        self._show_setup(setup)
        self._end_run()

    def _failed(self, message: str) -> None:
        if not self._current():
            return
        self._end_run()
        self._error(self.tr("Could not connect: {0}").format(message))

    def _cancelled(self) -> None:
        if self._current():
            self._end_run()

    def cancel_search(self) -> None:
        task = self._task
        if task is None:
            return
        task.cancel()  # the request in flight ends on its own; its answer is ignored
        self._task = None
        self.message.setText(self.tr("Stopped."))
        self._update()
        self.searchFinished.emit()

    def _error(self, text: str) -> None:
        self.message.setStyleSheet(f"color: {error_colour(self)}")
        self.message.setText(text)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        name = self.name.text().strip()
        url, user, password = self._entered()
        if not name:
            self._error(self.tr("Name: give the account a name, e.g. home."))
            return
        taken = {a.name for a in accounts.accounts(self.db)}
        if self.existing is None and name in taken:
            self._error(self.tr("Name: there is already a sync account named {0}.").format(name))
            return
        try:
            accounts.check_url(url)
        except ValueError as exc:
            self._error(self.tr("Server URL: {0}").format(str(exc)))
            return
        if not user:
            self._error(self.tr("User name: the server needs one."))
            return
        if self.setup is None and not self._unchanged_server():
            self._error(self.tr("Connect first, so netdesk can find the address book."))
            return
        passwords = AskingPasswords(self, self.passwords, self._locked_text("save"))
        if not self.secure:
            password = ""  # nothing to keep it in: asked at each sync, as the note says
        try:
            if self.existing is None:
                assert self.setup is not None
                kept = use_cases.add_sync_account(
                    self.db,
                    passwords,
                    name,
                    url=url,
                    username=user,
                    password=password,
                    setup=self.setup,
                    interval_minutes=self.interval.value(),
                )
            else:
                kept = use_cases.update_sync_account(
                    self.db,
                    passwords,
                    name,
                    url=url,
                    username=user,
                    password=password,
                    setup=self.setup,
                    interval_minutes=self.interval.value(),
                )
        except KeyringLocked:
            self._error(self.tr("Password: not saved, the keyring stayed locked."))
            return
        except PasswordStoreError as exc:
            self._error(self.tr("Password: {0}").format(str(exc)))
            return
        except (ValueError, LookupError) as exc:
            self._error(self.tr("Could not save the account: {0}").format(str(exc)))
            return
        if password and not kept:  # the keyring went away meanwhile
            self.secure = False
            self.storage_note.setText(self._storage_text())
        self.accept()

    def reject(self) -> None:
        self.cancel_search()
        super().reject()
