"""The return on networking: what each event, organiser and period cost and brought.

Definitions (the README and the report say the same):

* **cost** — the event's ticket/travel money, in the event's currency.
* **hours value** — hours spent (travel included) × the user's hourly rate (setting
  ``hourly_rate`` = ``{"amount": "45.00", "currency": "EUR"}``), in the rate's currency,
  rounded to the cent per event.
* **full cost** — cost + hours value. Money in different currencies is never converted or
  added: an amount is a set of per-currency parts (:class:`Amounts`), so an event paid in USD
  with a rate in EUR has a full cost of two parts, e.g. ``30.00 USD + 90.00 EUR``.
* **won value** — the value of *received* referrals marked won whose relationship started at
  the event (business given away is the other person's).
* **return ratio** — won value ÷ full cost, to four decimals, only when the division means
  something: ``None`` when the full cost is zero, when the full cost has more than one
  currency, or when the won value is in a currency the full cost is not. Nothing won against a
  one-currency cost is a ratio of ``0``.
* **cost per meeting** / **cost per referral** — full cost ÷ meetings held (done touchpoints of
  kind ``meeting``) / referrals received, per currency part; ``None`` when there are none.
* **touchpoints planned** — every follow-up linked to the event, whatever became of it (planned,
  done or skipped), so "done out of planned" is honest about skipped ones.

An event belongs to the period its date falls in; undated events count only when no period is
asked for. An organiser (event series) filter keeps the events whose organiser is exactly that
name; ``""`` keeps the one-off events that have none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Literal

from sqlalchemy import case, func, select

from netdesk.app.interactions import calendar_meetings_by_event
from netdesk.app.settings_store import SettingsStore
from netdesk.store.db import Database
from netdesk.store.models import Event, EventContact, Referral, Touchpoint

CENT = Decimal("0.01")
RATIO_PLACES = Decimal("0.0001")
RATE_KEY = "hourly_rate"
MAX_RATE = Decimal("1000000")  # beyond this a stored rate is unreadable (and overflows sums)

Granularity = Literal["month", "quarter", "year"]
GRANULARITIES: tuple[Granularity, ...] = ("month", "quarter", "year")


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Amounts:
    """Money kept per currency and never added across currencies.

    ``parts`` is sorted by currency code, each amount rounded to the cent; zero parts are
    dropped, so an empty ``Amounts`` means zero.
    """

    parts: tuple[tuple[str, Decimal], ...] = ()

    @classmethod
    def of(cls, currency: str, amount: Decimal) -> Amounts:
        return cls.from_mapping({currency: amount})

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Decimal]) -> Amounts:
        parts = ((c.upper(), _cents(a)) for c, a in mapping.items())
        return cls(tuple(sorted((c, a) for c, a in parts if a != 0)))

    def __add__(self, other: Amounts) -> Amounts:
        total: dict[str, Decimal] = defaultdict(Decimal)
        for currency, amount in (*self.parts, *other.parts):
            total[currency] += amount
        return Amounts.from_mapping(total)

    def get(self, currency: str) -> Decimal:
        """The part in ``currency`` (zero when there is none)."""
        return dict(self.parts).get(currency.upper(), Decimal("0.00"))

    def currencies(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.parts)

    def is_zero(self) -> bool:
        return not self.parts

    def single(self) -> tuple[str, Decimal] | None:
        """``(currency, amount)`` when the amount is in exactly one currency, else None."""
        return self.parts[0] if len(self.parts) == 1 else None

    def divided(self, count: int) -> Amounts:
        """Each part divided by ``count`` (> 0), rounded to the cent."""
        if count <= 0:
            raise ValueError("count: must be more than zero")
        return Amounts.from_mapping({c: a / count for c, a in self.parts})

    def as_dict(self) -> dict[str, str]:
        """The JSON form: ``{"EUR": "12.50"}`` (empty for zero)."""
        return {c: f"{a:.2f}" for c, a in self.parts}

    def format(self, separator: str = " + ") -> str:
        """For people: ``"120.00 EUR + 30.00 USD"``, or ``"0"``."""
        if not self.parts:
            return "0"
        return separator.join(f"{a:,.2f} {c}" for c, a in self.parts)

    def __str__(self) -> str:
        return self.format()


@dataclass(frozen=True)
class Rate:
    """What an hour of the user's time is worth."""

    amount: Decimal
    currency: str

    def value_of(self, hours: Decimal) -> Amounts:
        return Amounts.of(self.currency, hours * self.amount)


