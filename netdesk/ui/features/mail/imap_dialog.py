"""Add an IMAP account: checked by logging in (off the GUI thread) before it is kept; the
password goes to the keyring only."""

from __future__ import annotations

from collections.abc import Generator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from netdesk.app.mail_sources import MailSources, SourceError
from netdesk.mail import imap
from netdesk.ui.tasks import Task


def check_account(account: imap.ImapAccount, password: str) -> Generator[None, None, list[str]]:
    """Log in and list the folders a scan would read (a generator, to run as a Task)."""
    yield None
    client = imap.connect(account, password)
    try:
        return imap.folders_to_scan(client, [])
    except (OSError, imap.IMAPClientError) as exc:
        raise imap.ImapError(f"{account.where()}: {imap.describe(exc)}") from exc
    finally:
        imap.close(client)


class ImapAccountDialog(QDialog):
    def __init__(self, sources: MailSources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources = sources
        self.setWindowTitle(self.tr("Add an IMAP account"))
        self.setObjectName("imapAccountDialog")
        form = QFormLayout(self)
        self.name = QLineEdit(self.tr("Mail"))
        self.name.setObjectName("imapName")
        self.host = QLineEdit()
        self.host.setObjectName("imapHost")
        self.host.setPlaceholderText("imap.example.com")
        self.security = QComboBox()
        self.security.setObjectName("imapSecurity")
        self.security.addItem(self.tr("TLS (port 993)"), "tls")
        self.security.addItem(self.tr("STARTTLS (port 143)"), "starttls")
        self.port = QSpinBox()
        self.port.setObjectName("imapPort")
        self.port.setRange(1, 65535)
        self.port.setValue(993)
        self.security.currentIndexChanged.connect(self._default_port)
        self.username = QLineEdit()
        self.username.setObjectName("imapUser")
        self.password = QLineEdit()
        self.password.setObjectName("imapPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.folders = QLineEdit()
        self.folders.setObjectName("imapFolders")
        self.folders.setPlaceholderText(
            self.tr("INBOX and Sent are always read; more, with commas")
        )
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Server"), self.host)
        form.addRow(self.tr("S&ecurity"), self.security)
        form.addRow(self.tr("&Port"), self.port)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("Pass&word"), self.password)
        form.addRow(self.tr("More &folders"), self.folders)
        self.status = QLabel()
        self.status.setObjectName("imapStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.task: Task | None = None
        self.synchronous = False  # tests run the check inline

    def _default_port(self) -> None:
        if self.port.value() in imap.DEFAULT_PORTS.values():
            self.port.setValue(imap.DEFAULT_PORTS[str(self.security.currentData())])

    def account(self) -> imap.ImapAccount:
        return imap.ImapAccount(
            self.host.text().strip(),
            self.port.value(),
            str(self.security.currentData()),
            self.username.text().strip(),
        )

    def check(self) -> None:
        """Log in off the GUI thread; keep the account only when the server says yes."""
        missing = [
            label
            for label, edit in (
                (self.tr("name"), self.name),
                (self.tr("server"), self.host),
                (self.tr("user name"), self.username),
                (self.tr("password"), self.password),
            )
            if not edit.text().strip()
        ]
        if missing:
            self.status.setText(self.tr("Fill in: {0}.").format(", ".join(missing)))
            return
        if any(s.name == self.name.text().strip() for s in self.sources.all()):
            self.status.setText(self.tr("There is already an account with this name."))
            return
        account, password = self.account(), self.password.text()
        self.status.setText(self.tr("Logging in to {0}…").format(account.where()))
        self.buttons.setEnabled(False)
        task = Task(lambda: check_account(account, password), self)
        task.succeeded.connect(self._checked)
        task.failed.connect(self._failed)
        self.task = task
        task.start(self.synchronous)

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(message)

    def _checked(self, folders: object) -> None:
        from netdesk.app.accounts import add_mail_account
        from netdesk.system.secrets import PasswordStore, PasswordStoreError

        self.buttons.setEnabled(True)
        name = self.name.text().strip()
        extra = [f.strip() for f in self.folders.text().split(",") if f.strip()]
        account = self.account()
        try:  # without a keyring the password is asked for at each scan instead
            add_mail_account(
                self.sources.db,
                PasswordStore(),
                name,
                host=account.host,
                username=account.username,
                password=self.password.text(),
                port=account.port,
                security=account.security,
                folders=extra,
            )
        except (PasswordStoreError, SourceError, ValueError) as exc:
            self.status.setText(str(exc))
            return
        self.found_folders = list(folders) if isinstance(folders, list) else []
        self.accept()
