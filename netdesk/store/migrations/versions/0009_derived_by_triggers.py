"""Derived data kept by one mechanism: triggers note which contacts changed, and every unit of
work brings their derived data in line before it commits (netdesk.store.derived).

Before this, the search index and the list's "last touch"/"next follow-up" were refreshed by
hand (31 calls in 12 modules) while ``reconnect_due`` was computed by two triggers of 0004. A
write that forgot its call left the search or the list wrong until the next write to that
contact. Now every write to a contact, its e-mails, phones or tags, its follow-ups or its
logged mails and meetings notes the contact's id in ``contact_stale`` with what went stale (a
cheap upsert: an import of 10,000 cards still rebuilds each index row once and writes no dates),
and ``derived.refresh`` recomputes just that — the search row, the two dates, ``reconnect_due`` —
before the transaction commits. The two reconnect triggers are dropped.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What is stale, as bits (netdesk.store.derived): the search row, the two dates (and so the
# reconnect date), the reconnect date alone.
INDEX, DATES, RECONNECT = 1, 2, 4
_UPSERT = "ON CONFLICT(id) DO UPDATE SET what = what | excluded.what;"


def _mark(contact: str, what: int) -> str:
    return f"INSERT INTO contact_stale(id, what) VALUES ({contact}, {what}) {_UPSERT}"


def _marks(table: str, what: int) -> tuple[tuple[str, str, str], ...]:
    return (
        (table, f"AFTER INSERT ON {table}", _mark("NEW.contact_id", what)),
        (
            table,
            f"AFTER UPDATE ON {table}",
            _mark("OLD.contact_id", what) + " " + _mark("NEW.contact_id", what),
        ),
        (table, f"AFTER DELETE ON {table}", _mark("OLD.contact_id", what)),
    )


# (table, event, what it marks): the contact columns the search row and the reconnect date
# read, and every table whose rows feed the search row or the dates.
_TRIGGERS = (
    ("contact", "AFTER INSERT ON contact", _mark("NEW.id", INDEX | RECONNECT)),
    (
        "contact",
        "AFTER UPDATE OF full_name, given_name, family_name, nickname, organization, "
        "department, title, note ON contact",
        _mark("NEW.id", INDEX),
    ),
    (
        "contact",
        "AFTER UPDATE OF tier, cadence_days, created_at ON contact",
        _mark("NEW.id", RECONNECT),
    ),
    ("contact", "AFTER DELETE ON contact", _mark("OLD.id", INDEX)),
    *_marks("contact_email", INDEX),
    *_marks("contact_phone", INDEX),
    *_marks("contact_tag", INDEX),
    *_marks("touchpoint", DATES),
    *_marks("interaction", DATES),
    (
        "tag",
        "AFTER UPDATE OF name ON tag",
        f"INSERT INTO contact_stale(id, what) SELECT contact_id, {INDEX} FROM contact_tag "
        f"WHERE tag_id = NEW.id {_UPSERT}",
    ),
)

# 0004's triggers, for the downgrade.
_RECONNECT_SQL = (
    "date(coalesce(last_touch, date(created_at)), '+' || coalesce(cadence_days, "
    "(SELECT days FROM cadence_tier WHERE cadence_tier.name = contact.tier)) || ' days')"
)


def _name(index: int, table: str) -> str:
    return f"stale_{index:02d}_{table}"


def upgrade() -> None:
    op.execute(
        "CREATE TABLE IF NOT EXISTS contact_stale (id INTEGER PRIMARY KEY, what INTEGER NOT NULL)"
    )
    op.execute("DROP TRIGGER IF EXISTS contact_reconnect_update")
    op.execute("DROP TRIGGER IF EXISTS contact_reconnect_insert")
    for index, (table, event, marks) in enumerate(_TRIGGERS):
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {_name(index, table)} {event} BEGIN {marks} END")


def downgrade() -> None:
    for index, (table, _event, _marks) in enumerate(_TRIGGERS):
        op.execute(f"DROP TRIGGER IF EXISTS {_name(index, table)}")
    op.execute("DROP TABLE IF EXISTS contact_stale")
    op.execute(
        "CREATE TRIGGER contact_reconnect_insert AFTER INSERT ON contact "
        "WHEN NEW.tier IS NOT NULL OR NEW.cadence_days IS NOT NULL BEGIN "
        f"UPDATE contact SET reconnect_due = {_RECONNECT_SQL} WHERE id = NEW.id; END"
    )
    op.execute(
        "CREATE TRIGGER contact_reconnect_update "
        "AFTER UPDATE OF last_touch, created_at, tier, cadence_days ON contact "
        "WHEN NEW.tier IS NOT NULL OR NEW.cadence_days IS NOT NULL "
        "OR NEW.reconnect_due IS NOT NULL BEGIN "
        f"UPDATE contact SET reconnect_due = {_RECONNECT_SQL} WHERE id = NEW.id "
        f"AND reconnect_due IS NOT {_RECONNECT_SQL}; END"
    )
