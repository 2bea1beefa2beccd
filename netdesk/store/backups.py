"""Backups of the database file: made safely while netdesk runs, kept in rotation, restorable.

Every copy goes through SQLite's online backup API, so a backup taken while the window is writing
is still a consistent database (the WAL is included), and is written under a temporary name and
renamed, so a crash never leaves a half-written file that looks like a good backup.
"""

from __future__ import annotations

import builtins
import datetime as dt
import os
import re
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from netdesk.store.common import BUSY_TIMEOUT_MS, DatabaseError, is_sqlite_file
from netdesk.store.file_safety import fsync_dir, in_use, raw_copy, temp_name

FOLDER_NAME = "backups"
# How many backups are kept: the "backups_keep" setting (Settings → General), else this.
KEEP_SETTING = "backups_keep"
DEFAULT_KEEP = 10


def configured_keep(db_path: Path) -> int:
    """The user's "backups to keep", read without opening the database for writing: a
    damaged or missing file, or an unreadable value, gives the default."""
    if not db_path.is_file():
        return DEFAULT_KEEP
    try:
        with closing(sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            row = conn.execute(
                "SELECT value FROM setting WHERE key = ?", (KEEP_SETTING,)
            ).fetchone()
        keep = int(str(row[0]).strip('"')) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError, TypeError):
        return DEFAULT_KEEP
    return keep if 1 <= keep <= 1000 else DEFAULT_KEEP


# "session": made when the window closes after a session that changed data.
REASONS = frozenset({"daily", "manual", "pre-restore", "pre-migration", "pre-delete", "session"})
DAY = dt.timedelta(hours=24)

_NAME = re.compile(
    r"^netdesk-(?P<stamp>\d{8}-\d{6})(?:-(?P<serial>\d+))?-(?P<reason>[a-z]+(?:-[a-z]+)*)\.sqlite$"
)
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the user sees it in a list."""

    path: Path
    created: dt.datetime  # UTC, from the file name
    reason: str
    size: int
    contacts: int | None  # None when the file does not open as a netdesk database
    events: int | None = None
    follow_ups: int | None = None  # planned follow-ups


def _connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    """Open ``path`` without ever creating it by accident (unless asked to)."""
    mode = "rwc" if create else "rw"
    conn = sqlite3.connect(
        f"{path.absolute().as_uri()}?mode={mode}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def _new_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _finish(tmp: Path, dest: Path) -> None:
    """fsync the finished temporary file and rename it into place."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, dest)
    fsync_dir(dest.parent)


def backup_to(db_path: Path, dest: Path) -> Path:
    """Write a consistent, self-contained copy of the live database ``db_path`` to ``dest``.

    The copy is in rollback-journal mode, so it is one file with no ``-wal`` beside it.
    """
    if not db_path.is_file():
        raise DatabaseError(f"there is no database at {db_path}")
    if not is_sqlite_file(db_path):
        raise DatabaseError(f"{db_path} is not an SQLite database, so it cannot be backed up")
    tmp = temp_name(dest)
    try:
        _new_private_file(tmp)
        with closing(_connect(db_path)) as source, closing(_connect(tmp)) as target:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        _finish(tmp, dest)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot back up {db_path}: {exc}") from exc
    except OSError as exc:
        raise DatabaseError(f"cannot write the backup {dest}: {exc.strerror}") from exc
    finally:
        with suppress(FileNotFoundError):
            tmp.unlink()
    return dest


def content_counts(path: Path) -> tuple[int | None, int | None, int | None]:
    """(contacts, events, planned follow-ups) in a database file; None where it cannot say."""
    if not is_sqlite_file(path):
        return None, None, None
    found: list[int | None] = []
    try:
        with closing(_connect(path)) as conn:
            for query in (
                "SELECT count(*) FROM contact",
                "SELECT count(*) FROM event",
                "SELECT count(*) FROM touchpoint WHERE status = 'planned'",
            ):
                try:
                    found.append(int(conn.execute(query).fetchone()[0]))
                except sqlite3.Error:
                    found.append(None)
    except sqlite3.Error:
        return None, None, None
    return found[0], found[1], found[2]


