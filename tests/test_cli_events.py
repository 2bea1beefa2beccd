"""`netdesk events/event/referral/referrals/report`, run as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook, EventData
from netdesk.app.referrals import ReferralData, ReferralLedger
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import open_database
from tests.test_cli import netdesk

ISSUE_KEYS = {
    "id",
    "name",
    "date",
    "organiser",
    "cost",
    "currency",
    "hours",
    "contacts_met",
    "touchpoints_planned",
    "touchpoints_done",
    "meetings",
    "referrals_received",
    "referrals_given",
    "won_value",
    "full_cost",
    "return_ratio",
}


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "n.sqlite"
    db = open_database(path)
    book = ContactBook(db, region="ES")
    ids = {
        n: book.create(ContactData(full_name=n))
        for n in ("Ana García", "Ana López", "Bruno Díaz", "Carla Ruiz")
    }
    SettingsStore(db).set("hourly_rate", {"amount": "45.00", "currency": "EUR"})
    events = EventBook(db)
    ids["breakfast"] = events.add(
        EventData("Breakfast", dt.date(2024, 3, 5), cost=Decimal("40"), hours=2.5, organiser="BNI")
    )
    ids["summit"] = events.add(
        EventData("Summit", dt.date(2024, 4, 1), cost=Decimal("100"), currency="USD", hours=2)
    )
    ids["free"] = events.add(EventData("Free talk", dt.date(2024, 4, 2)))
    events.add_attendees(ids["breakfast"], [ids["Ana García"], ids["Bruno Díaz"]], schedule=False)
    on = dt.date(2024, 3, 8)
    FollowUps(db).add(
        ids["Bruno Díaz"], "meeting", due=on, status="done", done_date=on, event_id=ids["breakfast"]
    )
    FollowUps(db).add(ids["Ana García"], "call", due=on, event_id=ids["breakfast"])
    ReferralLedger(db).add(
        ReferralData(
            "received",
            ids["Bruno Díaz"],
            date=dt.date(2024, 3, 20),
            status="won",
            value=Decimal("610"),
            event_id=ids["breakfast"],
        )
    )
    db.close()
    return path, ids


def test_events_json(seeded: tuple[Path, dict[str, int]]) -> None:
    path, ids = seeded
    out = netdesk("--db", str(path), "events", "--json")
    assert out.returncode == 0, out.stderr
    records = {r["name"]: r for r in json.loads(out.stdout)}
    assert all(set(r) >= ISSUE_KEYS for r in records.values())
    breakfast = records["Breakfast"]
    # everything in EUR: 40 + 2.5 h × 45 = 152.50 EUR; 610 / 152.50 = 4; plain numbers
    assert {k: breakfast[k] for k in ISSUE_KEYS} == {
        "id": ids["breakfast"],
        "name": "Breakfast",
        "date": "2024-03-05",
        "organiser": "BNI",
        "cost": 40.0,
        "currency": "EUR",
        "hours": 2.5,
        "contacts_met": 2,
        "touchpoints_planned": 2,
        "touchpoints_done": 1,
        "meetings": 1,
        "referrals_received": 1,
        "referrals_given": 0,
        "won_value": 610.0,
        "full_cost": 152.5,
        "return_ratio": 4.0,
    }
    assert breakfast["hours_value"] == 112.5
    assert breakfast["cost_per_meeting"] == 152.5 and breakfast["cost_per_referral"] == 152.5
    assert breakfast["full_cost_by_currency"] == {"EUR": 152.5}
    assert breakfast["won_value_by_currency"] == {"EUR": 610.0}
    # a USD ticket and a EUR rate stay apart: the sum is null, the parts are listed
    summit = records["Summit"]
    assert (summit["cost"], summit["currency"]) == (100.0, "USD")
    assert summit["full_cost"] is None and summit["hours_value"] is None
    assert summit["full_cost_by_currency"] == {"EUR": 90.0, "USD": 100.0}
    assert summit["hours_value_by_currency"] == {"EUR": 90.0}
    assert summit["won_value"] == 0.0 and summit["won_value_by_currency"] == {}
    assert summit["return_ratio"] is None
    # zero cost: a full cost of 0 and no return; nothing to divide by
    free = records["Free talk"]
    assert (free["cost"], free["full_cost"], free["won_value"]) == (0.0, 0.0, 0.0)
    assert free["full_cost_by_currency"] == {} and free["return_ratio"] is None
    assert free["cost_per_meeting"] is None and free["cost_per_meeting_by_currency"] is None
    table = netdesk("--db", str(path), "events", "--ranked")
    lines = table.stdout.splitlines()
    assert lines[0].startswith("ID") and "Breakfast" in lines[1]
    assert "90.00 EUR + 100.00 USD" in table.stdout


@pytest.fixture
def currencies(tmp_path: Path) -> Path:
    """A USD rate: a USD event is all USD; a EUR event mixes; won business in two currencies."""
    path = tmp_path / "c.sqlite"
    db = open_database(path)
    ana = ContactBook(db).create(ContactData(full_name="Ana"))
    SettingsStore(db).set("hourly_rate", {"amount": "60.00", "currency": "USD"})
    events = EventBook(db)
    meetup = events.add(
        EventData("Meetup", dt.date(2024, 6, 1), cost=Decimal("30"), currency="USD", hours=1.5)
    )
    gala = events.add(
        EventData("Gala", dt.date(2024, 6, 2), cost=Decimal("200"), currency="USD", hours=0)
    )
    events.add(EventData("Quiet", dt.date(2024, 6, 3), cost=Decimal("20"), currency="USD"))
    ledger = ReferralLedger(db)
    for value, currency in ((Decimal("500"), "USD"), (Decimal("300"), "EUR")):
        ledger.add(
            ReferralData(
                "received",
                ana,
                date=dt.date(2024, 6, 9),
                status="won",
                value=value,
                currency=currency,
                event_id=gala,
            )
        )
    ledger.add(
        ReferralData(
            "received",
            ana,
            date=dt.date(2024, 6, 9),
            status="won",
            value=Decimal("360"),
            currency="USD",
            event_id=meetup,
        )
    )
    db.close()
    return path


def test_events_json_in_the_events_currency_and_across_currencies(currencies: Path) -> None:
    out = netdesk("--db", str(currencies), "events", "--json")
    assert out.returncode == 0, out.stderr
    records = {r["name"]: r for r in json.loads(out.stdout)}
    # all USD: 30 + 1.5 h × 60 = 120 USD; 360 / 120 = 3
    meetup = records["Meetup"]
    assert (meetup["currency"], meetup["cost"], meetup["hours_value"]) == ("USD", 30.0, 90.0)
    assert (meetup["full_cost"], meetup["won_value"], meetup["return_ratio"]) == (
        120.0,
        360.0,
        3.0,
    )
    assert meetup["cost_per_referral"] == 120.0 and meetup["cost_per_meeting"] is None
    # won 500 USD and 300 EUR: never 800; the won value is null, its parts are listed
    gala = records["Gala"]
    assert gala["full_cost"] == 200.0 and gala["won_value"] is None
    assert gala["won_value_by_currency"] == {"EUR": 300.0, "USD": 500.0}
    assert gala["return_ratio"] is None
    assert gala["referrals_received"] == 2 and gala["cost_per_referral"] == 100.0
    # no referrals at all: nothing won is a return of 0 against a one-currency cost
    quiet = records["Quiet"]
    assert (quiet["full_cost"], quiet["won_value"], quiet["return_ratio"]) == (20.0, 0.0, 0.0)
    assert quiet["referrals_received"] == quiet["referrals_given"] == 0
    assert quiet["cost_per_referral"] is None and quiet["cost_per_referral_by_currency"] is None


def test_events_help_states_the_currency_rule() -> None:
    out = netdesk("events", "--help")
    assert out.returncode == 0
    text = " ".join(out.stdout.split())
    assert "plain numbers in the event's currency" in text
    assert '"full_cost": null, "full_cost_by_currency": {"EUR": 90.0, "USD": 100.0}' in text


def test_event_add_and_bad_arguments(seeded: tuple[Path, dict[str, int]]) -> None:
    path, _ = seeded
    db_args = ("--db", str(path))
    bad = [
        (["--date", "2024-02-30"], "--date"),
        (["--date", "2024-03-01", "--cost", "ten"], "--cost"),
        (["--date", "2024-03-01", "--cost", "-5"], "--cost"),
        (["--date", "2024-03-01", "--hours", "a lot"], "--hours"),
        (["--date", "2024-03-01", "--currency", "EURO"], "--currency"),
        ([], "--date"),
    ]
    for extra, argument in bad:
        out = netdesk(*db_args, "event", "add", "Lunch", *extra)
        assert out.returncode != 0, extra
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert argument in out.stderr and "Traceback" not in out.stderr
    out = netdesk(
        *db_args,
        "event",
        "add",
        "Lunch & learn",
        "--date",
        "2024-05-06",
        "--cost",
        "12.50",
        "--hours",
        "1.5",
        "--organiser",
        "Chamber",
        "--place",
        "Madrid",
    )
    assert out.returncode == 0, out.stderr
    assert "Lunch & learn" in out.stdout
    db = open_database(path)
    try:
        rows = EventBook(db).list("lunch")
        assert len(rows) == 1  # the bad attempts added nothing
        assert (rows[0].cost, rows[0].currency, rows[0].hours) == (Decimal("12.50"), "EUR", 1.5)
        assert (rows[0].organiser, rows[0].place) == ("Chamber", "Madrid")
    finally:
        db.close()


def test_referral_add_and_list(seeded: tuple[Path, dict[str, int]]) -> None:
    path, ids = seeded
    db_args = ("--db", str(path), "referral", "add")
    ambiguous = netdesk(*db_args, "--direction", "given", "--contact", "Ana")
    assert ambiguous.returncode != 0
    assert "--contact" in ambiguous.stderr and "ambiguous" in ambiguous.stderr
    assert str(ids["Ana García"]) in ambiguous.stderr and str(ids["Ana López"]) in ambiguous.stderr
    for extra, argument in [
        (["--contact", "Zoe"], "--contact"),
        (["--contact", "carla", "--to", "Nobody"], "--to"),
        (["--contact", "carla", "--event", "Gala"], "--event"),
        (["--contact", "carla", "--value", "1.2.3"], "--value"),
        (["--contact", "carla", "--date", "yesterday"], "--date"),
        (["--contact", "carla", "--status", "maybe"], "--status"),
    ]:
        out = netdesk(*db_args, "--direction", "received", *extra)
        assert out.returncode != 0, extra
        assert argument in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr

    out = netdesk(
        *db_args,
        "--direction",
        "given",
        "--contact",
        "ana garcía",
        "--to",
        str(ids["Carla Ruiz"]),
        "--event",
        "breakfast",
        "--status",
        "won",
        "--value",
        "300",
        "--date",
        "2024-03-30",
        "--description",
        "Web shop",
    )
    assert out.returncode == 0, out.stderr
    assert "Ana García" in out.stdout and "Carla Ruiz" in out.stdout

    listed = netdesk("--db", str(path), "referrals", "--json", "--contact", "Carla Ruiz")
    assert listed.returncode == 0, listed.stderr
    (record,) = json.loads(listed.stdout)
    assert record["direction"] == "given" and record["contact_id"] == ids["Ana García"]
    assert record["other_contact_id"] == ids["Carla Ruiz"] and record["event"] == "Breakfast"
    assert (record["value"], record["currency"], record["status"]) == ("300.00", "EUR", "won")
    every = json.loads(netdesk("--db", str(path), "referrals", "--json").stdout)
    assert len(every) == 2  # the failed attempts added nothing
    table = netdesk("--db", str(path), "referrals").stdout
    assert "Web shop" not in table and "Breakfast" in table


def test_report_html_and_pdf(seeded: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    path, _ = seeded
    html = tmp_path / "roi.html"
    args = ("--db", str(path), "report", "--from", "2024-01-01", "--to", "2024-06-30")
    out = netdesk(*args, "--output", str(html))
    assert out.returncode == 0, out.stderr
    assert stat.S_IMODE(html.stat().st_mode) == 0o600
    text = html.read_text(encoding="utf-8")
    assert "Breakfast" in text and "4.00×" in text
    pdf = tmp_path / "roi.pdf"
    out = netdesk(*args, "--output", str(pdf), env={"QT_QPA_PLATFORM": ""})
    assert out.returncode == 0, out.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600

    for extra, argument in [
        (["--output", str(tmp_path / "roi.docx")], "--output"),
        (["--output", str(tmp_path / "missing" / "r.pdf")], "--output"),
    ]:
        bad = netdesk(*args, *extra)
        assert bad.returncode != 0 and argument in bad.stderr
    backwards = netdesk(
        "--db",
        str(path),
        "report",
        "--from",
        "2024-06-30",
        "--to",
        "2024-01-01",
        "--output",
        "x.html",
    )
    assert backwards.returncode != 0 and "--to" in backwards.stderr


def test_referral_add_credits_the_event_the_relationship_began_at(tmp_path: Path) -> None:
    """#14, point 2: a won referral from someone met at an event was credited to no event."""
    path = tmp_path / "n.sqlite"
    db = open_database(path)
    carmen = ContactBook(db).create(ContactData(full_name="Carmen Referrer"))
    events = EventBook(db)
    fair = events.add(EventData("Feria Expo", dt.date(2026, 3, 5)))
    first = events.add(EventData("Desayuno", dt.date(2026, 1, 20)))
    events.add_attendees(fair, [carmen], schedule=False)
    events.add_attendees(first, [carmen], schedule=False)
    db.close()
    base = ["--db", str(path), "referral", "add", "--direction", "received", "--contact"]
    out = netdesk(*base, "Carmen", "--status", "won", "--value", "900")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("won, credited to Desayuno")
    assert netdesk(*base, "Carmen", "--no-event").returncode == 0
    assert netdesk(*base, "Carmen", "--event", "Feria Expo").returncode == 0
    db = open_database(path)
    credited = sorted(str(r.event_id) for r in ReferralLedger(db).list())
    db.close()
    assert credited == sorted([str(first), "None", str(fair)])
