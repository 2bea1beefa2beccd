"""Give / connect / ask balance, the selling warning and referrals by month."""

from __future__ import annotations

import datetime as dt

import pytest

from netdesk.app import balance
from netdesk.app.contacts import ContactBook
from netdesk.app.referrals import ReferralData, ReferralLedger
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database


def day(month: int, d: int = 1) -> dt.date:
    return dt.date(2024, month, d)


@pytest.fixture
def two(db: Database) -> tuple[int, int]:
    book = ContactBook(db, region="ES")
    return book.create(ContactData(full_name="Ana")), book.create(ContactData(full_name="Bruno"))


def add(db: Database, who: int, intent: str, when: dt.date, status: str = "done") -> int:
    done = when if status == "done" else None
    return FollowUps(db).add(who, "call", due=when, intent=intent, status=status, done_date=done)


def test_shares() -> None:
    b = balance.Balance(give=2, connect=1, ask=1)
    assert b.total == 4
    assert b.shares() == {"give": 0.5, "connect": 0.25, "ask": 0.25}
    assert balance.Balance().share("ask") == 0.0
    with pytest.raises(ValueError, match="intent"):
        b.share("beg")


def test_balance_overall_per_contact_and_by_month(db: Database, two: tuple[int, int]) -> None:
    ana, bruno = two
    add(db, ana, "give", day(1, 5))
    add(db, ana, "ask", day(1, 20))
    add(db, ana, "ask", day(3, 2), status="planned")  # planned: counts in its due month
    add(db, ana, "ask", day(3, 3), status="skipped")  # never happened
    add(db, bruno, "connect", day(3, 9))
    # done late: counts in the month it was done, not the month it was due
    tp = FollowUps(db).add(bruno, "call", due=day(1, 30), intent="give")
    FollowUps(db).mark_done(tp, on=day(2, 2))

    assert balance.balance(db) == balance.Balance(give=2, connect=1, ask=2)
    assert balance.balance(db, ana) == balance.Balance(give=1, connect=0, ask=2)
    assert balance.balance(db, start=day(2), end=day(2, 29)) == balance.Balance(give=1)

    months = balance.balance_by_month(db)
    assert [(m.month, m.balance) for m in months] == [
        ("2024-01", balance.Balance(give=1, ask=1)),
        ("2024-02", balance.Balance(give=1)),
        ("2024-03", balance.Balance(connect=1, ask=1)),
    ]
    ranged = balance.balance_by_month(db, ana, start=day(1), end=day(4, 30))
    assert [m.month for m in ranged] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert ranged[1].balance.total == 0 and ranged[2].balance == balance.Balance(ask=1)

    per_contact = balance.contact_balances(db)
    assert [(c.name, c.balance.ask) for c in per_contact] == [("Ana", 2), ("Bruno", 0)]


def test_selling_warning(db: Database, two: tuple[int, int]) -> None:
    ana, bruno = two
    assert balance.selling_warning(db, ana) is False  # nothing at all
    add(db, ana, "ask", day(1, 1))
    assert balance.selling_warning(db, ana) is False  # one ask is not a pattern
    add(db, ana, "give", day(1, 2))
    assert balance.selling_warning(db, ana) is False  # half is not "mostly"
    add(db, ana, "ask", day(1, 4), status="planned")
    # 2 asks of 3, a planned one included: mostly asks
    assert balance.selling_warning(db, ana) is True
    add(db, ana, "ask", day(1, 3))
    add(db, ana, "give", day(2, 1))
    add(db, ana, "connect", day(2, 2))
    add(db, ana, "give", day(2, 3))
    # the latest five are give, connect, give, ask (planned), ask: 2 of 5 -> not mostly asks
    assert balance.selling_warning(db, ana) is False
    # but looking at the latest 3 only, there are no asks at all
    assert balance.selling_warning(db, ana, recent=3) is False
    add(db, ana, "ask", day(3, 1), status="skipped")
    assert balance.selling_warning(db, ana) is False  # skipped asks never happened
    assert balance.selling_warning(db, bruno) is False
    with pytest.raises(ValueError, match="recent"):
        balance.selling_warning(db, ana, recent=0)


def test_referrals_by_month(db: Database, two: tuple[int, int]) -> None:
    ana, bruno = two
    ledger = ReferralLedger(db)
    ledger.add(ReferralData("given", ana, date=day(1, 3)))
    ledger.add(ReferralData("given", bruno, date=day(1, 9)))
    ledger.add(ReferralData("received", ana, date=day(3, 1)))
    ledger.add(ReferralData("received", ana))  # undated: in no month
    got = balance.referrals_by_month(db)
    assert [(m.month, m.given, m.received) for m in got] == [
        ("2024-01", 2, 0),
        ("2024-02", 0, 0),
        ("2024-03", 0, 1),
    ]
    mine = balance.referrals_by_month(db, ana, start=day(1), end=day(1, 31))
    assert [(m.month, m.given, m.received) for m in mine] == [("2024-01", 1, 0)]
    assert balance.month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
