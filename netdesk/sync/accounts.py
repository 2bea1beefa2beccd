"""Sync accounts: adding one (discovery included), listing, looking up and removing them.

The account row holds where to sync; the password is only ever handed to netdesk.secrets.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select

from netdesk.store.db import Database
from netdesk.store.sync_models import Account, SyncConflict
from netdesk.sync.dav import DavClient, DavError, Discovery
from netdesk.sync.report import SyncError


@dataclass(frozen=True)
class Setup:
    """What discovery found for a new account, and the collections it will sync with."""

    discovery: Discovery
    addressbook_url: str
    calendar_url: str


def check_url(url: str) -> str:
    """The server URL, refused when it could not work or would put a password on disk."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an http:// or https:// address")
    if parts.password is not None:
        raise ValueError("the URL must not contain a password (it is kept in the keyring)")
    return url.strip()


def plain_http(url: str) -> bool:
    """True when the password would cross a network unencrypted (http:// to another host)."""
    parts = urlsplit(url)
    return parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1", "::1")


def discover(
    url: str, username: str, password: str, *, create: bool = True, client: DavClient | None = None
) -> Setup:
    """Find the address book and task calendar at ``url``, creating them when allowed."""
    url = check_url(url)
    own = client is None
    dav = client or DavClient(url, username, password)
    try:
        found = dav.discover()
        book, calendar = dav.choose_collections(found, create=create)
    except DavError as exc:
        raise SyncError(str(exc)) from exc
    finally:
        if own:
            dav.close()
    if not book and not calendar:
        hint = "" if create else " (add --create to make them)"
        raise SyncError(f"no address book or task calendar found at {url}{hint}")
    return Setup(found, book, calendar)


def add_account(
    db: Database, name: str, url: str, username: str, setup: Setup, *, interval_minutes: int = 30
) -> Account:
    if not name.strip():
        raise ValueError("an account needs a name")
    if interval_minutes < 1:
        raise ValueError("the sync interval must be at least one minute")
    url = check_url(url)
    with db.session() as session:
        if session.scalar(select(Account.id).where(Account.name == name)) is not None:
            raise ValueError(f"there is already a sync account named {name!r}")
        account = Account(
            name=name,
            url=url,
            username=username,
            addressbook_url=setup.addressbook_url,
            calendar_url=setup.calendar_url,
            interval_minutes=interval_minutes,
        )
        session.add(account)
        session.flush()
        return account


def accounts(db: Database) -> list[Account]:
    with db.session() as session:
        return list(session.scalars(select(Account).order_by(Account.name)))


def get_account(db: Database, name: str) -> Account:
    with db.session() as session:
        account = session.scalar(select(Account).where(Account.name == name))
    if account is None:
        raise LookupError(f"no sync account named {name!r}")
    return account


def remove_account(db: Database, name: str) -> None:
    """Forget the account and its sync state (the cards on the server stay)."""
    account = get_account(db, name)
    with db.session() as session:
        row = session.get(Account, account.id)
        if row is not None:
            session.delete(row)


def open_conflicts(db: Database, account_id: int | None = None) -> list[SyncConflict]:
    stmt = select(SyncConflict).order_by(SyncConflict.id)
    if account_id is not None:
        stmt = stmt.where(SyncConflict.account_id == account_id)
    with db.session() as session:
        return list(session.scalars(stmt))


__all__ = [
    "Setup",
    "accounts",
    "add_account",
    "check_url",
    "discover",
    "get_account",
    "open_conflicts",
    "plain_http",
    "remove_account",
]
