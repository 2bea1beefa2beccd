"""The Events view and the Dashboard, driven by keys, with figures computed by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook, EventData
from netdesk.app.referrals import ReferralData, ReferralLedger
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY, focus, when_dialog_opens
from tests.ui.languages import language  # noqa: F401  (a fixture)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def view_index(window: MainWindow, name: str) -> int:
    titles = [window.views.tabText(i) for i in range(window.views.count())]
    return titles.index(name)


def event_names(db: Database) -> list[str]:
    return sorted(e.name for e in EventBook(db).list())


def test_add_an_event_by_keyboard_then_delete_and_undo(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    page = window.context.parts["events_page"]  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.views.currentWidget() is page
    assert page.empty.isVisible() and not page.table.isVisible()

    def fill(dialog: QDialog) -> None:
        name = dialog.findChild(QLineEdit, "eventName")
        assert name is not None
        qtbot.keyClicks(name, "Breakfast club")
        qtbot.keyClick(name, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    assert event_names(db) == ["Breakfast club"]
    assert page.model.rowCount() == 1 and page.model.text(0, 1) == "Breakfast club"

    focus(qtbot, window, page.table)
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert event_names(db) == [] and page.model.rowCount() == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert event_names(db) == ["Breakfast club"] and page.model.rowCount() == 1


def test_a_nameless_event_is_refused_next_to_the_field(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    seen: list[str] = []

    def try_empty(dialog: QDialog) -> None:
        name = dialog.findChild(QLineEdit, "eventName")
        assert name is not None
        qtbot.keyClick(name, Qt.Key.Key_Return)
        problem = dialog.findChild(type(window.count_label), "eventProblem")
        seen.append(problem.text() if problem is not None else "")
        dialog.reject()

    when_dialog_opens(qtbot, try_empty)
    window.context.parts["events_page"].new_event()  # type: ignore[attr-defined]
    assert seen == ["Name: an event needs a name."]
    assert event_names(db) == []


@pytest.fixture
def seeded(db: Database) -> None:
    """Two events this year at a 50 EUR hourly rate; hand-computed below."""
    SettingsStore(db).set("hourly_rate", {"amount": "50.00", "currency": "EUR"})
    events = EventBook(db)
    fair = events.add(
        EventData(name="Fair", date=dt.date(2026, 3, 10), cost=Decimal("100"), hours=2)
    )
    lunch = events.add(
        EventData(name="Lunch", date=dt.date(2026, 5, 4), cost=Decimal("50"), hours=1)
    )
    book = ContactBook(db)
    ana = book.create(ContactData(full_name="Ana"))
    bea = book.create(ContactData(full_name="Bea"))
    fu = FollowUps(db)
    done = {"status": "done"}
    fu.add(ana, "thank_you", intent="give", done_date=dt.date(2026, 3, 11), **done)
    fu.add(ana, "meeting", intent="connect", done_date=dt.date(2026, 3, 15), **done)
    fu.add(bea, "call", intent="ask", done_date=dt.date(2026, 5, 6), **done)
    fu.add(bea, "share_content", intent="give", due=dt.date(2026, 5, 20))
    ledger = ReferralLedger(db)
    ledger.add(
        ReferralData(
            "received",
            ana,
            date=dt.date(2026, 3, 20),
            status="won",
            value=Decimal("1000"),
            event_id=fair,
        )
    )
    ledger.add(ReferralData("given", bea, date=dt.date(2026, 5, 8), event_id=lunch))


def test_dashboard_charts_show_the_hand_computed_figures(
    seeded: None, window: MainWindow, qtbot: QtBot
) -> None:
    window.synchronous_tasks = True  # figures read inline; test_background_work reads on a worker
    page = window.context.parts["dashboard_page"]  # type: ignore[attr-defined]
    qtbot.keyClick(
        window,
        getattr(Qt.Key, f"Key_{view_index(window, 'Dashboard') + 1}"),
        Qt.KeyboardModifier.AltModifier,
    )
    assert window.views.currentWidget() is page
    assert page.period.currentData() == "year" and TODAY.year == 2026
    # Fair: 100 + 2 h × 50 = 200 EUR full cost, 1000 won → 5×. Lunch: 100 EUR, nothing won → 0.
    chart = page.return_chart
    assert chart.categories == ["Fair", "Lunch"]
    assert [s.values for s in chart.series] == [[5.0, 0.0]]
    # Every month of the period is shown, quiet ones as zero: January to November.
    labels = [f"2026-{m:02d}" for m in range(1, 12)]

    def only(values: dict[str, float]) -> list[float]:
        return [values.get(label, 0.0) for label in labels]

    months = page.balance_chart
    assert months.categories == labels
    assert {s.name: s.values for s in months.series} == {
        "Give": only({"2026-03": 1.0, "2026-05": 1.0}),
        "Connect": only({"2026-03": 1.0}),
        "Ask": only({"2026-05": 1.0}),
    }
    referrals = page.referral_chart
    assert referrals.categories == labels
    assert {s.name: s.values for s in referrals.series} == {
        "Given": only({"2026-05": 1.0}),
        "Received": only({"2026-03": 1.0}),
    }
    figures = page.figure_labels
    assert figures["events"].text() == "2" and figures["full_cost"].text() == "300.00 EUR"
    assert figures["return"].text() == "3.33×"  # 1000 / 300


def test_save_report_writes_a_pdf(
    seeded: None,
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "q.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.synchronous_tasks = True  # figures read inline; test_background_work reads on a worker
    page = window.context.parts["dashboard_page"]  # type: ignore[attr-defined]
    page.refresh()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    assert (target.stat().st_mode & 0o777) == 0o600


def test_month_labels_are_whole_and_the_today_list_shows_what(
    window: MainWindow,
    qtbot: QtBot,
    db: Database,
    language: Callable[[str], str],  # noqa: F811  (the fixture)
) -> None:
    """#14, point 5: chart month labels were all cut to "2026…"; the Today list's What column
    was off-screen until the pane was widened."""
    from netdesk.ui.widgets.bar_chart import axis_labels

    language("es")
    months = [f"2026-{m:02d}" for m in range(1, 13)] + ["2027-01"]
    labels = axis_labels(months)
    assert labels[:3] == ["ene 26", "feb", "mar"]
    assert labels[-1] == "ene 27"
    assert axis_labels(["Fair", "Lunch"]) == ["Fair", "Lunch"]
    language("en")
    ana = ContactBook(db).create(ContactData(full_name="Anastasia Wolkenstein-Hohenberg Ruiz"))
    FollowUps(db).add(ana, "share_content", due=TODAY)
    window.resize(900, 600)
    window.refresh()
    tree = window.followups_pane.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
    tree.expandAll()
    header = tree.header()
    what = header.sectionViewportPosition(2) + header.sectionSize(2)
    assert what <= tree.viewport().width()  # the What column is on screen, whole
    assert header.sectionSize(2) >= tree.fontMetrics().horizontalAdvance("Share content")
