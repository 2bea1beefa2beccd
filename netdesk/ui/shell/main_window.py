"""The main window: follow-ups left, contacts in the middle, the selected contact on the right.

``MainWindow(None, settings)`` builds only what the first paint needs; netdesk.ui.shell.window_build
adds the rest (see there). ``MainWindow(db, settings)`` does all of it at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.ui.contacts import contacts_header
from netdesk.ui.contacts.contact_model import ContactTableModel
from netdesk.ui.contacts.detail_pane import DetailPane
from netdesk.ui.context import Context, FromContext, after_ready
from netdesk.ui.followups.followups_pane import FollowUpsPane
from netdesk.ui.qt_ints import ALIGN_CENTER
from netdesk.ui.shell import window_build, window_extras

if TYPE_CHECKING:  # the services import SQLAlchemy: loaded after the first paint
    # Qt classes named in annotations only: each one imported is a Python type made (#19)
    from PySide6.QtCore import QItemSelection, SignalInstance
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack

    from netdesk.app.cadence import KeepInTouch
    from netdesk.app.contacts import ContactBook
    from netdesk.app.opening import Database
    from netdesk.app.touchpoints import FollowUps
    from netdesk.ui.followups.followup_actions import FollowUpActions
    from netdesk.ui.followups.reminders import Reminders
    from netdesk.ui.tasks import Reader
    from netdesk.ui.widgets.empty_state import EmptyState

SEARCH_DEBOUNCE_MS = 120
COUNT_DELAY_MS = 250
# The Today view loads the first this-many of each group; the group titles count them all.
TODAY_GROUP_LIMIT = 200


class MainWindow(QMainWindow):
    ready = Signal()  # every part is built and every action can be used

    # What the features share lives in the context (netdesk.ui.context); the window reads it.
    contactsChanged: FromContext[SignalInstance] = FromContext()
    db: FromContext[Database] = FromContext()
    book: FromContext[ContactBook] = FromContext()
    followups: FromContext[FollowUps] = FromContext()
    keep_in_touch: FromContext[KeepInTouch] = FromContext()
    undo_stack: FromContext[QUndoStack] = FromContext()
    settings: FromContext[QSettings] = FromContext()
    today: FromContext[Callable[[], dt.date]] = FromContext()
    synchronous_tasks: FromContext[bool] = FromContext()  # tests run background work inline
    is_ready: FromContext[bool] = FromContext()
    followups_pane: FollowUpsPane
    followup_actions: FollowUpActions
    reminders: Reminders
    actions_after_ready: list[QAction]
    _empty_state: EmptyState | None
    stack: QStackedWidget

    def __init__(
        self,
        db: Database | None,
        settings: QSettings,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        """With ``db`` None only the shell is built (see netdesk.ui.shell.first_paint)."""
        super().__init__(parent)
        self.context = Context(self, self, settings, today)
        self.setWindowTitle("netdesk")
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)

        # Pages and sorts are read on a worker (tests that run background work inline: here)
        self.model = ContactTableModel(None, self, lambda: not self.context.synchronous_tasks)
        self.detail_reader: Reader | None = None  # made at the first contact shown
        self._build_widgets()
        # Shortcuts are bound once the list is painted (window_extras.bind_later)
        self.pending_shortcuts: list[tuple[QAction, tuple[str, ...]]] = []
        self.shortcuts_bound = False
        self._build_actions()
        self.feature_actions: list[QAction] = []
        window_extras.restore_layout(self)
        self.model.set_order(*contacts_header.shown_sort(self.table.horizontalHeader()))
        window_extras.keyboard_order(self)
        if db is not None:
            window_build.attach_database(self, db)
            for _step in window_build.build_rest(self):
                pass

    @property
    def empty_state(self) -> EmptyState:
        """Built when first shown: a window opening on contacts paints without it (#19)."""
        if self._empty_state is None:
            from netdesk.ui.widgets.empty_state import EmptyState

            empty = EmptyState()
            empty.importClicked.connect(self.import_cards)
            empty.addClicked.connect(self.new_contact)
            self.stack.addWidget(empty)
            self._empty_state = empty
            window_extras.keyboard_order(self)
        return self._empty_state

    def run_waiting(self) -> None:
        """What came in before the window was ready: typed search text, files, clicks."""
        if self.search.text().strip():
            self._apply_search()
        for run in self.context.take_waiting():
            run()

    # -- construction ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("Search name, organisation, e-mail, phone, notes, tags…  (Ctrl+F)")
        )
        # its clear button: once the list is painted (window_extras.bind_shortcuts)
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
        self.header_model = contacts_header.install(self.table, self.model.headers, self)
        contacts_header.show_sort(self.table.horizontalHeader(), self.model.NAME, False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.no_matches.setProperty("alignment", ALIGN_CENTER)
        self.no_matches.setObjectName("noMatches")

        self._empty_state = None  # built when first shown (empty_state)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.no_matches)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(6, 6, 6, 6)
        center_layout.addWidget(self.search)
        center_layout.addWidget(self.stack, 1)

        self.followups_pane = FollowUpsPane()
        self.followups_pane.contactActivated.connect(self.select_contact)
        self.detail = DetailPane()

        self.splitter = QSplitter()  # horizontal
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.followups_pane)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        # Views: contacts first; features add theirs (events, referrals, dashboard) with add_view.
        self.views = QTabWidget()
        self.views.setObjectName("views")
        self.views.setDocumentMode(True)
        self.views.setAccessibleName(self.tr("Views"))
        self.views.addTab(self.splitter, self.tr("Contacts"))
        self.views.currentChanged.connect(self._view_changed)
        self.setCentralWidget(self.views)

        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.statusBar().addPermanentWidget(self.due_label)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

    def _action(self, text: str, slot: Callable[[], object], *shortcuts: str) -> QAction:
        """An action of the window; ``shortcuts`` as window_extras.bind_later takes them."""
        # Not QAction(text, self): matching that call makes PySide build QIcon's type and its
        # enums (~2 ms) before the first paint (#19).
        action = QAction(self)
        action.setText(text)
        if shortcuts:
            window_extras.bind_later(self, action, *shortcuts)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        std = window_extras.STANDARD
        self.import_action = self._action(
            self.tr("&Import business cards…"), self.import_cards, "Ctrl+I"
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, std + "Quit")
        self.backup_action = self._action(
            self.tr("&Back up now"), lambda: window_extras.backup_now(self)
        )
        self.restore_action = self._action(
            self.tr("&Restore from backup…"), lambda: window_extras.restore_from_backup(self)
        )
        self.new_action = self._action(self.tr("&New contact…"), self.new_contact, std + "New")
        self.edit_action = self._action(self.tr("&Edit contact…"), self.edit_selected, "Ctrl+E")
        self.delete_action = self._action(
            self.tr("&Delete contact"), self.delete_selected, std + "Delete"
        )
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        window_extras.bind_later(self, self.undo_action, std + "Undo")
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        window_extras.bind_later(self, self.redo_action, "Ctrl+Shift+Z", "Ctrl+Y")
        self.find_action = self._action(self.tr("&Find"), self.focus_search, std + "Find")
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), lambda: window_extras.show_shortcuts(self), "F1"
        )
        self.about_action = self._action(
            self.tr("&About netdesk"), lambda: window_extras.show_about(self)
        )
        self.settings_action = self._action(
            self.tr("&Settings…"), lambda: window_extras.show_settings(self), "Ctrl+,"
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        bar = self.menuBar()
        self.menus = {
            "file": bar.addMenu(self.tr("&File")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "view": bar.addMenu(self.tr("&View")),
            "followups": bar.addMenu(self.tr("F&ollow-ups")),
            "tools": bar.addMenu(self.tr("&Tools")),
            "help": bar.addMenu(self.tr("&Help")),
        }
        file_menu = self.menus["file"]
        file_menu.addAction(self.import_action)
        self.file_extras = file_menu.addSeparator()  # features add export and the like here
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menus["edit"]
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
        self.view_actions: list[QAction] = []
        self._add_view_action(0, self.tr("Contacts"))
        self.menus["help"].addAction(self.shortcuts_action)
        self.menus["help"].addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for action in (self.new_action, self.import_action, self.delete_action, self.undo_action):
            toolbar.addAction(action)

        window_build.disable_until_ready(self)
        self._update_actions()

    # -- views and features ------------------------------------------------------------------
    def add_view(self, widget: QWidget, title: str) -> int:
        """Add a page beside the contacts; View menu and Alt+<number> switch to it."""
        index = self.views.addTab(widget, title)
        self._add_view_action(index, title)
        return index

    def _add_view_action(self, index: int, title: str) -> None:
        action = self._action(title, lambda: self.views.setCurrentIndex(index), f"Alt+{index + 1}")
        self.menus["view"].addAction(action)
        self.view_actions.append(action)

    def add_action(self, action: QAction) -> None:
        """Shortcuts of features' actions appear under Help → Keyboard shortcuts too."""
        self.feature_actions.append(action)

    def _view_changed(self, index: int) -> None:
        self._update_actions()
        widget = self.views.widget(index)
        refresh = getattr(widget, "refresh", None)
        if index > 0 and callable(refresh):
            refresh()

    def bring_forward(self, files: list[Path]) -> None:
        """Another launch asked for this window (and maybe to import some files)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if files:
            self.import_cards(files)

    # -- state -------------------------------------------------------------------------------
    def refresh(self, reload_list: bool = True) -> None:
        """Re-read the list, the follow-ups and the selected contact from the database."""
        if not self.is_ready:
            return
        selected = self.selected_ids()
        if reload_list:
            self.model.reload()
        self.refresh_stack()
        today = self.today()
        items, counts = self.followups.agenda(today, 7, TODAY_GROUP_LIMIT)
        counts["reconnect"] = self.keep_in_touch.count_due(today)
        reconnect = self.keep_in_touch.due(today, limit=TODAY_GROUP_LIMIT)
        self.followups_pane.show_items(items, today, reconnect, counts)
        self.followup_actions.update_enabled()
        if self.reminders.timer.isActive():
            self.reminders.check()
        if selected:
            self.select_contact(selected[0])
        else:
            self._show_nothing()
        self._update_actions()
        if self.views.currentIndex() > 0:  # the view in front shows the new data (and rate)
            self._view_changed(self.views.currentIndex())

    def refresh_stack(self) -> None:
        """Which page the middle shows; the counts follow once typing pauses."""
        searching = bool(self.search.text().strip())
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
        elif searching or self._total() > 0:
            self.stack.setCurrentWidget(self.no_matches)
        else:
            self.stack.setCurrentWidget(self.empty_state)
        self._count_timer.start()

    def _total(self) -> int:
        """Every contact; before the book is attached the first page's count says it."""
        return self.book.count() if self.model.attached else self.model.total

    def _update_counts(self) -> None:
        if not self.model.counted:  # the first page's count follows the paint (show_count)
            return
        total = self._total()
        if self.search.text().strip():
            self.count_label.setText(
                self.tr("{0} of %Ln contacts", "", total).format(self.model.total)
            )
        else:
            self.count_label.setText(self.tr("%Ln contacts", "", total))

    def show_due_count(self, count: int) -> None:
        self.due_label.setText(self.tr("%Ln due today", "", count) if count else "")

    def _update_actions(self) -> None:
        # Edit and Delete act on the contacts list, so only while it is the view shown.
        listed = self.is_ready and self.views.currentIndex() == 0
        has_selection = listed and bool(self.selected_ids())
        self.edit_action.setEnabled(has_selection)
        self.delete_action.setEnabled(has_selection)

    def _apply_search(self) -> None:
        if not self.is_ready:
            return  # build_rest searches for what was typed meanwhile
        self.model.set_query(self.search.text())
        self.refresh_stack()
        self._update_actions()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.contact_id(r) for r in rows]
        return [i for i in ids if i is not None]

    def select_contact(self, contact_id: int) -> None:
        row = self.model.row_of(contact_id)
        while row is None and self.model.fetch_now():
            row = self.model.row_of(contact_id)
        if row is None:
            return
        # Not selectRow: with Ctrl held (Ctrl+Enter in the dialog just closed) it toggles, and
        # the contact just edited would be unselected.
        from PySide6.QtCore import QItemSelectionModel

        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), flags.ClearAndSelect | flags.Rows
        )
        self.table.scrollTo(self.model.index(row, 0))
        self._show_detail(contact_id)

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        ids = self.selected_ids()
        if ids and self.is_ready:
            self._show_detail(ids[0])
        else:
            self._show_nothing()
        self._update_actions()

    def _show_nothing(self) -> None:
        if self.detail_reader is not None:
            self.detail_reader.forget()
        self.detail.show_nothing()

    def _show_detail(self, contact_id: int) -> None:
        from netdesk.ui.contacts.contact_detail import read_detail

        self.detail_reader = read_detail(self.context, self.detail, self.detail_reader, contact_id)

    def language(self) -> str:
        """The interface language, "es" or "en"."""
        from PySide6.QtCore import QLocale

        return "es" if QLocale().language() == QLocale.Language.Spanish else "en"

    # -- user actions ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @after_ready
    def new_contact(self) -> None:
        from netdesk.ui.contacts.contact_editing import new_contact

        new_contact(self.context)

    @after_ready
    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            from netdesk.ui.contacts.contact_editing import edit_contact

            edit_contact(self.context, ids[0])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self.is_ready:
            from netdesk.ui.contacts.commands import DeleteContactsCommand

            self.undo_stack.push(DeleteContactsCommand(self.context, ids))
            self.statusBar().showMessage(
                self.tr("Deleted %n contact(s). Press Ctrl+Z to undo.", "", len(ids)), 8000
            )

    @after_ready
    def import_cards(self, paths: list[Path] | None = None) -> None:
        from netdesk.ui.importing.import_flow import start_import

        start_import(self.context, paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if window_extras.card_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = window_extras.card_files(event)
        if paths:
            event.acceptProposedAction()
            self.import_cards(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_extras.save_layout(self)
        column, descending = self.model.book_order  # read before the next start builds a window
        self.settings.setValue("contacts/sort", f"{column},{int(descending)}")
        super().closeEvent(event)
