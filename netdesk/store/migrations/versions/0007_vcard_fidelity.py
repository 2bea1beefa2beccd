"""What a card says that netdesk does not model, kept with the contact: its unmodelled content
lines (X- fields, groups and labels, vCard 4.0 properties) and its vCard version, so sync and
export write them back unchanged.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ADD COLUMN, not a table rebuild: the full-text and reconnect triggers on contact stay.
    op.add_column("contact", sa.Column("vcard_extra", sa.Text(), nullable=True))
    op.add_column("contact", sa.Column("vcard_version", sa.String(length=3), nullable=True))


def downgrade() -> None:
    op.drop_column("contact", "vcard_version")
    op.drop_column("contact", "vcard_extra")
