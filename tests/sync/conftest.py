"""Sync fixtures: a real Radicale server on 127.0.0.1, netdesk "devices", an in-memory keyring.

Every test gets its own Radicale process, storage folder and htpasswd file under tmp_path, so
tests never share server state and nothing leaves the machine. Select them with ``-m sync``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

import netdesk.store.sync_models  # noqa: F401  (registers the sync tables on Base)
from netdesk.app.contacts import ContactBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database, open_database
from netdesk.store.sync_models import Account
from netdesk.sync import accounts
from netdesk.sync.dav import DavClient
from netdesk.sync.engine import SyncEngine
from netdesk.sync.report import SyncReport

START_TIMEOUT = 15.0
STOP_TIMEOUT = 5.0
USER = "alice"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sync: CardDAV/CalDAV sync tests against a local Radicale")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class RadicaleServer:
    """A Radicale process that can be killed and started again on the same port and storage."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port()
        self.username = USER
        self.password = "pw-" + secrets.token_hex(12)  # unique, so leak searches are meaningful
        self.url = f"http://127.0.0.1:{self.port}/"
        self.users = root / "users"
        self.users.write_text(f"{self.username}:{self.password}\n", encoding="utf-8")
        self.config = root / "config"
        self.config.write_text(
            "\n".join(
                [
                    "[server]",
                    f"hosts = 127.0.0.1:{self.port}",
                    "[auth]",
                    "type = htpasswd",
                    f"htpasswd_filename = {self.users}",
                    "htpasswd_encryption = plain",
                    "delay = 0",
                    "[rights]",
                    "type = owner_only",
                    "[storage]",
                    f"filesystem_folder = {root / 'collections'}",
                    "[web]",
                    "type = none",
                    "[logging]",
                    "level = warning",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        self.log = root / "radicale.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(self.config)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                httpx.get(self.url, timeout=1.0)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        self.stop()
        tail = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"Radicale did not start within {START_TIMEOUT} s:\n{tail}")

    def stop(self) -> None:
        """Stop the server at once (SIGKILL): what a crash or a pulled cable looks like."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):  # SIGKILL ignored: give up
                self.process.wait(timeout=STOP_TIMEOUT)
        self.process = None

    def client(self) -> httpx.Client:
        """A plain httpx client logged in as the test user: "another app" editing the server."""
        return httpx.Client(auth=(self.username, self.password), timeout=10.0)


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[RadicaleServer]:
    pytest.importorskip("radicale", reason="Radicale is needed for the sync tests")
    root = tmp_path / "radicale"
    root.mkdir()
    server = RadicaleServer(root)
    server.start()
    yield server
    server.stop()


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict: secure enough for tests, gone afterwards."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise PasswordDeleteError("no such password")
        del self.entries[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@dataclass
class Device:
    """One computer running netdesk: its own database, synced through the shared server."""

    name: str
    db: Database
    server: RadicaleServer
    account: str = "home"
    reports: list[SyncReport] = field(default_factory=list)

    @property
    def book(self) -> ContactBook:
        return ContactBook(self.db, region="ES")

    @property
    def followups(self) -> FollowUps:
        return FollowUps(self.db)

    def account_row(self) -> Account:
        return accounts.get_account(self.db, self.account)

    def engine(self, client: DavClient | None = None) -> SyncEngine:
        return SyncEngine(self.db, self.account_row(), self.server.password, client)

    def sync(self, client: DavClient | None = None) -> SyncReport:
        with self.engine(client) as engine:
            report = engine.sync()
        self.reports.append(report)
        return report

    def add(self, name: str, **fields: Any) -> int:
        return self.book.create(ContactData(full_name=name, **fields))

    def names(self) -> set[str]:
        return {s.full_name for s in self.book.summaries()}

    def id_of(self, name: str) -> int:
        ids = [s.id for s in self.book.summaries() if s.full_name == name]
        assert len(ids) == 1, f"{name!r} on {self.name}: {ids}"
        return ids[0]


@pytest.fixture
def make_device(tmp_path: Path, radicale: RadicaleServer) -> Iterator[Callable[..., Device]]:
    """Devices with a sync account on the test server (collections made by the first one)."""
    opened: list[Database] = []

    def make(name: str, *, url: str | None = None, create: bool = True) -> Device:
        db = open_database(tmp_path / f"{name}.sqlite")
        opened.append(db)
        setup = accounts.discover(
            url or radicale.url, radicale.username, radicale.password, create=create
        )
        accounts.add_account(db, "home", radicale.url, radicale.username, setup)
        return Device(name, db, radicale)

    yield make
    for db in opened:
        db.close()


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()
