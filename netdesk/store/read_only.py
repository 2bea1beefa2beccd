"""A current database opened read-only with plain ``sqlite3``, for the command line's read
commands (#19).

``netdesk due`` called every minute by a status-bar widget should cost what reading its rows
costs, not the ~0.3 s of importing SQLAlchemy and the models first. The read use cases
(``netdesk.app.due_list``, ``interaction_list``, ``roi.event_figures``, ``contact_records``)
take anything with ``reading()`` — this handle, or an opened :class:`netdesk.store.db.Database`
— and run the same SQL on the driver's connection either way, so the two paths cannot drift.

Only a file that needs nothing before it is read is opened here: SQLite, at this version's
schema (an older one must be migrated first), with no derived data waiting to be refreshed
(``contact_stale`` empty). Anything else — or any SQLite error — gives None, and the command
takes the full path (``netdesk.app.opening.open_for_command``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netdesk.store.common import BUSY_TIMEOUT_MS, SCHEMA_HEAD, is_sqlite_file


def is_current(conn: sqlite3.Connection) -> bool:
    """The file holds netdesk's tables at this version's schema."""
    tables = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name IN ('alembic_version', 'contact')"
        )
    }
    if tables != {"alembic_version", "contact"}:
        return False
    return conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(SCHEMA_HEAD,)]


class ReadOnlyFile:
    """An open read-only connection; ``reading()`` lends it, ``close()`` ends it."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for everything read inside the block."""
        self._conn.execute("BEGIN")
        try:
            yield self._conn
        finally:
            self._conn.rollback()

    def close(self) -> None:
        self._conn.close()


def open_current(path: Path) -> ReadOnlyFile | None:
    """The file opened read-only when it can be read as it is; None otherwise (see above)."""
    if not path.is_file() or not is_sqlite_file(path):
        return None
    try:
        uri = f"{path.absolute().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return None
    try:
        conn.isolation_level = None  # transactions are begun by reading(), explicitly
        ready = (
            is_current(conn)
            and conn.execute("SELECT 1 FROM contact_stale LIMIT 1").fetchone() is None
        )
    except sqlite3.Error:
        ready = False
    if not ready:
        conn.close()
        return None
    return ReadOnlyFile(path, conn)


__all__ = ["ReadOnlyFile", "is_current", "open_current"]
