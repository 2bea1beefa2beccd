"""One engine factory and the start-up path: open, back up, migrate.

Every connection gets foreign keys on, WAL journaling and a busy timeout, so the window and the
command line can work on the same file at once.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from netdesk.store import derived
from netdesk.store.common import BUSY_TIMEOUT_MS, SCHEMA_HEAD, DatabaseError, is_sqlite_file
from netdesk.system import gil_share


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
    gil_share.watch(dbapi_conn)


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    # Each statement is a point where a worker may let the window's thread run first.
    event.listen(engine, "before_cursor_execute", _step_aside)
    return engine


def _step_aside(*_args: Any) -> None:
    gil_share.step_aside()


class Database:
    """An opened, migrated netdesk database file and a factory for short sessions."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Every commit, from a session or a plain connection, first brings the derived data of
        # the contacts it changed in line (netdesk.store.derived). Registered after the
        # migrations: before 0009 there is no list of stale contacts to read.
        event.listen(engine, "commit", derived.refresh)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The driver's connection for a read: the hottest reads (the due list, search) skip
        SQLAlchemy's result rows, and the command line runs the same code on a plain
        read-only connection (netdesk.store.read_only)."""
        with self.engine.connect() as conn:
            yield driver(conn)

    def close(self) -> None:
        self.engine.dispose()


def _restrict_permissions(path: Path) -> None:
    with suppress(OSError):
        os.chmod(path, 0o600)


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Before an existing file is upgraded it is backed up into the ``backups`` folder next to it
    ("pre-migration"), so a failed migration never costs the user their data.
    """
    path = path.expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError.of(
            "cannot create the folder {0}: {1}", path.parent, exc.strerror
        ) from exc
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_is_sqlite(path)
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            current = _stored_revision(conn)
            if current is None and not existed:
                # A new file: the newest schema in one script, not twelve migrations.
                from netdesk.store import schema

                schema.create(driver(conn))
                current = _stored_revision(conn)
        if current != SCHEMA_HEAD:
            # Alembic (~0.1 s to import) is only loaded when there is something to migrate.
            from netdesk.store import migrate

            if existed:
                from netdesk.store.backups import BackupManager  # backups imports this module

                BackupManager(path).create("pre-migration")
            with engine.begin() as conn:
                migrate.upgrade(conn)
        else:
            with engine.begin() as conn:
                derived.refresh(conn)  # what a writer outside netdesk left stale
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise DatabaseError.of("cannot open the database {0}: {1}", path, exc) from exc
    _restrict_permissions(path)
    return Database(path, engine)


def _stored_revision(conn: Connection) -> str | None:
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).scalar()
    if not exists:
        return None
    value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return str(value) if value is not None else None


def driver(conn: Connection) -> sqlite3.Connection:
    """The driver's own connection under an SQLAlchemy one (plain sqlite3)."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _check_is_sqlite(path: Path) -> None:
    if not os.access(path, os.R_OK):
        raise DatabaseError.of("cannot read the database {0}: permission denied", path)
    if not is_sqlite_file(path):
        raise DatabaseError.of("{0} is not a netdesk database (not an SQLite file)", path)


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()


__all__ = [
    "BUSY_TIMEOUT_MS",
    "SCHEMA_HEAD",
    "Database",
    "DatabaseError",
    "driver",
    "make_engine",
    "open_database",
]
