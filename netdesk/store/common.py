"""What the store's modules share, kept free of SQLAlchemy so the window's first paint (which
reads the list through plain ``sqlite3``) and the backup checks can use it without importing
the ORM (about 0.2 s)."""

from __future__ import annotations

BUSY_TIMEOUT_MS = 5000
# The newest migration's revision id; tests/test_migrations.py fails when it falls behind.
SCHEMA_HEAD = "0004"


class DatabaseError(Exception):
    """The database file cannot be opened or upgraded; the message says why in plain words."""


__all__ = ["BUSY_TIMEOUT_MS", "SCHEMA_HEAD", "DatabaseError"]
