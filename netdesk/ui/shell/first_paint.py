"""Start-up that paints the contacts list first and builds everything else right after.

Before the first paint: the window's shell (no SQLAlchemy), the remembered layout, and the
list's first page and count read with plain sqlite3 — only for a database already at this
version's schema (netdesk.store.first_page); anything else takes the usual path.

After it:

- a worker thread imports SQLAlchemy, the services and the views' other heavy modules (no Qt)
  and opens the database (no migration is due: the schema was checked);
- when that is done the list is attached to the contact book (paging, search, sort and the
  selected contact work) and the rest is built a step per event-loop turn (follow-up actions,
  reminders, the other views and their menus, the Today view); then every action is enabled
  and ``finished`` (and the window's ``ready``) is emitted;
- SQLite's ``quick_check`` runs over the whole file on every start, on a second worker thread
  (about 0.4 s at 100,000 contacts, without the GIL). It starts after the imports (at the same
  time the two slowed each other twofold on two cores) — unless the last window on this
  database did not close (netdesk.store.session_mark): then it starts at once and the window
  is not made ready, so nothing can write, until it has passed, as when it ran before the
  window. Damage found is told and the newest good backup offered exactly as before (the
  engine closed first); declining quits with the file untouched;
- the daily backup runs on a worker thread once the window is ready and the check has passed,
  so a damaged copy never rotates good backups out.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from netdesk.ui.shell import window_build, window_extras

if TYPE_CHECKING:
    from netdesk.app.contact_list import FirstPage
    from netdesk.app.opening import Database
    from netdesk.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

# If no paint arrives (a window manager that never exposes the window), build anyway.
PAINT_FALLBACK_MS = 1000
# Loaded on a worker thread after the first paint: the modules without Qt that the window and
# its views import (measured: ~0.5 s, most of it SQLAlchemy, rapidfuzz and httpx). One left out
# is simply imported later on the GUI thread.
HEAVY_MODULES = (
    "sqlalchemy.orm",
    "netdesk.store.db",
    "netdesk.store.models",
    "netdesk.store.sync_models",
    "netdesk.app.contacts",
    "netdesk.app.touchpoints",
    "netdesk.app.cadence",
    "netdesk.app.settings_store",
    "netdesk.app.playbook",
    "netdesk.app.messages",
    "netdesk.app.referrals",
    "netdesk.app.balance",
    "netdesk.app.events",
    "netdesk.app.exporting",
    "netdesk.app.dedupe",
    "netdesk.app.matching",
    "netdesk.app.report",
    "netdesk.app.roi",
    "netdesk.sync.accounts",
)


def in_background(work: Callable[[], Any], done: Callable[[Any], None]) -> None:
    """Run ``work`` on a daemon thread; ``done``, a method of a QObject of the GUI thread, gets
    its result (or exception) there. A daemon thread, so quitting never waits for a check of a
    large file."""
    # No parent: the thread keeps it alive, and if the QObject of ``done`` is gone by the time
    # it emits, Qt has dropped the connection and nothing is delivered.
    relay = _Relay()
    relay.delivered.connect(done)

    def run() -> None:
        try:
            result = work()
        except Exception as exc:  # handed to ``done``, which tells the user
            result = exc
        relay.delivered.emit(result)

    threading.Thread(target=run, name="netdesk-start", daemon=True).start()


class _Relay(QObject):
    delivered = Signal(object)


def _import_and_open(db_path: Path) -> Database:
    import importlib

    for name in HEAVY_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # raised again where the window imports it, and reported there
            log.warning("could not preload %s", name, exc_info=True)
    from netdesk.app import opening

    return opening.open(db_path)


def _quick_check(db_path: Path) -> str | None:
    from netdesk.app import opening

    return opening.damage(db_path)


class DeferredStart(QObject):
    """Finishes a window whose shell and first page are shown (see the module docstring)."""

    painted = Signal()  # the list is on screen; the rest is being built
    finished = Signal()  # the window is ready
    failed = Signal()  # the database cannot be used; the user has been told

    def __init__(
        self,
        window: MainWindow,
        db_path: Path,
        wait_for_check: bool,
        page: FirstPage | None = None,
    ) -> None:
        """``wait_for_check``: the window is not made ready before the check has passed
        (after a session that did not close cleanly). ``page``: the first page shown, whose
        count is shown right after the paint."""
        super().__init__(window)
        self.window = window
        self.db_path = db_path
        self.page = page
        self.db: Database | None = None
        self.backup: threading.Thread | None = None
        self.timings: dict[str, float] = {}
        self._wait_for_check = wait_for_check
        self._checked = False  # quick_check passed (or a good backup was restored)
        self._check_pending = True
        self._open_error: Exception | None = None
        self._restoring = False
        self._steps: Iterator[None] | None = None
        self._started = False

    def begin(self) -> None:
        """Wait for the list's first paint, then start."""
        self.window.table.viewport().installEventFilter(self)
        # A timer of its own, not QTimer.singleShot(ms, self, slot): matching that overload
        # builds QMetaMethod's type (~0.4 ms) before the first paint (#19).
        fallback = QTimer(self)
        fallback.setSingleShot(True)
        fallback.timeout.connect(self._start)
        fallback.start(PAINT_FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._start)
        return False

    def _mark(self, name: str) -> None:
        self.timings[name] = time.perf_counter()

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        self._mark("painted")
        if self.page is not None:
            window_build.show_count(self.window, self.page)
        window_extras.bind_shortcuts(self.window)
        window_build.set_icon(self.window)
        self.painted.emit()
        if self._wait_for_check:
            self._start_check()
        in_background(lambda: _import_and_open(self.db_path), self._opened)

    def _start_check(self) -> None:
        in_background(lambda: _quick_check(self.db_path), self._check_done)

    def _opened(self, result: object) -> None:
        self._mark("opened")
        if not self._wait_for_check:  # now: on two cores both at once slowed each other
            self._start_check()
        if isinstance(result, Exception):
            self._open_error = result
            if not self._check_pending:  # a sound file that still does not open
                self._fail_to_open(result)
            return  # else the check's answer decides: restore, or say why it failed
        result = cast("Database", result)
        if self._restoring:  # opened while the user decides: reopen after the restore
            result.close()
            return
        self._attach(result)

    def _attach(self, db: Database) -> None:
        self.db = db
        window_build.attach_database(self.window, db)
        self._mark("attached")
        self._continue()

    def _check_done(self, problem: object) -> None:
        self._mark("checked")
        self._check_pending = False
        if isinstance(problem, Exception):
            problem = str(problem)
        if problem is None:
            self._checked = True
            if self._open_error is not None:
                self._fail_to_open(self._open_error)
            else:
                self._continue()
                self._back_up()
            return
        log.error("database failed its integrity check: %s", problem)
        self._offer_restore(str(problem))

    def _offer_restore(self, problem: str) -> None:
        from netdesk.app import opening
        from netdesk.ui.shell.startup import offer_restore

        if self.db is not None:
            self.db.close()  # no pooled connection may hold the old file while it is replaced
        self._restoring = True
        try:
            restored = offer_restore(self.db_path, problem, self.window)
        finally:
            self._restoring = False
        if not restored:
            self._give_up()
            return
        self._checked = True
        if self.window.is_ready:
            self.window.refresh()  # everything shown came from the damaged file
            self._back_up()
            return
        self.window.model.reload()  # the first page came from the damaged file
        if self.db is not None:
            self._continue()
            return
        try:
            db = opening.open(self.db_path)
        except opening.DatabaseError as exc:
            self._fail_to_open(exc)
            return
        self._open_error = None
        self._attach(db)

    def _fail_to_open(self, exc: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox  # its enums: only when it is needed

        log.error("cannot open the database: %s", exc)
        QMessageBox.critical(
            self.window,
            QCoreApplication.translate("startup", "netdesk cannot open its database"),
            str(exc),
        )
        self._give_up()

    def _give_up(self) -> None:
        self.window.hide()
        self.failed.emit()

    def _continue(self) -> None:
        waiting = self._wait_for_check and not self._checked
        if self.db is None or waiting or self._steps is not None:
            return
        self._steps = window_build.build_rest(self.window)
        self._step()

    def _step(self) -> None:
        assert self._steps is not None
        try:
            next(self._steps)
        except StopIteration:
            self._mark("ready")
            self.finished.emit()
            self._back_up()
            return
        QTimer.singleShot(0, self, self._step)  # not after the window is gone

    def _back_up(self) -> None:
        """The daily backup once the window is ready and the file passed its check, so a
        damaged copy never rotates good backups out."""
        if self.window.is_ready and self._checked and self.backup is None:
            self.backup = daily_backup(self.db_path)


def daily_backup(db_path: Path) -> threading.Thread:
    """The day's backup, as the usual start-up makes it, on a worker thread (a large file takes
    seconds to copy). Not a daemon: quitting waits for the copy rather than leaving it half
    made (it is written under a temporary name either way)."""

    def run() -> None:
        from netdesk.app import backups

        try:
            if backups.daily_if_due(db_path) is not None:
                log.info("daily backup written")
        except backups.DatabaseError as exc:  # a failed backup must not keep the user working
            log.warning("daily backup failed: %s", exc)

    thread = threading.Thread(target=run, name="netdesk-backup")
    thread.start()
    return thread


__all__ = ["DeferredStart", "daily_backup", "in_background"]
