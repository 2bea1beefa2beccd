"""Keeping in touch: each contact's cadence, and who is past it.

A cadence is set on the contact directly (every N days) or through a tier (A, B, C …) whose
number of days is a setting. The last touch comes from done touchpoints; someone never touched
counts from the day they were added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, text, update

from netdesk.app.settings_store import SettingsStore
from netdesk.store import derived
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


@dataclass(frozen=True)
class Cadence:
    """How often to keep in touch with one contact: a tier, or days of its own (which win)."""

    tier: str | None
    own_days: int | None
    every: int | None  # the days that apply, None: no cadence
    due: dt.date | None  # when it runs out


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
    """Who is due a reconnect, read from ``contact.reconnect_due``.

    The date is derived data (netdesk.store.derived), right after every write of a contact's
    last touch or cadence; the days of each tier are a setting, mirrored into ``cadence_tier``
    for the refresh. Any
    code may write the setting, so every read first checks the mirror against it (one small
    query) and brings the mirror and the dates up to date when they differ.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.settings = SettingsStore(db)

    def set_tiers(self, days_by_tier: dict[str, int]) -> None:
        """Store the tiers' days and move every tiered contact's reconnect date with them."""
        self.settings.set(TIERS_KEY, days_by_tier)
        self._sync_tiers(tiers(self.settings))

    def set_cadence(
        self, contact_id: int, *, tier: str | None = None, days: int | None = None
    ) -> None:
        """Give a contact a tier, or a cadence of its own (which wins over the tier)."""
        if days is not None and days < 1:
            raise ValueError("a cadence needs at least one day")
        known = self._known_tiers()
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

    def cadence_of(self, contact_id: int) -> Cadence:
        """The contact's tier or own cadence, and when it runs out."""
        with self.db.session() as session:
            row = session.execute(
                select(Contact.tier, Contact.cadence_days, Contact.reconnect_due).where(
                    Contact.id == contact_id
                )
            ).first()
        if row is None:
            raise LookupError(f"no contact with id {contact_id}")
        tier, days, due = row
        known = tiers(self.settings)
        return Cadence(tier, days, days or known.get(tier or ""), due)

    def tiers(self) -> dict[str, int]:
        return self._known_tiers()

    def due(self, today: dt.date, days_ahead: int = 0, limit: int | None = None) -> list[Reconnect]:
        """Contacts whose cadence has run out by ``today + days_ahead``, most overdue first:
        one range of ix_contact_reconnect_due, which holds every column read here."""
        self._known_tiers()
        horizon = today + dt.timedelta(days=days_ahead)
        sql = text(
            "SELECT id, full_name, last_touch, reconnect_due, coalesce(cadence_days, "
            "(SELECT days FROM cadence_tier WHERE cadence_tier.name = contact.tier)) "
            "FROM contact WHERE reconnect_due <= :horizon ORDER BY reconnect_due, id LIMIT :limit"
        )
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                sql, {"horizon": horizon.isoformat(), "limit": -1 if limit is None else limit}
            ).fetchall()
        date = dt.date.fromisoformat
        return [
            Reconnect(int(i), str(n), date(last) if last else None, int(days), date(due))
            for i, n, last, due, days in rows
        ]

    def count_due(self, today: dt.date, days_ahead: int = 0) -> int:
        """How many contacts ``due`` would list without a limit, counted on the index."""
        self._known_tiers()
        horizon = today + dt.timedelta(days=days_ahead)
        with self.db.engine.connect() as conn:
            return int(
                conn.execute(
                    text("SELECT count(*) FROM contact WHERE reconnect_due <= :horizon"),
                    {"horizon": horizon.isoformat()},
                ).scalar_one()
            )

    def _known_tiers(self) -> dict[str, int]:
        """The tiers as the setting says, with the mirror the triggers read brought in line."""
        known = tiers(self.settings)
        with self.db.engine.connect() as conn:
            mirror = {n: d for n, d in conn.execute(text("SELECT name, days FROM cadence_tier"))}
        if mirror != known:
            self._sync_tiers(known)
        return known

    def _sync_tiers(self, known: dict[str, int]) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(text("DELETE FROM cadence_tier"))
            if known:
                conn.execute(
                    text("INSERT INTO cadence_tier(name, days) VALUES (:name, :days)"),
                    [{"name": n, "days": d} for n, d in known.items()],
                )
            derived.recompute_reconnect_all(conn)
