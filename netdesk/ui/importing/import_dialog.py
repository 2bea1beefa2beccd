"""The import preview: what will happen to each card, and where these people were met."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.importer import CardOutcome, EventChoice, ImportReport
from netdesk.ui.formatting import date_format
from netdesk.ui.i18n import Reasons
from netdesk.ui.widgets.layout import error_colour, fit_to_screen

NO_EVENT = -1
NEW_EVENT = -2


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        report: ImportReport,
        events: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import business cards"))
        fit_to_screen(self, 820, 560)
        self.report = report
        self._decision_boxes: dict[tuple[str, int], tuple[QComboBox, int]] = {}

        self.summary = QLabel(self._summary_text(report))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)

        self.event_box = QComboBox()
        self.event_box.setObjectName("eventChoice")
        self.event_box.setAccessibleName(self.tr("Where did you meet them?"))
        self.event_box.addItem(self.tr("Not at an event"), NO_EVENT)
        self.event_box.addItem(self.tr("New event…"), NEW_EVENT)
        for event_id, label in events:
            self.event_box.addItem(label, event_id)
        self.event_name = QLineEdit()
        self.event_name.setObjectName("eventName")
        self.event_name.setPlaceholderText(self.tr("e.g. Chamber of Commerce breakfast"))
        self.event_date = QDateEdit(QDate.currentDate())
        self.event_date.setObjectName("eventDate")
        self.event_date.setCalendarPopup(True)
        self.event_date.setDisplayFormat(date_format())
        self.event_cost = QDoubleSpinBox()
        self.event_cost.setObjectName("eventCost")
        self.event_cost.setRange(0, 1_000_000)
        self.event_cost.setDecimals(2)
        self.event_currency = QLineEdit("EUR")
        self.event_currency.setObjectName("eventCurrency")
        self.event_currency.setMaxLength(3)
        self.event_hours = QDoubleSpinBox()
        self.event_hours.setObjectName("eventHours")
        self.event_hours.setRange(0, 1000)
        self.event_hours.setDecimals(1)
        self.event_hours.setSuffix(self.tr(" h"))
        self.new_event_form = QWidget()
        form = QFormLayout(self.new_event_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Name"), self.event_name)
        form.addRow(self.tr("&Date"), self.event_date)
        form.addRow(self.tr("&Cost"), self.event_cost)
        form.addRow(self.tr("C&urrency"), self.event_currency)
        form.addRow(self.tr("&Hours, with travel"), self.event_hours)
        self.event_error = QLabel()
        self.event_error.setObjectName("eventError")
        self.event_error.setStyleSheet(f"color: {error_colour(self)};")
        self.event_error.hide()
        group = QGroupBox(self.tr("Where did you meet them?"))
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self.event_box)
        group_layout.addWidget(self.new_event_form)
        group_layout.addWidget(self.event_error)
        self.event_box.currentIndexChanged.connect(self._event_changed)
        if events:
            self.event_box.setCurrentIndex(2)
        self._event_changed()

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("importPreview")
        self.table.setAccessibleName(self.tr("Cards to import"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Card"), self.tr("Name"), self.tr("What happens")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._fill(report.outcomes)
        # By keyboard: on a possible duplicate's row, M merges it and K keeps both.
        self.table.installEventFilter(self)
        # Past PREVIEW_NEW new cards the report counts them without listing each one.
        listed_new = sum(o.action == "created" for o in report.outcomes)
        unlisted = report.created - len(report.suggested) - listed_new
        self.unlisted = QLabel(
            self.tr(
                "…and %n more new contact(s), not listed one by one.",
                "",
                unlisted,
            )
        )
        self.unlisted.setObjectName("importUnlisted")
        self.unlisted.setVisible(unlisted > 0)
        self.duplicates_hint = QLabel(
            self.tr(
                "Possible duplicates: choose on each one's row whether to merge it or keep both "
                "(keyboard: M merges, K keeps both)."
            )
        )
        self.duplicates_hint.setObjectName("duplicatesHint")
        self.duplicates_hint.setWordWrap(True)
        self.duplicates_hint.setVisible(bool(self._decision_boxes))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(report.created + report.merged > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(group)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unlisted)
        layout.addWidget(self.duplicates_hint)
        layout.addWidget(buttons)

    def _summary_text(self, report: ImportReport) -> str:
        text = self.tr(
            "{0} cards: {1} new, {2} merge into contacts you have, "
            "{3} possible duplicates to decide, {4} rejected."
        ).format(
            report.cards,
            report.created - len(report.suggested),
            report.merged,
            len(report.suggested),
            len(report.rejected),
        )
        if report.unchanged:
            known = self.tr("{0} already in your contacts, with nothing new.")
            text += " " + known.format(report.unchanged)
        return text

    def _describe(self, outcome: CardOutcome) -> str:
        if outcome.action == "created":
            return self.tr("New contact")
        if outcome.action == "merged":
            return self.tr("Merges into {0}").format(outcome.target_name)
        if outcome.action == "unchanged":
            return self.tr("Already in your contacts, nothing new")
        if outcome.action == "suggested":
            return self.tr("Possible duplicate of {0} ({1})").format(
                outcome.target_name, Reasons().duplicate(outcome.reason)
            )
        return self.tr("Rejected: {0}").format(outcome.reason)

    def _fill(self, outcomes: list[CardOutcome]) -> None:
        self.table.setRowCount(len(outcomes))
        for row, outcome in enumerate(outcomes):
            where = f"{outcome.file.rsplit('/', 1)[-1]} #{outcome.card}"
            self.table.setItem(row, 0, QTableWidgetItem(where))
            self.table.setItem(row, 1, QTableWidgetItem(outcome.name))
            if outcome.action == "suggested" and outcome.target_id is not None:
                box = QComboBox()
                box.addItem(self.tr("Keep as a new contact"), None)
                box.addItem(self.tr("Merge into {0}").format(outcome.target_name), True)
                box.setToolTip(self._describe(outcome))
                box.setAccessibleName(self.tr("What to do with {0}").format(outcome.name))
                self.table.setCellWidget(row, 2, box)
                self._decision_boxes[(outcome.file, outcome.card)] = (box, outcome.target_id)
            else:
                item = QTableWidgetItem(self._describe(outcome))
                if outcome.action == "rejected":
                    item.setForeground(QColor(error_colour(self.table)))
                if outcome.warnings:
                    item.setToolTip("\n".join(outcome.warnings))
                self.table.setItem(row, 2, item)
        self.table.resizeColumnsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == (QEvent.Type.KeyPress)
        ):
            choice = {Qt.Key.Key_M: 1, Qt.Key.Key_K: 0}.get(Qt.Key(event.key()))
            box = self.table.cellWidget(self.table.currentRow(), 2)
            if choice is not None and isinstance(box, QComboBox):
                box.setCurrentIndex(choice)
                return True
        return super().eventFilter(watched, event)

    def _event_changed(self) -> None:
        self.new_event_form.setVisible(self.event_box.currentData() == NEW_EVENT)

    # -- results -----------------------------------------------------------------------------
    def decisions(self) -> dict[tuple[str, int], int | None]:
        result: dict[tuple[str, int], int | None] = {}
        for key, (box, target) in self._decision_boxes.items():
            result[key] = target if box.currentData() else None
        return result

    def event_choice(self) -> EventChoice | None:
        choice = self.event_box.currentData()
        if choice == NO_EVENT:
            return None
        if choice == NEW_EVENT:
            return EventChoice(
                name=self.event_name.text().strip(),
                date=self.event_date.date().toPython(),  # type: ignore[arg-type]
                cost=Decimal(str(round(self.event_cost.value(), 2))),
                currency=self.event_currency.text().strip().upper() or "EUR",
                hours=self.event_hours.value(),
            )
        return EventChoice(event_id=int(choice))

    def accept(self) -> None:
        if self.event_box.currentData() == NEW_EVENT and not self.event_name.text().strip():
            self.event_error.setText(self.tr("Give the new event a name."))
            self.event_error.show()
            self.event_name.setFocus()
            return
        super().accept()
