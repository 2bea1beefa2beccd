"""Running long work off the GUI thread.

Work is written as a plain generator that yields progress and returns its result (see
netdesk.app.importer.run_import). A Task runs it on the global QThreadPool and delivers
progress, the result or the error back on the GUI thread through queued signals. Cancelling
closes the generator at its next yield, so its ``finally``/rollback runs on the worker.
Tests pass ``synchronous=True`` to run the same code inline.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

ProgressGenerator = Generator[Any, None, Any]
# Work shorter than this shows no progress window at all.
PROGRESS_DELAY_MS = 500


class Task(QObject):
    progress = Signal(object)  # whatever the generator yields
    succeeded = Signal(object)  # the generator's return value
    failed = Signal(str)  # a message for the user
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, work: Callable[[], ProgressGenerator], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.running = False

    def cancel(self) -> None:
        self._cancel.set()

    def start(self, synchronous: bool = False) -> None:
        self.running = True
        if synchronous:
            self._run()
            return
        runnable = QRunnable.create(self._run)
        QThreadPool.globalInstance().start(runnable)

    def _run(self) -> None:
        try:
            steps = self._work()
            result = None
            while True:
                if self._cancel.is_set():
                    steps.close()
                    self.cancelled.emit()
                    return
                try:
                    value = next(steps)
                except StopIteration as stop:
                    result = stop.value
                    break
                self.progress.emit(value)
                # What the work built so far lives until it ends (an import's duplicate index,
                # its report). Freezing it keeps the cyclic collector's full passes, which hold
                # the GIL and so stall the window, from walking it again at every pass; it is
                # still freed by reference counting when the work is done.
                gc.freeze()
            self.succeeded.emit(result)
        except Exception as exc:  # reported to the user; the work has rolled back
            log.exception("background task failed")
            self.failed.emit(str(exc) or exc.__class__.__name__)
        finally:
            self.running = False
            self.finished.emit()


def progress_dialog(
    task: Task, parent: QWidget, label: str, cancel: str, *, maximum: int, name: str
) -> QProgressDialog:
    """A window-modal progress dialog whose Cancel cancels ``task``; it appears only when the
    work takes longer than PROGRESS_DELAY_MS and stays until the caller closes it."""
    progress = QProgressDialog(label, cancel, 0, maximum, parent)
    progress.setObjectName(name)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_DELAY_MS)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.canceled.connect(task.cancel)
    return progress