def hourly_rate(db: Database) -> Rate:
    """The rate from the settings; zero (hours then cost nothing) when unset or unreadable."""
    raw = SettingsStore(db).get(RATE_KEY)
    return parse_rate(raw)


def parse_rate(raw: Any) -> Rate:
    if not isinstance(raw, dict):
        return Rate(Decimal("0"), "EUR")
    currency = str(raw.get("currency") or "EUR").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        currency = "EUR"
    try:
        amount = Decimal(str(raw.get("amount") or "0"))
    except InvalidOperation:
        amount = Decimal("0")
    if not amount.is_finite() or amount < 0 or amount > MAX_RATE:
        amount = Decimal("0")
    return Rate(amount, currency)


@dataclass(frozen=True)
class Figures:
    """What a set of events (one event, an organiser's series, a period) cost and brought."""

    label: str
    events: int
    cost: Amounts
    hours: Decimal
    hours_value: Amounts
    contacts_met: int
    touchpoints_planned: int
    touchpoints_done: int
    meetings: int
    referrals_given: int
    referrals_received: int
    won_value: Amounts

    @property
    def full_cost(self) -> Amounts:
        """Money spent plus hours valued at the rate, per currency."""
        return self.cost + self.hours_value

    @property
    def return_ratio(self) -> Decimal | None:
        """Won value ÷ full cost when both are in one and the same currency (see module doc)."""
        full = self.full_cost.single()
        if full is None:
            return None
        currency, cost = full
        if self.won_value.is_zero():
            return Decimal("0").quantize(RATIO_PLACES)
        won = self.won_value.single()
        if won is None or won[0] != currency:
            return None
        return (won[1] / cost).quantize(RATIO_PLACES, rounding=ROUND_HALF_UP)

    @property
    def cost_per_meeting(self) -> Amounts | None:
        return self.full_cost.divided(self.meetings) if self.meetings else None

    @property
    def cost_per_referral(self) -> Amounts | None:
        """Full cost per referral *received* (the return side); None when none came."""
        if not self.referrals_received:
            return None
        return self.full_cost.divided(self.referrals_received)


@dataclass(frozen=True)
class EventFigures(Figures):
    """One event's figures, with the event's own fields."""

    event_id: int
    name: str
    date: dt.date | None
    organiser: str
    place: str
    currency: str  # the currency of the event's cost


