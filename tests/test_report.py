"""The period report: what the HTML says, and that the PDF renders to readable pages."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import stat
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from netdesk.app import report, roi
from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook, EventData
from netdesk.app.referrals import ReferralData, ReferralLedger
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database

START, END = dt.date(2024, 1, 1), dt.date(2024, 3, 31)
RATE = roi.Rate(Decimal("45"), "EUR")


@pytest.fixture
def filled(db: Database) -> Database:
    book = ContactBook(db, region="ES")
    ana = book.create(ContactData(full_name="Ana García"))
    carla = book.create(ContactData(full_name="Carla <Ruiz> & Co"))
    events = EventBook(db)
    best = events.add(
        EventData("Chamber breakfast", dt.date(2024, 1, 18), cost=Decimal("25"), hours=2.0)
    )
    summit = events.add(
        EventData("Web <Summit>", dt.date(2024, 3, 1), cost=Decimal("850"), currency="USD")
    )
    events.add(EventData("Free meetup", dt.date(2024, 2, 2)))
    events.add(EventData("Next year", dt.date(2025, 1, 1), cost=Decimal("1")))
    on = dt.date(2024, 2, 1)
    for when in (on, on + dt.timedelta(days=1), on + dt.timedelta(days=2)):
        FollowUps(db).add(carla, "call", due=when, status="done", done_date=when, intent="ask")
    FollowUps(db).add(ana, "meeting", due=on, status="done", done_date=on, event_id=best)
    ledger = ReferralLedger(db)
    ledger.add(
        ReferralData(
            "received",
            ana,
            date=dt.date(2024, 2, 10),
            status="won",
            value=Decimal("1150"),
            event_id=best,
            description="Website <redesign>",
        )
    )
    ledger.add(
        ReferralData(
            "received",
            carla,
            date=dt.date(2024, 3, 15),
            status="won",
            value=Decimal("3000"),
            currency="USD",
            event_id=summit,
        )
    )
    return db


def test_html_report(filled: Database) -> None:
    html = report.report_html(filled, START, END, rate=RATE, today=dt.date(2024, 4, 2))
    assert html.startswith("<!DOCTYPE html>")
    assert "2024-01-01 – 2024-03-31" in html and "made 2024-04-02" in html
    # user text is escaped everywhere
    assert "<Ruiz>" not in html and "Carla &lt;Ruiz&gt; &amp; Co" in html
    assert "Web &lt;Summit&gt;" in html and "Website &lt;redesign&gt;" in html
    # ranked: breakfast 1150 / (25 + 90) = 10.00×, free meetup has no cost, summit mixes
    # nothing (850 USD cost, 3000 USD won: 3.53×); the 2025 event is outside the period
    assert "10.00×" in html and "3.53×" in html and "no cost" in html
    assert html.index("Chamber breakfast") < html.index("Web &lt;Summit&gt;")
    assert html.index("Web &lt;Summit&gt;") < html.index("Free meetup")
    assert "Next year" not in html
    # totals keep currencies apart: 115 EUR and 850 USD of full cost, never 965
    assert "115.00 EUR<br>850.00 USD" in html
    assert "mixed currencies" in html
    assert "965" not in html
    # balance: 3 asks of 4 touchpoints, and who is being sold to
    assert "asking 75%" in html and "You're selling, not networking" in html
    assert "45.00 EUR per hour" in html
    assert "@media print" in html


def test_report_for_one_organiser(filled: Database) -> None:
    events = EventBook(filled)
    ana = ContactBook(filled).summaries("Ana")[0].id
    bni = events.add(
        EventData("BNI lunch", dt.date(2024, 2, 6), cost=Decimal("30"), organiser="BNI")
    )
    ReferralLedger(filled).add(
        ReferralData("given", ana, date=dt.date(2024, 2, 9), event_id=bni, description="Intro X")
    )
    html = report.report_html(filled, START, END, rate=RATE, organiser="BNI")
    assert "2024-01-01 – 2024-03-31 · BNI" in html
    assert report.report_title(START, END, "BNI").endswith("2024-03-31 · BNI")
    # only the series: its event, its referral; the others' events and referrals are left out
    assert "BNI lunch" in html and "Intro X" in html
    assert "Chamber breakfast" not in html and "Website &lt;redesign&gt;" not in html
    # 30 EUR spent, nothing won: a return of 0.00×; no touchpoints came from it
    assert "0.00×" in html and "No touchpoints in this period." in html
    lonely = report.report_html(filled, START, END, rate=RATE, organiser="")
    assert "events without organiser" in lonely and "Chamber breakfast" in lonely
    assert "BNI lunch" not in lonely


def test_empty_period(db: Database) -> None:
    html = report.report_html(db, START, END, rate=RATE)
    assert "No events in this period." in html
    assert "No touchpoints in this period." in html
    assert "No referrals in this period." in html
    with pytest.raises(ValueError, match="to:"):
        report.build_report(db, END, START)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_pdf_renders(filled: Database, tmp_path: Path, qapp: object) -> None:
    from PySide6.QtGui import QImage

    from netdesk.ui.report_pdf import write_report

    path = tmp_path / "report.pdf"
    write_report(filled, START, END, path, today=dt.date(2024, 4, 2))
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _pages(data) >= 2  # summary and events, then balance and referrals
    html_path = tmp_path / "report.html"
    write_report(filled, START, END, html_path)
    assert "Chamber breakfast" in html_path.read_text(encoding="utf-8")

    png = tmp_path / "page-1.png"
    if shutil.which("pdftoppm"):
        cmd = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([*cmd, str(path), str(png.with_suffix(""))], check=True, timeout=60)
    elif shutil.which("gs"):
        cmd = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m", "-r60"]
        subprocess.run(
            [*cmd, "-dFirstPage=1", "-dLastPage=1", f"-sOutputFile={png}", str(path)],
            check=True,
            timeout=60,
        )
    else:
        pytest.skip("neither pdftoppm nor gs is installed to render the PDF")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > image.height()  # landscape A4
    # ink on the page: a good share of the pixels are not white
    step = 4
    dark = sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixelColor(x, y).lightness() < 200
    )
    samples = (image.height() // step) * (image.width() // step)
    assert dark / samples > 0.02
