"""The main window: follow-ups left, contacts in the middle, the selected contact on the right."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netdesk import __version__, assets
from netdesk.core.cadence import KeepInTouch
from netdesk.core.contacts import ContactBook
from netdesk.core.touchpoints import FollowUps
from netdesk.store.db import Database
from netdesk.ui.commands import AddContactCommand, DeleteContactsCommand, EditContactCommand
from netdesk.ui.contact_dialog import ContactDialog
from netdesk.ui.contact_model import ContactTableModel
from netdesk.ui.detail_pane import DetailPane
from netdesk.ui.empty_state import EmptyState
from netdesk.ui.followup_actions import FollowUpActions
from netdesk.ui.followups_pane import FollowUpsPane
from netdesk.ui.reminders import Reminders

SEARCH_DEBOUNCE_MS = 120
COUNT_DELAY_MS = 250


class MainWindow(QMainWindow):
    contactsChanged = Signal()

    def __init__(
        self,
        db: Database,
        settings: QSettings,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.today = today
        self.book = ContactBook(db)
        self.followups = FollowUps(db)
        self.keep_in_touch = KeepInTouch(db)
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle("netdesk")
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.synchronous_tasks = False  # tests run background work inline

        self.model = ContactTableModel(self.book, self)
        self.setWindowIcon(QIcon(str(assets.app_icon())))
        self._build_widgets()
        self._build_actions()
        self.reminders = Reminders(
            self.followups, self.today, self, self.settings, self.windowIcon()
        )
        self.reminders.countChanged.connect(self._show_due_count)
        self.contactsChanged.connect(self.refresh)
        self._restore_layout()
        self.refresh()

    # -- construction ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("Search name, organisation, e-mail, phone, notes, tags…  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search contacts"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        # Counting tens of thousands of matches costs more than a keystroke may: count later.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._update_counts)

        self.table = QTableView()
        self.table.setObjectName("contactsTable")
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ContactTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(140)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.no_matches = QLabel(self.tr("No contacts match your search."))
        self.no_matches.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_matches.setObjectName("noMatches")

        self.empty_state = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.no_matches)
        self.stack.addWidget(self.empty_state)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(6, 6, 6, 6)
        center_layout.addWidget(self.search)
        center_layout.addWidget(self.stack, 1)

        self.followups_pane = FollowUpsPane()
        self.followups_pane.contactActivated.connect(self.select_contact)
        self.detail = DetailPane()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.followups_pane)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.setCentralWidget(self.splitter)

        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.statusBar().addPermanentWidget(self.due_label)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.import_action = self._action(
            self.tr("&Import business cards…"), self.import_cards, "Ctrl+I"
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, keys.Quit)
        self.backup_action = self._action(self.tr("&Back up now"), self.backup_now)
        self.restore_action = self._action(
            self.tr("&Restore from backup…"), self.restore_from_backup
        )
        self.new_action = self._action(self.tr("&New contact…"), self.new_contact, keys.New)
        self.edit_action = self._action(self.tr("&Edit contact…"), self.edit_selected, "Ctrl+E")
        self.delete_action = self._action(
            self.tr("&Delete contact"), self.delete_selected, keys.Delete
        )
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(keys.Redo)
        self.find_action = self._action(self.tr("&Find"), self.focus_search, keys.Find)
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1"
        )
        self.about_action = self._action(self.tr("&About netdesk"), self.show_about)
        self.settings_action = self._action(self.tr("&Settings…"), self.show_settings, "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.new_action)
        edit_menu.addAction(self.edit_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        followup_menu = bar.addMenu(self.tr("F&ollow-ups"))
        self.followup_actions = FollowUpActions(self)
        self.followup_actions.menu(followup_menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for action in (self.new_action, self.import_action, self.delete_action, self.undo_action):
            toolbar.addAction(action)

        self.empty_state.importClicked.connect(self.import_cards)
        self.empty_state.addClicked.connect(self.new_contact)
        self._update_actions()

    # -- state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the list, the follow-ups and the selected contact from the database."""
        selected = self.selected_ids()
        self.model.reload()
        self._update_stack()
        today = self.today()
        self.followups_pane.show_items(
            self.followups.due(today, 7), today, self.keep_in_touch.due(today)
        )
        self.followup_actions.update_enabled()
        if self.reminders.timer.isActive():
            self.reminders.check()
        if selected:
            self.select_contact(selected[0])
        else:
            self.detail.show_nothing()
        self._update_actions()

    def _update_stack(self) -> None:
        """Which page the middle shows; the counts follow once typing pauses."""
        searching = bool(self.search.text().strip())
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
        elif searching or self.book.count() > 0:
            self.stack.setCurrentWidget(self.no_matches)
        else:
            self.stack.setCurrentWidget(self.empty_state)
        self._count_timer.start()

    def _update_counts(self) -> None:
        total = self.book.count()
        if self.search.text().strip():
            self.count_label.setText(self.tr("{0} of {1} contacts").format(self.model.total, total))
        else:
            self.count_label.setText(self.tr("{0} contacts").format(total))

    def _show_due_count(self, count: int) -> None:
        self.due_label.setText(self.tr("{0} due today").format(count) if count else "")

    def _update_actions(self) -> None:
        has_selection = bool(self.selected_ids())
        self.edit_action.setEnabled(has_selection)
        self.delete_action.setEnabled(has_selection)

    def _apply_search(self) -> None:
        self.model.set_query(self.search.text())
        self._update_stack()
        self._update_actions()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.contact_id(r) for r in rows]
        return [i for i in ids if i is not None]

    def select_contact(self, contact_id: int) -> None:
        row = self.model.row_of(contact_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(contact_id)
        if row is None:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self._show_detail(contact_id)

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        ids = self.selected_ids()
        if ids:
            self._show_detail(ids[0])
        else:
            self.detail.show_nothing()
        self._update_actions()

    def _show_detail(self, contact_id: int) -> None:
        try:
            data = self.book.get(contact_id)
        except LookupError:
            self.detail.show_nothing()
            return
        self.detail.show_contact(data, self.followups.timeline(contact_id))

    def language(self) -> str:
        """The interface language, "es" or "en"."""
        from PySide6.QtCore import QLocale

        return "es" if QLocale().language() == QLocale.Language.Spanish else "en"

    # -- user actions ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_contact(self) -> None:
        dialog = ContactDialog(parent=self)
        if dialog.exec() == ContactDialog.DialogCode.Accepted:
            command = AddContactCommand(self, dialog.contact_data())
            self.undo_stack.push(command)
            if command.contact_id is not None:
                self.select_contact(command.contact_id)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        before = self.book.get(ids[0])
        dialog = ContactDialog(before, parent=self)
        if dialog.exec() == ContactDialog.DialogCode.Accepted:
            self.undo_stack.push(EditContactCommand(self, ids[0], before, dialog.contact_data()))
            self.select_contact(ids[0])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.undo_stack.push(DeleteContactsCommand(self, ids))
            self.statusBar().showMessage(
                self.tr("Deleted {0} contact(s). Press Ctrl+Z to undo.").format(len(ids)), 8000
            )

    def import_cards(self, paths: list[Path] | None = None) -> None:
        from netdesk.ui.import_flow import start_import

        start_import(self, paths)

    # -- drag and drop -----------------------------------------------------------------------
    @staticmethod
    def _card_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        from netdesk.ui.import_flow import CARD_SUFFIXES

        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in CARD_SUFFIXES]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._card_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._card_files(event)
        if paths:
            event.acceptProposedAction()
            self.import_cards(paths)

    def show_shortcuts(self) -> None:
        actions = [
            self.new_action,
            self.edit_action,
            self.delete_action,
            self.undo_action,
            self.redo_action,
            self.find_action,
            self.import_action,
            *self.followup_actions.actions,
            self.quit_action,
        ]
        rows = "".join(
            f"<tr><td><b>{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b>"
            f"</td><td>{a.text().replace('&', '')}</td></tr>"
            for a in actions
            if not a.shortcut().isEmpty()
        )
        QMessageBox.information(
            self, self.tr("Keyboard shortcuts"), f"<table cellspacing='6'>{rows}</table>"
        )

    def backup_now(self) -> None:
        from netdesk.store.backups import BackupManager

        path = BackupManager(self.db.path).create("manual")
        self.statusBar().showMessage(self.tr("Backed up to {0}").format(path), 10000)

    def restore_from_backup(self) -> None:
        from netdesk.ui.backup_dialog import restore_from_backup

        restore_from_backup(self)

    def show_settings(self) -> None:
        from netdesk.core.settings_store import SettingsStore
        from netdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(SettingsStore(self.db), self.settings, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.refresh()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About netdesk"),
            self.tr(
                "netdesk {0}\nContacts and follow-ups for people who grow through referrals."
            ).format(__version__),
        )

    # -- layout memory -----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1280, 780)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(splitter))
        else:
            self.splitter.setSizes([300, 640, 340])
        header = self.settings.value("contacts/header")
        if isinstance(header, QByteArray | bytes):
            self.table.horizontalHeader().restoreState(QByteArray(header))

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("contacts/header", self.table.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
