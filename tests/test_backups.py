"""Backups: consistent while the database is in use, private, rotated, restorable, checked."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.backups import (
    BackupManager,
    backup_to,
    integrity_check,
    newest_good_backup,
    quick_check,
    restore,
)
from netdesk.store.db import Database, DatabaseError, open_database

PAGE = 4096
T0 = dt.datetime(2026, 11, 22, 21, 30, 5, tzinfo=dt.UTC)


def add(db: Database, *names: str) -> None:
    book = ContactBook(db, region="ES")
    for name in names:
        slug = name.lower().replace(" ", ".")
        book.create(ContactData(full_name=name, emails=[EmailAddress(f"{slug}@example.org")]))


def names_in(path: Path) -> list[str]:
    """The contacts a user would see after opening ``path`` the normal way."""
    db = open_database(path)
    try:
        return sorted(s.full_name for s in ContactBook(db).summaries(""))
    finally:
        db.close()


def raw_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return sorted(r[0] for r in conn.execute("SELECT full_name FROM contact"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def big(tmp_path: Path) -> Path:
    """A closed database with enough contacts to span many pages."""
    path = tmp_path / "big" / "netdesk.sqlite"
    db = open_database(path)
    add(db, *(f"Person {i:04d} {'x' * 150}" for i in range(600)))
    db.close()
    return path


def damaged_copy(source: Path, dest: Path) -> Path:
    """Overwrite four leaf pages in the middle of the contact table of a copy of ``source``
    with garbage (chosen by the table, not the file: what lies mid-file moves with the schema)."""
    backup_to(source, dest)
    with closing(sqlite3.connect(dest)) as conn:
        leaves = [
            int(r[0]) - 1  # dbstat numbers pages from 1
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'contact' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    assert len(leaves) > 20
    data = bytearray(dest.read_bytes())
    for page in leaves[len(leaves) // 2 - 2 : len(leaves) // 2 + 2]:
        data[page * PAGE : (page + 1) * PAGE] = bytes([0xA5]) * PAGE
    dest.write_bytes(bytes(data))
    return dest


def test_backup_of_a_database_in_use_is_consistent_and_private(
    db: Database, tmp_path: Path
) -> None:
    add(db, "Ana García", "Bruno Díaz")
    other = sqlite3.connect(db.path)  # a second program holding the file open, mid-transaction
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM contact").fetchone()
    try:
        assert db.path.with_name(db.path.name + "-wal").exists()  # data still partly in the WAL
        dest = backup_to(db.path, tmp_path / "copy.sqlite")
    finally:
        other.rollback()
        other.close()
    assert dest == tmp_path / "copy.sqlite"
    assert mode(dest) == 0o600
    assert raw_names(dest) == ["Ana García", "Bruno Díaz"]
    assert not dest.with_name("copy.sqlite-wal").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    assert quick_check(dest) is None


def test_a_failed_backup_leaves_no_file_with_the_final_name(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(DatabaseError):
        backup_to(bad, tmp_path / "out.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.sqlite"]


def test_manager_folder_names_and_listing(db: Database) -> None:
    add(db, "Ana García")
    manager = BackupManager(db.path)
    assert manager.folder == db.path.parent / "backups"
    assert manager.list() == []
    assert not manager.folder.exists()  # listing creates nothing
    first = manager.create("manual", now=T0)
    add(db, "Bruno Díaz")
    second = manager.create("pre-migration", now=T0)  # same second: must not overwrite
    assert mode(manager.folder) == 0o700
    assert first.name == "netdesk-20261122-213005-manual.sqlite"
    assert second.name == "netdesk-20261122-213005-2-pre-migration.sqlite"
    assert mode(first) == 0o600 and mode(second) == 0o600
    infos = manager.list()
    assert [(i.path, i.reason, i.contacts) for i in infos] == [
        (second, "pre-migration", 2),
        (first, "manual", 1),
    ]
    assert infos[0].created == T0
    assert infos[0].size == second.stat().st_size > 0
    with pytest.raises(ValueError, match="reason"):
        manager.create("whenever")


def test_listing_shows_a_file_that_does_not_open_with_no_count(db: Database) -> None:
    manager = BackupManager(db.path)
    manager.create("manual", now=T0)
    junk = manager.folder / "netdesk-20261123-000000-daily.sqlite"
    junk.write_bytes(b"not a database")
    (manager.folder / "notes.txt").write_text("ignored")
    infos = manager.list()
    assert [(i.path.name, i.contacts) for i in infos] == [
        (junk.name, None),
        ("netdesk-20261122-213005-manual.sqlite", 0),
    ]


def test_prune_keeps_the_newest_and_a_recent_pre_restore(db: Database) -> None:
    manager = BackupManager(db.path, keep=3)
    made = [manager.create("manual", now=T0 + dt.timedelta(hours=h)) for h in range(5)]
    pre_restore = manager.create("pre-restore", now=T0 - dt.timedelta(hours=1))
    removed = manager.prune(now=T0 + dt.timedelta(hours=5))
    assert sorted(removed) == sorted(made[:2])
    assert [i.path for i in manager.list()] == [made[4], made[3], made[2], pre_restore]
    # A day later the old pre-restore backup is no longer protected.
    assert manager.prune(now=T0 + dt.timedelta(days=2)) == [pre_restore]
    assert len(manager.list()) == 3


def test_daily_backup_only_once_per_day(db: Database) -> None:
    manager = BackupManager(db.path, keep=10)
    first = manager.daily_if_due(T0)
    assert first is not None and first.name == "netdesk-20261122-213005-daily.sqlite"
    manager.create("manual", now=T0 + dt.timedelta(hours=1))  # other kinds do not count
    assert manager.daily_if_due(T0 + dt.timedelta(hours=23, minutes=59)) is None
    second = manager.daily_if_due(T0 + dt.timedelta(hours=24))
    assert second is not None and second != first
    assert [i.reason for i in manager.list()].count("daily") == 2


def test_daily_backup_prunes_and_skips_a_missing_database(tmp_path: Path) -> None:
    manager = BackupManager(tmp_path / "none.sqlite")
    assert manager.daily_if_due(T0) is None
    assert not (tmp_path / "none.sqlite").exists()
    db = open_database(tmp_path / "d.sqlite")
    db.close()
    manager = BackupManager(db.path, keep=2)
    for day in range(4):
        assert manager.daily_if_due(T0 + dt.timedelta(days=day)) is not None
    assert [i.created for i in manager.list()] == [T0 + dt.timedelta(days=d) for d in (3, 2)]


def test_restore_replaces_contents_and_can_be_undone(tmp_path: Path) -> None:
    path = tmp_path / "netdesk.sqlite"
    db = open_database(path)
    add(db, "Ana García", "Bruno Díaz")
    manager = BackupManager(path)
    snapshot = manager.create("manual")
    add(db, "Carla Ruiz")
    db.close()
    assert names_in(path) == ["Ana García", "Bruno Díaz", "Carla Ruiz"]

    pre_restore = restore(path, snapshot, manager)
    assert pre_restore is not None and pre_restore.name.endswith("-pre-restore.sqlite")
    assert names_in(path) == ["Ana García", "Bruno Díaz"]
    assert mode(path) == 0o600

    restore(path, pre_restore, manager)  # undo the restore
    assert names_in(path) == ["Ana García", "Bruno Díaz", "Carla Ruiz"]
    assert [i.reason for i in manager.list()].count("pre-restore") == 2


def test_restore_while_another_connection_is_open(tmp_path: Path) -> None:
    path = tmp_path / "netdesk.sqlite"
    db = open_database(path)
    add(db, "Ana García")
    manager = BackupManager(path)
    snapshot = manager.create("manual")
    add(db, "Bruno Díaz", "Carla Ruiz")
    try:
        restore(path, snapshot, manager)  # the window still has the database open
        assert sorted(s.full_name for s in ContactBook(db).summaries("")) == ["Ana García"]
        add(db, "Dora Sanz")  # and keeps working on the restored content
    finally:
        db.close()
    assert names_in(path) == ["Ana García", "Dora Sanz"]
    assert quick_check(path) is None


def test_restore_into_a_missing_database_creates_it(tmp_path: Path, big: Path) -> None:
    backup = backup_to(big, tmp_path / "b.sqlite")
    target = tmp_path / "new" / "netdesk.sqlite"
    assert restore(target, backup, BackupManager(target)) is None
    assert len(names_in(target)) == 600


@pytest.mark.parametrize("kind", ["garbage", "damaged", "foreign", "missing"])
def test_restore_of_a_bad_file_is_refused_and_changes_nothing(
    tmp_path: Path, big: Path, kind: str
) -> None:
    path = tmp_path / "netdesk.sqlite"
    db = open_database(path)
    add(db, "Ana García")
    db.close()
    before = path.read_bytes()
    bad = tmp_path / "bad.sqlite"
    if kind == "garbage":
        bad.write_bytes(b"hello, not a database" * 100)
    elif kind == "damaged":
        damaged_copy(big, bad)
    elif kind == "foreign":
        with closing(sqlite3.connect(bad)) as conn:
            conn.execute("CREATE TABLE recipe (name TEXT)")
    manager = BackupManager(path)
    with pytest.raises(DatabaseError, match="will not restore") as caught:
        restore(path, bad, manager)
    assert str(bad) in str(caught.value)
    assert path.read_bytes() == before
    assert manager.list() == []  # no pre-restore backup either
    assert names_in(path) == ["Ana García"]


def test_restore_over_a_garbage_database_keeps_its_bytes(tmp_path: Path, big: Path) -> None:
    backup = backup_to(big, tmp_path / "b.sqlite")
    path = tmp_path / "netdesk.sqlite"
    path.write_bytes(b"\x00garbage" * 100)
    manager = BackupManager(path)
    saved = restore(path, backup, manager)
    assert saved is not None and saved.read_bytes() == b"\x00garbage" * 100
    assert len(names_in(path)) == 600


def test_restore_over_a_damaged_database(tmp_path: Path, big: Path) -> None:
    backup = backup_to(big, tmp_path / "b.sqlite")
    path = damaged_copy(big, tmp_path / "netdesk.sqlite")
    assert quick_check(path) is not None
    saved = restore(path, backup, BackupManager(path))
    assert saved is not None and quick_check(saved) is not None  # the damage is kept, not fixed
    assert quick_check(path) is None
    assert len(names_in(path)) == 600


def first_page_damaged(tmp_path: Path) -> tuple[Path, bytes]:
    """A database whose schema page is garbage: SQLite cannot even write into it."""
    path = tmp_path / "netdesk.sqlite"
    db = open_database(path)
    add(db, "Ana García")
    db.close()
    data = bytearray(path.read_bytes())
    data[100:PAGE] = b"\xa5" * (PAGE - 100)
    path.write_bytes(bytes(data))
    return path, bytes(data)


def test_restore_over_a_database_with_a_garbage_first_page(tmp_path: Path, big: Path) -> None:
    backup = backup_to(big, tmp_path / "b.sqlite")
    path, damaged = first_page_damaged(tmp_path)
    assert quick_check(path) is not None
    saved = restore(path, backup, BackupManager(path))
    assert saved is not None and saved.read_bytes() == damaged
    assert quick_check(path) is None
    assert len(names_in(path)) == 600
    assert not path.with_name("netdesk.sqlite-wal").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX lock probe")
def test_restore_waits_for_another_program_using_a_damaged_database(
    tmp_path: Path, big: Path
) -> None:
    backup = backup_to(big, tmp_path / "b.sqlite")
    path, damaged = first_page_damaged(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD.format(path=str(path))], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(DatabaseError, match="in use by another program"):
            restore(path, backup, BackupManager(path))
    finally:
        holder.kill()
        holder.wait()
    assert path.read_bytes() == damaged


HOLD = """
import sqlite3, time
conn = sqlite3.connect({path!r})
try:
    conn.execute("SELECT * FROM sqlite_master").fetchall()
