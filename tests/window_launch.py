"""Starting the window the way users get it (start_window), shared by the tests that do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from netdesk.ui import i18n

REPO = Path(__file__).resolve().parents[1]


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


def fresh_process(code: str, tmp_path: Path, *args: str) -> dict[str, Any]:
    """Run ``code`` (with ``args``) in a new Python process, offscreen, its settings and data
    folders in ``tmp_path``, and return the JSON object it printed last: what a start sees
    before anything else has loaded."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
