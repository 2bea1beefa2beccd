"""Small helpers every dialog and page uses: a red that reads on the palette, a size that fits
the screen, a form row whose field is a layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # the window's start uses fit_to_screen only: these classes' enums wait
    from PySide6.QtWidgets import QFormLayout, QLayout


def error_colour(widget: QWidget) -> str:
    """Red that reads on the widget's background: deep on light palettes, soft on dark ones."""
    from PySide6.QtGui import QPalette

    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return "#ff8a80" if dark else "#b00020"


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width x height, or less when the screen is smaller (200 % scaling turns a
    1920x1080 screen into 960x540), never below what the layout needs."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        # Leave space for the title bar and the desktop's panels.
        width = min(width, room.width() * 19 // 20)
        height = min(height, room.height() * 17 // 20)
    least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    widget.resize(max(width, least.width()), max(height, least.height()))


def add_labelled_row(form: QFormLayout, text: str, field: QLayout, buddy: QWidget) -> QLabel:
    """A form row whose field is a layout (a value and its currency, a path and Choose…): Qt
    gives such a label no buddy, so its '&' would show literally; the buddy makes it the
    keyboard accelerator of ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field)
    return label


__all__ = ["add_labelled_row", "error_colour", "fit_to_screen"]
