"""Indexes the contacts list sorts by strength with, one per direction.

The list sorts by ``coalesce(strength, -1)`` descending and ``coalesce(strength, 101)``
ascending, so contacts without a score come last both ways; without these, each page of a sort
by strength read and sorted every contact (160 ms at 100,000, the Today list's largest stall).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for name, unscored in (("down", -1), ("up", 101)):
        op.execute(
            f"CREATE INDEX IF NOT EXISTS ix_contact_strength_{name} "
            f"ON contact (coalesce(strength, {unscored}), id)"
        )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_contact_strength_up")
    op.execute("DROP INDEX IF EXISTS ix_contact_strength_down")
