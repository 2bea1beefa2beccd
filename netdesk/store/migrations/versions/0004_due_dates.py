"""Due lists read straight from indexes: a stored reconnect date and covering indexes.

The keep-in-touch date of each contact (its last touch, or the day it was added, plus its
cadence) was computed per row at every Today view refresh; it is now a column that SQLite
triggers keep right whatever writes the contact (services, import, undo, sync, raw SQL). The
days of each tier are a setting; ``cadence_tier`` mirrors them so a trigger can read them, and
netdesk.app.cadence rewrites the mirror (and the dates) whenever the setting differs from it.

Planned touchpoints and the contact names they are listed with get covering indexes, so
``netdesk due`` reads index pages only instead of one table page per row.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The date a contact's cadence runs out: NULL when it has none (no own days, no known tier).
# Written out here rather than imported so this revision never changes with later code.
RECONNECT_SQL = (
    "date(coalesce(last_touch, date(created_at)), '+' || coalesce(cadence_days, "
    "(SELECT days FROM cadence_tier WHERE cadence_tier.name = contact.tier)) || ' days')"
)
_DEFAULT_TIERS = {"A": 30, "B": 90, "C": 180}


def _stored_tiers(raw: str | None) -> dict[str, int]:
    """The tier days as netdesk.app.cadence.tiers read them at this revision."""
    try:
        value = json.loads(raw) if raw is not None else None
    except ValueError:
        value = None
    if not isinstance(value, dict):
        return dict(_DEFAULT_TIERS)
    result = {}
    for name, days in value.items():
        try:
            number = int(days)
        except (TypeError, ValueError, OverflowError):
            continue
        if 0 < number <= 36_500 and str(name).strip():
            result[str(name).strip()] = number
    return result or dict(_DEFAULT_TIERS)


def upgrade() -> None:
    op.drop_index("ix_contact_own_cadence", table_name="contact")
    op.drop_index("ix_contact_tier_since", table_name="contact")
    # ADD COLUMN, not a batch rebuild: the contact table and its indexes stay as they are.
    op.add_column("contact", sa.Column("reconnect_due", sa.Date(), nullable=True))
    op.create_table(
        "cadence_tier",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_cadence_tier")),
    )
    conn = op.get_bind()
    raw = conn.execute(sa.text("SELECT value FROM setting WHERE key = 'tiers'")).scalar()
    for name, days in _stored_tiers(raw).items():
        conn.execute(
            sa.text("INSERT INTO cadence_tier(name, days) VALUES (:n, :d)"), {"n": name, "d": days}
        )
    conn.execute(
        sa.text(
            f"UPDATE contact SET reconnect_due = {RECONNECT_SQL} "
            "WHERE tier IS NOT NULL OR cadence_days IS NOT NULL"
        )
    )
    # Contacts without a cadence fire nothing: an import of plain cards costs no extra write.
    op.execute(
        "CREATE TRIGGER contact_reconnect_insert AFTER INSERT ON contact "
        "WHEN NEW.tier IS NOT NULL OR NEW.cadence_days IS NOT NULL BEGIN "
        f"UPDATE contact SET reconnect_due = {RECONNECT_SQL} WHERE id = NEW.id; END"
    )
    op.execute(
        "CREATE TRIGGER contact_reconnect_update "
        "AFTER UPDATE OF last_touch, created_at, tier, cadence_days ON contact "
        "WHEN NEW.tier IS NOT NULL OR NEW.cadence_days IS NOT NULL "
        "OR NEW.reconnect_due IS NOT NULL BEGIN "
        f"UPDATE contact SET reconnect_due = {RECONNECT_SQL} WHERE id = NEW.id "
        f"AND reconnect_due IS NOT {RECONNECT_SQL}; END"
    )
    op.create_index(
        "ix_contact_reconnect_due",
        "contact",
        ["reconnect_due", "id", "full_name", "last_touch", "cadence_days", "tier"],
        unique=False,
        sqlite_where=sa.text("reconnect_due IS NOT NULL"),
    )
    op.create_index("ix_contact_id_name", "contact", ["id", "full_name"], unique=False)
    op.create_index(
        "ix_touchpoint_planned",
        "touchpoint",
        ["status", "due_date", "id", "contact_id", "kind", "intent", "event_id", "note"],
        unique=False,
        sqlite_where=sa.text("status = 'planned'"),
    )


def downgrade() -> None:
    op.drop_index("ix_touchpoint_planned", table_name="touchpoint")
    op.drop_index("ix_contact_id_name", table_name="contact")
    op.drop_index("ix_contact_reconnect_due", table_name="contact")
    op.execute("DROP TRIGGER IF EXISTS contact_reconnect_update")
    op.execute("DROP TRIGGER IF EXISTS contact_reconnect_insert")
    op.drop_table("cadence_tier")
    op.drop_column("contact", "reconnect_due")
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
