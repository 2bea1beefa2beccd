"""Run in a fresh process: time from interpreter start to the contacts list painted.

    python -m bench.window_probe netdesk DB_PATH   → netdesk's main window over DB_PATH
    python -m bench.window_probe bare              → a bare QMainWindow with an empty table

Prints one JSON line: {"seconds": ..., "rss_mb": ...}. The floor and netdesk are measured the
same way, so the ratio says what netdesk adds on top of Qt itself.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
            QTimer.singleShot(0, QApplication.quit)
        return False


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    app = QApplication(sys.argv[:1])
    watch = PaintWatch()
    if sys.argv[1] == "bare":
        window = QMainWindow()
        table = QTableView()
        table.setModel(QStandardItemModel(0, 7))
        window.setCentralWidget(table)
    else:
        from netdesk.store.db import open_database
        from netdesk.ui.main_window import MainWindow

        db = open_database(Path(sys.argv[2]))
        settings = QSettings(str(Path(sys.argv[2]).with_suffix(".ini")), QSettings.Format.IniFormat)
        window = MainWindow(db, settings)
        table = window.table
    window.resize(1280, 780)
    table.viewport().installEventFilter(watch)
    window.show()
    app.exec()
    assert watch.painted_at is not None
    print(json.dumps({"seconds": watch.painted_at - START, "rss_mb": rss_mb()}))


if __name__ == "__main__":
    main()
