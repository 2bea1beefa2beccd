"""Small dialogs of the Today view: log a follow-up as done, pick a date, compose a message."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.messages import Message
from netdesk.ui.formatting import date_format
from netdesk.ui.widgets.layout import fit_to_screen

NEXT_STEP_KINDS = ("meeting", "share_content", "call", "thank_you")


def date_edit(value: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    return edit


def to_date(edit: QDateEdit) -> dt.date:
    q = edit.date()
    return dt.date(q.year(), q.month(), q.day())


class DoneDialog(QDialog):
    """Log a follow-up as done; a meeting can plan the next step right away."""

    def __init__(
        self, title: str, today: dt.date, offer_next: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Done: {0}").format(title))
        self.when = date_edit(today, "doneDate")
        self.note = QPlainTextEdit()
        self.note.setObjectName("doneNote")
        self.note.setPlaceholderText(self.tr("What happened? (optional)"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.when)
        form.addRow(self.tr("&Note"), self.note)
        self.plan_next = QCheckBox(self.tr("&Plan the next step:"))
        self.plan_next.setObjectName("planNext")
        self.next_kind = QComboBox()
        self.next_kind.setObjectName("nextKind")
        self.next_kind.setAccessibleName(self.tr("Next step"))
        labels = {
            "meeting": self.tr("Meeting"),
            "share_content": self.tr("Share content"),
            "call": self.tr("Call"),
            "thank_you": self.tr("Thank-you"),
        }
        for kind in NEXT_STEP_KINDS:
            self.next_kind.addItem(labels[kind], kind)
        self.next_kind.setCurrentIndex(1)
        self.next_days = QSpinBox()
        self.next_days.setObjectName("nextDays")
        self.next_days.setAccessibleName(self.tr("Days until the next step"))
        self.next_days.setRange(1, 365)
        self.next_days.setValue(14)
        self.next_days.setSuffix(self.tr(" days"))
        row = QHBoxLayout()
        row.addWidget(self.plan_next)
        row.addWidget(self.next_kind)
        row.addWidget(self.next_days)
        self.plan_next.setChecked(offer_next)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.note.setFocus()  # the date is today's more often than not

    def next_step(self) -> tuple[str, int] | None:
        if not self.plan_next.isChecked():
            return None
        return str(self.next_kind.currentData()), self.next_days.value()


class DateDialog(QDialog):
    """Pick a day; ``minimum`` keeps it after a given day (a snooze never goes back in time)."""

    def __init__(
        self,
        title: str,
        value: dt.date,
        parent: QWidget | None = None,
        minimum: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date = date_edit(max(value, minimum) if minimum else value, "pickedDate")
        self.date.setAccessibleName(title)
        if minimum is not None:
            self.date.setMinimumDate(QDate(minimum.year, minimum.month, minimum.day))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.date)
        layout.addWidget(buttons)

    def value(self) -> dt.date:
        return to_date(self.date)


def mail_program_known() -> bool:
    """Whether opening a mailto: link reaches a mail program. On Linux desktops xdg-open is
    "successful" even when nothing handles mailto:, so ask xdg-mime which program would."""
    if not sys.platform.startswith("linux"):
        return True
    tool = shutil.which("xdg-mime")
    if tool is None:
        return shutil.which("xdg-open") is not None
    try:
        answer = subprocess.run(
            [tool, "query", "default", "x-scheme-handler/mailto"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return bool(answer.stdout.strip())


class ComposeDialog(QDialog):
    """The filled-in template, editable, sent to the mail program or copied."""

    def __init__(self, message: Message, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compose"))
        fit_to_screen(self, 560, 420)
        self.to = QLineEdit(message.to)
        self.to.setObjectName("composeTo")
        self.subject = QLineEdit(message.subject)
        self.subject.setObjectName("composeSubject")
        self.body = QPlainTextEdit(message.body)
        self.body.setObjectName("composeBody")
        self.body.setAccessibleName(self.tr("Message"))
        form = QFormLayout()
        form.addRow(self.tr("&To"), self.to)
        form.addRow(self.tr("&Subject"), self.subject)
        self.open_mail = QPushButton(self.tr("Open in &mail program"))
        self.open_mail.setObjectName("openMail")
        self.open_mail.setEnabled(bool(message.to))
        self.copy = QPushButton(self.tr("&Copy text"))
        self.copy.setObjectName("copyText")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_mail, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_mail.clicked.connect(self._open_mail)
        self.copy.clicked.connect(self._copy)
        self.problem = QLabel()
        self.problem.setObjectName("mailProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def message(self) -> Message:
        return Message(self.to.text().strip(), self.subject.text(), self.body.toPlainText())

    def _open_mail(self) -> None:
        """Hand the message to the mail program; when there is none (or it cannot start), say
        so and keep the dialog open with the text copied, instead of closing silently."""
        opened = mail_program_known() and QDesktopServices.openUrl(QUrl(self.message().mailto()))
        if opened:
            self.accept()
            return
        self._copy()
        self.problem.setText(
            self.tr(
                "No mail program is set up to send it, so the message was copied: paste it "
                "into your webmail or mail program."
            )
        )
        self.problem.show()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.message().as_text())
