"""The window open on a database while every command-line command runs against it.

A process that opens and closes a descriptor of the database file, or of its ``-wal``/``-shm``,
drops all its SQLite locks on it; the next command to close its connection then thinks it is
the last one, checkpoints and deletes the WAL under the window, and the window's next write
corrupts the file. These tests start the window through the real launch path (first paint, the
integrity check, the daily backup on their threads), run each command in its own process, and
check after every one that the window still holds the live ``-wal`` and ``-shm``, then that the
window writes and reads back, and that the file is sound with nothing lost.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.backups import BackupManager, quick_check
from netdesk.store.db import open_database
from netdesk.ui.shell.lifecycle import Lifecycle, start_window
from tests.window_launch import launch_settings  # noqa: F401  (the settings fixture)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PEOPLE = ["Ana García", "Bruno Díaz", "Carla Núñez", "Diego Ruiz", "Elena Soto"]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "netdesk.sqlite"
    db = open_database(path)
    book = ContactBook(db)
    followups = FollowUps(db)
    for name in PEOPLE:
        email = EmailAddress(f"{name[:3].lower()}@x.test")
        contact = book.create(ContactData(full_name=name, emails=[email]))
        followups.add(contact, "call", due=dt.date.today())
    db.close()
    return path


@pytest.fixture
def launched(db_path: Path, settings: QSettings, qtbot: QtBot) -> Iterator[Lifecycle]:
    launch = start_window(db_path, None, settings=settings)
    assert isinstance(launch, Lifecycle)
    qtbot.addWidget(launch.window)
    qtbot.waitUntil(lambda: launch.window.is_ready, timeout=20000)
    if launch.backup is not None:
        launch.backup.join(30)
    yield launch
    launch.close()


def held_database_files(db_path: Path) -> dict[str, bool]:
    """This process's open descriptors on the database's files: name → still linked."""
    held: dict[str, bool] = {}
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        name = target.removesuffix(" (deleted)")
        if name.startswith(str(db_path)):
            suffix = name[len(str(db_path)) :]
            held[suffix] = held.get(suffix, True) and not target.endswith("(deleted)")
    return held


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    for kind in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"XDG_{kind}_HOME"] = str(tmp_path / f"xdg-{kind.lower()}")
    return env


def names_in(db_path: Path) -> set[str]:
    with closing(sqlite3.connect(db_path)) as conn:
        return {r[0] for r in conn.execute("SELECT full_name FROM contact")}


pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the window's descriptors from /proc"
)


def test_every_command_beside_the_open_window_leaves_its_database_whole(
    launched: Lifecycle, db_path: Path, tmp_path: Path, radicale: Any, qtbot: QtBot
) -> None:
    window = launched.window
    # What the window does on its own while open, in its own process: the check, a backup.
    assert quick_check(db_path) is None
    BackupManager(db_path).create("manual")
    window.book.create(ContactData(full_name="Typed before the commands"))
    assert held_database_files(db_path) == {"": True, "-wal": True, "-shm": True}

    env = cli_env(tmp_path)
    ids = {name: i + 1 for i, name in enumerate(PEOPLE)}
    batch: list[int] = []
    outputs: dict[str, str] = {}

    def run(*args: str, stdin: str = "", ok: bool = True) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "netdesk", "--db", str(db_path), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert "Traceback" not in done.stderr, done.stderr
        if ok:
            assert done.returncode == 0, (args, done.stderr)
        else:
            assert done.returncode != 0, args
        # The window's process still holds its own live -wal and -shm after every command.
        assert held_database_files(db_path) == {"": True, "-wal": True, "-shm": True}, args
        outputs[args[0]] = done.stdout
        return done.stdout

    run("contacts")
    assert len(json.loads(run("contacts", "--json"))) == len(PEOPLE) + 1
    run("contacts", "--search", "Ana")
    due = json.loads(run("due", "--json", "--days", "30"))
    followup_ids = [item["id"] for item in due]
    assert len(followup_ids) == len(PEOPLE)
    run("due")
    run("done", str(followup_ids[0]), "--note", "called from the terminal")
    run("snooze", "--days", "3", str(followup_ids[1]))
    run("skip", str(followup_ids[2]))
    run("agenda", "--ics", str(tmp_path / "agenda.ics"))
    run("cadence", "--tier", "A", str(ids["Ana García"]))
    imported = json.loads(
        run(
            "import",
            str(FIXTURES / "breakfast.vcf"),
            "--event",
            "Terminal breakfast",
            "--event-date",
            "2026-11-19",
            "--json",
        )
    )
    batch.append(int(imported["batch_id"]))
    assert imported["created"] > 0
    run("import", str(FIXTURES / "breakfast.vcf"), "--dry-run")
    run("imports")
    run("imports", "--json")
    for fmt in ("vcard", "vcard4", "csv"):
        run("export", "--format", fmt, "--output", str(tmp_path / f"out.{fmt}"))
    run("event", "add", "Terminal lunch", "--date", "2026-11-10", "--cost", "30", "--hours", "2")
    run("events")
    run("events", "--json", "--ranked")
    run("referral", "add", "--direction", "given", "--contact", "Ana García", "--to", "Bruno")
    run("referrals", "--json")
    report = str(tmp_path / "r.html")
    run("report", "--from", "2026-01-01", "--to", "2026-12-31", "--output", report)
    run("backup")
    run("backups", "--json")
    run("check")
    run("check", "--full")
    run("dedupe", "--dry-run")
    run("dedupe")
    run("conflicts", "--json")
    run("undo-import", str(batch[0]))
    restore_point = tmp_path / "point.sqlite"
    run("backup", "--output", str(restore_point))
    run("restore", "--yes", str(restore_point))
    run(
        *("account", "add", "home", "--url", radicale.url, "--username", radicale.username),
        "--password-stdin",
        stdin=radicale.password + "\n",
    )
    run("accounts", "--json")
    run("sync", "--password-stdin", stdin=radicale.password + "\n")
    run("resolve", "999", "--keep", "local", ok=False)
    run("account", "remove", "home")

    # The window writes, then reads back what it and the command line wrote.
    window.book.create(ContactData(full_name="Typed after the commands"))
    window.refresh()
    expected = {*PEOPLE, "Typed before the commands", "Typed after the commands"}
    qtbot.waitUntil(lambda: window.model.total == len(expected), timeout=5000)
    assert {c.full_name for c in window.book.summaries()} == expected
    assert FollowUps(window.db).get(followup_ids[0]).status == "done"
    assert {e.name for e in EventBook(window.db).list()} >= {"Terminal lunch"}
    launched.close()

    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert names_in(db_path) == expected


def test_window_command_line_and_sync_writing_together_lose_nothing(
    launched: Lifecycle, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    """A bounded stress run: the window types contacts, command-line processes import and mark
    follow-ups done, and a sync-like writer thread updates rows through its own connection, all
    at once, while the window keeps its own checks and backups going."""
    window = launched.window
    env = cli_env(tmp_path)
    stop = threading.Event()
    errors: list[str] = []
    writer_rows: list[str] = []

    def sync_like_writer() -> None:
        # A separate connection in this process, as the sync engine's thread has.
        db = open_database(db_path)
        book = ContactBook(db)
        try:
            i = 0
            while not stop.is_set() and i < 60:
                name = f"From the server {i}"
                book.create(ContactData(full_name=name))
                writer_rows.append(name)
                i += 1
                time.sleep(0.02)
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            db.close()

    thread = threading.Thread(target=sync_like_writer)
    thread.start()
    processes: list[subprocess.Popen[str]] = []
    for i in range(3):
        card = tmp_path / f"cli-{i}.vcf"
        card.write_text(
            "".join(
                f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Terminal {i}-{j}\r\n"
                f"EMAIL:t{i}-{j}@cli.test\r\nEND:VCARD\r\n"
                for j in range(20)
            ),
            encoding="utf-8",
        )
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "netdesk", "--db", str(db_path), "import", str(card)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    typed = []
    deadline = time.monotonic() + 60
    for i in range(40):
        if time.monotonic() > deadline:
            break
        name = f"Typed in the window {i}"
        window.book.create(ContactData(full_name=name))
        typed.append(name)
        if i % 10 == 0:
            assert quick_check(db_path) is None  # what the window's own check does
            BackupManager(db_path).create("manual")
        qtbot.wait(10)
    for process in processes:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert "Traceback" not in err
    stop.set()
    thread.join(60)
    assert errors == []
    assert held_database_files(db_path) == {"": True, "-wal": True, "-shm": True}
    window.book.create(ContactData(full_name="Last word from the window"))
    launched.close()

    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    stored = names_in(db_path)
    terminal = {f"Terminal {i}-{j}" for i in range(3) for j in range(20)}
    for expected in (set(PEOPLE), set(typed), set(writer_rows), terminal):
        assert expected <= stored
    assert "Last word from the window" in stored


def test_window_command_line_and_a_real_sync_together_lose_nothing(
    launched: Lifecycle, db_path: Path, tmp_path: Path, qtbot: QtBot, radicale: Any
) -> None:
    """The same bounded stress run with the real sync engine on its own thread: it downloads
    cards another device put on a real Radicale and uploads what the window and the command
    line write, round after round, while they write."""
    from netdesk.store.sync_models import Account
    from netdesk.sync import accounts
    from netdesk.sync.engine import SyncEngine

    window = launched.window
    env = cli_env(tmp_path)
    setup = accounts.discover(radicale.url, radicale.username, radicale.password)
    with closing(open_database(db_path)) as db:  # type: ignore[type-var]
        accounts.add_account(db, "home", radicale.url, radicale.username, setup)
    with radicale.client() as http:  # another device's cards, waiting on the server
        for i in range(30):
            card = (
                f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:other-{i}\r\nFN:From the server {i}\r\n"
                "END:VCARD\r\n"
            )
            response = http.put(
                f"{setup.addressbook_url}other-{i}.vcf",
                content=card,
                headers={"Content-Type": "text/vcard"},
            )
            assert response.status_code == 201
    stop = threading.Event()
    errors: list[str] = []
    rounds: list[int] = []

    def syncing() -> None:
        db = open_database(db_path)
        try:
            while not stop.is_set() and len(rounds) < 8:
                with db.session() as session:
                    account = session.query(Account).filter_by(name="home").one()
                    session.expunge(account)
                with SyncEngine(db, account, radicale.password) as engine:
                    report = engine.sync()
                errors.extend(report.skipped)
                rounds.append(1)
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            db.close()

    thread = threading.Thread(target=syncing)
    thread.start()
    card = tmp_path / "cli.vcf"
    card.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Terminal {j}\r\nEND:VCARD\r\n" for j in range(20)
        ),
        encoding="utf-8",
    )
    process = subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db_path), "import", str(card)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    typed = []
    for i in range(25):
        name = f"Typed in the window {i}"
        window.book.create(ContactData(full_name=name))
        typed.append(name)
        qtbot.wait(15)
    stop.set()
    thread.join(120)
    assert process.returncode == 0, process.stderr
    assert errors == []
    assert rounds, "the sync never ran"
    # one last sync after everyone stopped writing: everything reaches the server
    last = open_database(db_path)
    with SyncEngine(last, accounts.get_account(last, "home"), radicale.password) as engine:
        assert engine.sync().skipped == []
    last.close()
    launched.close()
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    stored = names_in(db_path)
    server = {f"From the server {i}" for i in range(30)}
    for expected in (set(PEOPLE), set(typed), server, {f"Terminal {j}" for j in range(20)}):
        assert expected <= stored
    with radicale.client() as http:
        listing = http.request("PROPFIND", setup.addressbook_url, headers={"Depth": "1"}).text
    assert listing.count(".vcf") >= len(stored)  # every contact is on the server too
