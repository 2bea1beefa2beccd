"""Cards captured from photos: the card image kept with the contact, "to review", and the
photos the watched folder has already picked up.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ADD COLUMN, not a table rebuild: the full-text and reconnect triggers on contact stay.
    op.add_column(
        "contact",
        sa.Column("needs_review", sa.Boolean(), server_default=sa.text("0"), nullable=False),
    )
    op.create_index(
        "ix_contact_needs_review",
        "contact",
        ["needs_review"],
        unique=False,
        sqlite_where=sa.text("needs_review"),
    )
    op.create_table(
        "card_image",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("mime", sa.String(), nullable=False),
        sa.Column("file", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("unsure", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name="fk_card_image_contact_id_contact",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_card_image"),
    )
    op.create_index("ix_card_image_contact_id", "card_image", ["contact_id"], unique=False)
    op.create_index("ix_card_image_batch_id", "card_image", ["batch_id"], unique=False)
    op.create_table(
        "captured_file",
        sa.Column("path", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mtime_ns", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("picked_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("path", name="pk_captured_file"),
    )


def downgrade() -> None:
    op.drop_table("captured_file")
    op.drop_index("ix_card_image_batch_id", table_name="card_image")
    op.drop_index("ix_card_image_contact_id", table_name="card_image")
    op.drop_table("card_image")
    op.drop_index("ix_contact_needs_review", table_name="contact")
    op.drop_column("contact", "needs_review")
