"""A backup at the end of every window session that changed data, named so none overwrites
another, and backups described by date and what they hold."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.backups import BackupManager
from netdesk.store.db import open_database
from netdesk.ui.shell.lifecycle import Lifecycle, start_window
from netdesk.ui.shell.startup import describe_backup
from tests.window_launch import launch_settings  # noqa: F401  (the settings fixture)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "netdesk.sqlite"
    db = open_database(path)
    ids = [ContactBook(db).create(ContactData(full_name=n)) for n in ("Ana", "Bruno", "Carla")]
    EventBook(db).create("Breakfast", date=dt.date(2026, 11, 30))
    FollowUps(db).add(ids[0], "thank_you", due=dt.date(2026, 12, 5))
    FollowUps(db).add(ids[1], "call", status="done", done_date=dt.date(2026, 12, 1))
    db.close()
    return path


def launch(db_path: Path, settings: QSettings, qtbot: QtBot) -> Lifecycle:
    started = start_window(db_path, None, settings=settings)
    assert isinstance(started, Lifecycle)
    qtbot.addWidget(started.window)
    qtbot.waitUntil(lambda: started.window.is_ready, timeout=20000)
    if started.backup is not None:
        started.backup.join(30)
    return started


def sessions(db_path: Path) -> list[Path]:
    return [i.path for i in BackupManager(db_path).list() if i.reason == "session"]


def test_a_session_that_changed_data_leaves_a_backup_and_one_that_did_not_does_not(
    db_path: Path, settings: QSettings, qtbot: QtBot
) -> None:
    first = launch(db_path, settings, qtbot)
    first.close()
    assert sessions(db_path) == []  # looked, changed nothing

    for name in ("Diego", "Elena"):
        second = launch(db_path, settings, qtbot)
        second.window.book.create(ContactData(full_name=name))
        second.window.contactsChanged.emit()  # what the window's own edits emit
        second.close()
    made = sessions(db_path)
    assert len(made) == 2 and len(set(made)) == 2  # two sessions, two files, none overwritten
    newest = BackupManager(db_path).list()[0]
    assert newest.reason == "session"
    assert (newest.contacts, newest.events, newest.follow_ups) == (5, 1, 1)


def test_backups_are_described_by_date_and_content(db_path: Path, tmp_path: Path) -> None:
    backup = BackupManager(db_path).create("manual")
    text = describe_backup(backup)
    assert backup.name in text
    assert "(contacts: 3, events: 1, planned follow-ups: 1)" in text
    listed = subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db_path), "backups", "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    [entry] = json.loads(listed.stdout)
    assert (entry["contacts"], entry["events"], entry["follow_ups"]) == (3, 1, 1)
