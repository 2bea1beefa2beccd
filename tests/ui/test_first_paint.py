"""Start-up as users get it (start_window): the list painted from plain sqlite3 first, the rest
of the window right after; a database that needs migration or is damaged takes the usual path
or is offered the restore, as before."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData
from netdesk.store import migrate, session_mark
from netdesk.store.backups import BackupManager
from netdesk.store.db import SCHEMA_HEAD, open_database
from netdesk.ui.shell.lifecycle import Lifecycle, start_window
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import detail_shown, when_dialog_opens
from tests.window_launch import (
    fresh_process,
    launch_settings,  # noqa: F401  (the settings fixture)
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# In SQLite's NOCASE order (ASCII letters fold, É sorts after z), which the list uses.
NAMES = ["Ana García", "bruno Díaz", "Carla Núñez", "zoe Park", "Élodie Roux"]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "netdesk.sqlite"
    db = open_database(path)
    book = ContactBook(db)
    for i, name in enumerate(reversed(NAMES)):
        book.create(ContactData(full_name=name, organization=f"Org {i}", note="x" * 300))
    db.close()
    return path


@pytest.fixture
def launches(qtbot: QtBot) -> Iterator[list[Lifecycle]]:
    started: list[Lifecycle] = []
    yield started
    for launch in started:
        if launch.backup is not None:
            launch.backup.join(30)
        launch.close()


def start(
    db_path: Path,
    settings: QSettings,
    qtbot: QtBot,
    launches: list[Lifecycle],
    files: list[Path] | None = None,
) -> Lifecycle:
    launch = start_window(db_path, files, settings=settings)
    assert isinstance(launch, Lifecycle)
    qtbot.addWidget(launch.window)
    launches.append(launch)
    return launch


def listed(window: MainWindow) -> list[str]:
    return [window.model.index(r, 0).data() for r in range(window.model.rowCount())]


def menu_texts(window: MainWindow) -> dict[str, list[str]]:
    return {
        key: [a.text() for a in menu.actions() if not a.isSeparator()]
        for key, menu in window.menus.items()
    }


def test_the_list_is_painted_from_sqlite_then_the_window_is_completed(
    db_path: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle]
) -> None:
    launch = start(db_path, settings, qtbot, launches)
    window = launch.window
    assert launch.deferred is not None  # the fast path
    phases = [launch.phase]
    launch.deferred.painted.connect(lambda: phases.append(launch.phase))
    window.ready.connect(lambda: phases.append(launch.phase))
    # What the first paint shows: the right rows in order, the count, nothing half-built.
    assert listed(window) == NAMES
    assert window.count_label.text() == "5 contacts"
    assert window.stack.currentWidget() is window.table
    assert not window.is_ready and not window.model.attached
    assert window.views.count() == 1
    for action in (window.new_action, window.import_action, window.settings_action):
        assert not action.isEnabled()
    window.table.selectRow(1)
    assert not window.edit_action.isEnabled() and not window.delete_action.isEnabled()

    # `ready` is emitted a turn after is_ready is set (the reminders' first check runs
    # between), so wait for the signal itself, not the flag.
    qtbot.waitUntil(lambda: len(phases) == 3, timeout=10000)
    assert window.is_ready and window.model.attached
    assert phases == ["shell", "painted", "ready"] and launch.phase == "ready"
    assert listed(window) == NAMES
    assert window.selected_ids() == [window.model.contact_id(1)]  # kept, not reset
    detail_shown(qtbot, window)
    assert window.detail.heading.text() == "bruno Díaz"
    assert window.edit_action.isEnabled() and window.new_action.isEnabled()
    qtbot.waitUntil(lambda: launch.backup is not None, timeout=5000)
    assert launch.backup is not None
    launch.backup.join(30)
    assert [b.reason for b in BackupManager(db_path).list()] == ["daily"]

    # The same window as one built in one go: every view, menu and toolbar action.
    full = MainWindow(
        window.db, QSettings(str(db_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(full)
    tabs = [window.views.tabText(i) for i in range(window.views.count())]
    assert tabs == [full.views.tabText(i) for i in range(full.views.count())]
    assert len(tabs) > 1
    assert menu_texts(window) == menu_texts(full)
    assert len(window.feature_actions) == len(full.feature_actions)

    # And it behaves as before: search, page, open a contact.
    qtbot.keyClicks(window.search, "carla")
    qtbot.waitUntil(lambda: listed(window) == ["Carla Núñez"], timeout=3000)
    qtbot.waitUntil(lambda: window.count_label.text() == "1 of 5 contacts", timeout=3000)


def test_a_long_list_paints_a_screenful_and_its_count_follows(
    tmp_path: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle]
) -> None:
    from netdesk.app.contact_list import SCREEN

    path = tmp_path / "long.sqlite"
    db = open_database(path)
    book = ContactBook(db)
    everyone = sorted((f"Persona {k:03d}" for k in range(SCREEN + 37)), key=str.casefold)
    for name in reversed(everyone):
        book.create(ContactData(full_name=name))
    db.close()
    launch = start(path, settings, qtbot, launches)
    window = launch.window
    assert launch.deferred is not None
    # The paint reads a screenful (cold, each row can be a disk read) and does not wait for
    # the count (tests/test_first_page.py): the label has it if it came in time, and never
    # counts just the rows on screen.
    assert listed(window) == everyone[:SCREEN]
    assert window.count_label.text() in ("", f"{len(everyone)} contacts")
    expected = f"{len(everyone)} contacts"
    qtbot.waitUntil(lambda: window.count_label.text() == expected, timeout=5000)
    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert listed(window)[:SCREEN] == everyone[:SCREEN]  # kept through the attach
    while window.model.canFetchMore(QModelIndex()) or window.model.reading:
        if window.model.canFetchMore(QModelIndex()):
            window.model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not window.model.reading, timeout=5000)
    assert listed(window) == everyone  # the rest came as a scroll asks
    assert window.count_label.text() == f"{len(everyone)} contacts"


def test_the_remembered_sort_and_layout_are_in_place_for_the_first_paint(
    db_path: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle], tmp_path: Path
) -> None:
    db = open_database(db_path)
    first = MainWindow(db, settings)
    qtbot.addWidget(first)
    first.show()
    first.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # organisation, Z first
    qtbot.waitUntil(lambda: not first.model.reading, timeout=5000)  # read on a worker
    first.splitter.setSizes([200, 700, 300])
    first.close()  # saves the layout
    db.close()
    saved = settings.value("contacts/header")
    assert isinstance(saved, QByteArray | bytes)

    launch = start(db_path, settings, qtbot, launches)
    window = launch.window
    assert launch.deferred is not None
    header = window.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.DescendingOrder,
    )
    assert listed(window) == list(NAMES)  # Org 4 … Org 0 is the names' order
    sizes = window.splitter.sizes()
    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert window.splitter.sizes() == sizes  # nothing moved when the rest arrived
    assert listed(window) == list(NAMES)


def test_when_the_remembered_sort_and_the_header_differ_the_header_wins(
    db_path: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle]
) -> None:
    db = open_database(db_path)
    first = MainWindow(db, settings)
    qtbot.addWidget(first)
    first.show()
    first.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not first.model.reading, timeout=5000)
    first.close()
    db.close()
    assert settings.value("contacts/sort") == "1,1"
    settings.setValue("contacts/sort", "1,0")  # as if written by something else
    launch = start(db_path, settings, qtbot, launches)
    assert launch.deferred is not None
    assert launch.window.model.sort_order == (0, True)
    assert listed(launch.window) == NAMES[::-1]


def test_keyboard_focus_is_where_a_window_built_in_one_go_puts_it(
    db_path: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle]
) -> None:
    launch = start(db_path, settings, qtbot, launches)
    window = launch.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    early = QApplication.focusWidget()
    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert QApplication.focusWidget() is early

    db = open_database(db_path)
    full = MainWindow(db, settings)
    qtbot.addWidget(full)
    full.show()
    full.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is full, timeout=3000)
    focused = QApplication.focusWidget()
    assert early is not None and focused is not None
    assert early.objectName() == focused.objectName()
    full.close()
    db.close()


def test_what_comes_before_the_window_is_ready_waits_for_it(
    db_path: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle]
) -> None:
    seen: dict[str, bool] = {}

    def act(dialog: QDialog) -> None:
        seen["ready"] = launches[0].window.is_ready
        dialog.reject()

    when_dialog_opens(qtbot, act)
    launch = start(db_path, settings, qtbot, launches, files=[FIXTURES / "breakfast.vcf"])
    window = launch.window
    assert not window.is_ready
    window.search.setText("zoe")  # typed at once
    window.table.doubleClicked.emit(window.model.index(0, 0))  # would open the editor
    qtbot.waitUntil(lambda: "ready" in seen, timeout=10000)
    assert seen["ready"]
    qtbot.waitUntil(lambda: listed(window) == ["zoe Park"], timeout=3000)


def _downgrade(path: Path) -> str:
    revisions = [s.revision for s in migrate_script().walk_revisions()]
    previous = revisions[1]
    db = open_database(path)
    with db.engine.begin() as conn:
        migrate.downgrade(conn, previous)
    db.close()
    return previous


def migrate_script():  # type: ignore[no-untyped-def]
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(migrate.config())


def test_a_database_that_needs_migrating_takes_the_usual_path(
    db_path: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle]
) -> None:
    _downgrade(db_path)
    launch = start(db_path, settings, qtbot, launches)
    window = launch.window
    assert launch.deferred is None
    assert window.is_ready  # built in one go, after the migration
    assert listed(window) == NAMES
    reasons = sorted(b.reason for b in BackupManager(db_path).list())
    assert reasons == ["daily", "pre-migration"]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    conn.close()


def _damage_table(path: Path, table: str) -> None:
    """Overwrite one table's root page: the list still reads, quick_check does not pass."""
    with sqlite3.connect(path) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    start_at = (root - 1) * size
    data[start_at : start_at + size] = b"\xa5" * size
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(db_path: Path) -> Path:
    BackupManager(db_path).create("manual")
    _damage_table(db_path, "event")
    from netdesk.store.backups import quick_check

    assert quick_check(db_path) is not None
    return db_path


