"""Window fixtures: a real MainWindow over a fresh database, settings in a temporary file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from netdesk.store.db import Database
from netdesk.ui.shell.main_window import MainWindow

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(
    db: Database, settings_path: Path, qtbot: QtBot
) -> Iterator[Callable[[], MainWindow]]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = MainWindow(db, settings, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


_POLLS: list[QTimer] = []


@pytest.fixture(autouse=True)
def _no_poll_outlives_its_test() -> Iterator[None]:
    """A poll still waiting when its test ends would act on the next test's dialog."""
    yield
    while _POLLS:
        _POLLS.pop().stop()


@pytest.fixture(autouse=True)
def _no_modifier_outlives_its_test() -> Iterator[None]:
    """A key click with modifiers whose press opens a modal dialog (Ctrl+Shift+E, export)
    can leave Qt believing Shift is still held; the next test's selectRow then extends a
    selection instead of making one. Each test starts with no modifier held."""
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        target = QWidget()  # a release as QTest sends it: what Qt reads its modifiers from
        for key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            QTest.keyRelease(target, key)
        target.deleteLater()
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


def when_dialog_opens(qtbot: QtBot, act: Callable[[QDialog], None]) -> None:
    """Run ``act`` on the next modal dialog as soon as it is shown (dialogs block in exec())."""
    timer = QTimer()
    timer.setInterval(20)
    _POLLS.append(timer)

    def poll() -> None:
        widget: QWidget | None = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.isVisible():
            timer.stop()
            act(widget)

    timer.timeout.connect(poll)
    timer.start()


def focus(qtbot: QtBot, window: QWidget, widget: QWidget) -> None:
    """Give keyboard focus back to the window, as the window manager does after a dialog."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    widget.setFocus()


# The real IMAP server and the in-memory keyring of the mail tests, for the window's mail tests.
from tests.mail.conftest import dovecot  # noqa: E402, F401
from tests.sync.conftest import memory_keyring, radicale  # noqa: E402, F401


def detail_shown(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the detail pane: the selected contact is read on a worker thread."""
    reader = window.detail_reader
    qtbot.waitUntil(lambda: reader is None or not reader.busy, timeout=5000)
