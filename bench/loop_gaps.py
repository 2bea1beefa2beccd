"""The event loop's largest stall while netdesk imports or searches: a 10 ms timer ticks on the
GUI thread and the largest gap between ticks is what the user would feel as a frozen window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class GapMeter:
    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.largest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.largest = max(self.largest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.largest = 0.0
        self.timer.start()


def dispose(window: QWidget) -> None:
    """Close a measured window and delete it: in the app closing the window ends the process,
    but here later measurements run in the same one, and a window left alive goes on running
    its timers (the status bar's half-minute count of cards to review) during theirs."""
    import shiboken6

    window.close()
    shiboken6.delete(window)


def import_gap_ms(cards: Path, workdir: Path) -> float:
    """Import on a worker thread (as the window does) while the GUI thread keeps ticking."""
    from netdesk.app.importer import ImportRequest, run_import
    from netdesk.store.db import open_database
    from netdesk.ui.tasks import Task

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from netdesk.ui.shell.app import responsive_threads, settle_heap

    responsive_threads()  # as the window's application does (make_application)

    db = open_database(workdir / f"gap-{time.monotonic_ns()}.sqlite")
    settle_heap()  # as the running window has done after start-up
    meter = GapMeter()
    task = Task(lambda: run_import(db, ImportRequest([cards]), "ES"))
    task.finished.connect(app.quit)
    meter.start()
    task.start()
    app.exec()
    meter.timer.stop()
    db.close()
    return meter.largest * 1000


def search_gap_ms(db_path: Path, words: list[str]) -> float:
    """Typing into the search box: each keystroke's query runs on the GUI thread."""
    from PySide6.QtCore import QSettings

    from netdesk.store.db import open_database
    from netdesk.ui.shell.app import responsive_threads, settle_heap
    from netdesk.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(db_path)
    window = MainWindow(
        db, QSettings(str(db_path.with_suffix(".gap.ini")), QSettings.Format.IniFormat)
    )
    window.show()
    responsive_threads()  # as the window's application does (make_application)
    settle_heap()  # as the running window does once it is ready (netdesk.ui.shell.app)
    meter = GapMeter()
    keystrokes = [w[:i] for w in words for i in range(1, len(w) + 1)]

    def type_next() -> None:
        if not keystrokes:
            QTimer.singleShot(300, app.quit)  # let the debounced search and count run
            return
        window.search.setText(keystrokes.pop(0))
        QTimer.singleShot(60, type_next)  # a fast typist: ~16 keys a second

    meter.start()
    QTimer.singleShot(0, type_next)
    app.exec()
    meter.timer.stop()
    dispose(window)
    db.close()
    return meter.largest * 1000


def scroll_and_sort_gap_ms(db_path: Path) -> float:
    """Sort by every column both ways, and after each sort press Ctrl+End through the list as
    a user holding Page Down would: the largest stall between timer ticks."""
    from PySide6.QtCore import QSettings, Qt

    from netdesk.store.db import open_database
    from netdesk.ui.shell.app import responsive_threads, settle_heap
    from netdesk.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(db_path)
    window = MainWindow(
        db, QSettings(str(db_path.with_suffix(".scroll.ini")), QSettings.Format.IniFormat)
    )
    window.show()
    responsive_threads()  # as the window's application does (make_application)
    settle_heap()  # as the running window does once it is ready (netdesk.ui.shell.app)
    meter = GapMeter()
    steps: list[tuple[int, Qt.SortOrder]] = [
        (column, order)
        for column in range(window.model.columnCount())
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder)
    ]
    pages = {"left": 0}

    def next_step() -> None:
        if pages["left"] > 0:  # scroll one screen further; the view fetches pages as needed
            pages["left"] -= 1
            bar = window.table.verticalScrollBar()
            bar.setValue(bar.maximum())
            QTimer.singleShot(15, next_step)
            return
        if not steps:
            QTimer.singleShot(50, app.quit)
            return
        column, order = steps.pop(0)
        window.table.sortByColumn(column, order)
        pages["left"] = 8  # eight fetches per sort: 2,000 rows deep
        QTimer.singleShot(15, next_step)

    meter.start()
    QTimer.singleShot(0, next_step)
    app.exec()
    meter.timer.stop()
    dispose(window)
    db.close()
    return meter.largest * 1000
