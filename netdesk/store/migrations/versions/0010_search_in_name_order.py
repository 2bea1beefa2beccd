"""Search rows in name order: the rowid of a contact's search row becomes an order key (its
name's first seven bytes as NOCASE compares them, then a slot), and ``contact_search`` maps each
key to its contact (netdesk.store.fts). A search then reads its first page's matches in the
list's order straight from the index instead of sorting every match (#19).

The upgrade empties the index and notes every contact's search row as stale; the upgrade to the
head rebuilds what is stale before it commits (netdesk.store.migrate), with the keys of the code
that reads them. The downgrade gives the rows back their contact ids as rowids.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "name, organization, email, phone, note, tags"


def upgrade() -> None:
    op.execute(
        "CREATE TABLE IF NOT EXISTS contact_search "
        "(key INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL UNIQUE)"
    )
    op.execute("DELETE FROM contact_fts")
    op.execute(
        "INSERT INTO contact_stale(id, what) SELECT id, 1 FROM contact WHERE true "
        "ON CONFLICT(id) DO UPDATE SET what = what | 1"
    )


def downgrade() -> None:
    op.execute(
        f"CREATE TEMP TABLE search_rows AS SELECT s.contact_id AS id, {_COLUMNS} "
        "FROM contact_fts f JOIN contact_search s ON s.key = f.rowid"
    )
    op.execute("DELETE FROM contact_fts")
    op.execute(f"INSERT INTO contact_fts(rowid, {_COLUMNS}) SELECT id, {_COLUMNS} FROM search_rows")
    op.execute("DROP TABLE search_rows")
    op.execute("DROP TABLE contact_search")