def event_figures(
    db: Database,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    rate: Rate | None = None,
    event_ids: Iterable[int] | None = None,
    organiser: str | None = None,
) -> list[EventFigures]:
    """Each event's figures, oldest first (undated last).

    ``start``/``end`` keep events dated within the range (both included, undated ones
    dropped); ``organiser`` keeps one series (``""``: events without one); ``rate`` defaults
    to the hourly rate setting.
    """
    rate = rate if rate is not None else hourly_rate(db)
    stmt = select(Event).order_by(Event.date.is_(None), Event.date, Event.id)
    if start is not None:
        stmt = stmt.where(Event.date >= start)
    if end is not None:
        stmt = stmt.where(Event.date <= end)
    if event_ids is not None:
        stmt = stmt.where(Event.id.in_(list(event_ids)))
    if organiser is not None:
        stmt = stmt.where(func.coalesce(Event.organiser, "") == organiser.strip())
    with db.session() as session:
        events = list(session.scalars(stmt))
        ids = [e.id for e in events]
        met = _counts(session, select(EventContact.event_id, func.count()), EventContact, ids)
        tp = session.execute(
            select(
                Touchpoint.event_id,
                func.count(),
                func.sum(case((Touchpoint.status == "done", 1), else_=0)),
                func.sum(
                    case(
                        ((Touchpoint.status == "done") & (Touchpoint.kind == "meeting"), 1), else_=0
                    )
                ),
            )
            .where(Touchpoint.event_id.in_(ids))
            .group_by(Touchpoint.event_id)
        )
        touch = {row[0]: (int(row[1]), int(row[2] or 0), int(row[3] or 0)) for row in tp}
        held = calendar_meetings_by_event(session.connection(), ids)
        referrals: dict[int | None, dict[str, int]] = defaultdict(dict)
        for event_id, direction, n in session.execute(
            select(Referral.event_id, Referral.direction, func.count())
            .where(Referral.event_id.in_(ids))
            .group_by(Referral.event_id, Referral.direction)
        ):
            referrals[event_id][direction] = int(n)
        won: dict[int | None, dict[str, Decimal]] = defaultdict(dict)
        for event_id, currency, value in session.execute(
            select(Referral.event_id, Referral.currency, Referral.value).where(
                Referral.event_id.in_(ids),
                Referral.direction == "received",
                Referral.status == "won",
            )
        ):
            bucket = won[event_id]
            bucket[currency] = bucket.get(currency, Decimal("0")) + Decimal(value or 0)
        result = []
        for e in events:
            hours = _hours(e.hours)
            planned, done, meetings = touch.get(e.id, (0, 0, 0))
            meetings += held.get(e.id, 0)
            result.append(
                EventFigures(
                    label=e.name,
                    events=1,
                    cost=Amounts.of(e.currency, Decimal(e.cost or 0)),
                    hours=hours,
                    hours_value=rate.value_of(hours),
                    contacts_met=met.get(e.id, 0),
                    touchpoints_planned=planned,
                    touchpoints_done=done,
                    meetings=meetings,
                    referrals_given=referrals[e.id].get("given", 0),
                    referrals_received=referrals[e.id].get("received", 0),
                    won_value=Amounts.from_mapping(won.get(e.id, {})),
                    event_id=e.id,
                    name=e.name,
                    date=e.date,
                    organiser=e.organiser or "",
                    place=e.place or "",
                    currency=e.currency,
                )
            )
        return result


def ranked(figures: Iterable[EventFigures]) -> list[EventFigures]:
    """Best return first, so the user sees which events to keep attending.

    Events whose ratio cannot be computed (no cost, or currencies that differ) come last;
    ties go to the more recent event.
    """

    def key(f: EventFigures) -> tuple[bool, Decimal, int, str]:
        ratio = f.return_ratio
        day = f.date.toordinal() if f.date else 0
        return (ratio is None, -(ratio or Decimal("0")), -day, f.name.casefold())

    return sorted(figures, key=key)


def credited_event_ids(figures: Iterable[EventFigures]) -> list[int]:
    """The events whose referrals a total of ``figures`` counts: the charts and lists beside
    the total use exactly these, so every figure agrees with the others."""
    return [f.event_id for f in figures if f.event_id is not None]


def total(figures: Iterable[Figures], label: str = "Total") -> Figures:
    """The sum of several figures (per-currency amounts stay apart)."""
    items = list(figures)
    cost = Amounts()
    hours_value = Amounts()
    won = Amounts()
    for f in items:
        cost += f.cost
        hours_value += f.hours_value
        won += f.won_value
    return Figures(
        label=label,
        events=sum(f.events for f in items),
        cost=cost,
        hours=sum((f.hours for f in items), Decimal("0")),
        hours_value=hours_value,
        contacts_met=sum(f.contacts_met for f in items),
        touchpoints_planned=sum(f.touchpoints_planned for f in items),
        touchpoints_done=sum(f.touchpoints_done for f in items),
        meetings=sum(f.meetings for f in items),
        referrals_given=sum(f.referrals_given for f in items),
        referrals_received=sum(f.referrals_received for f in items),
        won_value=won,
    )


def by_organiser(
    db: Database,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    rate: Rate | None = None,
    organiser: str | None = None,
) -> list[Figures]:
    """One line per organiser (event series), by name; events without one come last (label "")."""
    groups: dict[str, list[EventFigures]] = defaultdict(list)
    for f in event_figures(db, start=start, end=end, rate=rate, organiser=organiser):
        groups[f.organiser].append(f)
    names = sorted(groups, key=lambda n: (n == "", n.casefold()))
    return [total(groups[n], label=n) for n in names]


