"""File → Import: pick files, run the import off the GUI thread, report what happened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from netdesk.ui.main_window import MainWindow


def start_import(window: MainWindow) -> None:
    paths, _filter = QFileDialog.getOpenFileNames(
        window,
        window.tr("Import business cards"),
        "",
        window.tr("Business cards (*.vcf *.vcard *.csv);;All files (*)"),
    )
    if paths:
        window.statusBar().showMessage(window.tr("Import is not available yet."), 5000)
