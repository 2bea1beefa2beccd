"""Each contact's touches of the last year and more kept beside its ready-made record (#19).

``contacts --search`` printed 4,036 records in ~155 ms, over its 150 ms; more than half of its
SQL read the year's touches that strength is computed from, through one lookup per match in
the follow-ups' index. ``contact_record.touches`` holds them, from 400 days before the record
was built (netdesk.store.records.TOUCHES_SQL), and comes with the record.

The triggers of 0009 already note a contact whose follow-ups or interactions change, and every
noted contact's record is rebuilt; the triggers added here note the contact of a follow-up whose
automatic completion is made, undone or removed (a follow-up completed from the mailbox is not
a touch of its own). The upgrade notes every contact, so the upgrade to the head builds every
record again with its touches (netdesk.store.migrate). The downgrade drops what was added.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD = 8
_UPSERT = "ON CONFLICT(id) DO UPDATE SET what = what | excluded.what;"


def _mark(touchpoint: str) -> str:
    return (
        f"INSERT INTO contact_stale(id, what) SELECT contact_id, {RECORD} FROM touchpoint "
        f"WHERE id = {touchpoint} {_UPSERT}"
    )


_TRIGGERS = [
    (
        "record_auto_completion_insert",
        f"AFTER INSERT ON auto_completion BEGIN {_mark('NEW.touchpoint_id')}",
    ),
    (
        "record_auto_completion_update",
        f"AFTER UPDATE ON auto_completion BEGIN {_mark('OLD.touchpoint_id')} "
        f"{_mark('NEW.touchpoint_id')}",
    ),
    (
        "record_auto_completion_delete",
        f"AFTER DELETE ON auto_completion BEGIN {_mark('OLD.touchpoint_id')}",
    ),
]


def upgrade() -> None:
    op.execute("ALTER TABLE contact_record ADD COLUMN touches TEXT")
    for name, body in _TRIGGERS:
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body} END")
    op.execute(
        f"INSERT INTO contact_stale(id, what) SELECT id, {RECORD} FROM contact WHERE true "
        f"ON CONFLICT(id) DO UPDATE SET what = what | {RECORD}"
    )


def downgrade() -> None:
    for name, _body in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("ALTER TABLE contact_record DROP COLUMN touches")
