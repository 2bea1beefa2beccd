"""Keeping the window's thread from starving while a worker reads the database.

CPython makes the thread holding the GIL hand it over when another thread has waited a whole
switch interval *and no switch happened meanwhile*. A worker reading SQLite gives the GIL back
at every row and takes it again microseconds later, before the window's thread has even woken
up; each of those counts as a switch, so the window's thread never gets to ask and waits until
the worker's burst is over. Profiled during a sync (perf, both threads): the window's thread
woke every 1.5 ms inside ``take_gil`` and went back to sleep, 20-120 times in a row, while the
worker ran Python and SQLite steps; that was every stall from 30 to 400 ms.

So the window beats a heartbeat from a timer while work runs on a worker (``start``/``stop``,
see netdesk.ui.tasks), and a worker that finds the heartbeat late steps aside for a moment
(``step_aside``) at the points where it gives the GIL back anyway: SQLite's progress handler on
every connection (``watch``), each statement, each step of a Task, and each module a worker
imports (a first sync loads the HTTP and calendar libraries: one file read after another).
Nothing here needs Qt; with no heartbeat (the command line, tests that run work inline)
``step_aside`` returns at once.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

BEAT_MS = 3  # how often the window's timer beats while work runs
LATE_S = 0.006  # a heartbeat older than this: the window's thread is waiting for its turn
WORK_S = 0.001  # after a pause a worker runs at least this long before the next
PAUSE_S = 0.002  # long enough for the window's thread to wake and take the GIL
VM_STEPS = 1000  # SQLite calls the progress handler every this many virtual-machine steps


class _Heart:
    def __init__(self) -> None:
        self.holders = 0
        self.last_beat = 0.0
        self.pauses = 0
        self.gui = threading.main_thread().ident  # the window's thread (Qt's GUI thread)


_heart = _Heart()


class _Turn(threading.local):
    """Each worker's own pause clock: when two run at once, each must step aside, or the
    other would go on taking the GIL back while the first one sleeps."""

    last_pause = 0.0


_turn = _Turn()


class _ImportTurns:
    """First on sys.meta_path while work runs: finds nothing, only lets a worker step aside."""

    @staticmethod
    def find_spec(
        _name: str, _path: Sequence[str] | None = None, _target: ModuleType | None = None
    ) -> ModuleSpec | None:
        step_aside()
        return None


_import_turns = _ImportTurns()


def start() -> None:
    """Work has started on a worker: the window's thread beats from now on (GUI thread)."""
    _heart.holders += 1
    beat()
    if _import_turns not in sys.meta_path:
        # A new list, not an insert: an import running on a worker goes on over the list it
        # started with, where shifting it under its loop could skip a finder.
        sys.meta_path = [_import_turns, *sys.meta_path]


def stop() -> None:
    """That work has ended (GUI thread)."""
    _heart.holders = max(0, _heart.holders - 1)
    if not _heart.holders and _import_turns in sys.meta_path:
        sys.meta_path = [f for f in sys.meta_path if f is not _import_turns]


def beating() -> bool:
    return _heart.holders > 0


def beat() -> None:
    """The window's thread had its turn (called by its timer)."""
    _heart.last_beat = time.monotonic()


def pauses() -> int:
    """How many times a worker has stepped aside (for tests and benchmarks)."""
    return _heart.pauses


def step_aside() -> None:
    """On a worker: if the window's thread has been waiting, let it run for a moment."""
    heart = _heart
    if not heart.holders:
        return
    now = time.monotonic()
    if now - heart.last_beat < LATE_S or now - _turn.last_pause < WORK_S:
        return
    if threading.get_ident() == heart.gui:
        return
    heart.pauses += 1
    time.sleep(PAUSE_S)
    _turn.last_pause = time.monotonic()  # the worker's turn starts when it wakes


def _progress() -> int:
    step_aside()
    return 0  # carry on with the statement


def watch(conn: sqlite3.Connection) -> None:
    """Let a worker reading or writing through ``conn`` step aside between SQLite steps."""
    conn.set_progress_handler(_progress, VM_STEPS)
