"""Run in a fresh process: time from interpreter start to the contacts list painted.

    python -m bench.window_probe netdesk DB_PATH   → netdesk started over DB_PATH
    python -m bench.window_probe bare              → a bare QMainWindow with an empty table

netdesk is started the way users get it: ``netdesk.ui.shell.lifecycle.start_window``, the function
``run_gui`` calls (logging, the translator, the single-instance check, the database check and
the daily backup, the window), with its settings, logs and data in a fresh temporary folder.
The DB_PATH folder gets a ``backups`` folder (the daily backup) like a user's data folder.

Prints one JSON line: {"seconds": ..., "rss_mb": ...}; for netdesk also "ready_seconds", when
every part of the window is built and every action enabled, and the memory is measured then.
The floor and netdesk are measured the same way, so the ratio says what netdesk adds on top
of Qt itself.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402


class PaintWatch(QObject):
    def __init__(self, quit_on_paint: bool = True) -> None:
        super().__init__()
        self.painted_at: float | None = None
        self.quit_on_paint = quit_on_paint

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
            if self.quit_on_paint:
                QTimer.singleShot(0, QApplication.quit)
        return False


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare() -> None:
    app = QApplication(sys.argv[:1])
    watch = PaintWatch()
    window = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(0, 7))
    window.setCentralWidget(table)
    window.resize(1280, 780)
    table.viewport().installEventFilter(watch)
    window.show()
    app.exec()
    assert watch.painted_at is not None
    print(json.dumps({"seconds": watch.painted_at - START, "rss_mb": rss_mb()}))


def netdesk(db_path: Path, home: Path) -> None:
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())
    from netdesk.ui.shell.app import make_application
    from netdesk.ui.shell.lifecycle import start_window

    app = make_application(sys.argv[:1])
    watch = PaintWatch(quit_on_paint=False)
    launch = start_window(db_path)
    assert not isinstance(launch, int), f"netdesk did not start (exit code {launch})"
    window = launch.window
    # The window is shown but nothing is painted before the event loop runs.
    window.table.viewport().installEventFilter(watch)
    ready_at: list[float] = []

    def ready() -> None:
        ready_at.append(time.perf_counter())
        QTimer.singleShot(0, app.quit)

    if window.is_ready:
        QTimer.singleShot(0, ready)
    else:
        window.ready.connect(ready)
    app.exec()
    assert watch.painted_at is not None and ready_at
    result = {
        "seconds": watch.painted_at - START,
        "ready_seconds": ready_at[0] - START,
        "rss_mb": rss_mb(),
    }
    if launch.deferred is not None:
        result["steps"] = {k: round(v - START, 4) for k, v in launch.deferred.timings.items()}
    launch.close()
    print(json.dumps(result))


def main() -> None:
    if sys.argv[1] == "bare":
        bare()
        return
    with tempfile.TemporaryDirectory(prefix="netdesk-probe-") as home:
        netdesk(Path(sys.argv[2]), Path(home))


if __name__ == "__main__":
    main()
