"""Review cards read from photos: the card beside its fields, unsure fields marked.

One card at a time, oldest first: correct what OCR misread, then Accept (Ctrl+Return) saves it
and takes it off the list, Reject (Ctrl+Delete) deletes the contact (Ctrl+Z in the window brings
it back), Skip (Ctrl+Right) leaves it for later. The dialog closes when no card is left.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.card_review import CardToReview
from netdesk.domain.contact_data import ContactData
from netdesk.domain.validation import contact_problems
from netdesk.ui.contacts.contact_dialog import ContactDialog
from netdesk.ui.widgets.layout import fit_to_screen

# OCR's field names → the form's fields they fill.
_FORM_FIELDS = {
    "full_name": ["full_name", "given_name", "family_name"],
    "organization": ["organization"],
    "title": ["title"],
    "emails": ["emails"],
    "phones": ["phones"],
    "addresses": ["street", "city"],
}
UNSURE_STYLE = "background-color: #fff3c4; color: #222;"


class CardReviewDialog(ContactDialog):
    """Walks through the cards waiting for review; the caller supplies load/accept/reject."""

    accepted_card = Signal(int, object)  # contact id, the corrected ContactData
    rejected_card = Signal(int)

    def __init__(
        self,
        queue: list[int],
        load: Callable[[int], CardToReview],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ContactData(), parent)
        self.setObjectName("cardReviewDialog")
        self.queue = list(queue)
        self.position = 0
        self._load = load
        self.current: CardToReview | None = None
        self._pixmap = QPixmap()

        self.image = QLabel()
        self.image.setObjectName("cardImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(360, 220)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setAccessibleName(self.tr("Photo of the card"))
        self.where = QLabel()
        self.where.setObjectName("reviewPosition")
        self.hint = QLabel(self.tr("Fields marked in yellow were hard to read: check them."))
        self.hint.setWordWrap(True)
        self.read_text = QLabel()
        self.read_text.setObjectName("ocrText")
        self.read_text.setWordWrap(True)
        self.read_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.fields_scroll)
        layout.removeWidget(self.buttons)
        self.buttons.hide()
        left = QVBoxLayout()
        left.addWidget(self.image, 1)
        left.addWidget(self.where)
        left.addWidget(self.read_text)
        right = QVBoxLayout()
        right.addWidget(self.hint)
        right.addWidget(self.fields_scroll, 1)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        layout.addLayout(row, 1)

        self.review_buttons = QDialogButtonBox()
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.accept_button.setObjectName("acceptCard")
        self.accept_button.setDefault(True)
        self.accept_button.setToolTip(self.tr("Save this contact (Ctrl+Return)"))
        self.reject_button = QPushButton(self.tr("&Reject"))
        self.reject_button.setObjectName("rejectCard")
        self.reject_button.setToolTip(self.tr("Delete this contact (Ctrl+Delete); Ctrl+Z undoes"))
        self.skip_button = QPushButton(self.tr("S&kip"))
        self.skip_button.setObjectName("skipCard")
        self.skip_button.setToolTip(self.tr("Leave it for later (Ctrl+Right)"))
        close = QPushButton(self.tr("&Close"))
        self.review_buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.review_buttons.addButton(
            self.reject_button, QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.review_buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.review_buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.review_buttons)
        self.accept_button.clicked.connect(self._accept_card)
        self.reject_button.clicked.connect(self._reject_card)
        self.skip_button.clicked.connect(self._skip)
        close.clicked.connect(self.reject)
        for keys, slot in (
            ("Ctrl+Return", self._accept_card),
            ("Ctrl+Enter", self._accept_card),
            ("Ctrl+Delete", self._reject_card),
            ("Ctrl+Right", self._skip),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self.setWindowTitle(self.tr("Review cards read from photos"))
        fit_to_screen(self, 980, 620)
        self._show()

    # -- navigation --------------------------------------------------------------------------
    def _show(self) -> None:
        if not self.queue:
            self.accept()
            return
        self.position %= len(self.queue)
        self.current = self._load(self.queue[self.position])
        self._original = self.current.contact
        self._fill(self.current.contact)
        self.show_problems({})
        self._mark(self.current.unsure)
        self._pixmap = QPixmap()
        if self.current.image and self._pixmap.loadFromData(QByteArray(self.current.image)):
            self._fit_image()
        else:
            self._pixmap = QPixmap()
            self.image.setPixmap(QPixmap())
            self.image.setText(self.tr("No image was kept for this card."))
        self.where.setText(
            self.tr("Card {0} of {1} · {2}").format(
                self.position + 1, len(self.queue), self.current.file
            )
        )
        self.read_text.setText(self.tr("Read: {0}").format(self.current.text.replace("\n", " · ")))
        self.full_name.setFocus()

    def _fit_image(self) -> None:
        """The whole card, as large as the space beside the fields allows."""
        if self._pixmap.isNull():
            return
        self.image.setPixmap(
            self._pixmap.scaled(
                self.image.contentsRect().size().expandedTo(self.image.minimumSize()),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_image()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_image()

    def _mark(self, unsure: list[str]) -> None:
        marked = {name for field in unsure for name in _FORM_FIELDS.get(field, [])}
        for key in self._errors:
            widget = self.findChild(QWidget, key)
            if widget is None:
                continue
            widget.setStyleSheet(UNSURE_STYLE if key in marked else "")
            widget.setToolTip(self.tr("Hard to read: check this field") if key in marked else "")
            widget.setProperty("unsure", key in marked)

    def marked_fields(self) -> list[str]:
        return sorted(
            k
            for k in self._errors
            if (w := self.findChild(QWidget, k)) is not None and w.property("unsure")
        )

    def _advance(self, remove: bool) -> None:
        if remove and self.queue:
            self.queue.pop(self.position)
        elif self.queue:
            self.position += 1
        self._show()

    # -- actions -----------------------------------------------------------------------------
    def _accept_card(self) -> None:
        if self.current is None:
            return
        data = self.contact_data()
        problems = contact_problems(data)
        self.show_problems(problems)
        if problems:
            return
        self.accepted_card.emit(self.current.contact_id, data)
        self._advance(remove=True)

    def _reject_card(self) -> None:
        if self.current is None:
            return
        self.rejected_card.emit(self.current.contact_id)
        self._advance(remove=True)

    def _skip(self) -> None:
        self._advance(remove=False)
