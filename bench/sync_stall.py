"""The event loop's largest stall while the window syncs with a real CardDAV/CalDAV server.

A Radicale process on 127.0.0.1 (its own port, storage and password file in a temp folder)
serves an account made on a netdesk database of ~2,000 contacts with their follow-ups. The
window syncs as F5 does (netdesk.ui.features.sync.sync_menu → netdesk.ui.tasks.Task on a worker
thread):
first the full upload, then an incremental sync after a few edits, while a 10 ms timer on the
GUI thread records the largest gap between its ticks.

    .venv/bin/python -m bench.sync_stall [contacts]
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

USER = "bench"
START_TIMEOUT = 20.0


class _MemoryKeyring(KeyringBackend):
    """The account's password for this run only; the user's keyring is never touched."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def radicale(root: Path) -> Iterator[tuple[str, str]]:
    """A Radicale server for this run: yields its URL and the user's password."""
    import httpx

    port, password = _free_port(), "pw-" + secrets.token_hex(8)
    users = root / "users"
    users.write_text(f"{USER}:{password}\n", encoding="utf-8")
    config = root / "config"
    config.write_text(
        "\n".join(
            [
                "[server]",
                f"hosts = 127.0.0.1:{port}",
                "[auth]",
                "type = htpasswd",
                f"htpasswd_filename = {users}",
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
    url = f"http://127.0.0.1:{port}/"
    with (root / "radicale.log").open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Radicale did not start: see " + str(root / "radicale.log"))
            try:
                httpx.get(url, timeout=1.0)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        yield url, password
    finally:
        process.kill()
        process.wait(timeout=10)


def _meter_class() -> type:
    from bench.loop_gaps import GapMeter

    class TracingMeter(GapMeter):
        """The gap meter, also noting when each gap over 30 ms ended (NETDESK_BENCH_TRACE)."""

        def __init__(self) -> None:
            super().__init__()
            self.gaps: list[tuple[float, float]] = []

        def tick(self) -> None:
            now = time.perf_counter()
            if now - self.last > 0.030:
                self.gaps.append((now, now - self.last))
            super().tick()

    return TracingMeter


def _until_shown(app: Any, window: Any) -> None:
    """Run the event loop until the window is painted, ready and its list counted.

    Without this the first sync's meter also timed the window's first paint (~35 ms on the
    GUI thread, at the meter's first tick), which is the window start's figure, not a sync's."""
    from PySide6.QtCore import QTimer

    deadline = time.monotonic() + START_TIMEOUT

    def check() -> None:
        if (window.is_ready and window.model.counted) or time.monotonic() > deadline:
            QTimer.singleShot(100, app.quit)  # and the paint that follows
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(20, check)
    app.exec()


@dataclass
class SyncStall:
    first_gap_ms: float
    first_seconds: float
    first_sent: int
    second_gap_ms: float
    second_seconds: float
    second_sent: int

    @property
    def largest_ms(self) -> float:
        return max(self.first_gap_ms, self.second_gap_ms)


def sync_stall(contacts: int = 2_000, workdir: Path | None = None) -> SyncStall:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from bench import datagen
    from bench.loop_gaps import dispose
    from netdesk.app.cadence import KeepInTouch
    from netdesk.app.contacts import ContactBook
    from netdesk.app.touchpoints import FollowUps
    from netdesk.sync import accounts
    from netdesk.system.secrets import PasswordStore
    from netdesk.ui.shell.app import responsive_threads, settle_heap
    from netdesk.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _TracingMeter = _meter_class()  # noqa: N806 - a class
    root = Path(tempfile.mkdtemp(prefix="netdesk-sync-", dir=workdir))
    # The server keeps its collections in memory when it can (/dev/shm): its disk flushes
    # are not what is measured, and on disk the first upload takes minutes rather than seconds.
    shm = Path("/dev/shm")
    server_root = Path(
        tempfile.mkdtemp(prefix="netdesk-radicale-", dir=shm if shm.is_dir() else root)
    )
    previous_keyring = keyring.get_keyring()
    keyring.set_keyring(_MemoryKeyring())
    today = dt.date.today()
    try:
        with radicale(server_root) as (url, password):
            db = datagen.build_database(root / "netdesk.sqlite", contacts, today)
            setup = accounts.discover(url, USER, password, create=True)
            accounts.add_account(db, "bench", url, USER, setup, interval_minutes=0)
            PasswordStore().set("bench", password)
            window = MainWindow(db, QSettings(str(root / "window.ini"), QSettings.Format.IniFormat))
            window.show()
            responsive_threads()  # as the window's application does (make_application)
            _until_shown(app, window)  # a user syncs a window already on screen
            settle_heap()  # as the running window does once it is ready
            from netdesk.ui.features.sync.sync_menu import SyncMenu

            menu = window.context.part("sync_menu", SyncMenu)

            def run_sync() -> tuple[float, float, int]:
                meter = _TracingMeter()
                outcome: dict[str, object] = {}
                started = time.perf_counter()

                def go() -> None:
                    menu.sync_now()
                    task = menu.task
                    assert task is not None, menu.status.text()
                    task.succeeded.connect(lambda reports: outcome.update(reports=reports))
                    task.failed.connect(lambda message: outcome.update(error=message))
                    # the window's own refresh after the sync runs first, then we stop
                    task.finished.connect(lambda: QTimer.singleShot(50, app.quit))

                meter.start()
                QTimer.singleShot(0, go)
                app.exec()
                meter.timer.stop()
                if os.environ.get("NETDESK_BENCH_TRACE"):
                    print(
                        f"  sync: {time.perf_counter() - started:.2f} s, gaps over 30 ms at "
                        f"{[(round(t - started, 2), round(g * 1000)) for t, g in meter.gaps]}",
                        file=sys.stderr,
                    )
                if "error" in outcome:
                    raise RuntimeError(f"sync failed: {outcome['error']}")
                reports = outcome["reports"]
                sent = sum(r.uploaded for r in reports)  # type: ignore[attr-defined]
                return meter.largest * 1000, time.perf_counter() - started, sent

            first = run_sync()
            # An ordinary day between syncs: a few contacts edited, a follow-up done.
            book, followups = ContactBook(db), FollowUps(db)
            for summary in book.summaries(limit=20):
                data = book.get(summary.id)
                data.note = (data.note + " (edited)").strip()
                book.update(summary.id, data)
            for item in followups.due(today, 30, limit=5):
                followups.mark_done(item.id, on=today)
            KeepInTouch(db).set_cadence(book.summaries(limit=1)[0].id, days=14)
            second = run_sync()
            dispose(window)
            db.close()
    finally:
        keyring.set_keyring(previous_keyring)
        shutil.rmtree(server_root, ignore_errors=True)
    return SyncStall(*first, *second)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    result = sync_stall(int(args[0]) if args else 2_000)
    print(json.dumps({**result.__dict__, "largest_ms": result.largest_ms}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
