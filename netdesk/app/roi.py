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
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Literal

from netdesk.app.interaction_list import calendar_meetings_by_event
from netdesk.app.settings_store import read_setting
from netdesk.store.common import Readable

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


def hourly_rate(db: Readable) -> Rate:
    """The rate from the settings; zero (hours then cost nothing) when unset or unreadable."""
    return parse_rate(read_setting(db, RATE_KEY))


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
    db: Readable,
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

    Plain SQL on the driver's connection, so ``netdesk events`` runs it without the ORM (#19).
    """
    rate = rate if rate is not None else hourly_rate(db)
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if start is not None:
        conditions.append("date >= :start")
        params["start"] = start.isoformat()
    if end is not None:
        conditions.append("date <= :end")
        params["end"] = end.isoformat()
    if event_ids is not None:
        conditions.append("id IN (SELECT value FROM json_each(:only))")
        params["only"] = json.dumps(list(event_ids))
    if organiser is not None:
        conditions.append("coalesce(organiser, '') = :organiser")
        params["organiser"] = organiser.strip()
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    with db.reading() as conn:
        events = conn.execute(
            "SELECT id, name, date, organiser, place, cost, currency, hours FROM event "
            f"{where} ORDER BY date IS NULL, date, id",
            params,
        ).fetchall()
        ids = [e[0] for e in events]
        chosen = {"ids": json.dumps(ids)}
        met = dict(
            conn.execute(
                f"SELECT event_id, count(*) FROM event_contact WHERE {_CHOSEN} GROUP BY event_id",
                chosen,
            ).fetchall()
        )
        touch = {
            row[0]: (int(row[1]), int(row[2] or 0), int(row[3] or 0))
            for row in conn.execute(
                "SELECT event_id, count(*), sum(status = 'done'), "
                "sum(status = 'done' AND kind = 'meeting') FROM touchpoint "
                f"WHERE {_CHOSEN} GROUP BY event_id",
                chosen,
            )
        }
        held = calendar_meetings_by_event(conn, ids)
        referrals: dict[int | None, dict[str, int]] = defaultdict(dict)
        for event_id, direction, n in conn.execute(
            "SELECT event_id, direction, count(*) FROM referral "
            f"WHERE {_CHOSEN} GROUP BY event_id, direction",
            chosen,
        ):
            referrals[event_id][direction] = int(n)
        won: dict[int | None, dict[str, Decimal]] = defaultdict(dict)
        for event_id, currency, value in conn.execute(
            "SELECT event_id, currency, value FROM referral "
            f"WHERE {_CHOSEN} AND direction = 'received' AND status = 'won'",
            chosen,
        ):
            bucket = won[event_id]
            bucket[currency] = bucket.get(currency, Decimal("0")) + Decimal(_money(value) or 0)
    result = []
    for event_id, name, date, organiser_name, place, cost, currency, hours_spent in events:
        hours = _hours(hours_spent)
        planned, done, meetings = touch.get(event_id, (0, 0, 0))
        meetings += held.get(event_id, 0)
        result.append(
            EventFigures(
                label=name,
                events=1,
                cost=Amounts.of(currency, Decimal(_money(cost) or 0)),
                hours=hours,
                hours_value=rate.value_of(hours),
                contacts_met=met.get(event_id, 0),
                touchpoints_planned=planned,
                touchpoints_done=done,
                meetings=meetings,
                referrals_given=referrals[event_id].get("given", 0),
                referrals_received=referrals[event_id].get("received", 0),
                won_value=Amounts.from_mapping(won.get(event_id, {})),
                event_id=event_id,
                name=name,
                date=_day(date),
                organiser=organiser_name or "",
                place=place or "",
                currency=currency,
            )
        )
    return result


_CHOSEN = "event_id IN (SELECT value FROM json_each(:ids))"


def _money(value: float | None) -> Decimal | None:
    """A stored amount as the models' ``Numeric(12, 2)`` reads it: to the cent."""
    if value is None:
        return None
    return Decimal("%.2f" % value)  # noqa: UP031 - exactly SQLAlchemy's conversion


def _day(value: object) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


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
    db: Readable,
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
    db: Readable,
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


def period_figures(db: Readable, period: Period, *, rate: Rate | None = None) -> Figures:
    """Everything in one period summed."""
    items = event_figures(db, start=period.start, end=period.end, rate=rate)
    return total(items, label=period.label)


def organisers(db: Readable) -> list[str]:
    """Every organiser (event series) named on an event, by name; ``""`` last when some events
    have none."""
    with db.reading() as conn:
        names = {str(n or "") for (n,) in conn.execute("SELECT DISTINCT organiser FROM event")}
    return sorted(names, key=lambda n: (n == "", n.casefold(), n))


def organiser_event_ids(db: Readable, organiser: str) -> list[int]:
    """The ids of one series' events, whatever their date (``""``: events without organiser)."""
    with db.reading() as conn:
        rows = conn.execute(
            "SELECT id FROM event WHERE coalesce(organiser, '') = ? ORDER BY id",
            (organiser.strip(),),
        )
        return [int(r[0]) for r in rows]


def first_day(db: Readable) -> dt.date | None:
    """The earliest date an event, follow-up or referral carries: where "all time" starts
    (rather than at an arbitrary year, which would list centuries of empty months)."""
    with db.reading() as conn:
        days = conn.execute(
            "SELECT (SELECT min(date) FROM event), (SELECT min(date) FROM referral), "
            "(SELECT min(due_date) FROM touchpoint), (SELECT min(done_date) FROM touchpoint)"
        ).fetchone()
    found = [_day(d) for d in days if d is not None]
    return min(d for d in found if d is not None) if found else None


def _hours(value: float | None) -> Decimal:
    # str() first: the float 2.3 is 2.29999…; people typed 2.3
    return Decimal(str(value or 0.0))