@pytest.mark.parametrize("crashed", [False, True])
def test_damage_found_after_the_first_paint_offers_the_restore(
    damaged: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle], crashed: bool
) -> None:
    if crashed:  # the last window on this database never closed
        session_mark.marker(damaged).write_text("4242\n", encoding="ascii")
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen["text"] = dialog.text()
        seen["ready"] = launches[0].window.is_ready
        seen["backups"] = sorted(b.reason for b in BackupManager(damaged).list())
        dialog.findChild(QPushButton, "useBackup").click()  # type: ignore[union-attr]

    when_dialog_opens(qtbot, act)
    launch = start(damaged, settings, qtbot, launches)
    assert launch.deferred is not None  # the list itself was readable
    qtbot.waitUntil(lambda: "text" in seen and launch.window.is_ready, timeout=10000)
    assert "is damaged" in str(seen["text"])
    if crashed:
        assert seen["ready"] is False  # nothing could write before the answer
    assert seen["backups"] == ["manual"]  # no daily copy of the damaged file
    assert listed(launch.window) == NAMES
    from netdesk.store.backups import quick_check

    assert quick_check(damaged) is None
    assert ContactBook(launch.window.db).count() == 5
    qtbot.waitUntil(lambda: launch.backup is not None, timeout=5000)
    assert launch.backup is not None
    launch.backup.join(30)
    assert sorted(b.reason for b in BackupManager(damaged).list()) == [
        "daily",
        "manual",
        "pre-restore",
    ]


