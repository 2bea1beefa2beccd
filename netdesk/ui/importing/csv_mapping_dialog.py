"""Any other CSV: say which column holds what. The choice is remembered for that set of columns."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.interop.csv_reader import MAPPABLE_FIELDS, CsvLayout, guess_mapping
from netdesk.ui.widgets.layout import error_colour, fit_to_screen


def mapping_key(headers: list[str]) -> str:
    digest = hashlib.sha1("\x1f".join(headers).encode("utf-8")).hexdigest()[:16]
    return f"csv-mappings/{digest}"


def remembered(settings: QSettings, headers: list[str]) -> dict[str, str] | None:
    value = settings.value(mapping_key(headers))
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if str(v) in MAPPABLE_FIELDS}
    return None


class CsvMappingDialog(QDialog):
    def __init__(
        self,
        path: Path,
        layout: CsvLayout,
        samples: list[str],
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which column is what?"))
        fit_to_screen(self, 620, 480)
        self.settings = settings
        self.headers = layout.headers
        start = remembered(settings, layout.headers) or guess_mapping(layout.headers)
        text = QLabel(
            self.tr(
                "netdesk does not know the columns of {0} (separated by “{1}”, {2}). Say what "
                "each column holds; columns set to “ignore” are skipped."
            ).format(path.name, layout.delimiter.replace("\t", "tab"), layout.encoding)
        )
        text.setWordWrap(True)
        self.table = QTableWidget(len(layout.headers), 3)
        self.table.setObjectName("csvMapping")
        self.table.setAccessibleName(self.tr("Columns of the file"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Means")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.boxes: list[QComboBox] = []
        for row, header in enumerate(layout.headers):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            sample = samples[row] if row < len(samples) else ""
            self.table.setItem(row, 1, QTableWidgetItem(sample))
            box = QComboBox()
            box.setAccessibleName(self.tr("Meaning of column {0}").format(header))
            for field in MAPPABLE_FIELDS:
                box.addItem(field.replace("_", " "), field)
            box.setCurrentIndex(max(box.findData(start.get(header, "ignore")), 0))
            self.table.setCellWidget(row, 2, box)
            self.boxes.append(box)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {error_colour(self)};")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box_layout = QVBoxLayout(self)
        box_layout.addWidget(text)
        box_layout.addWidget(self.table, 1)
        box_layout.addWidget(self.error)
        box_layout.addWidget(buttons)

    def mapping(self) -> dict[str, str]:
        return {h: str(b.currentData()) for h, b in zip(self.headers, self.boxes, strict=True)}

    def accept(self) -> None:
        """Refuse a mapping that reads nothing; remember a good one for these columns."""
        mapping = self.mapping()
        if all(v == "ignore" for v in mapping.values()):
            self.error.setText(self.tr("Choose what at least one column holds."))
            self.error.show()
            return
        self.settings.setValue(mapping_key(self.headers), mapping)
        super().accept()
