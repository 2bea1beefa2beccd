"""Starting the window the way users get it (start_window), shared by the tests that do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from netdesk.ui import i18n


@pytest.fixture(name="settings")
def launch_settings(tmp_path: Path, qapp: QApplication) -> Iterator[QSettings]:
    """Settings in English in a temporary file; start_window installs the language, as at
    every start, and the test's end undoes it."""
    before = QLocale()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "en")
    yield settings
    i18n.remove_translators(qapp)
    QLocale.setDefault(before)
