"""Sync from the window: F5 syncs through the real Radicale, the status bar says what happened."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from netdesk.system.secrets import PasswordStore
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import focus, when_dialog_opens

Device = Any


def open_window(qtbot: QtBot, device: Device, tmp_path: Any) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{device.name}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(device.db, settings)
    window.synchronous_tasks = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_f5_syncs_with_the_saved_password_and_reports_in_the_status_bar(
    make_device: Callable[..., Device], memory_keyring: Any, qtbot: QtBot, tmp_path: Any
) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    laptop.add("Carmen Ruiz")
    laptop.sync()
    PasswordStore().set("home", desktop.server.password)
    window = open_window(qtbot, desktop, tmp_path)
    status = window.context.parts["sync_menu"].status  # type: ignore[attr-defined]
    focus(qtbot, window, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert "Carmen Ruiz" in desktop.names(), status.text()
    assert status.text().startswith("Synced ") and "1 received" in status.text()
    assert window.model.rowCount() == 1  # the window shows what arrived


def test_without_a_saved_password_it_asks_and_a_wrong_one_is_reported(
    make_device: Callable[..., Device], memory_keyring: Any, qtbot: QtBot, tmp_path: Any
) -> None:
    device = make_device("laptop")
    window = open_window(qtbot, device, tmp_path)

    def type_wrong(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        dialog.setTextValue("not the password")
        dialog.accept()

    when_dialog_opens(qtbot, type_wrong)
    window.context.parts["sync_menu"].sync_now()  # type: ignore[attr-defined]
    status = window.context.parts["sync_menu"].status  # type: ignore[attr-defined]
    assert status.text().startswith("Sync failed: ")
    assert PasswordStore().get("home") is None  # a typed password is never stored
