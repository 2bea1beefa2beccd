"""Adding and removing accounts — CardDAV/CalDAV sync and IMAP mail — with their passwords, one
way for the window and the command line (#16: the two had been written twice, removing in
opposite orders).

- Adding: the name is checked first; then the password is kept in the keyring; then the
  account is stored. When storing fails the password is taken back out, so no secret is left
  for an account that does not exist. Without secure storage nothing is kept and the password
  is asked for at each sync or scan.
- Removing: the password first, then the account. An account left without its password (the
  keyring stayed locked, or the process stopped in between) is harmless — it asks at its next
  sync; a password left for an account that is gone is a secret nobody manages. The account is
  removed even when the password could not be: the caller is told why and where it stays.

``passwords`` is netdesk.system.secrets.PasswordStore, or the window's wrapper of it that asks
the user to unlock the keyring and retries.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Protocol

from netdesk.app.mail_sources import MailSources, password_key
from netdesk.store.sync_models import Account
from netdesk.sync import accounts as sync_accounts
from netdesk.system.secrets import NoSecureStorage, PasswordStoreError

if TYPE_CHECKING:
    from netdesk.store.db import Database
    from netdesk.sync.accounts import Setup


class Passwords(Protocol):
    def available(self) -> bool: ...
    def set(self, account: str, password: str) -> None: ...
    def delete(self, account: str) -> object: ...


class NameTaken(ValueError):
    """There is already an account of that kind with that name."""


def _keep(passwords: Passwords, key: str, password: str) -> bool:
    """Keep the password; False when there is no secure storage (then it is asked each time).
    Any other keyring error propagates: the account must not be added."""
    if not password:
        return False
    try:
        passwords.set(key, password)
    except NoSecureStorage:
        return False
    return True


def _take_back(passwords: Passwords, key: str) -> None:
    with suppress(PasswordStoreError):
        passwords.delete(key)


def add_sync_account(
    db: Database,
    passwords: Passwords,
    name: str,
    *,
    url: str,
    username: str,
    password: str,
    setup: Setup,
    interval_minutes: int = 0,
) -> bool:
    """Store a sync account whose collections were found (``setup``); True when its password
    was kept in the keyring."""
    if any(a.name == name for a in sync_accounts.accounts(db)):
        raise NameTaken(f"there is already a sync account named {name!r}")
    url = sync_accounts.check_url(url)
    kept = _keep(passwords, name, password)
    try:
        sync_accounts.add_account(db, name, url, username, setup, interval_minutes=interval_minutes)
    except BaseException:
        if kept:
            _take_back(passwords, name)
        raise
    return kept


def update_sync_account(
    db: Database,
    passwords: Passwords,
    name: str,
    *,
    url: str,
    username: str,
    password: str,
    setup: Setup | None,
    interval_minutes: int,
) -> bool:
    """Change a sync account; a new password (when given) is kept first. True when kept."""
    sync_accounts.get_account(db, name)  # LookupError before anything changes
    url = sync_accounts.check_url(url)
    kept = _keep(passwords, name, password)
    sync_accounts.update_account(
        db, name, url=url, username=username, interval_minutes=interval_minutes, setup=setup
    )
    return kept


def add_mail_account(
    db: Database,
    passwords: Passwords,
    name: str,
    *,
    host: str,
    username: str,
    password: str,
    port: int,
    security: str,
    folders: list[str],
) -> bool:
    """Store an IMAP account (checked by logging in before); True when its password was kept."""
    sources = MailSources(db)
    if any(s.name == name for s in sources.all()):
        raise NameTaken(f"there is already a mail account named {name!r}")
    key = password_key(name)
    kept = _keep(passwords, key, password)
    try:
        sources.add_imap(name, host, username, port=port, security=security, folders=folders)
    except BaseException:
        if kept:
            _take_back(passwords, key)
        raise
    return kept


def is_mail_account(db: Database, name: str) -> bool:
    return any(s.name == name for s in MailSources(db).all())


def remove_account(db: Database, passwords: Passwords, name: str) -> PasswordStoreError | None:
    """Remove the sync or mail account ``name`` (LookupError when there is none): its password
    first, then the account. Returns why the password is still in the keyring, or None."""
    mail = is_mail_account(db, name)
    if not mail:
        sync_accounts.get_account(db, name)  # LookupError before anything changes
    left: PasswordStoreError | None = None
    try:
        passwords.delete(password_key(name) if mail else name)
    except NoSecureStorage:
        pass  # nothing was ever kept
    except PasswordStoreError as exc:
        left = exc
    if mail:
        MailSources(db).remove(name)
    else:
        sync_accounts.remove_account(db, name)
    return left


__all__ = [
    "Account",
    "NameTaken",
    "Passwords",
    "add_mail_account",
    "add_sync_account",
    "is_mail_account",
    "remove_account",
    "update_sync_account",
]