except sqlite3.DatabaseError:
    pass
print("holding", flush=True)
time.sleep(60)
"""


def test_quick_check_passes_a_sound_file(big: Path) -> None:
    assert quick_check(big) is None
    assert integrity_check(big) is None


def test_quick_check_finds_overwritten_pages(tmp_path: Path, big: Path) -> None:
    bad = damaged_copy(big, tmp_path / "bad.sqlite")
    problem = quick_check(bad)
    assert problem is not None and "damaged" in problem and str(bad) in problem
    assert integrity_check(bad) is not None


def test_quick_check_finds_a_truncated_file(tmp_path: Path, big: Path) -> None:
    copy = backup_to(big, tmp_path / "copy.sqlite")
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 2])
    problem = quick_check(copy)
    assert problem is not None and "damaged" in problem


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "not an SQLite database"), (b"plain text\n" * 50, "not an SQLite database")],
)
def test_quick_check_on_files_that_are_not_sqlite(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    problem = quick_check(path)
    assert problem is not None and expected in problem
    assert path.read_bytes() == content
    assert (
        quick_check(tmp_path / "absent.sqlite")
        == f"there is no database at {tmp_path}/absent.sqlite"
    )
    assert not (tmp_path / "absent.sqlite").exists()


def test_newest_good_backup_skips_a_damaged_newer_one(big: Path) -> None:
    manager = BackupManager(big)
    assert newest_good_backup(manager) is None
    good = manager.create("daily", now=T0)
    older = manager.create("daily", now=T0 - dt.timedelta(days=1))
    newer = manager.create("manual", now=T0 + dt.timedelta(hours=1))
    damaged_copy(big, newer)
    assert [i.path for i in manager.list()] == [newer, good, older]
    assert newest_good_backup(manager) == good


def test_the_number_kept_is_the_users_setting(tmp_path: Path) -> None:
    from netdesk.app.settings_store import SettingsStore
    from netdesk.store.backups import DEFAULT_KEEP, KEEP_SETTING, configured_keep

    db = open_database(tmp_path / "k.sqlite")
    assert configured_keep(db.path) == DEFAULT_KEEP
    SettingsStore(db).set(KEEP_SETTING, 3)
    assert configured_keep(db.path) == 3
    for day in range(5):
        assert BackupManager(db.path).daily_if_due(T0 + dt.timedelta(days=day)) is not None
    assert len(BackupManager(db.path).list()) == 3
    SettingsStore(db).set(KEEP_SETTING, "lots")  # a garbage value falls back, never raises
    assert configured_keep(db.path) == DEFAULT_KEEP
    db.close()
    (tmp_path / "junk.sqlite").write_bytes(b"not a database")
    assert configured_keep(tmp_path / "junk.sqlite") == DEFAULT_KEEP


def _live_sidecars(db_path: Path) -> dict[str, bool]:
    """This process's descriptors on the database's -wal and -shm: suffix → still linked."""
    import os

    found: dict[str, bool] = {}
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        for suffix in ("-wal", "-shm"):
            if target.removesuffix(" (deleted)") == f"{db_path}{suffix}":
                found[suffix] = not target.endswith("(deleted)")
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_checks_and_backups_in_a_process_with_the_database_open_keep_its_locks(
    db: Database, tmp_path: Path
) -> None:
    """Every check and backup the window runs on its own open database, then another process
    opening and closing it: this process's WAL must survive (plain file I/O on the database
    would have dropped its locks, and the other process would have deleted the WAL)."""
    from netdesk.store.common import is_sqlite_file
    from netdesk.store.file_safety import in_use

    add(db, "Ana Open")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM contact").scalar()
    held = db.engine.raw_connection()  # a pooled connection the window keeps
    try:
        assert is_sqlite_file(db.path)
        assert quick_check(db.path) is None
        assert integrity_check(db.path) is None
        manager = BackupManager(db.path)
        manager.create("manual")
        manager.daily_if_due()
        assert [info.contacts for info in manager.list()] == [1, 1]
        assert not in_use(db.path)  # only this process has it open
        subprocess.run(
            [sys.executable, "-c", f"import sqlite3; sqlite3.connect({str(db.path)!r}).close()"],
            check=True,
            timeout=60,
        )
        assert _live_sidecars(db.path) == {"-wal": True, "-shm": True}
        add(db, "Bruno After")
        assert raw_names(db.path) == ["Ana Open", "Bruno After"]
    finally:
        held.close()


def test_is_sqlite_file_asks_sqlite(tmp_path: Path, big: Path) -> None:
    from netdesk.store.common import is_sqlite_file

    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100, encoding="utf-8")
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    short = tmp_path / "short.sqlite"
    short.write_bytes(b"SQLite format 3\x00")
    assert is_sqlite_file(big)
    assert not is_sqlite_file(text)
    assert not is_sqlite_file(empty)
    assert not is_sqlite_file(short)
    assert not is_sqlite_file(tmp_path / "missing.sqlite")
    # A damaged file whose header is sound is still SQLite (quick_check says what is wrong).
    assert is_sqlite_file(damaged_copy(big, tmp_path / "damaged.sqlite"))


def test_salvage_recovers_the_rows_sqlite_can_still_read(tmp_path: Path, big: Path) -> None:
    from netdesk.store.backups import content_counts
    from netdesk.store.salvage import salvage

    damaged = damaged_copy(big, tmp_path / "damaged.sqlite")
    before = damaged.read_bytes()
    report = salvage(damaged, tmp_path / "recovered.sqlite")
    assert damaged.read_bytes() == before  # the damaged file is only read
    assert integrity_check(report.path) is None
    contacts, _events, _followups = content_counts(report.path)
    assert contacts is not None and 400 <= contacts < 600  # a few pages' worth lost, no more
    assert report.copied["contact"] == contacts
    assert not report.complete
    recovered = names_in(report.path)  # opens the normal way: schema, migrations, search
    assert len(recovered) == contacts
    assert set(recovered) <= set(raw_names(big))
    db = open_database(report.path)
    try:
        assert ContactBook(db).summaries("Person 0001")  # the search index was rebuilt
    finally:
        db.close()


def test_salvage_refuses_what_is_not_a_netdesk_database(tmp_path: Path) -> None:
    from netdesk.store.salvage import salvage

    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(DatabaseError):
        salvage(other, tmp_path / "out.sqlite")
