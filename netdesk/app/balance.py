"""Give / connect / ask balance: am I networking or selling?

Every touchpoint carries an intent (give, connect, ask). Planned and done touchpoints count
(skipped ones never happened); a touchpoint falls in the month it was done, or — while still
planned — the month it is due. Touchpoints with neither date count in totals but in no month.
``event_ids`` keeps the touchpoints and referrals that came from those events (an organiser's
series on the dashboard).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select

from netdesk.store.db import Database
from netdesk.store.models import Contact, Referral, Touchpoint

INTENTS = ("give", "connect", "ask")
COUNTED = ("planned", "done")
SELLING_MESSAGE = (
    "You're selling, not networking: most recent touchpoints with this contact are asks."
)
# A warning needs at least this many asks among the recent touchpoints: one ask alone is
# not a pattern.
MIN_ASKS = 2


@dataclass(frozen=True)
class Balance:
    """How many touchpoints gave, connected and asked."""

    give: int = 0
    connect: int = 0
    ask: int = 0

    @property
    def total(self) -> int:
        return self.give + self.connect + self.ask

    def share(self, intent: str) -> float:
        """The fraction (0–1) of touchpoints with this intent; 0.0 when there are none."""
        if intent not in INTENTS:
            raise ValueError(f"intent: must be one of {', '.join(INTENTS)}")
        return getattr(self, intent) / self.total if self.total else 0.0

    def shares(self) -> dict[str, float]:
        return {intent: self.share(intent) for intent in INTENTS}


@dataclass(frozen=True)
class MonthBalance:
    month: str  # "YYYY-MM"
    balance: Balance


@dataclass(frozen=True)
class MonthReferrals:
    month: str  # "YYYY-MM"
    given: int
    received: int


@dataclass(frozen=True)
class ContactBalance:
    contact_id: int
    name: str
    balance: Balance


def _when() -> Any:
    """The day a touchpoint counts on: done day when done, due day while planned."""
    return case(
        (Touchpoint.status == "done", func.coalesce(Touchpoint.done_date, Touchpoint.due_date)),
        else_=Touchpoint.due_date,
    )


def _filters(
    contact_id: int | None,
    start: dt.date | None,
    end: dt.date | None,
    event_ids: Collection[int] | None = None,
) -> list[Any]:
    where: list[Any] = [Touchpoint.status.in_(COUNTED)]
    if contact_id is not None:
        where.append(Touchpoint.contact_id == contact_id)
    if event_ids is not None:
        where.append(Touchpoint.event_id.in_(list(event_ids)))
    when = _when()
    if start is not None:
        where.append(when >= start)
    if end is not None:
        where.append(when <= end)
    return where


def _balance_of(counts: dict[str, int]) -> Balance:
    return Balance(counts.get("give", 0), counts.get("connect", 0), counts.get("ask", 0))


def balance(
    db: Database,
    contact_id: int | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    event_ids: Collection[int] | None = None,
) -> Balance:
    """The balance with one contact, or overall when ``contact_id`` is None."""
    stmt = (
        select(Touchpoint.intent, func.count())
        .where(*_filters(contact_id, start, end, event_ids))
        .group_by(Touchpoint.intent)
    )
    with db.session() as session:
        return _balance_of({intent: int(n) for intent, n in session.execute(stmt)})


def month_range(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from ``first`` to ``last``, both included."""
    year, month = int(first[:4]), int(first[5:7])
    result: list[str] = []
    while f"{year:04d}-{month:02d}" <= last:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _months(found: set[str], start: dt.date | None, end: dt.date | None) -> list[str]:
    if start is not None and end is not None:
        return month_range(start.strftime("%Y-%m"), end.strftime("%Y-%m"))
    if not found:
        return []
    first = start.strftime("%Y-%m") if start is not None else min(found)
    last = end.strftime("%Y-%m") if end is not None else max(found)
    return month_range(first, last)


