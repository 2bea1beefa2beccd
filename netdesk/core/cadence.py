"""Keeping in touch: each contact's cadence, and who is past it.

A cadence is set on the contact directly (every N days) or through a tier (A, B, C …) whose
number of days is a setting. The last touch comes from done touchpoints; someone never touched
counts from the day they were added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal, select, update

from netdesk.core.settings_store import SettingsStore
from netdesk.store.db import Database
from netdesk.store.models import Contact

TIERS_KEY = "tiers"
DEFAULT_TIERS = {"A": 30, "B": 90, "C": 180}


@dataclass(frozen=True)
class Reconnect:
    contact_id: int
    contact: str
    last_touch: dt.date | None
    cadence_days: int
    due: dt.date


def tiers(settings: SettingsStore) -> dict[str, int]:
    raw = settings.get(TIERS_KEY)
    if not isinstance(raw, dict):
        return dict(DEFAULT_TIERS)
    result = {}
    for name, days in raw.items():
        try:
            number = int(days)
        except (TypeError, ValueError):
            continue
        if number > 0 and str(name).strip():
            result[str(name).strip()] = number
    return result or dict(DEFAULT_TIERS)


class KeepInTouch:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.settings = SettingsStore(db)

    def set_cadence(
        self, contact_id: int, *, tier: str | None = None, days: int | None = None
    ) -> None:
        """Give a contact a tier, or a cadence of its own (which wins over the tier)."""
        if days is not None and days < 1:
            raise ValueError("a cadence needs at least one day")
        known = tiers(self.settings)
        if tier is not None and tier not in known:
            raise ValueError(f"unknown tier {tier!r} (known: {', '.join(sorted(known))})")
        with self.db.session() as session:
            result = session.execute(
                update(Contact)
                .where(Contact.id == contact_id)
                .values(tier=tier, cadence_days=days)
                .execution_options(synchronize_session=False)
            )
            if getattr(result, "rowcount", 1) == 0:
                raise LookupError(f"no contact with id {contact_id}")

    def _effective_cadence(self) -> Any:
        known = tiers(self.settings)
        by_tier = case(
            *[(Contact.tier == name, literal(days)) for name, days in known.items()],
            else_=None,
        )
        return func.coalesce(Contact.cadence_days, by_tier)

    def due(self, today: dt.date, days_ahead: int = 0) -> list[Reconnect]:
        """Contacts whose cadence has run out by ``today + days_ahead``, most overdue first."""
        cadence = self._effective_cadence().label("cadence")
        since = func.coalesce(Contact.last_touch, func.date(Contact.created_at))
        due_expr = func.date(since, func.printf("+%d days", cadence))
        horizon = (today + dt.timedelta(days=days_ahead)).isoformat()
        stmt = (
            select(Contact.id, Contact.full_name, Contact.last_touch, cadence, due_expr)
            .where(cadence.isnot(None), due_expr <= horizon)
            .order_by(due_expr, Contact.id)
        )
        with self.db.session() as session:
            return [
                Reconnect(int(i), str(n), lt, int(c), dt.date.fromisoformat(str(d)))
                for i, n, lt, c, d in session.execute(stmt)
            ]