class BackupManager:
    """The folder of rotating backups that sits next to the database."""

    def __init__(self, db_path: Path, folder: Path | None = None, keep: int | None = None) -> None:
        if keep is None:
            keep = configured_keep(db_path)
        if keep < 1:
            raise ValueError("keep must be at least 1")
        self.db_path = db_path
        self.folder = folder if folder is not None else db_path.parent / FOLDER_NAME
        self.keep = keep

    def _ensure_folder(self) -> None:
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(self.folder, 0o700)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the backup folder {self.folder}: {exc.strerror}"
            ) from exc

    def _target(self, reason: str, now: dt.datetime | None) -> Path:
        if reason not in REASONS:
            raise ValueError(f"unknown backup reason {reason!r}")
        stamp = _utc(now).strftime(_STAMP)
        # Backups made within one second get a serial number, so none is overwritten and the
        # list still knows which came last.
        serials = [
            int(m["serial"] or 1)
            for p in self.folder.glob(f"netdesk-{stamp}-*.sqlite")
            if (m := _NAME.match(p.name)) is not None and m["stamp"] == stamp
        ]
        if not serials:
            return self.folder / f"netdesk-{stamp}-{reason}.sqlite"
        return self.folder / f"netdesk-{stamp}-{max(serials) + 1}-{reason}.sqlite"

    def create(self, reason: str, now: dt.datetime | None = None) -> Path:
        """Back up the database now; ``now`` (UTC) only names the file, for tests and stamps."""
        self._ensure_folder()
        return backup_to(self.db_path, self._target(reason, now))

    def save_unreadable(self, reason: str) -> Path:
        """Keep the raw bytes of a database SQLite cannot back up (used before a restore)."""
        self._ensure_folder()
        return raw_copy(self.db_path, self._target(reason, None))

    def _entries(self) -> list[tuple[dt.datetime, int, str, Path]]:
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match is None or not path.is_file():
                continue
            created = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
            found.append((created, int(match["serial"] or 1), match["reason"], path))
        found.sort(key=lambda e: (e[0], e[1]), reverse=True)
        return found

    def list(self) -> list[BackupInfo]:
        """Every backup, newest first, with its contact count when the file opens."""
        return [
            BackupInfo(path, created, reason, path.stat().st_size, *content_counts(path))
            for created, _serial, reason, path in self._entries()
        ]

    def prune(self, now: dt.datetime | None = None) -> builtins.list[Path]:
        """Delete all but the newest ``keep`` backups; a recent pre-restore one is always kept."""
        current = _utc(now)
        removed = []
        for created, _serial, reason, path in self._entries()[self.keep :]:
            if reason == "pre-restore" and current - created < DAY:
                continue
            with suppress(FileNotFoundError):
                path.unlink()
            with suppress(FileNotFoundError):
                path.with_name(path.name + "-wal").unlink()
            removed.append(path)
        return removed

    def daily_if_due(self, now: dt.datetime | None = None) -> Path | None:
        """Make the day's backup if the last daily one is 24 h old (or none exists), then prune."""
        current = _utc(now)
        if not self.db_path.is_file():
            return None
        dailies = [created for created, _s, reason, _p in self._entries() if reason == "daily"]
        if dailies and current - max(dailies) < DAY:
            return None
        path = self.create("daily", current)
        self.prune(current)
        return path


def after_session(db_path: Path) -> Path:
    """The backup made when the window closes after a session that changed data, then the
    rotation; like the daily one, a name that never overwrites another."""
    manager = BackupManager(db_path)
    made = manager.create("session")
    manager.prune()
    return made


def _utc(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        return now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC)


def _problem(db_path: Path, pragma: str) -> str | None:
    if not db_path.is_file():
        return f"there is no database at {db_path}"
    if not os.access(db_path, os.R_OK):
        return f"{db_path} cannot be read (check its permissions)"
    if not is_sqlite_file(db_path):
        return f"{db_path} is not an SQLite database (the file is damaged or something else)"
    try:
        with closing(_connect(db_path)) as conn:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.Error as exc:
        return f"{db_path} is damaged: {exc}"
    if rows == ["ok"]:
        return None
    shown = "; ".join(rows[:3]) + (f" (and {len(rows) - 3} more problems)" if len(rows) > 3 else "")
    return f"{db_path} is damaged: {shown}"


def quick_check(db_path: Path) -> str | None:
    """None when the file's structure is sound, else what is wrong; fast enough for start-up."""
    return _problem(db_path, "quick_check")