def test_a_window_that_closes_says_so_for_the_next_start(
    db_path: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle]
) -> None:
    launch = start(db_path, settings, qtbot, launches)
    assert launch.deferred is not None
    assert session_mark.marker(db_path).exists()
    qtbot.waitUntil(lambda: launch.window.is_ready, timeout=10000)
    launch.close()
    assert not session_mark.marker(db_path).exists()
    assert not session_mark.begin(db_path)  # clean
    assert session_mark.begin(db_path)  # and now as if that one had crashed
    session_mark.end(db_path)


def test_declining_the_restore_quits_and_leaves_the_file_alone(
    damaged: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle]
) -> None:
    before = damaged.read_bytes()

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Cancel).click()

    when_dialog_opens(qtbot, act)
    launch = start(damaged, settings, qtbot, launches)
    assert launch.deferred is not None
    with qtbot.waitSignal(launch.deferred.failed, timeout=10000):
        pass
    assert not launch.window.isVisible() and launch.phase == "failed"
    assert damaged.read_bytes() == before
    assert [b.reason for b in BackupManager(damaged).list()] == ["manual"]


def test_a_database_damaged_where_the_list_is_takes_the_usual_path(
    db_path: Path, settings: QSettings, qtbot: QtBot, launches: list[Lifecycle]
) -> None:
    BackupManager(db_path).create("manual")
    _damage_table(db_path, "contact")
    seen: dict[str, str] = {}

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen["text"] = dialog.text()
        dialog.findChild(QPushButton, "useBackup").click()  # type: ignore[union-attr]

    when_dialog_opens(qtbot, act)
    launch = start(db_path, settings, qtbot, launches)
    assert launch.deferred is None
    assert "is damaged" in seen["text"]
    assert launch.window.is_ready
    assert listed(launch.window) == NAMES


def test_the_first_paint_loads_no_sqlalchemy(db_path: Path, tmp_path: Path) -> None:
    code = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from netdesk.ui.shell.app import make_application
from netdesk.ui.shell.lifecycle import start_window

app = make_application([])
launch = start_window(Path(sys.argv[1]))
seen = {}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = "sqlalchemy" in sys.modules
            seen["rows"] = launch.window.model.rowCount()
        return False

watch = Watch()
launch.window.table.viewport().installEventFilter(watch)
def ready():
    seen["ready"] = "sqlalchemy" in sys.modules
    seen["switch_interval"] = sys.getswitchinterval()
    seen["loaded"] = sorted(m for m in ("httpx", "icalendar", "imapclient") if m in sys.modules)
    QTimer.singleShot(0, app.quit)
launch.window.ready.connect(ready)
app.exec()
if launch.backup is not None:  # made once the check has passed, which may come later
    launch.backup.join(30)
launch.close()
print(json.dumps(seen))
"""
    seen = fresh_process(code, tmp_path, str(db_path))
    # and the process hands the GIL over every 1 ms, not Python's 5 (a worker's Python stalls
    # the window less: netdesk.ui.shell.app.SWITCH_INTERVAL_S)
    # nor does the ready window hold the HTTP, calendar and IMAP clients before a sync or
    # scan needs them (~17 MB of the window's memory, #19)
    assert seen == {
        "painted": False,
        "rows": 5,
        "ready": True,
        "switch_interval": 0.001,
        "loaded": [],
    }
