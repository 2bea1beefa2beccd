"""Recovering what SQLite can still read from a damaged database, into a new file.

Table by table, rows are read in windows of rowids; a window that fails is read row by row, so a
damaged page costs only the rows on it. What was read goes into a fresh database at this
version's schema (foreign keys off while copying, the search index rebuilt after), and the
damaged file itself is never written. The window then shows what was recovered beside the newest
backup, and the user chooses.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from netdesk.store.common import SCHEMA_HEAD, DatabaseError

WINDOW = 500
# Tables netdesk rebuilds itself (the search index) or that carry the schema's version.
_SKIP = ("alembic_version", "contact_fts", "contact_search", "contact_record")


@dataclass
class SalvageReport:
    path: Path
    copied: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)  # rows that could not be read
    unreadable: list[str] = field(default_factory=list)  # tables that could not be read at all

    @property
    def complete(self) -> bool:
        return not any(self.lost.values()) and not self.unreadable


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _rows(
    source: sqlite3.Connection, table: str, columns: list[str], report: SalvageReport
) -> list[tuple[object, ...]]:
    names = ", ".join(f'"{c}"' for c in columns)
    try:
        top = source.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
    except sqlite3.DatabaseError:
        report.unreadable.append(table)
        return []
    rows: list[tuple[object, ...]] = []
    for start in range(0, int(top or 0) + 1, WINDOW):
        query = f'SELECT {names} FROM "{table}" WHERE rowid BETWEEN ? AND ?'
        try:
            rows.extend(source.execute(query, (start, start + WINDOW - 1)).fetchall())
            continue
        except sqlite3.DatabaseError:
            pass
        for rowid in range(start, start + WINDOW):
            try:
                rows.extend(source.execute(query, (rowid, rowid)).fetchall())
            except sqlite3.DatabaseError:
                report.lost[table] = report.lost.get(table, 0) + 1
    return rows


def salvage(damaged: Path, dest: Path) -> SalvageReport:
    """Copy every row SQLite can read from ``damaged`` into a new database at ``dest``.

    Raises DatabaseError when the file is not a netdesk database of this version's schema (its
    tables cannot be matched) or nothing at all can be read."""
    from netdesk.store import derived
    from netdesk.store.db import open_database

    uri = f"{damaged.absolute().as_uri()}?mode=ro"
    try:
        source = sqlite3.connect(uri, uri=True)
        revision = source.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"nothing can be recovered from {damaged}: {exc}") from exc
    if revision is None or revision[0] != SCHEMA_HEAD:
        source.close()
        raise DatabaseError(f"{damaged} was made by another version of netdesk")
    if dest.exists():
        dest.unlink()
    open_database(dest).close()  # the schema, at this version
    report = SalvageReport(dest)
    with closing(source), closing(sqlite3.connect(dest)) as target:
        target.execute("PRAGMA foreign_keys=OFF")
        tables = [
            str(row[0])
            for row in target.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                "'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            if table.startswith(_SKIP):
                continue
            try:
                theirs = set(_columns(source, table))
            except sqlite3.DatabaseError:
                report.unreadable.append(table)
                continue
            columns = [c for c in _columns(target, table) if c in theirs]
            if not columns:
                continue
            rows = _rows(source, table, columns, report)
            marks = ", ".join("?" for _ in columns)
            names = ", ".join(f'"{c}"' for c in columns)
            target.executemany(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})', rows)
            report.copied[table] = len(rows)
        target.commit()
    db = open_database(dest)
    try:
        with db.engine.begin() as conn:
            # Every copied row was noted stale by the triggers: this rebuilds the search rows
            # and the dates of the recovered contacts.
            derived.refresh(conn)
    finally:
        db.close()
    if not any(report.copied.values()):
        raise DatabaseError(f"nothing can be recovered from {damaged}")
    return report


__all__ = ["SalvageReport", "salvage"]