def integrity_check(db_path: Path) -> str | None:
    """Like quick_check but also compares every index with its table; slower."""
    return _problem(db_path, "integrity_check")


def newest_good_backup(manager: BackupManager) -> Path | None:
    """The backup to offer when the database is damaged."""
    for info in manager.list():
        if quick_check(info.path) is None:
            return info.path
    return None


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from netdesk.store import migrate

    return {s.revision for s in ScriptDirectory.from_config(migrate.config()).walk_revisions()}


def verify_backup(backup_file: Path) -> None:
    """Raise DatabaseError unless ``backup_file`` is a sound netdesk database this version reads."""
    problem = integrity_check(backup_file)
    if problem is not None:
        raise DatabaseError(f"will not restore: {problem}")
    try:
        with closing(_connect(backup_file)) as conn:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.Error as exc:
        raise DatabaseError(f"will not restore: {backup_file} cannot be read: {exc}") from exc
    if "contact" not in tables:
        raise DatabaseError(f"will not restore: {backup_file} is not a netdesk database")
    if revision is not None and revision not in _known_revisions():
        raise DatabaseError(
            f"will not restore: {backup_file} was made by a newer netdesk; update netdesk first"
        )


def _is_corruption(exc: BaseException | None) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB: the file's content is bad, not merely busy."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in {11, 26}


def _sidecars(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _copy_into_live(backup_file: Path, db_path: Path) -> None:
    """Write the backup's pages into the live file; other connections see the new content."""
    with closing(_connect(backup_file)) as source, closing(_connect(db_path, create=True)) as live:
        source_size = source.execute("PRAGMA page_size").fetchone()[0]
        live_size = live.execute("PRAGMA page_size").fetchone()[0]
        wal = live.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        if wal and source_size != live_size:  # a WAL file cannot change its page size
            live.execute("PRAGMA journal_mode=DELETE")
        source.backup(live)
        if live.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            live.execute("PRAGMA journal_mode=WAL")
        live.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _replace_file(backup_file: Path, db_path: Path) -> None:
    """Replace a database SQLite cannot open at all; its stale ``-wal`` would corrupt the copy."""
    if in_use(db_path):
        raise DatabaseError(
            f"{db_path} is in use by another program; close netdesk there and try again"
        )
    staged = db_path.with_name(f".{db_path.name}.restoring")
    try:
        backup_to(backup_file, staged)
        for sidecar in _sidecars(db_path):
            with suppress(FileNotFoundError):
                sidecar.unlink()
        os.replace(staged, db_path)
    finally:
        with suppress(FileNotFoundError):
            staged.unlink()
    fsync_dir(db_path.parent)


def restore(db_path: Path, backup_file: Path, manager: BackupManager) -> Path | None:
    """Replace the database's content with ``backup_file``; return the pre-restore backup.

    The current state is backed up first (raw bytes if SQLite cannot read it), so the restore
    can itself be undone. Returns None only when there was no database to save.
    """
    verify_backup(backup_file)
    if backup_file.resolve() == db_path.resolve():
        raise DatabaseError("will not restore a database onto itself")
    pre_restore: Path | None = None
    exists = db_path.is_file() and db_path.stat().st_size > 0
    if exists:
        try:
            pre_restore = manager.create("pre-restore")
        except DatabaseError as exc:
            if is_sqlite_file(db_path) and not _is_corruption(exc.__cause__):
                raise  # busy or out of space: stop before anything changed
            pre_restore = manager.save_unreadable("pre-restore")
    else:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    if exists and not is_sqlite_file(db_path):
        _replace_file(backup_file, db_path)
        return pre_restore
    try:
        _copy_into_live(backup_file, db_path)
    except sqlite3.Error as exc:
        if not _is_corruption(exc):
            raise DatabaseError(f"cannot restore into {db_path}: {exc}") from exc
        _replace_file(backup_file, db_path)  # the live file is too damaged to write into
    with suppress(OSError):
        os.chmod(db_path, 0o600)
    return pre_restore


__all__ = [
    "BackupInfo",
    "BackupManager",
    "backup_to",
    "integrity_check",
    "newest_good_backup",
    "quick_check",
    "restore",
    "verify_backup",
]
