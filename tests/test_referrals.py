"""The referral ledger: recording, editing with undo, reciprocity and thank-yous."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook, EventData
from netdesk.app.referrals import ReferralData, ReferralLedger, ReferralNotFound
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.store.models import Touchpoint


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    book = ContactBook(db, region="ES")
    return {n: book.create(ContactData(full_name=n)) for n in ("Ana", "Bruno", "Carla", "Diego")}


def test_add_get_and_list(db: Database, people: dict[str, int]) -> None:
    ledger = ReferralLedger(db)
    event = EventBook(db).add(EventData("Breakfast", dt.date(2024, 1, 5)))
    # I introduced Ana to Bruno
    given = ledger.add(
        ReferralData("given", people["Ana"], people["Bruno"], dt.date(2024, 1, 10), " Intro ")
    )
    # Carla sent me Diego as a client, met at the breakfast
    got = ledger.add(
        ReferralData(
            "received",
            people["Carla"],
            people["Diego"],
            dt.date(2024, 2, 1),
            value=Decimal("1500.5"),
            currency="usd",
            event_id=event,
        )
    )
    row = ledger.get(got)
    assert (row.contact, row.other_contact, row.event) == ("Carla", "Diego", "Breakfast")
    assert (row.value, row.currency, row.status) == (Decimal("1500.50"), "USD", "open")
    assert ledger.get(given).description == "Intro"

    assert [r.id for r in ledger.list()] == [got, given]  # newest first
    assert [r.id for r in ledger.list(people["Bruno"])] == [given]  # either side
    assert [r.id for r in ledger.list(people["Diego"])] == [got]
    assert [r.id for r in ledger.list(direction="given")] == [given]
    assert [r.id for r in ledger.list(start=dt.date(2024, 1, 15))] == [got]
    assert ledger.as_records(direction="received")[0] == {
        "id": got,
        "direction": "received",
        "contact_id": people["Carla"],
        "contact": "Carla",
        "other_contact_id": people["Diego"],
        "other_contact": "Diego",
        "date": "2024-02-01",
        "description": "",
        "status": "open",
        "value": "1500.50",
        "currency": "USD",
        "event_id": event,
        "event": "Breakfast",
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"direction": "sideways"}, "direction"),
        ({"status": "pending"}, "status"),
        ({"currency": "E"}, "currency"),
        ({"value": Decimal("-5")}, "value"),
        ({"value": Decimal("NaN")}, "value"),
        ({"contact_id": None}, "contact"),
        ({"contact_id": 999}, "contact"),
        ({"other_contact_id": 999}, "other_contact"),
        ({"event_id": 999}, "event"),
        ({"other_contact_id": "same"}, "to"),
    ],
)
def test_invalid_referrals_name_the_field(
    db: Database, people: dict[str, int], change: dict[str, object], field: str
) -> None:
    if change.get("other_contact_id") == "same":
        change = {"other_contact_id": people["Ana"]}
    data = replace(ReferralData("given", people["Ana"]), **change)  # type: ignore[arg-type]
    with pytest.raises((ValueError, LookupError), match=f"^{field}:"):
        ReferralLedger(db).add(data)
    assert ReferralLedger(db).list() == []


def test_update_delete_and_undo(db: Database, people: dict[str, int]) -> None:
    ledger = ReferralLedger(db)
    rid = ledger.add(ReferralData("received", people["Carla"], date=dt.date(2024, 3, 1)))
    original = ledger.get(rid)
    previous = ledger.update(rid, replace(original.data(), status="meeting", description="Call"))
    assert previous == original.data()
    assert ledger.get(rid).status == "meeting"
    ledger.update(rid, previous)
    assert ledger.get(rid) == original

    before_won = ledger.mark_won(rid, Decimal("800"))
    assert before_won == original.data()
    won = ledger.get(rid)
    assert (won.status, won.value, won.currency) == ("won", Decimal("800.00"), "EUR")
    ledger.mark_won(rid, Decimal("900"), "gbp")
    assert ledger.get(rid).currency == "GBP"

    current = ledger.get(rid)
    deleted = ledger.delete(rid)
    with pytest.raises(ReferralNotFound):
        ledger.get(rid)
    ledger.restore(deleted)
    assert ledger.get(rid) == current


def test_deleted_contact_leaves_the_referral(db: Database, people: dict[str, int]) -> None:
    ledger = ReferralLedger(db)
    rid = ledger.add(ReferralData("given", people["Ana"], people["Bruno"]))
    deleted = ledger.delete(rid)
    ContactBook(db).delete([people["Bruno"]])
    ledger.restore(deleted)  # the link to the gone contact is dropped, not an error
    row = ledger.get(rid)
    assert (row.contact, row.other_contact_id, row.other_contact) == ("Ana", None, "")
    ContactBook(db).delete([people["Ana"]])
    assert ledger.get(rid).contact_id is None
    with pytest.raises(LookupError, match="contact"):
        ledger.schedule_thank_you(rid, dt.date(2024, 1, 1))


def test_reciprocity(db: Database, people: dict[str, int]) -> None:
    ledger = ReferralLedger(db)
    ana, bruno = people["Ana"], people["Bruno"]
    ledger.add(ReferralData("given", ana, bruno))
    ledger.add(ReferralData("given", ana))
    ledger.add(ReferralData("received", ana, people["Diego"]))
    ledger.add(ReferralData("received", people["Carla"], ana))  # Ana was the client: not hers
    got = ledger.reciprocity(ana)
    assert (got.given, got.received, got.balance) == (2, 1, 1)
    assert ledger.reciprocity(bruno) == type(got)(bruno, 0, 0)
    assert ledger.reciprocity(people["Carla"]).received == 1


def test_thank_you_for_won_business(db: Database, people: dict[str, int]) -> None:
    ledger = ReferralLedger(db)
    event = EventBook(db).add(EventData("Breakfast"))
    rid = ledger.add(
        ReferralData(
            "received", people["Carla"], people["Diego"], description="Audit", event_id=event
        )
    )
    ledger.mark_won(rid, Decimal("2000"))
    tp = ledger.schedule_thank_you(rid, dt.date(2024, 5, 2))
    with db.session() as session:
        row = session.get(Touchpoint, tp)
        assert row is not None
        assert (row.contact_id, row.kind, row.intent, row.status) == (
            people["Carla"],
            "thank_you",
            "give",
            "planned",
        )
        assert row.due_date == dt.date(2024, 5, 2) and row.event_id == event
        assert row.note == "Thank you for referring Diego: Audit"
    due = FollowUps(db).due(dt.date(2024, 5, 1), days=3)
    assert [d.id for d in due] == [tp]
