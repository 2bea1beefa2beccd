"""The window's life in one object (#16): how it starts, the phases it goes through, and
closing it.

Phases (``Lifecycle.phase``):

- ``shell``: the main window's widgets, menus and remembered layout; no database yet;
- ``painted``: the list's first page is on screen, read with plain sqlite3 (fast path only);
- ``attached``: the services over the opened database — the list pages, searches and sorts;
- ``ready``: every feature installed, every action enabled, what waited has run;
- ``failed``: the database cannot be used and the user has been told.

The usual path (a new, older or unreadable file, or a start to the tray) checks, migrates and
opens the database before the window and goes from ``shell`` to ``ready`` at once. The fast
path paints first and completes the window a step per event-loop turn
(netdesk.ui.shell.first_paint.DeferredStart, over the steps of window_build). What needs every
part waits for ``ready`` by itself: the main window's entry points that are not actions (files
from a second launch, a drop, the empty state's buttons) are marked ``@after_ready``, and the
window's actions stay disabled until then — a new action has nothing to remember.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer

from netdesk.app.contact_list import SCREEN
from netdesk.ui.shell.app import install_language, make_application

if TYPE_CHECKING:
    from netdesk.ui.shell.first_paint import DeferredStart
    from netdesk.ui.shell.main_window import MainWindow
    from netdesk.ui.shell.single_instance import InstanceServer

log = logging.getLogger(__name__)


class Lifecycle:
    """A started window through its phases, and what has to be closed with it."""

    def __init__(self, window: MainWindow, db_path: Path, deferred: DeferredStart | None) -> None:
        self.window = window
        self.db_path = db_path
        self.deferred = deferred  # None when the window was built in one go
        self.server: InstanceServer | None = None
        self.failed = False
        if deferred is None:
            self._listen()
        else:
            deferred.painted.connect(self._painted)
            deferred.failed.connect(self._failed)
        if window.is_ready:
            self._ready()
        else:
            window.ready.connect(self._ready)

    def _painted(self) -> None:
        _setup_logging()
        self._listen()

    def _listen(self) -> None:
        """Later launches on this database hand their files to this window."""
        from netdesk.ui.shell.single_instance import InstanceServer

        self.server = InstanceServer(self.db_path, self.window)
        self.server.raiseRequested.connect(self.window.bring_forward)

    @property
    def backup(self) -> threading.Thread | None:
        """The daily backup when it is made after the window (the usual path makes it before)."""
        return None if self.deferred is None else self.deferred.backup

    @property
    def phase(self) -> str:
        """Where the window is: shell, painted, attached, ready or failed (module docstring)."""
        if self.failed:
            return "failed"
        if self.window.is_ready:
            return "ready"
        if self.window.context.attached:
            return "attached"
        if self.deferred is not None and self.deferred.timings.get("painted") is not None:
            return "painted"
        return "shell"

    def _failed(self) -> None:
        self.failed = True

    def _ready(self) -> None:
        self.window.reminders.start()

    def close(self) -> None:
        from netdesk.app import opening

        if self.server is not None:
            self.server.close()
        db = getattr(self.window, "db", None)
        if db is not None:
            from netdesk.ui.features.backups.session_backup import back_up_if_changed

            back_up_if_changed(self.window.context, self.db_path)
            db.close()
        opening.end_session(self.db_path)


def _setup_logging() -> None:
    from netdesk.system.logs import setup_logging

    try:
        setup_logging()
    except OSError as exc:  # an unwritable log folder must not keep the window from opening
        print(f"netdesk: logging disabled: {exc}", file=sys.stderr)


def start_window(
    db_path: Path,
    files: list[Path] | None = None,
    minimized: bool = False,
    settings: QSettings | None = None,
) -> Lifecycle | int:
    """Everything run_gui does before the event loop: the launch, or an exit code.

    The list is painted from plain sqlite3 and the rest is built right after (first_paint)
    when the database is at this version's schema; a new, older or unreadable one, or a start
    to the tray, takes the path that checks, migrates and opens it before the window. On the
    first path the log file and the single-instance listener are set up right after the paint
    (until then Python's last-resort handler prints warnings to stderr)."""
    # The cyclic collector waits until the event loop turns: building the window makes
    # thousands of long-lived objects (modules, Qt types, widgets) and no garbage cycles, and
    # its passes over them cost ~2.5 ms before the first paint (#19).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _start_window(db_path, files, minimized, settings)
    finally:
        if collecting:
            QTimer.singleShot(0, gc.enable)


def _start_window(
    db_path: Path, files: list[Path] | None, minimized: bool, settings: QSettings | None
) -> Lifecycle | int:
    from netdesk.app import contact_list as first_page

    files = files or []
    app = make_application()
    if settings is None:
        settings = QSettings()
    # The page for the sort the last window closed with, read while the shell is being built.
    expected = first_page.parse_sort(settings.value("contacts/sort"))
    reading = None if minimized else first_page.read_in_background(db_path, SCREEN, *expected)
    install_language(app, settings)

    from netdesk.ui.shell.single_instance import hand_over, may_be_running

    if may_be_running(db_path):
        _setup_logging()
        if hand_over(db_path, files):
            log.info("netdesk already runs on %s; handed over %d file(s)", db_path, len(files))
            return 0

    from netdesk.app import opening
    from netdesk.ui.shell import window_build
    from netdesk.ui.shell.main_window import MainWindow

    window = MainWindow(None, settings)  # the shell, its layout restored
    deferred: DeferredStart | None = None
    page = None if reading is None else reading()
    order = first_page_order(window)
    if page is not None and order != expected:  # the header says otherwise: it wins
        page = first_page.read_first_page(db_path, SCREEN, *order)
    if page is None:
        from netdesk.ui.shell.startup import open_checked

        _setup_logging()
        db = open_checked(db_path)
        if db is None:
            return 1
        opening.begin_session(db_path)  # checked just now, whatever the last session did
        window_build.attach_database(window, db)
        for _step in window_build.build_rest(window):
            pass
    else:
        from netdesk.ui.shell.first_paint import DeferredStart

        window_build.show_first_page(window, page)
        crashed = opening.begin_session(db_path)
        deferred = DeferredStart(window, db_path, wait_for_check=crashed, page=page)
        deferred.begin()
    if minimized and window.reminders.tray is not None:
        window.hide()
    else:
        window.show()
    launch = Lifecycle(window, db_path, deferred)
    if files:
        window.import_cards(files)  # waits for the window to be ready
    return launch


def first_page_order(window: MainWindow) -> tuple[int, bool]:
    """The remembered sort as the first page counts columns."""
    return window.model.book_order


__all__ = ["Lifecycle", "first_page_order", "start_window"]
