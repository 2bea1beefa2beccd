"""Starting the window: logging, the QApplication and its language, one instance per database,
a checked database, and the files the user asked to open."""

from __future__ import annotations

import gc
import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from netdesk import __version__
from netdesk.app.contact_list import PAGE

if TYPE_CHECKING:
    from netdesk.ui.shell.first_paint import DeferredStart
    from netdesk.ui.shell.main_window import MainWindow
    from netdesk.ui.shell.single_instance import InstanceServer

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("netdesk")
    app.setOrganizationName("netdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.netdesk.Netdesk")
    return app


def install_language(app: QApplication, settings: QSettings) -> None:
    """Load the translation the user chose in Settings, or the system's."""
    from netdesk.ui import i18n

    i18n.install_translator(app, str(settings.value("ui/language", "") or ""))


def settle_heap() -> None:
    """Everything made while starting lives as long as the window. Freezing it keeps the
    cyclic collector's full passes, which hold the GIL, from walking it again and again while
    an import or sync runs on a worker thread (measured: 180 ms stalls become under 70 ms)."""
    gc.freeze()


class Launch:
    """A started window and what has to be closed with it."""

    def __init__(self, window: MainWindow, db_path: Path, deferred: DeferredStart | None) -> None:
        self.window = window
        self.db_path = db_path
        self.deferred = deferred  # None when the window was built in one go
        self.server: InstanceServer | None = None
        if deferred is None:
            self._listen()
        else:
            deferred.painted.connect(self._painted)
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
) -> Launch | int:
    """Everything run_gui does before the event loop: the launch, or an exit code.

    The list is painted from plain sqlite3 and the rest is built right after (first_paint)
    when the database is at this version's schema; a new, older or unreadable one, or a start
    to the tray, takes the path that checks, migrates and opens it before the window. On the
    first path the log file and the single-instance listener are set up right after the paint
    (until then Python's last-resort handler prints warnings to stderr)."""
    from netdesk.app import contact_list as first_page

    files = files or []
    app = make_application()
    if settings is None:
        settings = QSettings()
    # The page for the sort the last window closed with, read while the shell is being built.
    expected = first_page.parse_sort(settings.value("contacts/sort"))
    reading = None if minimized else first_page.read_in_background(db_path, PAGE, *expected)
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
        page = first_page.read_first_page(db_path, PAGE, *order)
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
        deferred = DeferredStart(window, db_path, wait_for_check=crashed)
        deferred.begin()
    if minimized and window.reminders.tray is not None:
        window.hide()
    else:
        window.show()
    launch = Launch(window, db_path, deferred)
    if files:
        window.import_cards(files)  # waits for the window to be ready
    return launch


def first_page_order(window: MainWindow) -> tuple[int, bool]:
    """The remembered sort as first_page's column index (the book's, one past the model's)."""
    column, descending = window.model.sort_order
    return column + 1, descending


def run_gui(db_path: Path, files: list[Path] | None = None, minimized: bool = False) -> int:
    from netdesk.system.display_check import xcb_problem

    problem = xcb_problem()
    if problem:  # Qt would abort the process with a page about plugins
        print(problem, file=sys.stderr)
        return 1
    app = make_application()
    launch = start_window(db_path, files, minimized)
    if isinstance(launch, int):
        return launch
    if launch.deferred is not None:  # the database turned out unusable; the user was told
        launch.deferred.failed.connect(lambda: app.exit(1))
    if launch.window.is_ready:
        QTimer.singleShot(0, settle_heap)
    else:
        launch.window.ready.connect(lambda: QTimer.singleShot(0, settle_heap))
    try:
        return app.exec()
    finally:
        launch.close()
