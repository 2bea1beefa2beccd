"""Each contact's ``contacts --json`` record kept ready-made in ``contact_record`` (#19), and an
index of done follow-ups for the strength it is printed with.

Building 4,000 records at read time joined seven tables per contact (~100 ms); stored, they are
one lookup each (netdesk.store.records). They are derived data: the triggers of 0009 already
note the contacts whose name, e-mails, phones, tags, dates or cadence change, and the triggers
added here note the rest a record shows — the contact's other columns, its addresses, web sites
and events, and an event's new name or date — with the bit RECORD. ``derived.refresh`` rebuilds
the record of every contact noted, whatever the bit.

Strength counts the done follow-ups of the last year: ``ix_touchpoint_done`` holds what it
reads, so SQLite no longer reads each follow-up's row.

The upgrade notes every contact; the upgrade to the head builds their records before it commits
(netdesk.store.migrate). The downgrade drops what was added.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD = 8
_UPSERT = "ON CONFLICT(id) DO UPDATE SET what = what | excluded.what;"
# The contact's columns a record shows (netdesk.store.records.CONTACT_COLUMNS at this revision).
_COLUMNS = (
    "full_name, given_name, family_name, nickname, organization, department, title, role, "
    "note, birthday, photo_mime, needs_review, tier, cadence_days, last_touch, "
    "next_follow_up, created_at, updated_at"
)


def _mark(contact: str) -> str:
    return f"INSERT INTO contact_stale(id, what) VALUES ({contact}, {RECORD}) {_UPSERT}"


def _marks(table: str) -> list[tuple[str, str]]:
    return [
        (f"record_{table}_insert", f"AFTER INSERT ON {table} BEGIN {_mark('NEW.contact_id')}"),
        (
            f"record_{table}_update",
            f"AFTER UPDATE ON {table} BEGIN {_mark('OLD.contact_id')} {_mark('NEW.contact_id')}",
        ),
        (f"record_{table}_delete", f"AFTER DELETE ON {table} BEGIN {_mark('OLD.contact_id')}"),
    ]


_TRIGGERS = [
    ("record_contact_update", f"AFTER UPDATE OF {_COLUMNS} ON contact BEGIN {_mark('NEW.id')}"),
    *_marks("contact_address"),
    *_marks("contact_url"),
    *_marks("event_contact"),
    (
        "record_event_update",
        "AFTER UPDATE OF name, date ON event BEGIN "
        f"INSERT INTO contact_stale(id, what) SELECT contact_id, {RECORD} FROM event_contact "
        f"WHERE event_id = NEW.id {_UPSERT}",
    ),
]


def upgrade() -> None:
    op.execute(
        "CREATE TABLE IF NOT EXISTS contact_record "
        "(contact_id INTEGER PRIMARY KEY, record TEXT NOT NULL)"
    )
    for name, body in _TRIGGERS:
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body} END")
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_touchpoint_done "
        "ON touchpoint (contact_id, done_date, kind) WHERE status = 'done'"
    )
    op.execute(
        f"INSERT INTO contact_stale(id, what) SELECT id, {RECORD} FROM contact WHERE true "
        f"ON CONFLICT(id) DO UPDATE SET what = what | {RECORD}"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_touchpoint_done")
    for name, _body in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS contact_record")
