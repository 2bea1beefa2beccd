"""The main window's parts that the first paint does not need, added in steps.

The shell (MainWindow(None, settings): widgets, menus, toolbar, the remembered layout) needs no
database and imports no SQLAlchemy. Then:

1. ``show_first_page`` — the list read with plain sqlite3 (netdesk.app.contact_list);
2. ``attach_database`` — the services: the list pages, searches and sorts, a selected contact
   shows; the window can be browsed;
3. ``build_rest`` — follow-up actions, reminders and tray, the other views and their menus,
   the Today view; then every action is enabled and ``ready`` is emitted. It is a generator,
   one step per ``next``, so the start-up can give the event loop a turn between steps.

Until ``build_rest`` ends, actions that would reach unbuilt parts are disabled, and what still
comes in (files from a second launch, a double-click, a drop, typed search text) waits for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from netdesk.system.plugins import listed_modules
from netdesk.ui.shell import window_extras

if TYPE_CHECKING:
    from netdesk.app.contact_list import FirstPage
    from netdesk.app.opening import Database
    from netdesk.ui.shell.main_window import MainWindow

# Packages under netdesk.ui.features, each with install(window); the order is the menus' order.
FEATURES = (
    "export",
    "duplicates",
    "events",
    "referrals",
    "dashboard",
    "sync",
    "capture",
    "mail",
    "backups",
)


def disable_until_ready(window: MainWindow) -> None:
    """Actions of the shell that need the database or parts built by ``build_rest``."""
    window.actions_after_ready = [
        window.import_action,
        window.backup_action,
        window.restore_action,
        window.new_action,
        window.settings_action,
        window.shortcuts_action,
    ]
    for action in window.actions_after_ready:
        action.setEnabled(False)


def show_first_page(window: MainWindow, page: FirstPage) -> None:
    window.model.show_first_page(page)
    window.refresh_stack()
    window._update_counts()  # the count when the page holds every contact; else it follows


def show_count(window: MainWindow, page: FirstPage) -> None:
    """The first page's count, read right after its rows (the paint did not wait for it)."""
    page.counted.wait()
    window.model.set_total(page.total)
    window._update_counts()


def attach_database(window: MainWindow, db: Database) -> None:
    """The context's services over ``db``; the list pages, searches and sorts through them."""
    window.context.attach(db)
    window.model.attach(window.book)
    # Header clicks sort from now on: the view calls the model's sort with a Qt.SortOrder,
    # which makes Qt's enums, so not before the first paint (netdesk.ui.contacts.contacts_header)
    window.table.setSortingEnabled(True)
    window_extras.select_on_focus(window)


def set_icon(window: MainWindow) -> None:
    """The window's icon: loading it (the SVG icon engine) can wait for the first paint."""
    if window.windowIcon().isNull():
        from PySide6.QtGui import QIcon

        from netdesk.system import assets

        window.setWindowIcon(QIcon(str(assets.app_icon())))


def build_rest(window: MainWindow) -> Iterator[None]:
    from netdesk.ui.followups.followup_actions import FollowUpActions
    from netdesk.ui.followups.reminders import Reminders

    window_extras.bind_shortcuts(window)  # the window was built in one go
    set_icon(window)  # the tray icon below is the same
    window.followup_actions = FollowUpActions(window)
    window.followup_actions.menu(window.menus["followups"])
    yield
    window.reminders = Reminders(
        window.followups, window.today, window, window.settings, window.windowIcon()
    )
    window.reminders.countChanged.connect(window.show_due_count)
    window.contactsChanged.connect(window.refresh)
    yield
    for module in listed_modules(f"netdesk.ui.features.{name}" for name in FEATURES):
        module.install(window.context)
        yield
    window.is_ready = True
    window.refresh(reload_list=not window.model.loaded)  # the Today view: ~90 ms at 100,000
    for action in window.actions_after_ready:
        action.setEnabled(True)
    yield  # the reminders' first check (on ready) and what waited, each in a turn of its own
    window.ready.emit()
    yield
    window.run_waiting()


__all__ = [
    "FEATURES",
    "attach_database",
    "build_rest",
    "disable_until_ready",
    "set_icon",
    "show_count",
    "show_first_page",
]