def balance_by_month(
    db: Database,
    contact_id: int | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    event_ids: Collection[int] | None = None,
) -> list[MonthBalance]:
    """One balance per month, oldest first, months without touchpoints included as zeros
    (from ``start``'s month to ``end``'s, or from the first to the last month with data)."""
    month = func.strftime("%Y-%m", _when())
    stmt = (
        select(month, Touchpoint.intent, func.count())
        .where(*_filters(contact_id, start, end, event_ids), _when().is_not(None))
        .group_by(month, Touchpoint.intent)
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    with db.session() as session:
        for key, intent, n in session.execute(stmt):
            counts[str(key)][intent] = int(n)
    return [
        MonthBalance(m, _balance_of(counts.get(m, {}))) for m in _months(set(counts), start, end)
    ]


def selling_warning(db: Database, contact_id: int, recent: int = 5) -> bool:
    """True when the ``recent`` latest planned/done touchpoints with this contact are mostly
    asks: more than half of them, and at least two (:data:`MIN_ASKS`)."""
    if recent < 1:
        raise ValueError("recent: must be at least 1")
    when = _when()
    stmt = (
        select(Touchpoint.intent)
        .where(Touchpoint.contact_id == contact_id, Touchpoint.status.in_(COUNTED))
        .order_by(when.is_(None), when.desc(), Touchpoint.id.desc())
        .limit(recent)
    )
    with db.session() as session:
        intents = list(session.scalars(stmt))
    asks = intents.count("ask")
    return asks >= MIN_ASKS and asks * 2 > len(intents)


def contact_balances(
    db: Database,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int | None = None,
    event_ids: Collection[int] | None = None,
) -> list[ContactBalance]:
    """Per contact, those asked of most (by share of asks, then number of touchpoints) first."""
    stmt = (
        select(Touchpoint.contact_id, Contact.full_name, Touchpoint.intent, func.count())
        .join(Contact, Contact.id == Touchpoint.contact_id)
        .where(*_filters(None, start, end, event_ids))
        .group_by(Touchpoint.contact_id, Touchpoint.intent)
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    names: dict[int, str] = {}
    with db.session() as session:
        for contact_id, name, intent, n in session.execute(stmt):
            counts[contact_id][intent] = int(n)
            names[contact_id] = name
    rows = [ContactBalance(cid, names[cid], _balance_of(c)) for cid, c in counts.items()]
    rows.sort(key=lambda r: (-r.balance.share("ask"), -r.balance.total, r.name.casefold()))
    return rows if limit is None else rows[:limit]


def referrals_by_month(
    db: Database,
    contact_id: int | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    event_ids: Collection[int] | None = None,
    span_only: bool = False,
) -> list[MonthReferrals]:
    """Referrals given and received per month (by the referral's date; undated ones are left
    out), months without any included as zeros. ``contact_id`` counts that contact's own
    referrals (the one given to, or the one who gave), as reciprocity does.

    ``span_only``: ``start``/``end`` only set the months shown, every referral of
    ``event_ids`` is counted (a month outside the period is added for one dated there) — what a
    total of those events counts."""
    month = func.strftime("%Y-%m", Referral.date)
    where: list[Any] = [Referral.date.is_not(None)]
    if contact_id is not None:
        where.append(Referral.contact_id == contact_id)
    if event_ids is not None:
        where.append(Referral.event_id.in_(list(event_ids)))
    if start is not None and not span_only:
        where.append(Referral.date >= start)
    if end is not None and not span_only:
        where.append(Referral.date <= end)
    stmt = (
        select(month, Referral.direction, func.count())
        .where(*where)
        .group_by(month, Referral.direction)
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    with db.session() as session:
        for key, direction, n in session.execute(stmt):
            counts[str(key)][direction] = int(n)
    return [
        MonthReferrals(m, counts.get(m, {}).get("given", 0), counts.get(m, {}).get("received", 0))
        for m in _months_covering(set(counts), start, end)
    ]


def _months_covering(found: set[str], start: dt.date | None, end: dt.date | None) -> list[str]:
    """The period's months, widened to any month in ``found`` outside it."""
    first = min([*found, *([start.strftime("%Y-%m")] if start else [])], default=None)
    last = max([*found, *([end.strftime("%Y-%m")] if end else [])], default=None)
    if first is None or last is None:
        return []
    return month_range(first, last)
