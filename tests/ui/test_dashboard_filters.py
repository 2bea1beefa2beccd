"""The Dashboard for one organiser and a period typed by hand, remembered, saved and printed.

The figures below are computed by hand from the ``series`` fixture.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook, EventData
from netdesk.app.referrals import ReferralData, ReferralLedger
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui.features.dashboard import dashboard_page
from netdesk.ui.shell.main_window import MainWindow
from netdesk.ui.widgets.ranked_events import RankedEventsModel

CTRL = Qt.KeyboardModifier.ControlModifier
D = Decimal


@pytest.fixture
def series(db: Database) -> None:
    """BNI breakfasts and a Chamber gala at a 50 EUR hourly rate.

    For BNI from 2026-01-01 to 2026-03-31 (Dec 2025 and Jun 2026 are outside):
    BNI Jan: 20 + 2 h × 50 = 120 EUR, met Ana and Bea, won 600 EUR from Ana → 5×.
    BNI Mar: 30 + 1 h × 50 = 80 EUR, met Carl, nothing won → 0×.
    Together: 50 spent, 3 h worth 150, full cost 200, 3 met, follow-ups 2 done of 4 planned,
    1 meeting, referrals given 1, received 2, won 600 → 3×, 200 per meeting, 100 per referral.
    """
    SettingsStore(db).set("hourly_rate", {"amount": "50.00", "currency": "EUR"})
    book = ContactBook(db)
    ana, bea, carl = (book.create(ContactData(full_name=n)) for n in ("Ana", "Bea", "Carl"))
    events = EventBook(db)

    def add(name: str, day: dt.date, cost: str, hours: float, organiser: str) -> int:
        data = EventData(name, day, cost=D(cost), hours=hours, organiser=organiser)
        return events.add(data)

    add("BNI Dec", dt.date(2025, 12, 5), "20", 2, "BNI")
    jan = add("BNI Jan", dt.date(2026, 1, 15), "20", 2, "BNI")
    mar = add("BNI Mar", dt.date(2026, 3, 12), "30", 1, "BNI")
    add("BNI Jun", dt.date(2026, 6, 10), "25", 1, "BNI")
    gala = add("Chamber gala", dt.date(2026, 2, 20), "100", 3, "Chamber")
    events.add_attendees(jan, [ana, bea], schedule=False)
    events.add_attendees(mar, [carl], schedule=False)
    events.add_attendees(gala, [ana, bea, carl], schedule=False)
    fu = FollowUps(db)

    def done(day: dt.date) -> dict[str, object]:
        return {"due": day, "status": "done", "done_date": day}

    fu.add(ana, "meeting", intent="connect", event_id=jan, **done(dt.date(2026, 1, 20)))  # type: ignore[arg-type]
    fu.add(bea, "call", intent="ask", event_id=jan, due=dt.date(2026, 2, 1))  # planned
    fu.add(carl, "thank_you", intent="give", event_id=mar, **done(dt.date(2026, 3, 13)))  # type: ignore[arg-type]
    skipped = {"due": dt.date(2026, 3, 20), "status": "skipped"}
    fu.add(carl, "meeting", intent="connect", event_id=mar, **skipped)  # type: ignore[arg-type]
    fu.add(ana, "call", intent="ask", event_id=gala, **done(dt.date(2026, 2, 22)))  # type: ignore[arg-type]
    ledger = ReferralLedger(db)
    ledger.add(
        ReferralData(
            "received", ana, date=dt.date(2026, 2, 10), status="won", value=D("600"), event_id=jan
        )
    )
    ledger.add(ReferralData("given", bea, date=dt.date(2026, 3, 15), event_id=mar))
    ledger.add(ReferralData("received", carl, date=dt.date(2026, 3, 25), event_id=mar))
    ledger.add(
        ReferralData(
            "received", bea, date=dt.date(2026, 2, 25), status="won", value=D("5000"), event_id=gala
        )
    )


def open_dashboard(window: MainWindow, qtbot: QtBot) -> dashboard_page.DashboardPage:
    # The figures are read inline here; tests/ui/test_background_work.py reads them on a worker.
    window.synchronous_tasks = True
    page: dashboard_page.DashboardPage = window.context.parts["dashboard_page"]  # type: ignore[attr-defined]
    titles = [window.views.tabText(i) for i in range(window.views.count())]
    key = getattr(Qt.Key, f"Key_{titles.index('Dashboard') + 1}")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
    assert window.views.currentWidget() is page
    return page


def type_date(qtbot: QtBot, edit: QDateEdit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry the way a keyboard user does: arrow keys from the top."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def pick_bni_first_quarter(page: dashboard_page.DashboardPage, qtbot: QtBot) -> None:
    choose(qtbot, page.organiser, "BNI")
    type_date(qtbot, page.from_date, "2026-01-01")
    type_date(qtbot, page.to_date, "2026-03-31")


def test_one_organiser_and_a_typed_period_give_the_hand_computed_figures(
    series: None, window: MainWindow, qtbot: QtBot
) -> None:
    page = open_dashboard(window, qtbot)
    assert [page.organiser.itemText(i) for i in range(page.organiser.count())] == [
        "All organisers",
        "BNI",
        "Chamber",
    ]
    pick_bni_first_quarter(page, qtbot)
    assert page.period.currentData() == "custom"  # typing a date makes the period custom
    assert page.selected_organiser() == "BNI"
    assert page.span() == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))

    shown = {key: label.text() for key, label in page.figure_labels.items()}
    assert shown == {
        "events": "2",
        "cost": "50.00 EUR",
        "hours": "3 h, worth 150.00 EUR",
        "full_cost": "200.00 EUR",
        "contacts_met": "3",
        "follow_ups": "2 of 4",
        "meetings": "1",
        "referrals_given": "1",
        "referrals_received": "2",
        "won_value": "600.00 EUR",
        "return": "3.00×",
        "cost_per_meeting": "200.00 EUR",
        "cost_per_referral": "100.00 EUR",
    }
    # the charts follow the choice: only BNI's events, touchpoints and referrals, Jan–Mar
    assert page.return_chart.categories == ["BNI Jan", "BNI Mar"]
    assert [s.values for s in page.return_chart.series] == [[5.0, 0.0]]
    months = ["2026-01", "2026-02", "2026-03"]
    assert page.balance_chart.categories == months
    assert {s.name: s.values for s in page.balance_chart.series} == {
        "Give": [0.0, 0.0, 1.0],
        "Connect": [1.0, 0.0, 0.0],
        "Ask": [0.0, 1.0, 0.0],  # Bea's planned call; the gala's ask is the Chamber's
    }
    assert page.referral_chart.categories == months
    assert {s.name: s.values for s in page.referral_chart.series} == {
        "Given": [0.0, 0.0, 1.0],
        "Received": [0.0, 1.0, 1.0],
    }
    # All organisers again: the gala comes in (100 + 3 h × 50 = 250 EUR, 5000 won → 20×)
    choose(qtbot, page.organiser, "All organisers")
    assert page.figure_labels["full_cost"].text() == "450.00 EUR"
    assert page.return_chart.categories == ["Chamber gala", "BNI Jan", "BNI Mar"]
    assert [s.values for s in page.return_chart.series] == [[20.0, 5.0, 0.0]]


def test_from_after_to_is_refused_with_a_message(
    series: None, window: MainWindow, qtbot: QtBot
) -> None:
    page = open_dashboard(window, qtbot)
    pick_bni_first_quarter(page, qtbot)
    type_date(qtbot, page.from_date, "2026-04-01")
    assert page.problem.isVisible()
    assert "“From” is after “To”" in page.problem.text()
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()
    assert page.figure_labels["full_cost"].text() == "–"
    assert page.return_chart.categories == [] and page.balance_chart.categories == []
    type_date(qtbot, page.from_date, "2026-03-01")
    assert not page.problem.isVisible() and page.save_button.isEnabled()
    assert page.figure_labels["full_cost"].text() == "80.00 EUR"  # BNI Mar alone


def test_the_choice_is_remembered_between_launches(
    series: None, make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    first = make_window()
    pick_bni_first_quarter(open_dashboard(first, qtbot), qtbot)
    first.close()
    second = make_window()
    page = open_dashboard(second, qtbot)
    assert page.period.currentData() == "custom"
    assert page.span() == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert page.organiser.currentText() == "BNI"
    assert page.figure_labels["full_cost"].text() == "200.00 EUR"
    # a preset period shows the days it covers; "this year" runs to today (2026-11-20)
    choose(qtbot, page.period, "This year")
    assert page.span() == (dt.date(2026, 1, 1), dt.date(2026, 11, 20))
    assert page.from_date.date().toString("yyyy-MM-dd") == "2026-01-01"
    assert page.figure_labels["events"].text() == "3"  # Jan, Mar, Jun


def test_events_ranked_by_return_and_sortable(
    series: None, window: MainWindow, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    page = open_dashboard(window, qtbot)
    qtmodeltester.check(page.ranked_model)
    choose(qtbot, page.period, "All time")
    table = page.ranked_table
    proxy = page.ranked_proxy

    def column(index: int) -> list[str]:
        return [proxy.index(r, index).data() for r in range(proxy.rowCount())]

    # returns: gala 5000/250 = 20, Jan 5, then the zeros, newest first
    assert column(RankedEventsModel.NAME) == [
        "Chamber gala",
        "BNI Jan",
        "BNI Jun",
        "BNI Mar",
        "BNI Dec",
    ]
    assert column(RankedEventsModel.RETURN)[:2] == ["20.00×", "5.00×"]
    header = table.horizontalHeader()
    section = RankedEventsModel.FULL_COST
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    at = QPoint(x, header.height() // 2)
    # full costs: Jun 25 + 50 = 75, Mar 80, Dec and Jan 120, the gala 250 (all EUR)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    first = column(RankedEventsModel.FULL_COST)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    second = column(RankedEventsModel.FULL_COST)
    ascending = ["75.00 EUR", "80.00 EUR", "120.00 EUR", "120.00 EUR", "250.00 EUR"]
    assert sorted([first, second]) == sorted([ascending, ascending[::-1]])
    assert column(RankedEventsModel.NAME)[0] in ("Chamber gala", "BNI Jun")


def _pdf_text(path: Path, tmp_path: Path) -> str:
    if not shutil.which("gs"):
        pytest.skip("gs is not installed to read the PDF's text")
    out = tmp_path / (path.stem + ".txt")
    cmd = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite"]
    subprocess.run([*cmd, f"-sOutputFile={out}", str(path)], check=True, timeout=60)
    return " ".join(out.read_text(encoding="utf-8", errors="replace").split())


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_print_renders_the_saved_report_for_the_choice(
    series: None,
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_dashboard(window, qtbot)
    pick_bni_first_quarter(page, qtbot)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    from netdesk.ui.report_pdf import report_layout

    printer.setPageLayout(report_layout())
    assert page.print_to(printer) >= 1
    data = printed.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000

    saved = tmp_path / "saved.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), ""))
    )
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert _pages(data) == _pages(saved.read_bytes())
    text = _pdf_text(printed, tmp_path)
    # (gs reads the en dash between the dates as another glyph; the rest reads as written)
    assert "Return on networking 2026-01-01" in text and "2026-03-31 · BNI" in text
    assert "BNI Jan" in text and "BNI Mar" in text and "5.00×" in text
    assert "Chamber gala" not in text and "BNI Jun" not in text
    assert text == _pdf_text(saved, tmp_path)  # the same document, word for word


def test_file_print_report_has_ctrl_p_and_prints_what_the_dialog_chose(
    series: None,
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    action = window.context.parts["print_report_action"]  # type: ignore[attr-defined]
    assert action.shortcut().toString() == "Ctrl+P"
    assert action in window.menus["file"].actions()
    assert action.text().replace("&", "") == "Print report…"
    target = tmp_path / "chosen.pdf"
    opened: list[str] = []

    class FakePrintDialog:
        """Stands in for the system's print dialog: the user picks "print to file"."""

        def __init__(self, printer: QPrinter, parent: object = None) -> None:
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:
            opened.append(title)

        def exec(self) -> QDialog.DialogCode:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dashboard_page, "QPrintDialog", FakePrintDialog)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    assert opened == ["Print report"]
    assert window.views.currentWidget() is window.context.parts["dashboard_page"]  # type: ignore[attr-defined]
    assert target.read_bytes().startswith(b"%PDF")
    text = _pdf_text(target, tmp_path)
    assert "Return on networking 2026-01-01" in text and "2026-11-20 · made" in text
    assert "Chamber gala" in text and "BNI Jan" in text


