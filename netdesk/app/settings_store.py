"""User preferences that belong with the data (playbook, hourly rate, phone region).

They live in the database's ``setting`` table as JSON, so a backup or a sync carries them along
and the command line sees the same values as the window.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from netdesk.store.db import Database
from netdesk.store.models import Setting


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: Any = None) -> Any:
        with self.db.session() as session:
            raw = session.scalar(select(Setting.value).where(Setting.key == key))
        if raw is None:
            return default
        try:
            return json.loads(raw)
        except ValueError:
            return default

    def set(self, key: str, value: Any) -> None:
        raw = json.dumps(value, ensure_ascii=False)
        stmt = sqlite_insert(Setting).values(key=key, value=raw)
        stmt = stmt.on_conflict_do_update(index_elements=["key"], set_={"value": raw})
        with self.db.session() as session:
            session.execute(stmt)
