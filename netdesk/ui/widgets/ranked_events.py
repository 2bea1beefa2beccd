"""The Dashboard's table of events, best return first and sortable by any column, and the way
its figures are written (money per currency in the locale's form, the return with its reason).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from netdesk.app.roi import Amounts, EventFigures, Figures, ranked
from netdesk.ui.formatting import format_date, format_money, format_number

SORT_ROLE = Qt.ItemDataRole.UserRole
NO_VALUE = "–"

ModelIndex = QModelIndex | QPersistentModelIndex


def money_text(amounts: Amounts | None) -> str:
    """Each currency on its own, never added: "€120.00 + US$30.00"; "–" when undefined."""
    if amounts is None:
        return NO_VALUE
    if amounts.is_zero():
        return format_number(0)
    return " + ".join(format_money(amount, currency) for currency, amount in amounts.parts)


def ratio_text(figures: Figures) -> str:
    """The return as "2.50×", or why there is none."""
    ratio = figures.return_ratio
    if ratio is not None:
        return format_number(ratio, 2) + "×"
    if figures.full_cost.is_zero():
        return QCoreApplication.translate("RankedEvents", "no cost")
    return QCoreApplication.translate("RankedEvents", "mixed currencies")


def hours_text(hours: Decimal) -> str:
    exponent = hours.normalize().as_tuple().exponent
    decimals = min(2, max(0, -exponent)) if isinstance(exponent, int) else 0
    return format_number(hours, decimals)


def _money_key(amounts: Amounts | None) -> float:
    """Sort undefined amounts first; mixed ones by their largest part."""
    if amounts is None:
        return -math.inf
    return max((float(a) for _c, a in amounts.parts), default=0.0)


class RankedEventsModel(QAbstractTableModel):
    """One row per event; the first column is the rank by return (1 = best)."""

    RANK, NAME, DATE, ORGANISER, FULL_COST, WON, RETURN = range(7)
    MEETINGS, COST_PER_MEETING, REFERRALS, COST_PER_REFERRAL = range(7, 11)
    COLUMNS = 11
    NUMERIC = frozenset({RANK, FULL_COST, WON, RETURN, MEETINGS, COST_PER_MEETING})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EventFigures] = []
        self.headers = [
            self.tr("#"),
            self.tr("Event"),
            self.tr("Date"),
            self.tr("Organiser"),
            self.tr("Full cost"),
            self.tr("Won"),
            self.tr("Return"),
            self.tr("Meetings"),
            self.tr("Cost per meeting"),
            self.tr("Referrals received / given"),
            self.tr("Cost per referral"),
        ]

    def set_figures(self, figures: list[EventFigures]) -> None:
        self.beginResetModel()
        self.rows = ranked(figures)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMNS
        ):
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        f = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(f, index.row(), column)
        if role == SORT_ROLE:
            return self._key(f, index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, f: EventFigures, row: int, column: int) -> str:
        texts = {
            self.RANK: str(row + 1),
            self.NAME: f.name,
            self.DATE: format_date(f.date),
            self.ORGANISER: f.organiser,
            self.FULL_COST: money_text(f.full_cost),
            self.WON: money_text(f.won_value),
            self.RETURN: ratio_text(f),
            self.MEETINGS: str(f.meetings),
            self.COST_PER_MEETING: money_text(f.cost_per_meeting),
            self.REFERRALS: f"{f.referrals_received} / {f.referrals_given}",
            self.COST_PER_REFERRAL: money_text(f.cost_per_referral),
        }
        return texts.get(column, "")

    def _key(self, f: EventFigures, row: int, column: int) -> Any:
        ratio = f.return_ratio
        keys = {
            self.RANK: row,
            self.NAME: f.name.casefold(),
            self.DATE: f.date.toordinal() if f.date else 0,
            self.ORGANISER: f.organiser.casefold(),
            self.FULL_COST: _money_key(f.full_cost),
            self.WON: _money_key(f.won_value),
            self.RETURN: -math.inf if ratio is None else float(ratio),
            self.MEETINGS: f.meetings,
            self.COST_PER_MEETING: _money_key(f.cost_per_meeting),
            self.REFERRALS: f.referrals_received * 10_000 + f.referrals_given,
            self.COST_PER_REFERRAL: _money_key(f.cost_per_referral),
        }
        return keys.get(column)
