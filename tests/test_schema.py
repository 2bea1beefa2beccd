"""A new database is made from schema.sql in one step; it must be the migrations' database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from netdesk.store import migrate, schema
from netdesk.store.common import SCHEMA_HEAD
from netdesk.store.db import make_engine, open_database
from netdesk.store.models import Contact


def _migrated(path: Path) -> Path:
    engine = make_engine(path)
    with engine.begin() as conn:
        migrate.upgrade(conn)
    engine.dispose()
    return path


def _catalogue(path: Path) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


def _contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, the virtual table's own tables (FTS5's) included."""
    with sqlite3.connect(path) as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"'), key=repr)
            for name in names
            if name != "contact_fts"  # its rows are contact_fts_content's
        }


def test_schema_sql_is_what_the_migrations_build_now() -> None:
    assert schema.SCHEMA_SQL.read_text(encoding="utf-8") == schema.migrated_dump(), (
        "a migration changed the schema: regenerate with `python -m netdesk.store.schema`"
    )


def test_a_new_file_equals_one_built_by_every_migration(tmp_path: Path) -> None:
    migrated = _migrated(tmp_path / "migrated.sqlite")
    scripted = tmp_path / "scripted.sqlite"
    open_database(scripted).close()
    assert _catalogue(scripted) == _catalogue(migrated)
    assert _contents(scripted) == _contents(migrated)
    with sqlite3.connect(scripted) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (SCHEMA_HEAD,)
        ]
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchall() == [("wal",)]
        # the seeded rows a migration wrote are there
        assert conn.execute("SELECT count(*) FROM cadence_tier").fetchone()[0] >= 3


def test_a_scripted_file_works_and_later_migrations_still_apply(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite"
    db = open_database(path)
    with db.session() as session:
        session.add(Contact(full_name="Zoë Núñez"))
    with db.reading() as raw:
        found = raw.execute("SELECT name FROM contact_fts WHERE contact_fts MATCH 'zo*'").fetchall()
        record = raw.execute("SELECT record FROM contact_record").fetchone()[0]
    assert found == [("Zoë Núñez",)]
    assert '"full_name":"Zoë Núñez"' in record
    with db.engine.begin() as conn:  # the script's file is an ordinary Alembic database
        assert migrate.current_revision(conn) == SCHEMA_HEAD
    db.close()
    db = open_database(path)  # opened again: no migration, nothing lost
    with db.session() as session:
        assert session.scalars(select(Contact.full_name)).all() == ["Zoë Núñez"]
    db.close()


def test_a_damaged_schema_script_leaves_no_half_built_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "schema.sql"
    broken.write_text(
        schema.SCHEMA_SQL.read_text(encoding="utf-8") + "CREATE TABLE contact (x);\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(schema, "SCHEMA_SQL", broken)
    path = tmp_path / "book.sqlite"
    with pytest.raises(Exception, match="contact already exists"):
        open_database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
