"""Backups, the same for the window and the command line: make one now, list them, restore one
(the current file is saved first, so a restore can be undone), the one kept after a session
that changed something, and the newest good one to offer when the file is damaged.

Every copy goes through SQLite's online backup API under a temporary name (netdesk.store.backups),
so a backup taken while the window writes is consistent and a crash never leaves a half-made
file that looks good. Free of SQLAlchemy: the start-up uses it before the ORM is loaded.
"""

from __future__ import annotations

from pathlib import Path

from netdesk.store import backups as _store
from netdesk.store.backups import DEFAULT_KEEP, KEEP_SETTING, BackupInfo
from netdesk.store.common import DatabaseError


def back_up_now(db_path: Path, reason: str = "manual") -> Path:
    """A backup in the backups folder, named with ``reason`` (manual, pre-delete, …)."""
    return _store.BackupManager(db_path).create(reason)


def back_up_to(db_path: Path, dest: Path) -> Path:
    """A backup written to ``dest`` instead of the backups folder."""
    return _store.backup_to(db_path, dest)


def listed(db_path: Path) -> list[BackupInfo]:
    """The backups of this database, newest first, each with what it holds."""
    return _store.BackupManager(db_path).list()


def restore_from(db_path: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place of the database; the file replaced, saved as a "pre-restore"
    backup (None when there was no database). Refuses a backup that is damaged or not a netdesk
    database this version reads (DatabaseError says why), before anything changes."""
    return _store.restore(db_path, backup, _store.BackupManager(db_path))


def newest_good(db_path: Path) -> Path | None:
    """The newest backup that passes SQLite's quick check: the one to offer for a damaged file."""
    return _store.newest_good_backup(_store.BackupManager(db_path))


def daily_if_due(db_path: Path) -> Path | None:
    """The day's backup when none was made today; rotates old ones out."""
    return _store.BackupManager(db_path).daily_if_due()


def after_session(db_path: Path) -> Path:
    """The backup kept when a window closes after changing something."""
    return _store.after_session(db_path)


def content_counts(path: Path) -> tuple[int | None, int | None, int | None]:
    """(contacts, events, planned follow-ups) in a database file; None where unreadable."""
    return _store.content_counts(path)


def folder(db_path: Path) -> Path:
    return _store.BackupManager(db_path).folder


def damage(db_path: Path, *, full: bool = False) -> str | None:
    """What is wrong with the file in SQLite's words, or None when it is sound. ``full`` also
    compares every index with its table (slower)."""
    return _store.integrity_check(db_path) if full else _store.quick_check(db_path)


__all__ = [
    "DEFAULT_KEEP",
    "KEEP_SETTING",
    "BackupInfo",
    "DatabaseError",
    "after_session",
    "back_up_now",
    "back_up_to",
    "content_counts",
    "daily_if_due",
    "damage",
    "folder",
    "listed",
    "newest_good",
    "restore_from",
]
