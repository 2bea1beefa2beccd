"""A small grouped bar chart drawn with QPainter.

QtCharts would pull PySide6-Addons (hundreds of MB) into every install for three bar charts;
this widget draws them in the palette's colours, follows dark mode and keeps the plotted numbers
inspectable for tests and for a screen reader's summary.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

SERIES_COLOURS = ("#2f80c9", "#f2a93b", "#3bb273", "#d1495b")


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]


class BarChart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.value_suffix = ""
        self.setMinimumSize(QSize(320, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def set_data(self, categories: list[str], series: list[Series], suffix: str = "") -> None:
        self.categories = list(categories)
        self.series = list(series)
        self.value_suffix = suffix
        summary = "; ".join(
            f"{c}: " + ", ".join(f"{s.name} {s.values[i]:g}{suffix}" for s in series)
            for i, c in enumerate(categories)
        )
        self.setAccessibleDescription(summary or self.tr("No data"))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(50)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(
            QRectF(0, 0, self.width(), line + 4), Qt.AlignmentFlag.AlignLeft, self.title
        )
        painter.setFont(self.font())
        values = [v for s in self.series for v in s.values]
        if not self.categories or not values:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nothing to show yet")
            )
            return
        top = line + 10
        legend_h = line + 6
        bottom = self.height() - line - 8 - legend_h
        left = 8 + metrics.horizontalAdvance("0000000")
        right = self.width() - 8
        high = max(*values, 0.0) or 1.0
        low = min(*values, 0.0)
        span = high - low

        def y_of(v: float) -> float:
            return bottom - (v - low) / span * (bottom - top)

        for step in range(5):
            value = low + span * step / 4
            y = y_of(value)
            painter.setPen(grid)
            painter.drawLine(int(left), int(y), int(right), int(y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, left - 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:.3g}",
            )
        slot = (right - left) / len(self.categories)
        bar = max(2.0, slot * 0.8 / max(len(self.series), 1))
        labels = axis_labels(self.categories)
        # Every label whole: when they do not fit side by side, every second (third…) is shown
        # rather than all cut to "2026…".
        widest = max(metrics.horizontalAdvance(label) for label in labels) + 6
        stride = max(1, math.ceil(widest / max(slot, 1.0)))
        for i in range(len(self.categories)):
            x0 = left + slot * i + slot * 0.1
            for j, series in enumerate(self.series):
                value = series.values[i]
                colour = QColor(SERIES_COLOURS[j % len(SERIES_COLOURS)])
                y0, y1 = y_of(max(value, 0.0)), y_of(min(value, 0.0))
                painter.fillRect(QRectF(x0 + j * bar, y0, bar - 1, max(y1 - y0, 1)), colour)
            painter.setPen(text)
            if i % stride:
                continue
            width = slot * stride
            label = metrics.elidedText(labels[i], Qt.TextElideMode.ElideRight, int(width))
            painter.drawText(
                QRectF(left + slot * i + slot / 2 - width / 2, bottom + 2, width, line),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
        x = left
        for j, series in enumerate(self.series):
            colour = QColor(SERIES_COLOURS[j % len(SERIES_COLOURS)])
            y = self.height() - legend_h
            painter.fillRect(QRectF(x, y + 3, line - 4, line - 4), colour)
            painter.setPen(text)
            painter.drawText(QRectF(x + line, y, 400, line + 2), series.name)
            x += line + metrics.horizontalAdvance(series.name) + 16


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def axis_labels(categories: list[str]) -> list[str]:
    """Month categories ("2026-03") as the locale's short month names, with the year on the
    first and on each January ("ene 26", "feb", "mar"…); other categories as they are."""
    if not categories or not all(_MONTH.match(c) for c in categories):
        return list(categories)
    locale = QLocale()
    labels = []
    for i, category in enumerate(categories):
        year, month = (int(x) for x in category.split("-"))
        name = locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat).rstrip(".")
        labels.append(f"{name} {year % 100:02d}" if i == 0 or month == 1 else name)
    return labels
