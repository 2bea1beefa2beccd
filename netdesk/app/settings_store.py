"""User preferences that belong with the data (playbook, hourly rate, phone region).

They live in the database's ``setting`` table as JSON, so a backup or a sync carries them along
and the command line sees the same values as the window. Reading goes through ``reading()``
(netdesk.store.common.Readable), so the command line's read commands need no ORM (#19).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netdesk.store.common import Readable
    from netdesk.store.db import Database


def read_setting(source: Readable, key: str, default: Any = None) -> Any:
    """The stored value of ``key``, or ``default`` when it is missing or not JSON."""
    with source.reading() as conn:
        found = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    if found is None or found[0] is None:
        return default
    try:
        return json.loads(found[0])
    except (TypeError, ValueError):
        return default


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: Any = None) -> Any:
        return read_setting(self.db, key, default)

    def set(self, key: str, value: Any) -> None:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        from netdesk.store.models import Setting

        raw = json.dumps(value, ensure_ascii=False)
        stmt = sqlite_insert(Setting).values(key=key, value=raw)
        stmt = stmt.on_conflict_do_update(index_elements=["key"], set_={"value": raw})
        with self.db.session() as session:
            session.execute(stmt)