@dataclass(frozen=True)
class Period:
    """A stretch of days, both ends included, with the label the user reads."""

    start: dt.date
    end: dt.date
    label: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = dt.date(year, month, 1)
        return cls(start, _next_month(start) - dt.timedelta(days=1), f"{year:04d}-{month:02d}")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise ValueError(f"quarter: {quarter} is not 1 to 4")
        start = dt.date(year, 3 * quarter - 2, 1)
        end = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
        return cls(start, end - dt.timedelta(days=1), f"{year:04d}-Q{quarter}")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}")

    @classmethod
    def range(cls, start: dt.date, end: dt.date) -> Period:
        if end < start:
            raise ValueError(f"to: {end.isoformat()} is before from: {start.isoformat()}")
        return cls(start, end, f"{start.isoformat()} – {end.isoformat()}")

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def periods(start: dt.date, end: dt.date, granularity: Granularity = "month") -> list[Period]:
    """The months, quarters or years from the one holding ``start`` to the one holding
    ``end``, the first and last cut to the range (labels stay those of the whole period)."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity: must be one of {', '.join(GRANULARITIES)}")
    if end < start:
        raise ValueError(f"to: {end.isoformat()} is before from: {start.isoformat()}")
    result: list[Period] = []
    day = start
    while day <= end:
        if granularity == "month":
            whole = Period.month(day.year, day.month)
        elif granularity == "quarter":
            whole = Period.quarter(day.year, (day.month - 1) // 3 + 1)
        else:
            whole = Period.year(day.year)
        result.append(Period(max(whole.start, start), min(whole.end, end), whole.label))
        day = whole.end + dt.timedelta(days=1)
    return result


def by_period(
    db: Database,
    start: dt.date,
    end: dt.date,
    granularity: Granularity = "month",
    *,
    rate: Rate | None = None,
    organiser: str | None = None,
) -> list[Figures]:
    """One line per month/quarter/year of the range, empty periods included (zeros)."""
    spans = periods(start, end, granularity)
    every = event_figures(db, start=start, end=end, rate=rate, organiser=organiser)
    return [
        total((f for f in every if f.date is not None and p.contains(f.date)), label=p.label)
        for p in spans
    ]


def period_figures(db: Database, period: Period, *, rate: Rate | None = None) -> Figures:
    """Everything in one period summed."""
    items = event_figures(db, start=period.start, end=period.end, rate=rate)
    return total(items, label=period.label)


def organisers(db: Database) -> list[str]:
    """Every organiser (event series) named on an event, by name; ``""`` last when some events
    have none."""
    with db.session() as session:
        names = {str(n or "") for n in session.scalars(select(Event.organiser).distinct())}
    return sorted(names, key=lambda n: (n == "", n.casefold(), n))


def organiser_event_ids(db: Database, organiser: str) -> list[int]:
    """The ids of one series' events, whatever their date (``""``: events without organiser)."""
    with db.session() as session:
        stmt = select(Event.id).where(func.coalesce(Event.organiser, "") == organiser.strip())
        return list(session.scalars(stmt.order_by(Event.id)))


def first_day(db: Database) -> dt.date | None:
    """The earliest date an event, follow-up or referral carries: where "all time" starts
    (rather than at an arbitrary year, which would list centuries of empty months)."""
    candidates = (
        select(func.min(Event.date)),
        select(func.min(Referral.date)),
        select(func.min(Touchpoint.due_date)),
        select(func.min(Touchpoint.done_date)),
    )
    with db.session() as session:
        days = [session.scalar(stmt) for stmt in candidates]
    found = [d for d in days if isinstance(d, dt.date)]
    return min(found) if found else None


def _hours(value: float | None) -> Decimal:
    # str() first: the float 2.3 is 2.29999…; people typed 2.3
    return Decimal(str(value or 0.0))


def _counts(session: Any, stmt: Any, model: Any, ids: list[int]) -> dict[int, int]:
    rows = session.execute(stmt.where(model.event_id.in_(ids)).group_by(model.event_id))
    return {event_id: int(n) for event_id, n in rows}
