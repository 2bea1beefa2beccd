"""What a new user sees before there is a single contact: where to start."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from netdesk.ui.qt_ints import ALIGN_CENTER


class EmptyState(QWidget):
    importClicked = Signal()
    addClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        title = QLabel(self.tr("Welcome to netdesk"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Back from an event with a stack of business cards? Import them and netdesk "
                "plans the thank-you, the one-to-one and the useful share that turn a contact "
                "into a relationship."
            )
        )
        text.setWordWrap(True)
        text.setMaximumWidth(460)
        text.setProperty("alignment", ALIGN_CENTER)
        self.import_button = QPushButton(self.tr("Import business cards…"))
        self.import_button.setObjectName("emptyImport")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.importClicked)
        self.add_button = QPushButton(self.tr("Add a contact by hand"))
        self.add_button.setObjectName("emptyAdd")
        self.add_button.setFlat(True)
        self.add_button.clicked.connect(self.addClicked)
        # The wrapped text takes the width it is given (up to its maximum) so its height can
        # follow; centred with stretches, not alignment, which would pin it to one guessed size.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(text, 100)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(_centred(title))
        layout.addLayout(middle)
        for widget in (self.import_button, self.add_button):
            layout.addLayout(_centred(widget))
        layout.addStretch(3)


def _centred(widget: QWidget) -> QHBoxLayout:
    """``widget`` at its own width, centred between stretches: this is drawn before the first
    paint, when an alignment flag would make all of Qt's enums (#19)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row
