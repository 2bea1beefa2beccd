"""Interactions read from mail and calendars, the mail sources to scan, how far each IMAP folder
was read, follow-ups that scans completed, correspondents suggested as contacts, and each
contact's relationship strength.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Registers the mail models on Base.metadata wherever migrations run (see 0002).
import netdesk.store.mail_models  # noqa: F401

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "correspondent",
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("sent", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("last_date", sa.Date(), nullable=True),
        sa.Column("dismissed", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_correspondent")),
    )
    op.create_table(
        "mail_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("host", sa.String(), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("security", sa.String(), nullable=False),
        sa.Column("username", sa.String(), nullable=False),
        sa.Column("folders", sa.Text(), nullable=False),
        sa.Column("last_scan_at", sa.DateTime(), nullable=True),
        sa.Column("last_result", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_source")),
        sa.UniqueConstraint("name", name=op.f("uq_mail_source_name")),
    )
    op.create_table(
        "scan_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("report", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_run")),
    )
    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_interaction_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction")),
        sa.UniqueConstraint("key", "contact_id", name=op.f("uq_interaction_key")),
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index("ix_interaction_contact_date", ["contact_id", "date"], unique=False)
        batch_op.create_index(batch_op.f("ix_interaction_scan_id"), ["scan_id"], unique=False)

    op.create_table(
        "mail_folder_state",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("folder", sa.String(), nullable=False),
        sa.Column("uidvalidity", sa.Integer(), nullable=False),
        sa.Column("last_uid", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["mail_source.id"],
            name=op.f("fk_mail_folder_state_source_id_mail_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source_id", "folder", name=op.f("pk_mail_folder_state")),
    )
    op.create_table(
        "auto_completion",
        sa.Column("touchpoint_id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("scan_id", sa.Integer(), nullable=True),
        sa.Column("previous_due", sa.Date(), nullable=True),
        sa.Column("undone", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_auto_completion_interaction_id_interaction"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_auto_completion_touchpoint_id_touchpoint"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("touchpoint_id", name=op.f("pk_auto_completion")),
    )
    with op.batch_alter_table("auto_completion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_auto_completion_interaction_id"), ["interaction_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_auto_completion_scan_id"), ["scan_id"], unique=False)

    # ADD COLUMN, not a table rebuild: the full-text and reconnect triggers on contact stay.
    op.add_column("contact", sa.Column("strength", sa.Integer(), nullable=True))
    op.create_index("ix_contact_strength", "contact", ["strength"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_contact_strength", table_name="contact")
    op.drop_column("contact", "strength")
    with op.batch_alter_table("auto_completion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auto_completion_scan_id"))
        batch_op.drop_index(batch_op.f("ix_auto_completion_interaction_id"))

    op.drop_table("auto_completion")
    op.drop_table("mail_folder_state")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_scan_id"))
        batch_op.drop_index("ix_interaction_contact_date")

    op.drop_table("interaction")
    op.drop_table("scan_run")
    op.drop_table("mail_source")
    op.drop_table("correspondent")
