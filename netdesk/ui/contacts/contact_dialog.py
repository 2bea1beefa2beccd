"""Add or edit one contact. Problems are shown next to the field they concern."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber, PostalAddress
from netdesk.domain.validation import contact_problems
from netdesk.ui.widgets.layout import error_colour, fit_to_screen


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ContactDialog(QDialog):
    """Edits a ContactData; ``accepted`` only fires once the data validates."""

    def __init__(
        self,
        data: ContactData | None = None,
        parent: QWidget | None = None,
        *,
        tiers: dict[str, int] | None = None,
        cadence: tuple[str | None, int | None] = (None, None),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit contact") if data else self.tr("New contact"))
        self._original = data or ContactData()
        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()

        self.full_name = self._line(form, "full_name", self.tr("&Name"), self.tr("Ana García"))
        self.given_name = self._line(form, "given_name", self.tr("&Given name"))
        self.family_name = self._line(form, "family_name", self.tr("&Family name"))
        self.organization = self._line(form, "organization", self.tr("&Organisation"))
        self.title = self._line(form, "title", self.tr("&Title"))
        self.emails = self._text(
            form, "emails", self.tr("&E-mails"), self.tr("one per line: ana@example.com")
        )
        self.phones = self._text(form, "phones", self.tr("&Phones"), self.tr("one per line"))
        self.street = self._line(form, "street", self.tr("St&reet"))
        self.city = self._line(form, "city", self.tr("&City"))
        self.country = self._line(form, "country", self.tr("Co&untry"))
        self.birthday = self._line(
            form, "birthday", self.tr("&Birthday"), self.tr("1980-03-22 or --03-22")
        )
        self.tags = self._line(form, "tags", self.tr("T&ags"), self.tr("comma separated"))
        self.note = self._text(form, "note", self.tr("N&ote"))
        self.keep_in_touch: QComboBox | None = None
        if tiers is not None:
            self._cadence_row(form, tiers, cadence)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        # The form scrolls when the screen is short (a 1080-line screen at 200 % scaling).
        fields = QWidget()
        fields.setLayout(form)
        self.fields_scroll = QScrollArea()
        self.fields_scroll.setObjectName("contactFields")
        self.fields_scroll.setWidget(fields)
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        self.fields_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_scroll, 1)
        layout.addWidget(self.buttons)
        self._fill(self._original)
        wanted = fields.sizeHint()
        bar = self.fields_scroll.verticalScrollBar().sizeHint().width()
        margins = layout.contentsMargins()
        fit_to_screen(
            self,
            max(460, wanted.width() + bar + margins.left() + margins.right()),
            wanted.height()
            + self.buttons.sizeHint().height()
            + layout.spacing()
            + margins.top()
            + margins.bottom(),
        )

    # -- building ----------------------------------------------------------------------------
    def _field(
        self, form: QFormLayout, key: str, label: str, widget: QWidget, shown: QWidget | None = None
    ) -> None:
        """``widget`` with its label and error line; ``shown`` is what the row holds when the
        widget comes with others (default: the widget alone)."""
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(f"color: {error_colour(self)};")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(shown or widget)
        inner.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        form.addRow(caption, box)
        widget.setObjectName(key)
        widget.setAccessibleName(label.replace("&", ""))
        self._errors[key] = error

    def _cadence_row(
        self,
        form: QFormLayout,
        tiers: dict[str, int],
        cadence: tuple[str | None, int | None],
    ) -> None:
        """Keep in touch: no reminder, a tier (its days from Settings), or every N days."""
        combo = QComboBox()
        combo.addItem(self.tr("No reminder"), None)
        for name, days in sorted(tiers.items()):
            combo.addItem(self.tr("Tier {0} — every {1} days").format(name, days), name)
        combo.addItem(self.tr("Every… (days of its own)"), "")
        self.cadence_days = QSpinBox()
        self.cadence_days.setObjectName("cadenceDays")
        self.cadence_days.setRange(1, 3650)
        self.cadence_days.setValue(cadence[1] or 30)
        self.cadence_days.setSuffix(self.tr(" days"))
        self.cadence_days.setAccessibleName(self.tr("Keep in touch every so many days"))
        tier, own = cadence
        combo.setCurrentIndex(combo.findData("") if own else max(combo.findData(tier), 0))
        self.cadence_days.setEnabled(combo.currentData() == "")
        combo.currentIndexChanged.connect(
            lambda _i: self.cadence_days.setEnabled(combo.currentData() == "")
        )
        row = QWidget()
        inner = QHBoxLayout(row)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(combo, 1)
        inner.addWidget(self.cadence_days)
        self._field(form, "keep_in_touch", self.tr("&Keep in touch"), combo, row)
        self.keep_in_touch = combo

    def cadence(self) -> tuple[str | None, int | None]:
        """(tier, own days) as chosen; (None, None) for no reminder."""
        if self.keep_in_touch is None:
            return (None, None)
        chosen = self.keep_in_touch.currentData()
        if chosen == "":
            return (None, self.cadence_days.value())
        return (chosen, None) if chosen else (None, None)

    def _line(self, form: QFormLayout, key: str, label: str, hint: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(hint)
        self._field(form, key, label, edit)
        return edit

    def _text(self, form: QFormLayout, key: str, label: str, hint: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(hint)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)
        self._field(form, key, label, edit)
        return edit

    def _fill(self, data: ContactData) -> None:
        self.full_name.setText(data.full_name)
        self.given_name.setText(data.given_name)
        self.family_name.setText(data.family_name)
        self.organization.setText(data.organization)
        self.title.setText(data.title)
        self.emails.setPlainText("\n".join(e.value for e in data.emails))
        self.phones.setPlainText("\n".join(p.value for p in data.phones))
        first = data.addresses[0] if data.addresses else PostalAddress()
        self.street.setText(first.street)
        self.city.setText(first.city)
        self.country.setText(first.country)
        self.birthday.setText(data.birthday or "")
        self.tags.setText(", ".join(data.tags))
        self.note.setPlainText(data.note)

    # -- reading back ------------------------------------------------------------------------
    def contact_data(self) -> ContactData:
        """What the form says, keeping everything the form does not show from the original."""
        original = self._original
        old_emails = {e.value: e for e in original.emails}
        old_phones = {p.value: p for p in original.phones}
        emails = [old_emails.get(v) or EmailAddress(v) for v in _lines(self.emails.toPlainText())]
        phones = [old_phones.get(v) or PhoneNumber(v) for v in _lines(self.phones.toPlainText())]
        addresses = list(original.addresses)
        first = addresses[0] if addresses else PostalAddress()
        first = PostalAddress(**{**first.__dict__})
        first.street = self.street.text().strip()
        first.city = self.city.text().strip()
        first.country = self.country.text().strip()
        addresses = [first, *addresses[1:]] if not first.is_empty() else addresses[1:]
        kwargs: dict[str, Any] = {**original.__dict__}
        kwargs.update(
            full_name=self.full_name.text().strip(),
            given_name=self.given_name.text().strip(),
            family_name=self.family_name.text().strip(),
            organization=self.organization.text().strip(),
            title=self.title.text().strip(),
            emails=emails,
            phones=phones,
            addresses=addresses,
            birthday=self.birthday.text().strip() or None,
            tags=[t.strip() for t in self.tags.text().split(",") if t.strip()],
            note=self.note.toPlainText().strip(),
        )
        return ContactData(**kwargs)

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self._errors.items():
            message = problems.get(key, "")
            label.setText(message)
            label.setVisible(bool(message))
        for key in problems:
            widget = self.findChild(QWidget, key)
            if widget is not None:
                widget.setFocus()
                self.fields_scroll.ensureWidgetVisible(widget)
                break

    def _try_accept(self) -> None:
        problems = contact_problems(self.contact_data())
        self.show_problems(problems)
        if not problems:
            self.accept()
