"""The database file: pragmas, migrations, search index, snapshots."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from netdesk.store import migrate
from netdesk.store.db import Database, DatabaseError, open_database
from netdesk.store.models import Base

EXPRESSION_INDEXES = {
    "ix_contact_name_nocase": "full_name COLLATE NOCASE",
}


def test_new_database_has_pragmas_and_head_revision(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert migrate.current_revision(conn) == migrate.head_revision()


def test_database_file_is_private(db: Database) -> None:
    assert stat.S_IMODE(db.path.stat().st_mode) == 0o600


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_build_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The FTS5 tables and the triggers' list of stale contacts (netdesk.store.derived) are
    # created by the migrations but are not ORM models, and SQLite's reflection cannot read
    # expression indexes back: those are checked by their SQL below.
    not_models = ("contact_fts", "contact_stale", "contact_search", "contact_record")
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(not_models))]
    diff = [
        d
        for d in diff
        if not (d[0] in ("add_index", "remove_index") and d[1].name in EXPRESSION_INDEXES)
    ]
    assert diff == []
    with db.engine.connect() as conn:
        for name, expected in EXPRESSION_INDEXES.items():
            sql = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :n"),
                {"n": name},
            ).scalar()
            assert sql is not None and expected in sql


def test_upgrade_of_an_older_file_keeps_a_backup(tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    path = tmp_path / "old.sqlite"
    database = open_database(path)
    with database.engine.begin() as conn:
        migrate.downgrade(conn, "base")  # an empty file from before the first revision
    database.close()
    reopened = open_database(path)
    backups = list((tmp_path / "backups").glob("netdesk-*-pre-migration.sqlite"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    assert not list(tmp_path.glob("old.sqlite.before-*"))
    with closing(sqlite3.connect(backups[0])) as old:  # the file as it was: unversioned
        tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "contact" not in tables
    with reopened.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    reopened.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1  # opening at head backs up nothing
    open_database(path).close()
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    with pytest.raises(DatabaseError, match="not a netdesk database"):
        open_database(path)
    assert path.read_bytes().startswith(b"these are my notes")


def test_unwritable_folder_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="cannot create the folder"):
        open_database(blocker / "sub" / "db.sqlite")


def test_foreign_keys_cascade_on_delete(db: Database) -> None:
    from netdesk.app.contacts import ContactBook
    from netdesk.domain.contact_data import ContactData, EmailAddress

    cid = ContactBook(db).create(ContactData(full_name="A", emails=[EmailAddress("a@x.org")]))
    with db.engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM contact_email")).scalar() == 1
        conn.execute(text("DELETE FROM contact WHERE id = :id"), {"id": cid})
        assert conn.execute(text("SELECT count(*) FROM contact_email")).scalar() == 0
