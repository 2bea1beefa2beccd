"""The main window's smaller commands: shortcuts and about boxes, backups, settings."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QTableView, QWidget

from netdesk import __version__
from netdesk.ui.widgets.layout import fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence

    from netdesk.ui.shell.main_window import MainWindow

# A shortcut is written as QKeySequence.fromString reads it ("Ctrl+I"), or as "Standard:"
# and the name of a QKeySequence.StandardKey ("Standard:Quit", the platform's first binding).
STANDARD = "Standard:"


def bind_later(window: MainWindow, action: QAction, *shortcuts: str) -> None:
    """Give ``action`` these shortcuts, once the list is painted (``bind_shortcuts``): the
    QKeySequence type and its enums cost the start ~1.5 ms, and a key pressed before the
    paint has nowhere to go anyway (#19)."""
    if window.shortcuts_bound:
        action.setShortcuts(key_sequences(shortcuts))
    else:
        window.pending_shortcuts.append((action, shortcuts))


def bind_shortcuts(window: MainWindow) -> None:
    """The shortcuts given with ``bind_later`` so far; later ones are bound at once. With
    them, the search field's clear button, which shows only once something is typed: making
    its icon costs 1-1.5 ms before the first paint (#19)."""
    for action, shortcuts in window.pending_shortcuts:
        action.setShortcuts(key_sequences(shortcuts))
    window.pending_shortcuts.clear()
    window.shortcuts_bound = True
    window.search.setClearButtonEnabled(True)


def key_sequences(shortcuts: tuple[str, ...]) -> list[QKeySequence]:
    """What ``setShortcut`` would set for each, as a list for ``setShortcuts``: the overloads
    of ``setShortcut`` make all of Qt's enums (#19)."""
    from PySide6.QtGui import QKeySequence

    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        if shortcut.startswith(STANDARD):
            standard = getattr(QKeySequence.StandardKey, shortcut.removeprefix(STANDARD))
            keys += QKeySequence.keyBindings(standard)[:1]
        else:
            keys.append(QKeySequence.fromString(shortcut))
    return keys


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, in menu order."""
    from PySide6.QtGui import QKeySequence

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


def card_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The card files (by their suffix) dragged over or dropped on the window."""
    from netdesk.ui.importing.import_flow import CARD_SUFFIXES

    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in CARD_SUFFIXES]


def show_shortcuts(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox  # here: its enums wait for the first paint

    rows = "".join(f"<tr><td><b>{k}</b></td><td>{t}</td></tr>" for k, t in shortcut_rows(window))
    QMessageBox.information(
        window,
        QCoreApplication.translate("MainWindow", "Keyboard shortcuts"),
        f"<table cellspacing='6'>{rows}</table>",
    )


def show_about(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        window,
        QCoreApplication.translate("MainWindow", "About netdesk"),
        QCoreApplication.translate(
            "MainWindow",
            "netdesk {0}\nContacts and follow-ups for people who grow through referrals.",
        ).format(__version__),
    )


def backup_now(window: MainWindow) -> None:
    from netdesk.app import backups

    path = backups.back_up_now(window.db.path)
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Backed up to {0}").format(path), 10000
    )


def restore_from_backup(window: MainWindow) -> None:
    from netdesk.ui.features.backups.backup_dialog import restore_from_backup as restore

    restore(window.context)


def show_settings(window: MainWindow) -> None:
    from netdesk.app.settings_store import SettingsStore
    from netdesk.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(SettingsStore(window.db), window.settings, window)
    if dialog.exec() == SettingsDialog.DialogCode.Accepted:
        window.refresh()


class SelectOnFocus(QObject):
    """Tabbing into the contacts list selects the row under the cursor (the first one when
    none is current), so the detail pane follows at once and arrow keys start from there."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FocusIn or not isinstance(watched, QTableView):
            return False  # every event of the list passes here: the rest only for focus
        from PySide6.QtCore import Qt  # installed after the first paint (select_on_focus)
        from PySide6.QtGui import QFocusEvent

        tab_reasons = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if (
            isinstance(event, QFocusEvent)
            and event.reason() in tab_reasons
            and not watched.selectionModel().hasSelection()
            and watched.model().rowCount() > 0
        ):
            watched.selectRow(max(watched.currentIndex().row(), 0))
        return False


def keyboard_order(window: MainWindow) -> None:
    """Tab walks the contacts view as it reads: search, the list, the selected contact, then
    the follow-ups. Tab leaves the list instead of stepping through its cells (arrows do that)."""
    window.table.setTabKeyNavigation(False)
    window.followups_pane.tree.setTabKeyNavigation(False)
    empty = window._empty_state  # built when the list is first empty, and then ordered
    chain = [
        window.search,
        window.table,
        *([] if empty is None else [empty.import_button, empty.add_button]),
        window.detail.body,
        window.followups_pane.tree,
    ]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def select_on_focus(window: MainWindow) -> None:
    """Tabbing into the list selects a row (SelectOnFocus). After the first paint: a focus
    event's reason is one of Qt's enums, and the window gets focus as it shows."""
    window.table.installEventFilter(SelectOnFocus(window.table))


def restore_layout(window: MainWindow) -> None:
    geometry = window.settings.value("window/geometry")
    if isinstance(geometry, QByteArray | bytes):
        window.restoreGeometry(QByteArray(geometry))
    else:
        fit_to_screen(window, 1280, 780)
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
