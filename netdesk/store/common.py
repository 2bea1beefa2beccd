"""What the store's modules share, kept free of SQLAlchemy so the window's first paint (which
reads the list through plain ``sqlite3``) and the backup checks can use it without importing
the ORM (about 0.2 s)."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager, closing
from pathlib import Path
from typing import Protocol

BUSY_TIMEOUT_MS = 5000
# The newest migration's revision id; tests/test_migrations.py fails when it falls behind.
SCHEMA_HEAD = "0012"
# SQLite's smallest page: a database file is never shorter.
_SMALLEST_DATABASE = 512
_SQLITE_NOTADB = 26


class DatabaseError(Exception):
    """The database file cannot be opened or upgraded; the message says why in plain words.

    Made with :meth:`of`, it also keeps its English template and the values put into it, so
    the window can show it in the user's language (netdesk.ui.i18n.Reasons).
    """

    def __init__(self, message: str, template: str = "", args: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.template = template
        self.args_shown = args

    @classmethod
    def of(cls, template: str, *args: object) -> DatabaseError:
        return cls(template.format(*args), template, args)


class Readable(Protocol):
    """What the read use cases need: the driver's connection for one consistent read. An
    opened ``Database`` and a ``ReadOnlyFile`` (netdesk.store.read_only) both lend one."""

    def reading(self) -> AbstractContextManager[sqlite3.Connection]: ...


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` is an SQLite database, asked of SQLite itself.

    The database file (and its ``-wal`` and ``-shm``) is never opened with plain file I/O in a
    process that may hold SQLite connections on it: closing *any* descriptor of a file drops
    every POSIX lock the process holds on it, so another process closing its connection would
    believe it was the last one, checkpoint and delete the WAL under our open connections
    (SQLite's "How To Corrupt An SQLite Database File", section 2.2). SQLite keeps such
    descriptors open until the process's last lock on the file is gone, so a connection of its
    own is the one safe way to look at the header.
    """
    try:
        if path.stat().st_size < _SMALLEST_DATABASE:
            return False
    except OSError:
        return False
    try:
        uri = f"{path.absolute().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as exc:
        # Only "not a database" says the header is wrong; busy, damaged pages or a missing
        # permission are problems of a file that is SQLite all the same.
        return getattr(exc, "sqlite_errorcode", None) != _SQLITE_NOTADB
    return True


__all__ = ["BUSY_TIMEOUT_MS", "SCHEMA_HEAD", "DatabaseError", "Readable", "is_sqlite_file"]
