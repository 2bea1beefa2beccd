"""Settings: you, the follow-up playbook and its messages, keeping in touch, reminders."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.backups import DEFAULT_KEEP, KEEP_SETTING
from netdesk.app.cadence import TIERS_KEY, tiers
from netdesk.app.messages import PLACEHOLDERS
from netdesk.app.playbook import SETTING_KEY, FollowUpPlaybook, PlaybookStep
from netdesk.app.roi import parse_rate
from netdesk.app.settings_store import SettingsStore
from netdesk.domain.touchpoint_words import INTENTS, KINDS
from netdesk.system import autostart
from netdesk.system.plugins import listed_modules
from netdesk.ui.context import SettingsPage
from netdesk.ui.widgets.layout import add_labelled_row, fit_to_screen

LANGUAGES = (("en", "English"), ("es", "Español"))
# Features (netdesk.ui.features) that add a page, each with
# settings_page(store, qsettings, parent) -> SettingsPage.
SETTINGS_PAGES = ("sync", "mail", "capture")


class SettingsDialog(QDialog):
    def __init__(
        self, store: SettingsStore, qsettings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        fit_to_screen(self, 760, 560)
        self.store = store
        self.qsettings = qsettings
        self.playbook = FollowUpPlaybook.from_json(store.get(SETTING_KEY))
        self._current_step = -1
        self._language_shown = "en"
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(), self.tr("&General"))
        tabs.addTab(self._playbook_tab(), self.tr("&Playbook"))
        tabs.addTab(self._tiers_tab(), self.tr("&Keep in touch"))
        self.extra_pages: list[SettingsPage] = []
        for module in listed_modules(f"netdesk.ui.features.{name}" for name in SETTINGS_PAGES):
            page = module.settings_page(store, qsettings, self)
            tabs.addTab(page.widget, page.title)
            self.extra_pages.append(page)
        tabs.setAccessibleName(self.tr("Settings pages"))
        self.tabs = tabs
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    # -- general -----------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.my_name = QLineEdit(str(self.store.get("my_name") or ""))
        self.my_name.setObjectName("myName")
        self.my_name.setPlaceholderText(self.tr("Signs your messages: {my_name}"))
        form.addRow(self.tr("Your &name"), self.my_name)
        self.message_language = QComboBox()
        self.message_language.setObjectName("messageLanguage")
        for code, label in LANGUAGES:
            self.message_language.addItem(label, code)
        # Unset: the window's language (a Spanish window writes Spanish messages by default).
        window_language = "es" if QLocale().language() == QLocale.Language.Spanish else "en"
        current = str(self.store.get("message_language") or window_language)
        self.message_language.setCurrentIndex(max(0, [c for c, _ in LANGUAGES].index(current)))
        form.addRow(self.tr("&Messages in"), self.message_language)
        self.ui_language = QComboBox()
        self.ui_language.setObjectName("uiLanguage")
        self.ui_language.addItem(self.tr("System language"), "")
        for code, label in LANGUAGES:
            self.ui_language.addItem(label, code)
        chosen = str(self.qsettings.value("ui/language", "") or "")
        index = self.ui_language.findData(chosen)
        self.ui_language.setCurrentIndex(max(index, 0))
        form.addRow(self.tr("&Interface language"), self.ui_language)
        self.region = QLineEdit(str(self.store.get("phone_region") or ""))
        self.region.setObjectName("phoneRegion")
        self.region.setMaxLength(2)
        self.region.setPlaceholderText(self.tr("from your locale, e.g. ES"))
        form.addRow(self.tr("Phone &region"), self.region)
        rate = parse_rate(self.store.get("hourly_rate"))  # garbage stored reads as zero
        self.rate = QDoubleSpinBox()
        self.rate.setObjectName("hourlyRate")
        self.rate.setAccessibleName(self.tr("Hourly rate"))
        self.rate.setRange(0, 100_000)
        self.rate.setDecimals(2)
        self.rate.setValue(float(rate.amount))
        self.rate_currency = QLineEdit(rate.currency)
        self.rate_currency.setMaxLength(3)
        self.rate_currency.setAccessibleName(self.tr("Currency of the hourly rate"))
        row = QHBoxLayout()
        row.addWidget(self.rate)
        row.addWidget(self.rate_currency)
        add_labelled_row(form, self.tr("Your &hourly rate"), row, self.rate)
        self.autostart = QCheckBox(self.tr("Start netdesk when I log in"))
        self.autostart.setObjectName("autostart")
        self.autostart.setChecked(autostart.is_enabled())
        form.addRow("", self.autostart)
        self.notify = QCheckBox(self.tr("Remind me when follow-ups fall due"))
        self.notify.setObjectName("notify")
        self.notify.setChecked(bool(self.qsettings.value("reminders/enabled", True, type=bool)))
        form.addRow("", self.notify)
        self.backups_keep = QSpinBox()
        self.backups_keep.setObjectName("backupsKeep")
        self.backups_keep.setRange(1, 1000)
        self.backups_keep.setValue(_int_setting(self.store.get(KEEP_SETTING), DEFAULT_KEEP))
        self.backups_keep.setAccessibleName(self.tr("Backups to keep"))
        form.addRow(self.tr("&Backups to keep"), self.backups_keep)
        return page

    # -- playbook ----------------------------------------------------------------------------
    def _playbook_tab(self) -> QWidget:
        page = QWidget()
        self.steps = QTableWidget(0, 4)
        self.steps.setObjectName("playbookSteps")
        self.steps.setAccessibleName(self.tr("Playbook steps"))
        self.steps.setHorizontalHeaderLabels(
            [self.tr("On"), self.tr("Kind"), self.tr("After (days)"), self.tr("Intent")]
        )
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.verticalHeader().hide()
        for step in self.playbook.steps:
            self._append_step_row(step)
        # Each column as wide as its widest entry, the kind taking the rest ("Share content"
        # was cut to "are_content").
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.steps.currentCellChanged.connect(lambda row, *_: self._show_step(row))
        add = QPushButton(self.tr("&Add step"))
        add.clicked.connect(self._add_step)
        remove = QPushButton(self.tr("&Remove step"))
        remove.clicked.connect(self._remove_step)
        self.skip_weekends = QCheckBox(self.tr("Never plan follow-ups on a weekend"))
        self.skip_weekends.setObjectName("skipWeekends")
        self.skip_weekends.setChecked(self.playbook.skip_weekends)
        self.template_language = QComboBox()
        for code, label in LANGUAGES:
            self.template_language.addItem(label, code)
        self.template_language.currentIndexChanged.connect(
            lambda _i: self._show_step(self._current_step)
        )
        self.subject = QLineEdit()
        self.subject.setObjectName("templateSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("templateBody")
        hint = QLabel(
            self.tr("Placeholders: {0}").format(", ".join("{" + p + "}" for p in PLACEHOLDERS))
        )
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_weekends)
        editor = QFormLayout()
        editor.addRow(self.tr("Template &language"), self.template_language)
        editor.addRow(self.tr("&Subject"), self.subject)
        editor.addRow(self.tr("&Body"), self.body)
        layout = QVBoxLayout(page)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        layout.addLayout(editor, 2)
        layout.addWidget(hint)
        if self.playbook.steps:
            self.steps.selectRow(0)
            self._show_step(0)
        return page

    def _append_step_row(self, step: PlaybookStep) -> None:
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        on = QTableWidgetItem()
        on.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        on.setCheckState(Qt.CheckState.Checked if step.enabled else Qt.CheckState.Unchecked)
        self.steps.setItem(row, 0, on)
        kind = QComboBox()
        kind.setEditable(True)  # a kind of one's own can be typed
        labels = self._kind_labels()
        for value in KINDS:
            kind.addItem(labels[value], value)
        found = kind.findData(step.kind)
        if found >= 0:
            kind.setCurrentIndex(found)
        else:
            kind.setCurrentText(step.kind.replace("_", " "))
        kind.setAccessibleName(self.tr("Kind of step {0}").format(row + 1))
        self.steps.setCellWidget(row, 1, kind)
        delay = QSpinBox()
        delay.setRange(0, 365)
        delay.setValue(step.delay_days)
        delay.setAccessibleName(self.tr("Days until step {0}").format(row + 1))
        self.steps.setCellWidget(row, 2, delay)
        intent = QComboBox()
        intents = self._intent_labels()
        for value in INTENTS:
            intent.addItem(intents[value], value)
        intent.setCurrentIndex(max(0, intent.findData(step.intent)))
        intent.setAccessibleName(self.tr("Intent of step {0}").format(row + 1))
        self.steps.setCellWidget(row, 3, intent)

    def _kind_labels(self) -> dict[str, str]:
        """The playbook's kinds in the interface language (never the internal names)."""
        return {
            "thank_you": self.tr("Thank-you"),
            "meeting": self.tr("Meeting"),
            "share_content": self.tr("Share content"),
            "call": self.tr("Call"),
            "note": self.tr("Note"),
        }

    def _intent_labels(self) -> dict[str, str]:
        return {"give": self.tr("Give"), "connect": self.tr("Connect"), "ask": self.tr("Ask")}

    def _language(self) -> str:
        return str(self.template_language.currentData())

    def _store_current_template(self) -> None:
        if 0 <= self._current_step < len(self.playbook.steps):
            step = self.playbook.steps[self._current_step]
            step.subject[self._language_shown] = self.subject.text()
            step.body[self._language_shown] = self.body.toPlainText()

    def _show_step(self, row: int) -> None:
        self._store_current_template()
        self._current_step = row
        self._language_shown = self._language()
        if 0 <= row < len(self.playbook.steps):
            step = self.playbook.steps[row]
            self.subject.setText(step.subject.get(self._language_shown, ""))
            self.body.setPlainText(step.body.get(self._language_shown, ""))

    def _add_step(self) -> None:
        self._store_current_template()
        step = PlaybookStep(key=f"step_{len(self.playbook.steps) + 1}", kind="call", delay_days=30)
        keys = {s.key for s in self.playbook.steps}
        while step.key in keys:
            step.key += "_"
        self.playbook.steps.append(step)
        self._append_step_row(step)
        self.steps.selectRow(len(self.playbook.steps) - 1)

    def _remove_step(self) -> None:
        row = self.steps.currentRow()
        if 0 <= row < len(self.playbook.steps):
            self._current_step = -1
            del self.playbook.steps[row]
            self.steps.removeRow(row)

    def collect_playbook(self) -> FollowUpPlaybook:
        self._store_current_template()
        for row, step in enumerate(self.playbook.steps):
            on = self.steps.item(row, 0)
            step.enabled = on is not None and on.checkState() == Qt.CheckState.Checked
            kind = self.steps.cellWidget(row, 1)
            delay = self.steps.cellWidget(row, 2)
            intent = self.steps.cellWidget(row, 3)
            if isinstance(kind, QComboBox) and kind.currentText().strip():
                text = kind.currentText().strip()
                index = kind.findText(text)
                known = kind.itemData(index) if index >= 0 else None
                step.kind = str(known) if known else text.lower().replace(" ", "_")
            if isinstance(delay, QSpinBox):
                step.delay_days = delay.value()
            if isinstance(intent, QComboBox):
                step.intent = str(intent.currentData() or "give")
        self.playbook.skip_weekends = self.skip_weekends.isChecked()
        return self.playbook

    # -- tiers -------------------------------------------------------------------------------
    def _tiers_tab(self) -> QWidget:
        page = QWidget()
        self.tiers = QTableWidget(0, 2)
        self.tiers.setObjectName("tiers")
        self.tiers.setAccessibleName(self.tr("Tiers"))
        self.tiers.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Every (days)")])
        self.tiers.verticalHeader().hide()
        for name, days in tiers(self.store).items():
            row = self.tiers.rowCount()
            self.tiers.insertRow(row)
            self.tiers.setItem(row, 0, QTableWidgetItem(name))
            self.tiers.setItem(row, 1, QTableWidgetItem(str(days)))
        add = QPushButton(self.tr("Add &tier"))
        add.clicked.connect(lambda: self.tiers.insertRow(self.tiers.rowCount()))
        text = QLabel(
            self.tr(
                "Give each contact a tier (or a cadence of their own) and netdesk reminds you "
                "to reconnect when that many days pass without a touchpoint."
            )
        )
        text.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addWidget(self.tiers, 1)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def collect_tiers(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for row in range(self.tiers.rowCount()):
            name, days = self.tiers.item(row, 0), self.tiers.item(row, 1)
            if name is None or days is None or not name.text().strip():
                continue
            try:
                number = int(days.text())
            except ValueError:
                continue
            if number > 0:
                result[name.text().strip()] = number
        return result

    # -- saving ------------------------------------------------------------------------------
    def _save(self) -> None:
        self.store.set("my_name", self.my_name.text().strip())
        self.store.set("message_language", self.message_language.currentData())
        region = self.region.text().strip().upper()
        self.store.set("phone_region", region if len(region) == 2 and region.isalpha() else "")
        self.store.set(
            "hourly_rate",
            {
                "amount": f"{self.rate.value():.2f}",
                "currency": self.rate_currency.text().strip().upper() or "EUR",
            },
        )
        self.store.set(SETTING_KEY, self.collect_playbook().to_json())
        collected = self.collect_tiers()
        if collected:
            self.store.set(TIERS_KEY, collected)
        self.qsettings.setValue("ui/language", self.ui_language.currentData())
        self.qsettings.setValue("reminders/enabled", self.notify.isChecked())
        autostart.set_enabled(self.autostart.isChecked())
        self.store.set(KEEP_SETTING, self.backups_keep.value())
        for page in self.extra_pages:
            page.save()
        self.accept()


def _int_setting(value: object, default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if number > 0 else default
