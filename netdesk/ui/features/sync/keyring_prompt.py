"""The keyring as the window uses it: a locked keyring is a question to the user (unlock it,
then Retry), not an error."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from netdesk.system.secrets import KeyringLocked, PasswordStore


def retry_after_unlock(parent: QWidget, text: str) -> bool:
    """Ask to unlock the keyring and try again; True for Retry."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("AccountForm", "Keyring locked"),
        text,
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Retry,
    )
    return answer == QMessageBox.StandardButton.Retry


def keyring_call(parent: QWidget, action: Callable[[], object], locked_text: str) -> bool:
    """Run a keyring action, asking to unlock and retry while the keyring is locked.

    False when the user gave up; other keyring failures propagate.
    """
    while True:
        try:
            action()
        except KeyringLocked:
            if not retry_after_unlock(parent, locked_text):
                return False
        else:
            return True


class AskingPasswords:
    """The keyring as the window uses it (netdesk.app.accounts.Passwords): while it is locked
    the user is asked to unlock it and the call is retried; KeyringLocked when they give up."""

    def __init__(self, parent: QWidget, store: PasswordStore, locked_text: str) -> None:
        self.parent = parent
        self.store = store
        self.locked_text = locked_text

    def available(self) -> bool:
        return self.store.available()

    def set(self, account: str, password: str) -> None:
        if not keyring_call(
            self.parent, lambda: self.store.set(account, password), self.locked_text
        ):
            raise KeyringLocked("the keyring stayed locked")

    def delete(self, account: str) -> object:
        if not keyring_call(self.parent, lambda: self.store.delete(account), self.locked_text):
            raise KeyringLocked("the keyring stayed locked")
        return True


__all__ = ["AskingPasswords", "keyring_call", "retry_after_unlock"]
