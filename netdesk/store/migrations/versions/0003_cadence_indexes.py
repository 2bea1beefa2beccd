"""Indexes for keeping in touch: the Today view finds overdue contacts per tier by range.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain CREATE INDEX: no table rebuild, so the full-text triggers on contact stay.
    op.create_index(
        "ix_contact_tier_since",
        "contact",
        ["tier", "cadence_days", sa.text("coalesce(last_touch, date(created_at))")],
        unique=False,
    )
    op.create_index(
        "ix_contact_own_cadence",
        "contact",
        ["cadence_days"],
        unique=False,
        sqlite_where=sa.text("cadence_days IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_contact_own_cadence", table_name="contact")
    op.drop_index("ix_contact_tier_since", table_name="contact")
