"""The Dashboard: is each event worth it, am I giving or asking, do referrals flow both ways.

For a period (this year, the last 12 months, all time or any From–To range) and one organiser
(event series) or all of them: what the events cost and brought, the events ranked by return,
and three charts. The choice is remembered between launches; the report saved or printed from
here is for the same choice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.balance import balance_by_month, referrals_by_month
from netdesk.app.roi import (
    EventFigures,
    Figures,
    credited_event_ids,
    event_figures,
    organiser_event_ids,
    ranked,
    total,
)
from netdesk.ui.features.dashboard.dashboard_choice import DashboardChoice
from netdesk.ui.formatting import format_number
from netdesk.ui.tasks import Reader
from netdesk.ui.widgets.bar_chart import BarChart, Series
from netdesk.ui.widgets.ranked_events import (
    SORT_ROLE,
    RankedEventsModel,
    hours_text,
    money_text,
    ratio_text,
)

if TYPE_CHECKING:
    from netdesk.ui.context import Context

TOP_EVENTS = 8
PRINT_SHORTCUT = "Ctrl+P"


class DashboardPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("dashboardPage")
        self.figures: Figures = total([])
        self.events: list[EventFigures] = []
        self.reader = Reader(self._show, self, lambda: ctx.synchronous_tasks)
        self.choice = DashboardChoice(ctx.db, ctx.settings, ctx.today)
        self.choice.changed.connect(self._show_figures)
        # the fields, for tests and for the report
        self.period = self.choice.period
        self.from_date = self.choice.from_date
        self.to_date = self.choice.to_date
        self.organiser = self.choice.organiser
        self.problem = self.choice.problem
        self.save_button = QPushButton(self.tr("&Save report…"))
        self.save_button.setObjectName("saveReport")
        self.save_button.clicked.connect(lambda _c=False: self.save_report())
        self.print_button = QPushButton(self.tr("P&rint report…"))
        self.print_button.setObjectName("printReport")
        self.print_button.clicked.connect(lambda _c=False: self.print_report())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        self.choice.grid.addLayout(buttons, 1, 6)

        self.figure_labels: dict[str, QLabel] = {}
        figures_grid = QGridLayout()
        names = [
            ("events", self.tr("Events")),
            ("cost", self.tr("Money spent")),
            ("hours", self.tr("Hours (valued at your rate)")),
            ("full_cost", self.tr("Full cost")),
            ("contacts_met", self.tr("Contacts met")),
            ("follow_ups", self.tr("Follow-ups done")),
            ("meetings", self.tr("Meetings held")),
            ("referrals_given", self.tr("Referrals given")),
            ("referrals_received", self.tr("Referrals received")),
            ("won_value", self.tr("Won business")),
            ("return", self.tr("Return (won ÷ full cost)")),
            ("cost_per_meeting", self.tr("Cost per meeting")),
            ("cost_per_referral", self.tr("Cost per referral received")),
        ]
        for i, (key, text) in enumerate(names):
            value = QLabel()
            value.setObjectName(f"figure_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figure_labels[key] = value
            column, row = divmod(i, 7)  # read down: what it cost, then what it brought
            figures_grid.addWidget(QLabel(text + ":"), row, 2 * column)
            figures_grid.addWidget(value, row, 2 * column + 1)
        figures_grid.setColumnStretch(1, 1)
        figures_grid.setColumnStretch(3, 1)

        self.ranked_model = RankedEventsModel(self)
        self.ranked_proxy = QSortFilterProxyModel(self)
        self.ranked_proxy.setSourceModel(self.ranked_model)
        self.ranked_proxy.setSortRole(SORT_ROLE)
        self.ranked_table = QTableView()
        self.ranked_table.setObjectName("rankedEvents")
        self.ranked_table.setAccessibleName(self.tr("Events, best return first"))
        self.ranked_table.setModel(self.ranked_proxy)
        self.ranked_table.setSortingEnabled(True)
        self.ranked_table.sortByColumn(RankedEventsModel.RANK, Qt.SortOrder.AscendingOrder)
        self.ranked_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranked_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranked_table.verticalHeader().hide()
        header = self.ranked_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ranked_table.setMinimumHeight(180)

        self.return_chart = BarChart(self.tr("Return by event (won value ÷ full cost)"))
        self.return_chart.setObjectName("returnChart")
        self.balance_chart = BarChart(self.tr("Give / connect / ask by month"))
        self.balance_chart.setObjectName("balanceChart")
        self.referral_chart = BarChart(self.tr("Referrals given and received by month"))
        self.referral_chart.setObjectName("referralChart")
        charts = QGridLayout()
        charts.addWidget(self.return_chart, 0, 0, 1, 2)
        charts.addWidget(self.balance_chart, 1, 0)
        charts.addWidget(self.referral_chart, 1, 1)

        # Everything scrolls rather than forcing a minimum window size (200 % on a small screen).
        content = QWidget()
        body = QVBoxLayout(content)
        body.addWidget(self.choice)
        body.addLayout(figures_grid)
        ranked_title = QLabel(self.tr("Events, best return first (click a heading to sort)"))
        ranked_title.setBuddy(self.ranked_table)
        bold = ranked_title.font()
        bold.setBold(True)
        ranked_title.setFont(bold)
        body.addWidget(ranked_title)
        body.addWidget(self.ranked_table)
        body.addLayout(charts, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setAccessibleName(self.tr("Dashboard"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def span(self) -> tuple[dt.date | None, dt.date]:
        return self.choice.span()

    def selected_organiser(self) -> str | None:
        return self.choice.selected_organiser()

    # -- showing the figures ------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the organisers (events may have changed) and the figures."""
        self.choice.fill_organisers()
        self._show_figures()

    def _show_figures(self) -> None:
        problem = self.choice.range_problem()
        self.save_button.setEnabled(not problem)
        self.print_button.setEnabled(not problem)
        if problem:
            self.reader.forget()
            self._show(([], [], []), blank=True)
            return
        start, end = self.span()
        db = self.ctx.db
        organiser = self.selected_organiser()

        def read() -> tuple[list[EventFigures], list[Any], list[Any]]:
            """On a worker thread: 5 years of events take tens of milliseconds."""
            ids = None if organiser is None else organiser_event_ids(db, organiser)
            figures = event_figures(db, start=start, end=end, organiser=organiser)
            months = balance_by_month(db, start=start, end=end, event_ids=ids)
            # The referrals the totals count: those credited to the events shown.
            credited = credited_event_ids(figures)
            referrals = referrals_by_month(
                db, start=start, end=end, event_ids=credited, span_only=True
            )
            return figures, months, referrals

        self.reader.read(read)

    def _show(
        self,
        read: tuple[list[EventFigures], list[Any], list[Any]],
        *,
        blank: bool = False,
    ) -> None:
        figures, months, referrals = read
        self.events = figures
        self.figures = total(figures)
        self._show_totals(self.figures, blank)
        self.ranked_model.set_figures(figures)
        best = ranked(figures)[:TOP_EVENTS]
        self.return_chart.set_data(
            [f.name for f in best],
            [Series(self.tr("Return"), [float(f.return_ratio or 0) for f in best])],
            "×",
        )
        self.balance_chart.set_data(
            [m.month for m in months],
            [
                Series(self.tr("Give"), [float(m.balance.give) for m in months]),
                Series(self.tr("Connect"), [float(m.balance.connect) for m in months]),
                Series(self.tr("Ask"), [float(m.balance.ask) for m in months]),
            ],
        )
        self.referral_chart.set_data(
            [m.month for m in referrals],
            [
                Series(self.tr("Given"), [float(m.given) for m in referrals]),
                Series(self.tr("Received"), [float(m.received) for m in referrals]),
            ],
        )

    def _show_totals(self, f: Figures, blank: bool) -> None:
        values = {
            "events": format_number(f.events),
            "cost": money_text(f.cost),
            "hours": self.tr("{0} h, worth {1}").format(
                hours_text(f.hours), money_text(f.hours_value)
            ),
            "full_cost": money_text(f.full_cost),
            "contacts_met": format_number(f.contacts_met),
            "follow_ups": self.tr("{0} of {1}").format(
                format_number(f.touchpoints_done), format_number(f.touchpoints_planned)
            ),
            "meetings": format_number(f.meetings),
            "referrals_given": format_number(f.referrals_given),
            "referrals_received": format_number(f.referrals_received),
            "won_value": money_text(f.won_value),
            "return": ratio_text(f),
            "cost_per_meeting": money_text(f.cost_per_meeting),
            "cost_per_referral": money_text(f.cost_per_referral),
        }
        for key, label in self.figure_labels.items():
            label.setText("–" if blank else values[key])

    # -- the report ------------------------------------------------------------------------------
    def save_report(self) -> None:
        if self.choice.range_problem():
            return
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
        start, end = self.choice.report_span()
        from netdesk.ui.report_pdf import write_report

        try:
            write_report(
                self.ctx.db,
                start,
                end,
                path,
                today=self.ctx.today(),
                organiser=self.selected_organiser(),
            )
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Report not saved"), self.tr("{0}: {1}").format(path, exc)
            )
            return
        self.ctx.show_message(self.tr("Report saved to {0}").format(path), 8000)

    def print_report(self) -> None:
        """Ask for a printer, then print the report of the period and organiser shown."""
        if self.choice.range_problem():
            return
        from netdesk.ui.report_pdf import report_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(report_layout())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print report"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the report on ``printer``; returns the pages printed (0 when it failed)."""
        from netdesk.app.report import report_title
        from netdesk.ui.report_pdf import print_report

        start, end = self.choice.report_span()
        organiser = self.selected_organiser()
        printer.setDocName(report_title(start, end, organiser))
        try:
            pages = print_report(
                self.ctx.db,
                start,
                end,
                printer,
                today=self.ctx.today(),
                organiser=organiser,
            )
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Report not printed"), str(exc))
            return 0
        self.ctx.show_message(self.tr("Report sent to the printer"), 8000)
        return pages


def install(ctx: Context) -> None:
    page = DashboardPage(ctx)
    index = ctx.shell.add_view(page, QCoreApplication.translate("DashboardPage", "Dashboard"))
    action = QAction(QCoreApplication.translate("DashboardPage", "&Print report…"), ctx)
    action.setObjectName("printReportAction")
    action.setShortcut(QKeySequence(PRINT_SHORTCUT))

    def print_report() -> None:
        ctx.shell.views.setCurrentIndex(index)
        page.print_report()

    action.triggered.connect(lambda _c=False: print_report())
    ctx.shell.menus["file"].insertAction(ctx.shell.file_extras, action)
    ctx.shell.add_action(action)
    ctx.add_part("dashboard_page", page)
    ctx.add_part("print_report_action", action)
