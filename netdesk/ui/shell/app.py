"""The QApplication, its language, and ``run_gui``: the event loop around the window's
lifecycle (netdesk.ui.shell.lifecycle)."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from netdesk import __version__
from netdesk.ui import import_scan

import_scan.quicken()  # before the window's modules are imported

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    responsive_threads()
    app.setApplicationName("netdesk")
    app.setOrganizationName("netdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.netdesk.Netdesk")
    return app


def install_language(app: QApplication, settings: QSettings) -> None:
    """Load the translation the user chose in Settings, or the system's."""
    from netdesk.ui import i18n

    i18n.install_translator(app, str(settings.value("ui/language", "") or ""))


# How often a thread running Python must offer the GIL to the others (Python's default is
# 5 ms). While a sync or the writing side of an import runs Python on a worker, every Python
# call of the GUI thread — a timer, a paint, a model's data() — waits up to this long for its
# turn, and one repaint makes many. At 1 ms the largest stall during an import of 10,000 cards
# measured 27-31 ms against 48-62 ms at 5 ms (bench.loop_gaps.import_gap_ms, #19).
SWITCH_INTERVAL_S = 0.001


def responsive_threads() -> None:
    """The window's process hands the GIL over more often (see SWITCH_INTERVAL_S)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def settle_heap() -> None:
    """Everything made while starting lives as long as the window. Freezing it keeps the
    cyclic collector's full passes, which hold the GIL, from walking it again and again while
    an import or sync runs on a worker thread (measured: 180 ms stalls become under 70 ms)."""
    gc.freeze()


def run_gui(db_path: Path, files: list[Path] | None = None, minimized: bool = False) -> int:
    from netdesk.system.display_check import xcb_problem

    problem = xcb_problem()
    if problem:  # Qt would abort the process with a page about plugins
        print(problem, file=sys.stderr)
        return 1
    from netdesk.ui.shell.lifecycle import start_window

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
