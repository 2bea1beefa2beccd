"""Return on networking against hand-computed figures, and the events book it reads."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from netdesk.app import roi
from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook, EventData, EventNotFound
from netdesk.app.referrals import ReferralData, ReferralLedger
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database

D = Decimal
EUR45 = roi.Rate(D("45"), "EUR")


def contacts(db: Database, *names: str) -> list[int]:
    book = ContactBook(db, region="ES")
    return [book.create(ContactData(full_name=n)) for n in names]


def event(db: Database, name: str, day: dt.date | None = None, **fields: object) -> int:
    return EventBook(db).add(EventData(name=name, date=day, **fields))  # type: ignore[arg-type]


def received(db: Database, who: int, event_id: int, status: str = "open", **kw: object) -> int:
    data = ReferralData("received", who, event_id=event_id, status=status, **kw)  # type: ignore[arg-type]
    return ReferralLedger(db).add(data)


def only(db: Database, event_id: int, rate: roi.Rate = EUR45) -> roi.EventFigures:
    (figures,) = roi.event_figures(db, rate=rate, event_ids=[event_id])
    return figures


# -- Amounts --------------------------------------------------------------------------------------
def test_amounts_keep_currencies_apart() -> None:
    total = roi.Amounts.of("eur", D("10.005")) + roi.Amounts.of("USD", D("2")) + roi.Amounts()
    assert total.as_dict() == {"EUR": "10.01", "USD": "2.00"}
    assert total.get("EUR") == D("10.01") and total.get("GBP") == 0
    assert total.single() is None
    assert total.format() == "10.01 EUR + 2.00 USD"
    assert (total + roi.Amounts.of("EUR", D("-10.01"))).as_dict() == {"USD": "2.00"}
    assert roi.Amounts.of("EUR", D("0")).is_zero()
    assert roi.Amounts().format() == "0"
    assert roi.Amounts.of("EUR", D("100")).divided(3).as_dict() == {"EUR": "33.33"}
    with pytest.raises(ValueError, match="count"):
        total.divided(0)


def test_hourly_rate_setting(db: Database) -> None:
    assert roi.hourly_rate(db) == roi.Rate(D("0"), "EUR")
    SettingsStore(db).set("hourly_rate", {"amount": "45.00", "currency": "usd"})
    assert roi.hourly_rate(db) == roi.Rate(D("45.00"), "USD")
    SettingsStore(db).set("hourly_rate", {"amount": "lots", "currency": "€"})
    assert roi.hourly_rate(db) == roi.Rate(D("0"), "EUR")


# -- one event, by hand ---------------------------------------------------------------------------
def test_one_event_by_hand(db: Database) -> None:
    ana, bea, carl = contacts(db, "Ana", "Bea", "Carl")
    e = event(db, "Breakfast", dt.date(2024, 3, 5), cost=D("40"), hours=2.5)
    EventBook(db).add_attendees(e, [ana, bea, carl], schedule=False)
    f = FollowUps(db)
    day = dt.date(2024, 3, 10)
    f.add(ana, "meeting", due=day, status="done", done_date=day, event_id=e)
    f.add(bea, "meeting", due=day, status="done", done_date=day, event_id=e)
    f.add(carl, "meeting", due=day, event_id=e)  # planned: not held yet
    f.add(carl, "call", due=day, status="skipped", event_id=e)
    f.add(carl, "meeting", due=day, status="done", done_date=day)  # not from this event
    received(db, ana, e, "won", value=D("500"))
    received(db, bea, e, "won", value=D("250"))
    received(db, carl, e, "open", value=D("999"))  # not won: no value counted
    ReferralLedger(db).add(ReferralData("given", ana, event_id=e, status="won", value=D("300")))

    got = only(db, e)
    # 2.5 h × 45 = 112.50; 40 + 112.50 = 152.50; 750 / 152.50 = 4.91803… ; 152.50 / 2 = 76.25;
    # 152.50 / 3 received = 50.833… → 50.83
    assert got.hours_value.as_dict() == {"EUR": "112.50"}
    assert got.full_cost.as_dict() == {"EUR": "152.50"}
    assert got.contacts_met == 3
    assert (got.touchpoints_planned, got.touchpoints_done, got.meetings) == (4, 2, 2)
    assert (got.referrals_received, got.referrals_given) == (3, 1)
    assert got.won_value.as_dict() == {"EUR": "750.00"}
    assert got.return_ratio == D("4.9180")
    assert got.cost_per_meeting is not None
    assert got.cost_per_meeting.as_dict() == {"EUR": "76.25"}
    assert got.cost_per_referral is not None
    assert got.cost_per_referral.as_dict() == {"EUR": "50.83"}


def test_zero_cost(db: Database) -> None:
    (ana,) = contacts(db, "Ana")
    e = event(db, "Free meetup", dt.date(2024, 1, 1))
    day = dt.date(2024, 1, 2)
    FollowUps(db).add(ana, "meeting", due=day, status="done", done_date=day, event_id=e)
    got = only(db, e)
    assert got.full_cost.is_zero()
    assert got.return_ratio is None
    assert got.cost_per_meeting is not None and got.cost_per_meeting.is_zero()
    assert got.cost_per_referral is None
    # business won at a free event still has no ratio (it would be infinite)
    received(db, ana, e, "won", value=D("100"))
    assert only(db, e).return_ratio is None


def test_no_referrals_is_a_return_of_zero(db: Database) -> None:
    e = event(db, "Expo", dt.date(2024, 1, 1), cost=D("30"))
    got = only(db, e)
    assert got.won_value.is_zero()
    assert got.return_ratio == D("0")
    assert got.cost_per_referral is None and got.cost_per_meeting is None


def test_hours_only(db: Database) -> None:
    (ana,) = contacts(db, "Ana")
    e = event(db, "Coffee", dt.date(2024, 1, 1), hours=3.0)
    received(db, ana, e, "won", value=D("270"))
    # 3 h × 45 EUR = 135 EUR; 270 / 135 = 2
    got = only(db, e)
    assert got.cost.is_zero()
    assert got.full_cost.as_dict() == {"EUR": "135.00"}
    assert got.return_ratio == D("2")
    # without a rate the hours cost nothing and there is no ratio
    free = only(db, e, roi.Rate(D("0"), "EUR"))
    assert free.full_cost.is_zero() and free.return_ratio is None
    assert free.hours == D("3.0")


def test_rate_in_another_currency(db: Database) -> None:
    (ana,) = contacts(db, "Ana")
    e = event(db, "Summit", dt.date(2024, 1, 1), cost=D("100"), currency="USD", hours=2.0)
    day = dt.date(2024, 1, 3)
    FollowUps(db).add(ana, "meeting", due=day, status="done", done_date=day, event_id=e)
    received(db, ana, e, "won", value=D("500"), currency="USD")
    got = only(db, e)
    # 2 h × 45 EUR = 90 EUR stays in EUR beside the 100 USD ticket
    assert got.full_cost.as_dict() == {"EUR": "90.00", "USD": "100.00"}
    assert got.return_ratio is None  # 500 USD over 100 USD + 90 EUR: no honest ratio
    assert got.cost_per_meeting is not None
    assert got.cost_per_meeting.as_dict() == {"EUR": "90.00", "USD": "100.00"}
    # with a USD rate the same event has one currency: 500 / (100 + 90) = 2.6316
    assert only(db, e, roi.Rate(D("45"), "USD")).return_ratio == D("2.6316")


def test_won_value_in_another_currency_than_cost(db: Database) -> None:
    (ana,) = contacts(db, "Ana")
    e = event(db, "Expo", dt.date(2024, 1, 1), cost=D("50"))
    received(db, ana, e, "won", value=D("400"), currency="GBP")
    got = only(db, e)
    assert got.won_value.as_dict() == {"GBP": "400.00"}
    assert got.return_ratio is None


def test_several_currencies_are_kept_apart_in_totals(db: Database) -> None:
    (ana,) = contacts(db, "Ana")
    usd = event(db, "NY mixer", dt.date(2024, 2, 1), cost=D("100"), currency="USD", organiser="X")
    eur = event(db, "Madrid mixer", dt.date(2024, 2, 9), cost=D("50"), organiser="X")
    received(db, ana, usd, "won", value=D("200"), currency="USD")
    rate = roi.Rate(D("0"), "EUR")
    figures = roi.event_figures(db, rate=rate)
    assert [f.return_ratio for f in figures] == [D("2"), D("0")]
    total = roi.total(figures)
    assert total.cost.as_dict() == {"EUR": "50.00", "USD": "100.00"}
    assert total.won_value.as_dict() == {"USD": "200.00"}
    assert total.return_ratio is None
    assert total.events == 2
    (series,) = roi.by_organiser(db, rate=rate)
    assert series.label == "X" and series.cost == total.cost
    assert [f.name for f in roi.ranked(figures)] == ["NY mixer", "Madrid mixer"]
    assert eur in [f.event_id for f in figures]


def test_ranking_periods_and_organisers(db: Database) -> None:
    (ana,) = contacts(db, "Ana")
    jan = event(db, "Jan breakfast", dt.date(2024, 1, 10), cost=D("20"), organiser="BNI")
    feb = event(db, "Feb breakfast", dt.date(2024, 2, 14), cost=D("20"), organiser="BNI")
    apr = event(db, "Conference", dt.date(2024, 4, 2), cost=D("200"), hours=1.0)
    free = event(db, "Free talk", dt.date(2024, 4, 3))
    undated = event(db, "Someday", None, cost=D("5"))
    received(db, ana, feb, "won", value=D("100"))
    received(db, ana, apr, "won", value=D("490"))
    rate = roi.Rate(D("10"), "EUR")
    # returns: feb 100/20 = 5; apr 490/(200 + 10) = 2.3333; jan 0; undated 0; free None
    order = [f.event_id for f in roi.ranked(roi.event_figures(db, rate=rate))]
    assert order == [feb, apr, jan, undated, free]

    quarters = roi.by_period(db, dt.date(2024, 1, 1), dt.date(2024, 9, 30), "quarter", rate=rate)
    assert [q.label for q in quarters] == ["2024-Q1", "2024-Q2", "2024-Q3"]
    assert [q.events for q in quarters] == [2, 2, 0]
    assert quarters[0].cost.as_dict() == {"EUR": "40.00"}
    assert quarters[0].return_ratio == D("2.5")  # 100 / 40
    assert quarters[1].full_cost.as_dict() == {"EUR": "210.00"}
    assert quarters[2].return_ratio is None

    whole = roi.period_figures(db, roi.Period.year(2024), rate=rate)
    assert whole.events == 4  # the undated event belongs to no period
    assert len(roi.event_figures(db, rate=rate)) == 5

    organisers = roi.by_organiser(db, rate=rate)
    assert [(o.label, o.events) for o in organisers] == [("BNI", 2), ("", 3)]


def test_one_organiser_and_what_came_of_its_events(db: Database) -> None:
    from netdesk.app import balance

    ana, bea = contacts(db, "Ana", "Bea")
    jan = event(db, "Jan breakfast", dt.date(2024, 1, 10), cost=D("20"), organiser="BNI")
    feb = event(db, "Feb breakfast", dt.date(2024, 2, 14), cost=D("30"), organiser="BNI")
    old = event(db, "Old breakfast", dt.date(2023, 5, 1), cost=D("25"), organiser="BNI")
    gala = event(db, "Gala", dt.date(2024, 2, 20), cost=D("100"), organiser="Chamber")
    talk = event(db, "Talk", dt.date(2024, 2, 21), cost=D("5"))
    received(db, ana, feb, "won", value=D("250"), date=dt.date(2024, 2, 20))
    received(db, bea, gala, "won", value=D("900"), date=dt.date(2024, 3, 1))
    f = FollowUps(db)
    day = dt.date(2024, 2, 16)
    f.add(ana, "meeting", due=day, status="done", done_date=day, event_id=feb, intent="connect")
    f.add(bea, "call", due=day, status="done", done_date=day, event_id=gala, intent="ask")
    f.add(bea, "call", due=day, status="done", done_date=day, intent="ask")  # no event

    assert roi.organisers(db) == ["BNI", "Chamber", ""]
    assert roi.organiser_event_ids(db, "BNI") == sorted([jan, feb, old])
    assert roi.organiser_event_ids(db, "") == [talk]
    start, end = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    bni = roi.event_figures(db, start=start, end=end, rate=EUR45, organiser="BNI")
    assert [x.name for x in bni] == ["Jan breakfast", "Feb breakfast"]  # 2023 is outside
    series = roi.total(bni)
    # 20 + 30 = 50 EUR spent, 250 won → 5×
    assert series.cost.as_dict() == {"EUR": "50.00"} and series.return_ratio == D("5")
    assert [x.name for x in roi.event_figures(db, organiser="")] == ["Talk"]
    assert [o.label for o in roi.by_organiser(db, organiser="Chamber")] == ["Chamber"]
    months = roi.by_period(db, start, dt.date(2024, 3, 31), rate=EUR45, organiser="BNI")
    assert [m.events for m in months] == [1, 1, 0]

    ids = roi.organiser_event_ids(db, "BNI")
    assert balance.balance(db, event_ids=ids) == balance.Balance(0, 1, 0)
    assert balance.balance(db) == balance.Balance(0, 1, 2)
    by_month = balance.referrals_by_month(db, start=start, end=dt.date(2024, 3, 31), event_ids=ids)
    assert [(m.month, m.given, m.received) for m in by_month] == [
        ("2024-01", 0, 0),
        ("2024-02", 0, 1),
        ("2024-03", 0, 0),
    ]
    assert roi.first_day(db) == dt.date(2023, 5, 1)


def test_first_day_of_an_empty_book(db: Database) -> None:
    assert roi.first_day(db) is None
    assert roi.organisers(db) == []


def test_periods() -> None:
    months = roi.periods(dt.date(2024, 1, 15), dt.date(2024, 3, 10), "month")
    assert [(p.label, p.start.day, p.end.day) for p in months] == [
        ("2024-01", 15, 31),
        ("2024-02", 1, 29),
        ("2024-03", 1, 10),
    ]
    assert roi.Period.quarter(2024, 4) == roi.Period(
        dt.date(2024, 10, 1), dt.date(2024, 12, 31), "2024-Q4"
    )
    assert [p.label for p in roi.periods(dt.date(2023, 12, 1), dt.date(2024, 1, 1), "year")] == [
        "2023",
        "2024",
    ]
    with pytest.raises(ValueError, match="to:"):
        roi.periods(dt.date(2024, 2, 1), dt.date(2024, 1, 1))


# -- the events book ----------------------------------------------------------------------------
def test_events_list_update_delete_restore(db: Database) -> None:
    ana, bea = contacts(db, "Ana", "Bea")
    book = EventBook(db)
    e = book.add(EventData("  Breakfast ", dt.date(2024, 3, 5), cost=D("12.5"), currency="eur"))
    other = book.add(EventData("Lunch", dt.date(2024, 4, 1), organiser="BNI", tags="a, ,b"))
    book.add_attendees(e, [ana, bea], schedule=False)
    tp = FollowUps(db).add(ana, "thank_you", due=dt.date(2024, 3, 6), event_id=e)
    ref = received(db, bea, e)

    rows = book.list()
    assert [r.id for r in rows] == [other, e]  # newest first
    assert rows[1].name == "Breakfast" and rows[1].currency == "EUR"
    assert rows[1].cost == D("12.50")
    assert (rows[1].contacts_met, rows[1].touchpoints_planned, rows[1].referrals) == (2, 1, 1)
    assert rows[0].tags == "a, b"
    assert [r.id for r in book.list("bni")] == [other]
    assert [r.id for r in book.list(end=dt.date(2024, 3, 31))] == [e]
    assert book.organisers() == ["BNI"]

    previous = book.update(e, EventData("Breakfast club", dt.date(2024, 3, 5), hours=2))
    assert previous.name == "Breakfast" and previous.cost == D("12.50")
    assert book.get(e).name == "Breakfast club"
    book.update(e, previous)
    assert book.get(e) == previous

    deleted = book.delete(e)
    assert [r.id for r in book.list()] == [other]
    assert ReferralLedger(db).get(ref).event_id is None
    book.restore(deleted)
    assert book.summary(e) == rows[1]
    assert sorted(book.attendees(e)) == sorted([ana, bea])
    assert ReferralLedger(db).get(ref).event == "Breakfast"
    with db.session() as session:
        from netdesk.store.models import Touchpoint

        assert session.get(Touchpoint, tp).event_id == e  # type: ignore[union-attr]

    book.remove_attendees(e, [bea])
    assert book.attendees(e) == [ana]
    with pytest.raises(EventNotFound):
        book.get(9999)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (EventData(" "), "name"),
        (EventData("X", currency="euro"), "currency"),
        (EventData("X", cost=D("-1")), "cost"),
        (EventData("X", hours=-2.0), "hours"),
        (EventData("X", hours=float("nan")), "hours"),
    ],
)
def test_event_validation_names_the_field(db: Database, data: EventData, field: str) -> None:
    with pytest.raises(ValueError, match=f"^{field}:"):
        EventBook(db).add(data)
    assert EventBook(db).list() == []


def test_resolve_event(db: Database) -> None:
    book = EventBook(db)
    a = book.add(EventData("Breakfast"))
    b = book.add(EventData("breakfast"))
    c = book.add(EventData("Lunch"))
    assert book.resolve("lunch") == c
    assert book.resolve(str(a)) == a
    with pytest.raises(LookupError, match=f"ambiguous: ids {a}, {b}"):
        book.resolve("BREAKFAST")
    with pytest.raises(LookupError, match="no event"):
        book.resolve("Dinner")
