"""File → Import: pick files, run the import off the GUI thread, report what happened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

CARD_SUFFIXES = {".vcf", ".vcard", ".csv"}

if TYPE_CHECKING:
    from netdesk.ui.main_window import MainWindow


def start_import(window: MainWindow, paths: list[Path] | None = None) -> None:
    chosen, _filter = QFileDialog.getOpenFileNames(
        window,
        window.tr("Import business cards"),
        "",
        window.tr("Business cards (*.vcf *.vcard *.csv);;All files (*)"),
    )
    if chosen or paths:
        window.statusBar().showMessage(window.tr("Import is not available yet."), 5000)
