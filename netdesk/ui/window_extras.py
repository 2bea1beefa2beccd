"""The main window's smaller commands: shortcuts and about boxes, backups, settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from netdesk import __version__

if TYPE_CHECKING:
    from netdesk.ui.main_window import MainWindow


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, in menu order."""
    actions = [
        window.new_action,
        window.edit_action,
        window.delete_action,
        window.undo_action,
        window.redo_action,
        window.find_action,
        window.import_action,
        window.settings_action,
        *window.view_actions,
        *window.followup_actions.actions,
        *window.feature_actions,
        window.shortcuts_action,
        window.quit_action,
    ]
    return [
        (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text().replace("&", ""))
        for a in actions
        if not a.shortcut().isEmpty()
    ]


def show_shortcuts(window: MainWindow) -> None:
    rows = "".join(f"<tr><td><b>{k}</b></td><td>{t}</td></tr>" for k, t in shortcut_rows(window))
    QMessageBox.information(
        window, _tr("Keyboard shortcuts"), f"<table cellspacing='6'>{rows}</table>"
    )


def show_about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        _tr("About netdesk"),
        _tr("netdesk {0}\nContacts and follow-ups for people who grow through referrals.").format(
            __version__
        ),
    )


def backup_now(window: MainWindow) -> None:
    from netdesk.store.backups import BackupManager

    path = BackupManager(window.db.path).create("manual")
    window.statusBar().showMessage(_tr("Backed up to {0}").format(path), 10000)


def restore_from_backup(window: MainWindow) -> None:
    from netdesk.ui.backup_dialog import restore_from_backup as restore

    restore(window)


def show_settings(window: MainWindow) -> None:
    from netdesk.core.settings_store import SettingsStore
    from netdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(SettingsStore(window.db), window.settings, window)
    if dialog.exec() == SettingsDialog.DialogCode.Accepted:
        window.refresh()


def restore_layout(window: MainWindow) -> None:
    geometry = window.settings.value("window/geometry")
    if isinstance(geometry, QByteArray | bytes):
        window.restoreGeometry(QByteArray(geometry))
    else:
        window.resize(1280, 780)
    state = window.settings.value("window/state")
    if isinstance(state, QByteArray | bytes):
        window.restoreState(QByteArray(state))
    splitter = window.settings.value("window/splitter")
    if isinstance(splitter, QByteArray | bytes):
        window.splitter.restoreState(QByteArray(splitter))
    else:
        window.splitter.setSizes([300, 640, 340])
    header = window.settings.value("contacts/header")
    if isinstance(header, QByteArray | bytes):
        window.table.horizontalHeader().restoreState(QByteArray(header))


def save_layout(window: MainWindow) -> None:
    window.settings.setValue("window/geometry", window.saveGeometry())
    window.settings.setValue("window/state", window.saveState())
    window.settings.setValue("window/splitter", window.splitter.saveState())
    window.settings.setValue("contacts/header", window.table.horizontalHeader().saveState())
    window.settings.sync()
