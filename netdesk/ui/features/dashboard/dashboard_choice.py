"""What the Dashboard shows: a period (preset or From–To) and one organiser or all of them.

The choice is kept in QSettings so the Dashboard opens where the user left it; a From after To
is refused with a message next to the fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QSettings, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QWidget

from netdesk.app.opening import Database
from netdesk.app.roi import first_day, organisers
from netdesk.ui.formatting import date_format
from netdesk.ui.widgets.layout import error_colour

ALL = "all"  # the organiser filter's key for every organiser; one series is "series:NAME"
SERIES = "series:"
PERIODS = ("year", "12m", "all", "custom")
# QSettings keys
KEY_PERIOD = "dashboard/period"
KEY_FROM = "dashboard/from"
KEY_TO = "dashboard/to"
KEY_ORGANISER = "dashboard/organiser"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _parse_day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


class DashboardChoice(QWidget):
    """Period, From, To and Organiser fields in a grid; ``changed`` when the user alters one."""

    changed = Signal()

    def __init__(
        self,
        db: Database,
        settings: QSettings,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.today = today
        self._updating = False
        self._organiser_key = ALL
        self.period = QComboBox()
        self.period.setObjectName("dashboardPeriod")
        self.period.setAccessibleName(self.tr("Period"))
        self.period.addItem(self.tr("This year"), "year")
        self.period.addItem(self.tr("Last 12 months"), "12m")
        self.period.addItem(self.tr("All time"), "all")
        self.period.addItem(self.tr("Custom range"), "custom")
        self.from_date = self._date_edit("dashboardFrom", self.tr("From"))
        self.to_date = self._date_edit("dashboardTo", self.tr("To"))
        self.organiser = QComboBox()
        self.organiser.setObjectName("dashboardOrganiser")
        self.organiser.setAccessibleName(self.tr("Organiser"))
        self.organiser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.problem = QLabel()
        self.problem.setObjectName("dashboardProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {error_colour(self)}")
        self.problem.hide()

        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        fields = (
            (self.tr("&Period:"), self.period),
            (self.tr("Fro&m:"), self.from_date),
            (self.tr("To:"), self.to_date),
        )
        for column, (text, widget) in enumerate(fields):
            self.grid.addWidget(self._buddy(text, widget), 0, 2 * column)
            self.grid.addWidget(widget, 0, 2 * column + 1)
        self.grid.addWidget(self._buddy(self.tr("Or&ganiser:"), self.organiser), 1, 0)
        self.grid.addWidget(self.organiser, 1, 1, 1, 5)
        self.grid.addWidget(self.problem, 2, 0, 1, 7)
        self.grid.setColumnStretch(6, 1)

        self._restore()
        self.period.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.from_date.dateChanged.connect(lambda _d: self._date_changed())
        self.to_date.dateChanged.connect(lambda _d: self._date_changed())
        self.organiser.currentIndexChanged.connect(lambda _i: self._organiser_changed())

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        return edit

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # -- what was chosen ---------------------------------------------------------------------
    def span(self) -> tuple[dt.date | None, dt.date]:
        """The period chosen; no start for "all time"."""
        today = self.today()
        kind = self.period.currentData()
        if kind == "year":
            return dt.date(today.year, 1, 1), today
        if kind == "12m":
            start = today.replace(day=1)
            for _ in range(11):
                start = (start - dt.timedelta(days=1)).replace(day=1)
            return start, today
        if kind == "custom":
            return _pydate(self.from_date.date()), _pydate(self.to_date.date())
        return None, today

    def report_span(self) -> tuple[dt.date, dt.date]:
        """The period as a report needs it: "all time" starts on the first recorded day."""
        start, end = self.span()
        return start or min(first_day(self.db) or end, end), end

    def selected_organiser(self) -> str | None:
        """The series chosen (``""``: events without organiser), or None for all of them."""
        if self._organiser_key.startswith(SERIES):
            return self._organiser_key.removeprefix(SERIES)
        return None

    def range_problem(self) -> str:
        """Why the period cannot be shown ("" when it can), also shown under the fields."""
        start, end = self.span()
        problem = ""
        if start is not None and start > end:
            problem = self.tr(
                "“From” is after “To”: choose a From date on or before the To date to see the "
                "figures."
            )
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        return problem

    def fill_organisers(self) -> None:
        """Offer every organiser found in the events (they may have changed since)."""
        self._updating = True
        try:
            self.organiser.clear()
            self.organiser.addItem(self.tr("All organisers"), ALL)
            for name in organisers(self.db):
                text = name or self.tr("No organiser (one-off events)")
                self.organiser.addItem(text, SERIES + name)
            found = self.organiser.findData(self._organiser_key)
            if found < 0:
                self._organiser_key = ALL
                found = 0
            self.organiser.setCurrentIndex(found)
        finally:
            self._updating = False

    # -- remembering it ----------------------------------------------------------------------
    def _restore(self) -> None:
        kind = str(self.settings.value(KEY_PERIOD, "year"))
        self._updating = True
        try:
            self.period.setCurrentIndex(PERIODS.index(kind) if kind in PERIODS else 0)
            today = self.today()
            start = _parse_day(self.settings.value(KEY_FROM, "")) or dt.date(today.year, 1, 1)
            end = _parse_day(self.settings.value(KEY_TO, "")) or today
            if kind == "custom":
                self.from_date.setDate(_qdate(start))
                self.to_date.setDate(_qdate(end))
            else:
                self._show_preset_dates()
        finally:
            self._updating = False
        organiser = str(self.settings.value(KEY_ORGANISER, ALL))
        self._organiser_key = organiser if organiser.startswith(SERIES) else ALL

    def _save(self) -> None:
        self.settings.setValue(KEY_PERIOD, self.period.currentData())
        self.settings.setValue(KEY_FROM, _pydate(self.from_date.date()).isoformat())
        self.settings.setValue(KEY_TO, _pydate(self.to_date.date()).isoformat())
        self.settings.setValue(KEY_ORGANISER, self._organiser_key)

    # -- reacting to the user ----------------------------------------------------------------
    def _show_preset_dates(self) -> None:
        """The date fields show what a preset period covers; editing them makes it custom."""
        start, end = self.span()
        self.from_date.setDate(_qdate(start or first_day(self.db) or end))
        self.to_date.setDate(_qdate(end))

    def _period_changed(self) -> None:
        if self._updating:
            return
        if self.period.currentData() != "custom":
            self._updating = True
            try:
                self._show_preset_dates()
            finally:
                self._updating = False
        self._changed()

    def _date_changed(self) -> None:
        if self._updating:
            return
        if self.period.currentData() != "custom":
            self._updating = True
            try:
                self.period.setCurrentIndex(PERIODS.index("custom"))
            finally:
                self._updating = False
        self._changed()

    def _organiser_changed(self) -> None:
        if self._updating:
            return
        self._organiser_key = str(self.organiser.currentData() or ALL)
        self._changed()

    def _changed(self) -> None:
        self._save()
        self.changed.emit()
