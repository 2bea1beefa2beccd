"""Alembic, driven from code: netdesk upgrades its own database at start-up."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

MIGRATIONS = Path(__file__).with_name("migrations")


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: Connection, revision: str = "head") -> None:
    """Upgrade; at the head, also bring the derived data the migrations left stale in line
    (a migration cannot build it with code that may later change: 0010's search keys)."""
    command.upgrade(config(conn), revision)
    if revision == "head":
        from netdesk.store import derived

        derived.refresh(conn)


def downgrade(conn: Connection, revision: str) -> None:
    command.downgrade(config(conn), revision)
