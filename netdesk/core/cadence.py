"""Keeping in touch: each contact's cadence, and who is past it.

A cadence is set on the contact directly (every N days) or through a tier (A, B, C …) whose
number of days is a setting. The last touch comes from done touchpoints; someone never touched
counts from the day they were added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text, update

from netdesk.core.settings_store import SettingsStore
from netdesk.store.db import Database
from netdesk.store.models import SINCE_SQL, Contact

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
        except (TypeError, ValueError, OverflowError):
            continue
        if 0 < number <= 36_500 and str(name).strip():
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

    def due(self, today: dt.date, days_ahead: int = 0, limit: int | None = None) -> list[Reconnect]:
        """Contacts whose cadence has run out by ``today + days_ahead``, most overdue first.

        Each tier is read in the order of ix_contact_tier_since, so the first ``limit`` per
        tier come straight from the index; contacts with a cadence of their own are few.
        """
        horizon = today + dt.timedelta(days=days_ahead)
        found: list[Reconnect] = []
        with self.db.engine.connect() as conn:
            for tier, days in tiers(self.settings).items():
                cutoff = (horizon - dt.timedelta(days=days)).isoformat()
                rows = conn.execute(
                    text(
                        f"SELECT id, full_name, last_touch, {SINCE_SQL} AS since FROM contact "
                        f"WHERE tier = :tier AND cadence_days IS NULL AND {SINCE_SQL} <= :cutoff "
                        f"ORDER BY {SINCE_SQL}, id LIMIT :limit"
                    ),
                    {"tier": tier, "cutoff": cutoff, "limit": -1 if limit is None else limit},
                )
                found.extend(_reconnect(i, n, lt, s, days) for i, n, lt, s in rows)
            rows = conn.execute(
                text(
                    f"SELECT id, full_name, last_touch, {SINCE_SQL} AS since, cadence_days "
                    "FROM contact WHERE cadence_days IS NOT NULL "
                    f"AND date({SINCE_SQL}, printf('+%d days', cadence_days)) <= :horizon"
                ),
                {"horizon": horizon.isoformat()},
            )
            found.extend(_reconnect(i, n, lt, s, c) for i, n, lt, s, c in rows)
        found.sort(key=lambda r: (r.due, r.contact_id))
        return found if limit is None else found[:limit]

    def count_due(self, today: dt.date, days_ahead: int = 0) -> int:
        """How many contacts ``due`` would list without a limit, counted on the indexes."""
        horizon = today + dt.timedelta(days=days_ahead)
        total = 0
        with self.db.engine.connect() as conn:
            for tier, days in tiers(self.settings).items():
                total += int(
                    conn.execute(
                        text(
                            "SELECT count(*) FROM contact WHERE tier = :tier "
                            f"AND cadence_days IS NULL AND {SINCE_SQL} <= :cutoff"
                        ),
                        {"tier": tier, "cutoff": (horizon - dt.timedelta(days=days)).isoformat()},
                    ).scalar_one()
                )
            total += int(
                conn.execute(
                    text(
                        "SELECT count(*) FROM contact WHERE cadence_days IS NOT NULL "
                        f"AND date({SINCE_SQL}, printf('+%d days', cadence_days)) <= :horizon"
                    ),
                    {"horizon": horizon.isoformat()},
                ).scalar_one()
            )
        return total


def _reconnect(contact_id: int, name: str, last: str | None, since: str, days: int) -> Reconnect:
    start = dt.date.fromisoformat(since)
    return Reconnect(
        int(contact_id),
        str(name),
        dt.date.fromisoformat(last) if last else None,
        int(days),
        start + dt.timedelta(days=int(days)),
    )
