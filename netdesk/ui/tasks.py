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
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)

from netdesk.system import gil_share

if TYPE_CHECKING:  # the list's model imports this module before the first paint (#19)
    from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

ProgressGenerator = Generator[Any, None, Any]
T = TypeVar("T")
# Work shorter than this shows no progress window at all.
PROGRESS_DELAY_MS = 500


class _Heartbeat(QObject):
    """Beats netdesk.system.gil_share's heartbeat from the GUI thread while tasks run."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        from PySide6.QtCore import Qt  # here: the module loads before Qt's enums are made

        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(gil_share.BEAT_MS)
        self._timer.timeout.connect(gil_share.beat)

    def hold(self, task: Task) -> None:
        gil_share.start()
        task.finished.connect(self._release)  # queued: this object lives on the GUI thread
        self._timer.start()

    def _release(self) -> None:
        gil_share.stop()
        if not gil_share.beating():
            self._timer.stop()


_heartbeats: list[_Heartbeat] = []  # one, made at the first task (on the GUI thread)


def _beat_while(task: Task) -> None:
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return  # only the GUI thread's turn is worth a heartbeat, and only it runs the timer
    if not _heartbeats:
        _heartbeats.append(_Heartbeat())
    _heartbeats[0].hold(task)


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
        _beat_while(self)
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
                gil_share.step_aside()
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
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    progress = QProgressDialog(label, cancel, 0, maximum, parent)
    progress.setObjectName(name)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_DELAY_MS)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.canceled.connect(task.cancel)
    return progress


def _once(fetch: Callable[[], Any]) -> ProgressGenerator:
    return fetch()
    yield  # a generator that yields nothing: the Task's work for a single call


class Reader(QObject):
    """Reads for a view on a worker thread and shows the newest answer on the GUI thread.

    A read started while another runs makes the older answer stale: it is dropped when it
    arrives, so the view never flashes back to what was asked before. ``synchronous`` (tests)
    reads inline. ``busy`` is True until the newest answer has been shown."""

    def __init__(
        self,
        show: Callable[[Any], None],
        parent: QObject,
        synchronous: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self._show = show
        self._synchronous = synchronous
        self._asked = 0
        self._running: set[Task] = set()
        self.busy = False

    def read(self, fetch: Callable[[], Any]) -> None:
        self._asked += 1
        self.busy = True
        # No parent: a view closed while its read runs must not delete the task under the
        # worker; the task is kept until it has finished, and Qt drops the connections to a
        # reader that is gone.
        task = Task(lambda: _once(fetch))
        task.setProperty("asked", self._asked)
        self._running.add(task)
        # Slots of this object, which lives on the GUI thread: Qt queues the answers there.
        task.succeeded.connect(self._answer)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        task.start(self._synchronous())

    def _finished(self) -> None:
        sender = self.sender()
        if isinstance(sender, Task):
            self._running.discard(sender)
            sender.deleteLater()

    def forget(self) -> None:
        """What is being read is no longer wanted (the view shows something else now)."""
        self._asked += 1
        self.busy = False

    def _current(self) -> bool:
        sender = self.sender()
        return bool(sender is not None and sender.property("asked") == self._asked)

    def _answer(self, result: object) -> None:
        if self._current():
            self.busy = False
            self._show(result)

    def _failed(self, message: str) -> None:
        if self._current():
            self.busy = False
            log.warning("a view could not read what it shows: %s", message)


class _HoldInput(QObject):
    """Keeps the user's clicks and keys away from the window while a step of undo runs."""

    HELD = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.Wheel,
            QEvent.Type.Shortcut,
            QEvent.Type.ShortcutOverride,
        }
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in self.HELD


class _Outcome(QObject):
    """Where a worker's answer lands on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.value: Any = None
        self.error: BaseException | None = None

    def keep(self, value: object) -> None:
        self.value = value


def wait_for(
    work: Callable[[], T], parent: QWidget | None, label: str, synchronous: bool = False
) -> T:
    """Run ``work`` on a worker thread and return its result (or raise its exception) — for the
    steps of undo and redo, which Qt's undo stack calls and expects done when they return.

    The window keeps painting meanwhile (a local event loop), the user's input is held back so
    no second step can start inside the first, and a progress window appears when it takes
    longer than PROGRESS_DELAY_MS."""
    if synchronous:
        return work()
    outcome = _Outcome()
    loop = QEventLoop()

    def run() -> ProgressGenerator:
        try:
            return work()
        except Exception as exc:
            outcome.error = exc  # read on the GUI thread after the loop has ended
            raise
        yield

    task = Task(run)
    task.succeeded.connect(outcome.keep)
    task.finished.connect(loop.quit)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_DELAY_MS)
    hold = _HoldInput()
    app = QCoreApplication.instance()
    if app is not None:
        app.installEventFilter(hold)
    try:
        task.start()
        loop.exec()
    finally:
        if app is not None:
            app.removeEventFilter(hold)
        progress.close()
        progress.deleteLater()
        task.deleteLater()
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[no-any-return]
