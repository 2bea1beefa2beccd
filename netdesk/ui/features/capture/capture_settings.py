"""Settings → Card photos: the folder netdesk watches for photos of cards (optional)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from netdesk.app.capture_folder import SETTING
from netdesk.app.settings_store import SettingsStore
from netdesk.capture.ocr import ocr_status
from netdesk.ui.widgets.layout import add_labelled_row


class CapturePage:
    """What the Settings dialog shows as a tab (netdesk.ui.shell.settings_dialog.SettingsPage)."""

    def __init__(self, store: SettingsStore, parent: QWidget) -> None:
        self.store = store
        self.title = QCoreApplication.translate("CaptureSettings", "Card &photos")
        self.widget = QWidget(parent)
        form = QFormLayout(self.widget)
        self.folder = QLineEdit(str(store.get(SETTING) or ""))
        self.folder.setObjectName("captureFolder")
        self.folder.setPlaceholderText(
            QCoreApplication.translate("CaptureSettings", "none: photos only when you import them")
        )
        self.folder.setAccessibleName(
            QCoreApplication.translate("CaptureSettings", "Watched folder for card photos")
        )
        browse = QPushButton(QCoreApplication.translate("CaptureSettings", "&Choose…"))
        browse.clicked.connect(lambda _c=False: self._choose())
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        add_labelled_row(
            form,
            QCoreApplication.translate("CaptureSettings", "&Watched folder"),
            row,
            self.folder,
        )
        about = QLabel(
            QCoreApplication.translate(
                "CaptureSettings",
                "Photos your phone syncs into this folder (Syncthing, Nextcloud, a USB copy) are "
                "read once each, on this computer: QR codes become contacts, paper cards wait "
                "for your review. Nothing is uploaded.",
            )
        )
        about.setWordWrap(True)
        form.addRow("", about)
        problem = ocr_status()
        self.ocr = QLabel(
            (
                problem
                and QCoreApplication.translate("CaptureSettings", "Paper cards: {0}").format(
                    problem
                )
            )
            or QCoreApplication.translate("CaptureSettings", "Paper cards: OCR is ready.")
        )
        self.ocr.setObjectName("ocrStatus")
        self.ocr.setWordWrap(True)
        form.addRow("", self.ocr)
        self.error = QLabel()
        self.error.setObjectName("captureFolderError")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow("", self.error)

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self.widget,
            QCoreApplication.translate("CaptureSettings", "Watched folder for card photos"),
            self.folder.text() or str(Path.home()),
        )
        if chosen:
            self.folder.setText(chosen)

    def save(self) -> None:
        text = self.folder.text().strip()
        if text and not Path(text).expanduser().is_dir():
            # Kept as typed (a phone's folder may appear later), and said plainly.
            self.error.setText(
                QCoreApplication.translate(
                    "CaptureSettings", "{0} is not a folder yet; netdesk will look again."
                ).format(text)
            )
            self.error.show()
        self.store.set(SETTING, str(Path(text).expanduser()) if text else "")


def settings_page(store: SettingsStore, qsettings: QSettings, parent: QWidget) -> CapturePage:
    return CapturePage(store, parent)
