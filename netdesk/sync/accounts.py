"""Sync accounts: adding one (discovery included), listing, looking up and removing them.

The account row holds where to sync; the password is only ever handed to netdesk.system.secrets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from sqlalchemy import delete, select

from netdesk.store.db import Database
from netdesk.store.sync_models import Account, SyncConflict, SyncState, TaskState
from netdesk.sync.davxml import ADDRESSBOOK_NAME, TASKS_NAME, DavError, Discovery
from netdesk.sync.report import SyncError

if TYPE_CHECKING:
    from netdesk.sync.dav import DavClient


@dataclass(frozen=True)
class Setup:
    """What discovery found for a new account, and the collections it will sync with."""

    discovery: Discovery
    addressbook_url: str
    calendar_url: str

    @property
    def can_create_addressbook(self) -> bool:
        """No address book yet, but the server said where one may be made."""
        return not self.addressbook_url and bool(self.discovery.addressbook_home)

    @property
    def can_create_calendar(self) -> bool:
        return not self.calendar_url and bool(self.discovery.calendar_home)


def check_url(url: str) -> str:
    """The server URL, refused when it could not work or would put a password on disk."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an http:// or https:// address")
    if parts.password is not None:
        raise ValueError("the URL must not contain a password (it is kept in the keyring)")
    try:
        _ = parts.port
    except ValueError:
        raise ValueError(f"{url!r} has a port that is not a number") from None
    return url.strip()


def plain_http(url: str) -> bool:
    """True when the password would cross a network unencrypted (http:// to another host)."""
    parts = urlsplit(url)
    return parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1", "::1")


def discover(
    url: str, username: str, password: str, *, create: bool = True, client: DavClient | None = None
) -> Setup:
    """Find the address book and task calendar at ``url``, creating them when allowed."""
    setup = _collections(url, username, password, create=create, client=client)
    if not setup.addressbook_url and not setup.calendar_url:
        hint = "" if create else " (add --create to make them)"
        raise SyncError(f"no address book or task calendar found at {check_url(url)}{hint}")
    return setup


def find_collections(
    url: str, username: str, password: str, *, client: DavClient | None = None
) -> Setup:
    """What is at ``url`` without changing anything on the server: "" for a missing collection.

    The window shows this first and offers to create what is missing (create_collections).
    """
    return _collections(url, username, password, create=False, client=client)


def _client(url: str, username: str, password: str) -> DavClient:
    # Loaded when an account is set up: the window lists accounts at start-up without the HTTP
    # client (httpx, ~9 MB and ~40 ms).
    from netdesk.sync.dav import DavClient

    return DavClient(url, username, password)


def _collections(
    url: str, username: str, password: str, *, create: bool, client: DavClient | None
) -> Setup:
    url = check_url(url)
    own = client is None
    dav = client or _client(url, username, password)
    try:
        found = dav.discover()
        book, calendar = dav.choose_collections(found, create=create)
    except DavError as exc:
        raise SyncError(str(exc)) from exc
    finally:
        if own:
            dav.close()
    return Setup(found, book, calendar)


def create_collections(
    url: str,
    username: str,
    password: str,
    setup: Setup,
    *,
    addressbook: bool = True,
    calendar: bool = True,
    client: DavClient | None = None,
) -> Setup:
    """Create the missing address book and/or task calendar (VTODO only) found by discovery."""
    url = check_url(url)
    own = client is None
    dav = client or _client(url, username, password)
    book, tasks = setup.addressbook_url, setup.calendar_url
    try:
        if addressbook and not book:
            home = setup.discovery.addressbook_home
            if not home:
                raise SyncError(f"{url} does not say where a new address book may be made")
            book = urljoin(home, ADDRESSBOOK_NAME)
            dav.create_addressbook(book)
        if calendar and not tasks:
            home = setup.discovery.calendar_home
            if not home:
                raise SyncError(f"{url} does not say where a new task calendar may be made")
            tasks = urljoin(home, TASKS_NAME)
            dav.create_task_calendar(tasks)
    except DavError as exc:
        raise SyncError(str(exc)) from exc
    finally:
        if own:
            dav.close()
    return replace(setup, addressbook_url=book, calendar_url=tasks)


def _check_interval(minutes: int) -> None:
    if minutes < 0:
        raise ValueError("the sync interval cannot be negative (0 syncs only on demand)")


def add_account(
    db: Database, name: str, url: str, username: str, setup: Setup, *, interval_minutes: int = 30
) -> Account:
    if not name.strip():
        raise ValueError("an account needs a name")
    _check_interval(interval_minutes)
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


def update_account(
    db: Database,
    name: str,
    *,
    url: str,
    username: str,
    interval_minutes: int,
    setup: Setup | None = None,
) -> Account:
    """Change where and how often an account syncs.

    ``setup`` (a fresh discovery) is needed when the URL or user changes. When it points at other
    collections than before, what netdesk remembered of the old ones is dropped, so the next
    sync starts as the first one did: it merges both sides and deletes nothing.
    """
    _check_interval(interval_minutes)
    url = check_url(url)
    account = get_account(db, name)
    moved = url != account.url or username != account.username
    if moved and setup is None:
        raise ValueError("a new server URL or user name needs a new discovery")
    with db.session() as session:
        row = session.get(Account, account.id)
        if row is None:
            raise LookupError(f"no sync account named {name!r}")
        row.url, row.username, row.interval_minutes = url, username, interval_minutes
        if setup is not None and (
            (setup.addressbook_url, setup.calendar_url) != (row.addressbook_url, row.calendar_url)
        ):
            row.addressbook_url = setup.addressbook_url
            row.calendar_url = setup.calendar_url
            row.sync_token = None
            session.execute(delete(SyncState).where(SyncState.account_id == row.id))
            session.execute(delete(TaskState).where(TaskState.account_id == row.id))
        session.flush()
        return row


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
    "create_collections",
    "discover",
    "find_collections",
    "get_account",
    "open_conflicts",
    "plain_http",
    "remove_account",
    "update_account",
]