def test_dashboard_report_and_events_json_count_the_same_referrals(
    series: None, window: MainWindow, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    """#14, point 2: the dashboard said "Referrals received 0 / Won 0" while its own chart and
    the ledger showed 2. A won referral that came after the period (from an event in it) and
    one credited to no event are where the counts used to part."""
    import json
    import sys

    from netdesk.app.report import build_report

    ledger = ReferralLedger(db)
    ana = ledger.list()[0].contact_id
    jan = next(r.event_id for r in ledger.list() if r.event == "BNI Jan")
    ledger.add(
        ReferralData(
            "received", ana, date=dt.date(2026, 5, 2), status="won", value=D("400"), event_id=jan
        )
    )
    ledger.add(ReferralData("received", ana, date=dt.date(2026, 2, 3)))  # no event
    page = open_dashboard(window, qtbot)
    pick_bni_first_quarter(page, qtbot)
    shown = {key: label.text() for key, label in page.figure_labels.items()}
    chart = {s.name: sum(s.values) for s in page.referral_chart.series}
    assert shown["referrals_received"] == "3" == str(int(chart["Received"]))
    assert shown["referrals_given"] == "1" == str(int(chart["Given"]))
    assert shown["won_value"] == "1000.00 EUR"
    assert "2026-05" in page.referral_chart.categories  # the month it came in is shown

    report = build_report(db, dt.date(2026, 1, 1), dt.date(2026, 3, 31), organiser="BNI")
    assert report.totals.referrals_received == 3
    assert sum(m.received for m in report.referral_months) == 3
    assert len([r for r in report.referrals if r.direction == "received"]) == 3

    out = subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db.path), "events", "--json",
         "--from", "2026-01-01", "--to", "2026-03-31"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = [r for r in json.loads(out.stdout) if r["organiser"] == "BNI"]
    assert sum(r["referrals_received"] for r in rows) == 3
    assert sum(r["referrals_given"] for r in rows) == 1


def test_the_dashboard_in_front_follows_a_new_hourly_rate(
    series: None, window: MainWindow, qtbot: QtBot
) -> None:
    """#14, point 2: the Dashboard did not refresh after the hourly rate changed in Settings."""
    from PySide6.QtWidgets import QDoubleSpinBox

    from netdesk.ui.shell import window_extras
    from tests.ui.conftest import when_dialog_opens

    page = open_dashboard(window, qtbot)
    pick_bni_first_quarter(page, qtbot)
    assert page.figure_labels["full_cost"].text() == "200.00 EUR"  # 50 + 3 h × 50

    def double_the_rate(dialog: QDialog) -> None:
        rate = dialog.findChild(QDoubleSpinBox, "hourlyRate")
        assert rate is not None
        rate.setValue(100)
        dialog._save()  # type: ignore[attr-defined]

    when_dialog_opens(qtbot, double_the_rate)
    window_extras.show_settings(window)
    assert window.views.currentWidget() is page
    assert page.figure_labels["full_cost"].text() == "350.00 EUR"  # 50 + 3 h × 100
