"""The Dashboard: is each event worth it, am I giving or asking, do referrals flow both ways."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.balance import balance_by_month, referrals_by_month
from netdesk.core.report import ratio_text
from netdesk.core.roi import event_figures, ranked, total
from netdesk.ui.bar_chart import BarChart, Series

if TYPE_CHECKING:
    from netdesk.ui.main_window import MainWindow

TOP_EVENTS = 8


class DashboardPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setObjectName("dashboardPage")
        self.period = QComboBox()
        self.period.setObjectName("dashboardPeriod")
        self.period.setAccessibleName(self.tr("Period"))
        self.period.addItem(self.tr("This year"), "year")
        self.period.addItem(self.tr("Last 12 months"), "12m")
        self.period.addItem(self.tr("All time"), "all")
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.save_button = QPushButton(self.tr("&Save report…"))
        self.save_button.setObjectName("saveReport")
        self.save_button.clicked.connect(lambda _c=False: self.save_report())
        self.totals = QLabel()
        self.totals.setObjectName("dashboardTotals")
        self.totals.setWordWrap(True)
        self.return_chart = BarChart(self.tr("Return by event (won value ÷ full cost)"))
        self.return_chart.setObjectName("returnChart")
        self.balance_chart = BarChart(self.tr("Give / connect / ask by month"))
        self.balance_chart.setObjectName("balanceChart")
        self.referral_chart = BarChart(self.tr("Referrals given and received by month"))
        self.referral_chart.setObjectName("referralChart")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.save_button)
        grid = QGridLayout()
        grid.addWidget(self.return_chart, 0, 0, 1, 2)
        grid.addWidget(self.balance_chart, 1, 0)
        grid.addWidget(self.referral_chart, 1, 1)
        # The charts scroll rather than forcing a minimum window size (200 % on a small screen).
        charts = QWidget()
        charts.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(charts)
        scroll.setAccessibleName(self.tr("Charts"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(scroll, 1)

    def span(self) -> tuple[dt.date | None, dt.date]:
        today = self.window_.today()
        kind = self.period.currentData()
        if kind == "year":
            return dt.date(today.year, 1, 1), today
        if kind == "12m":
            start = today.replace(day=1)
            for _ in range(11):
                start = (start - dt.timedelta(days=1)).replace(day=1)
            return start, today
        return None, today

    def refresh(self) -> None:
        start, end = self.span()
        db = self.window_.db
        figures = event_figures(db, start=start, end=end)
        best = ranked(figures)[:TOP_EVENTS]
        self.return_chart.set_data(
            [f.name for f in best],
            [
                Series(
                    self.tr("Return"),
                    [float(f.return_ratio or 0) for f in best],
                )
            ],
            "×",
        )
        everything = total(figures)
        self.totals.setText(
            self.tr(
                "{0} events · spent {1} and {2} h · full cost {3} · won {4} · return {5} · "
                "{6} meetings · referrals given {7}, received {8}"
            ).format(
                everything.events,
                everything.cost,
                everything.hours,
                everything.full_cost,
                everything.won_value,
                ratio_text(everything),
                everything.meetings,
                everything.referrals_given,
                everything.referrals_received,
            )
        )
        months = balance_by_month(db, start=start, end=end)
        self.balance_chart.set_data(
            [m.month for m in months],
            [
                Series(self.tr("Give"), [float(m.balance.give) for m in months]),
                Series(self.tr("Connect"), [float(m.balance.connect) for m in months]),
                Series(self.tr("Ask"), [float(m.balance.ask) for m in months]),
            ],
        )
        referrals = referrals_by_month(db, start=start, end=end)
        self.referral_chart.set_data(
            [m.month for m in referrals],
            [
                Series(self.tr("Given"), [float(m.given) for m in referrals]),
                Series(self.tr("Received"), [float(m.received) for m in referrals]),
            ],
        )

    def save_report(self) -> None:
        path_text, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save report"),
            str(Path.home() / "netdesk-report.pdf"),
            self.tr("PDF (*.pdf);;Web page (*.html)"),
        )
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() not in (".pdf", ".html", ".htm"):
            path = path.with_suffix(".pdf")
        start, end = self.span()
        from netdesk.ui.report_pdf import write_report

        try:
            write_report(self.window_.db, start or dt.date(1900, 1, 1), end, path)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Report not saved"), self.tr("{0}: {1}").format(path, exc)
            )
            return
        self.window_.statusBar().showMessage(self.tr("Report saved to {0}").format(path), 8000)


def install(window: MainWindow) -> None:
    page = DashboardPage(window)
    window.add_view(page, QCoreApplication.translate("DashboardPage", "Dashboard"))
    window.dashboard_page = page  # type: ignore[attr-defined]
