"""CardDAV/CalDAV sync: accounts, per-item sync state of cards and tasks, unresolved conflicts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Registers the sync models on Base.metadata wherever migrations run, so a schema comparison
# against the models (tests/test_store.py) sees them even before netdesk.store.models imports
# them. The tables below are still written out in full: later model edits never change them.
import netdesk.store.sync_models  # noqa: F401

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("username", sa.String(), nullable=False),
        sa.Column("addressbook_url", sa.String(), nullable=False),
        sa.Column("calendar_url", sa.String(), nullable=False),
        sa.Column("sync_token", sa.String(), nullable=True),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("interval_minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_account")),
        sa.UniqueConstraint("name", name=op.f("uq_sync_account_name")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("href", sa.String(), nullable=False),
        sa.Column("local_vcard", sa.Text(), nullable=False),
        sa.Column("remote_vcard", sa.Text(), nullable=False),
        sa.Column("remote_etag", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["sync_account.id"],
            name=op.f("fk_sync_conflict_account_id_sync_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_sync_conflict_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_conflict_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_sync_conflict_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("href", sa.String(), nullable=False),
        sa.Column("etag", sa.String(), nullable=True),
        sa.Column("synced_hash", sa.String(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["sync_account.id"],
            name=op.f("fk_sync_state_account_id_sync_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_sync_state_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
        sa.UniqueConstraint("account_id", "href", name=op.f("uq_sync_state_account_id")),
    )
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_state_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_state_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "sync_task_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("touchpoint_id", sa.Integer(), nullable=True),
        sa.Column("href", sa.String(), nullable=False),
        sa.Column("etag", sa.String(), nullable=True),
        sa.Column("synced_hash", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["sync_account.id"],
            name=op.f("fk_sync_task_state_account_id_sync_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_sync_task_state_touchpoint_id_touchpoint"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_task_state")),
        sa.UniqueConstraint("account_id", "href", name=op.f("uq_sync_task_state_account_id")),
    )
    with op.batch_alter_table("sync_task_state", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_task_state_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_sync_task_state_touchpoint_id"), ["touchpoint_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_task_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_task_state_touchpoint_id"))
        batch_op.drop_index(batch_op.f("ix_sync_task_state_account_id"))

    op.drop_table("sync_task_state")
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_state_contact_id"))
        batch_op.drop_index(batch_op.f("ix_sync_state_account_id"))

    op.drop_table("sync_state")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflict_contact_id"))
        batch_op.drop_index(batch_op.f("ix_sync_conflict_account_id"))

    op.drop_table("sync_conflict")
    op.drop_table("sync_account")
