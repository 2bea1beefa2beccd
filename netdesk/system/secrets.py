"""Sync passwords in the operating system's keyring, never anywhere else.

``keyring`` on its own blurs three situations the user must tell apart: a password that was never
saved, a keyring that is locked (unlock it and ask again) and a machine with no secure storage at
all (then netdesk asks for the password at every sync). :class:`PasswordStore` keeps them apart
and refuses backends that would write the password to a plain file.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

SERVICE = "netdesk"

# Backends by module, in words a settings screen can show.
_DESCRIPTIONS = {
    "keyring.backends.SecretService": "GNOME Keyring (Secret Service)",
    "keyring.backends.libsecret": "GNOME Keyring (libsecret)",
    "keyring.backends.kwallet": "KDE Wallet",
    "keyring.backends.macOS": "macOS Keychain",
    "keyring.backends.Windows": "Windows Credential Manager",
}


class PasswordStoreError(Exception):
    """The keyring failed in a way that is neither "locked" nor "missing"; the message says how."""


class KeyringLocked(PasswordStoreError):
    """The keyring exists but is locked and was not unlocked: unlock it and ask again."""


class NoSecureStorage(PasswordStoreError):
    """No secure password storage on this machine; the password must be typed at each use."""


def _insecure(backend: KeyringBackend) -> bool:
    """True for backends that store nothing, fail on every call or write plain text."""
    if isinstance(backend, fail.Keyring | null.Keyring):
        return True
    if isinstance(backend, chainer.ChainerBackend):
        viable = [b for b in backend.backends if not _insecure(b)]
        return not viable
    name = type(backend).__name__.lower()
    return "plaintext" in name or type(backend).__module__.startswith("keyrings.alt.file")


def _label(backend: KeyringBackend) -> str:
    module = type(backend).__module__
    for prefix, text in _DESCRIPTIONS.items():
        if module.startswith(prefix):
            return text
    return str(getattr(backend, "name", type(backend).__name__))


class PasswordStore:
    """Passwords of sync accounts, one keyring entry per account name under service "netdesk".

    ``backend`` pins a keyring backend (tests, the Secret Service check); by default the one
    ``keyring`` chose, looked up at every call so ``keyring.set_keyring`` takes effect at once.
    """

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._pinned = backend
        self.service = service

    def backend(self) -> KeyringBackend:
        """The backend in use; raises NoSecureStorage when it is not a secure one."""
        backend = self._pinned if self._pinned is not None else keyring.get_keyring()
        if _insecure(backend):
            raise NoSecureStorage(
                "no secure password storage (keyring) is available on this computer"
            )
        return backend

    def available(self) -> bool:
        try:
            self.backend()
        except NoSecureStorage:
            return False
        return True

    def get(self, account: str) -> str | None:
        """The saved password, or None when none is saved for ``account``."""
        backend = self.backend()
        try:
            return backend.get_password(self.service, account)
        except Exception as exc:
            raise _translate(exc, "read") from exc

    def set(self, account: str, password: str) -> None:
        if not password:
            raise ValueError("an empty password cannot be saved")
        backend = self.backend()
        try:
            backend.set_password(self.service, account, password)
        except Exception as exc:
            raise _translate(exc, "save") from exc

    def delete(self, account: str) -> bool:
        """Forget the password; False when there was none to forget."""
        if self.get(account) is None:
            return False
        backend = self.backend()
        try:
            backend.delete_password(self.service, account)
        except Exception as exc:
            raise _translate(exc, "delete") from exc
        return True

    def describe(self) -> str:
        """Where passwords are kept, in words for the settings screen."""
        try:
            backend = self.backend()
        except NoSecureStorage:
            return "Nowhere: no secure storage is available, so netdesk asks at every sync"
        if isinstance(backend, chainer.ChainerBackend):
            labels = [_label(b) for b in backend.backends if not _insecure(b)]
            return labels[0] if len(labels) == 1 else " / ".join(labels)
        return _label(backend)


def _translate(exc: Exception, action: str) -> PasswordStoreError:
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringLocked(f"the keyring is locked: unlock it to {action} the password")
    if isinstance(exc, keyring.errors.NoKeyringError):
        return NoSecureStorage("no secure password storage (keyring) is available")
    if isinstance(exc, PasswordStoreError):
        return exc
    reason = str(exc).strip() or type(exc).__name__
    return PasswordStoreError(f"cannot {action} the password in the keyring: {reason}")


__all__ = ["SERVICE", "KeyringLocked", "NoSecureStorage", "PasswordStore", "PasswordStoreError"]
