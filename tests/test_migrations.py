"""Every earlier schema revision upgrades to the newest with the user's data intact."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from netdesk.app.contacts import ContactBook
from netdesk.store import migrate
from netdesk.store.backups import BackupManager
from netdesk.store.db import SCHEMA_HEAD, open_database


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_revision_history_is_linear_and_the_head_constant_is_current() -> None:
    script = ScriptDirectory.from_config(migrate.config())
    assert len(script.get_heads()) == 1
    assert revisions()[0] == "0001"
    assert migrate.head_revision() == SCHEMA_HEAD


@pytest.mark.parametrize("revision", revisions())
def test_upgrade_from_every_revision_keeps_the_data(tmp_path: Path, revision: str) -> None:
    path = tmp_path / f"at-{revision}.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, revision)
        # Rows written with the columns every revision since 0001 has.
        conn.execute(
            text(
                "INSERT INTO contact(id, full_name, given_name, family_name, additional_names, "
                "prefix, suffix, nickname, organization, department, title, role, note, uid, "
                "primary_email, primary_phone, created_at, updated_at) VALUES (7, 'Ana García', "
                "'Ana', 'García', '', '', '', '', 'Notaría', '', 'Notaria', '', 'old note', "
                "'uid-7', 'ana@notaria.example', '', '2024-05-01', '2024-05-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO contact_email(contact_id, position, value, kind, pref, match_key) "
                "VALUES (7, 0, 'ana@notaria.example', 'work', 1, 'ana@notaria.example')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO event(id, name, date, place, organiser, cost, currency, hours, "
                "notes, tags, created_at) VALUES (3, 'Breakfast', '2024-04-30', '', '', 25, "
                "'EUR', 2, '', '', '2024-05-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO touchpoint(contact_id, event_id, kind, intent, status, due_date, "
                "channel, note, created_at) VALUES (7, 3, 'thank_you', 'give', 'planned', "
                "'2024-05-02', '', '', '2024-05-01')"
            )
        )
        if revision < "0009":  # later, triggers note the row for netdesk to index
            conn.execute(
                text(
                    "INSERT INTO contact_fts(rowid, name, organization, email, phone, note, tags) "
                    "VALUES (7, 'Ana García', 'Notaría', 'ana@notaria.example', '', 'old note', '')"
                )
            )
    engine.dispose()
    db = open_database(path)
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    book = ContactBook(db)
    (record,) = book.as_records()
    assert record["id"] == 7
    assert record["full_name"] == "Ana García"
    assert record["emails"] == ["ana@notaria.example"]
    assert record["note"] == "old note"
    assert [s.id for s in book.summaries("notaria")] == [7]
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM touchpoint")).scalar() == 1
    if revision != migrate.head_revision():
        assert [b.reason for b in BackupManager(path).list()] == ["pre-migration"]
    db.close()
