"""Back up, restore (undoable), a damaged database at start-up, one instance per database."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData
from netdesk.store.backups import BackupManager
from netdesk.store.db import Database, open_database
from netdesk.ui.shell import window_extras
from netdesk.ui.shell.main_window import MainWindow
from netdesk.ui.shell.single_instance import (
    InstanceServer,
    hand_over,
    may_be_running,
    temp_path,
)
from netdesk.ui.shell.startup import open_checked
from tests.ui.conftest import when_dialog_opens


def names(db: Database) -> list[str]:
    return [s.full_name for s in ContactBook(db).summaries()]


def test_restore_from_backup_and_undo_it(window: MainWindow, qtbot: QtBot, db: Database) -> None:
    book = ContactBook(db)
    book.create(ContactData(full_name="Before Backup"))
    window_extras.backup_now(window)
    assert len(BackupManager(db.path).list()) == 1
    book.create(ContactData(full_name="After Backup"))
    window.refresh()

    def act(dialog: QDialog) -> None:
        assert dialog.model.rowCount() == 1  # type: ignore[attr-defined]
        assert dialog.model.text(0, 2) == "1"  # type: ignore[attr-defined]
        dialog.accept()

    when_dialog_opens(qtbot, act)
    window.restore_action.trigger()
    assert names(db) == ["Before Backup"]
    assert window.model.rowCount() == 1
    window.undo_action.trigger()
    assert names(db) == ["After Backup", "Before Backup"]


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, min(len(data), page * 6)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_damaged_database_at_start_offers_the_newest_good_backup(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "netdesk.sqlite"
    db = open_database(path)
    book = ContactBook(db)
    for i in range(40):
        book.create(ContactData(full_name=f"Person {i}", note="x" * 400))
    BackupManager(path).create("manual")
    db.close()
    _damage(path)
    seen: dict[str, str] = {}

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen["text"] = dialog.text()
        dialog.findChild(QPushButton, "useBackup").click()  # type: ignore[union-attr]

    when_dialog_opens(qtbot, act)
    opened = open_checked(path)
    assert opened is not None
    assert "is damaged" in seen["text"]
    assert ContactBook(opened).count() == 40
    opened.close()


def test_damaged_database_can_continue_with_what_was_recovered(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No backup holds the newest contacts: what SQLite can still read of the damaged file is
    shown beside the backup, and the user takes it; the damaged file is kept aside. The
    recovery (seconds on a large file) runs on a worker thread."""
    import threading

    from netdesk.app import opening

    threads: list[threading.Thread] = []
    real_recover = opening.recover

    def recorded(db_path: Path) -> opening.Recovered | None:
        threads.append(threading.current_thread())
        return real_recover(db_path)

    monkeypatch.setattr(opening, "recover", recorded)
    path = tmp_path / "netdesk.sqlite"
    db = open_database(path)
    book = ContactBook(db)
    for i in range(10):
        book.create(ContactData(full_name=f"Backed up {i}"))
    BackupManager(path).create("manual")
    for i in range(300):
        book.create(ContactData(full_name=f"Newer {i:03d}", note="x" * 400))
    db.close()
    with closing(sqlite3.connect(path)) as conn:
        leaves = {
            int(r[0]) - 1  # dbstat numbers pages from 1
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'contact' AND pagetype = 'leaf'"
            )
        }
    data = bytearray(path.read_bytes())
    # one page of the newer contacts: the contact table's page that holds one of their rows
    # (the name is in other tables' pages too: the search index, the stored records)
    found = [m.start() // 4096 for m in re.finditer(b"Newer 150", data)]
    middle = next(page for page in found if page in leaves) * 4096
    data[middle : middle + 4096] = bytes([0xA5]) * 4096
    path.write_bytes(bytes(data))
    seen: dict[str, str] = {}

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen["text"] = dialog.text()
        dialog.findChild(QPushButton, "useRecovered").click()  # type: ignore[union-attr]

    when_dialog_opens(qtbot, act)
    opened = open_checked(path)
    assert opened is not None
    assert "Recovered from it: contacts: " in seen["text"]
    assert "Newest good backup: " in seen["text"] and "(contacts: 10," in seen["text"]
    recovered = ContactBook(opened).count()
    assert 250 < recovered < 310  # far more than the backup's 10; one page's rows lost at most
    opened.close()
    reasons = [b.reason for b in BackupManager(path).list()]
    assert "pre-restore" in reasons  # the damaged file, kept aside
    assert threads and threads[0] is not threading.main_thread()
    assert not list((tmp_path / "backups").glob(".recovered-*"))


def test_damaged_database_is_left_alone_when_the_user_declines(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "netdesk.sqlite"
    db = open_database(path)
    for i in range(40):
        ContactBook(db).create(ContactData(full_name=f"Person {i}", note="x" * 400))
    BackupManager(path).create("manual")
    db.close()
    _damage(path)
    damaged = path.read_bytes()

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Cancel).click()

    when_dialog_opens(qtbot, act)
    assert open_checked(path) is None
    assert path.read_bytes() == damaged


def test_daily_backup_on_start(tmp_path: Path) -> None:
    path = tmp_path / "netdesk.sqlite"
    open_database(path).close()
    first = open_checked(path)
    assert first is not None
    first.close()
    second = open_checked(path)
    assert second is not None
    second.close()
    assert [b.reason for b in BackupManager(path).list()] == ["daily"]


def test_a_second_launch_hands_its_files_to_the_first(tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "netdesk.sqlite"
    server = InstanceServer(path)
    received: list[Path] = []
    server.raiseRequested.connect(received.extend)
    card = tmp_path / "card.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:X\nEND:VCARD\n", encoding="utf-8")
    with qtbot.waitSignal(server.raiseRequested, timeout=3000):
        assert hand_over(path, [card])
    qtbot.waitUntil(lambda: received == [card.resolve()], timeout=3000)
    assert not hand_over(tmp_path / "other.sqlite", [])
    server.close()


@pytest.mark.parametrize(
    "tmpdir", ["", "{tmp}", "{tmp}/", "{tmp}//sub/..", "{tmp}/./a/../b/", "/tmp"]
)
def test_the_socket_folder_is_where_qt_puts_the_socket(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmpdir: str
) -> None:
    """temp_path() writes out QDir.tempPath() so the check before the first paint does not
    build QDir's type; both must name one folder, or a second launch opens a second window."""
    from PySide6.QtCore import QDir

    (tmp_path / "b").mkdir()
    value = tmpdir.format(tmp=tmp_path)
    if value:
        monkeypatch.setenv("TMPDIR", value)
    else:
        monkeypatch.delenv("TMPDIR", raising=False)
    assert temp_path() == QDir.tempPath()
    path = tmp_path / "netdesk.sqlite"
    assert not may_be_running(path)
    server = InstanceServer(path)
    try:
        assert may_be_running(path)  # the listening server's socket file is found
    finally:
        server.close()
    assert not may_be_running(path)
