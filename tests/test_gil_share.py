"""A worker steps aside for the window's thread while work runs and the window is late (#19)."""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from netdesk.store.db import Database, open_database
from netdesk.system import gil_share


@pytest.fixture
def work_running() -> Iterator[None]:
    """Work has started (as a Task's start does) and the window has not beaten since."""
    gil_share.start()
    gil_share._heart.last_beat = 0.0  # the window's thread has not had its turn for long
    try:
        yield
    finally:
        gil_share.stop()


def on_worker(work: Callable[[], object]) -> int:
    """How many times a worker thread stepped aside while doing ``work``."""
    before = gil_share.pauses()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(30)
    assert not errors, errors
    return gil_share.pauses() - before


def test_no_pause_without_work_running_or_when_the_window_is_on_time() -> None:
    assert not gil_share.beating()
    assert on_worker(gil_share.step_aside) == 0
    gil_share.start()
    try:
        gil_share.beat()  # the window just had its turn
        assert on_worker(gil_share.step_aside) == 0
    finally:
        gil_share.stop()
    assert not gil_share.beating()


def test_a_worker_steps_aside_when_the_window_is_late_and_the_window_thread_never_does(
    work_running: None,
) -> None:
    assert on_worker(gil_share.step_aside) == 1
    before = gil_share.pauses()
    gil_share.step_aside()  # the thread that started the work is the window's
    assert gil_share.pauses() == before


def test_a_worker_runs_a_while_between_two_pauses(work_running: None) -> None:
    def twice() -> None:
        gil_share.step_aside()
        gil_share.step_aside()  # right after the first pause: no second one yet

    assert on_worker(twice) == 1


def test_two_workers_running_at_once_each_step_aside(work_running: None) -> None:
    """One worker's pause does not excuse the other: both would otherwise keep the GIL."""
    first_paused = threading.Event()

    def first() -> None:
        gil_share.step_aside()
        first_paused.set()

    def second() -> None:
        first_paused.wait(10)
        gil_share.step_aside()  # right after the other worker's pause

    before = gil_share.pauses()
    workers = [threading.Thread(target=first), threading.Thread(target=second)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(10)
    assert gil_share.pauses() - before == 2


def test_a_long_sqlite_statement_on_a_worker_steps_aside_between_its_steps(
    tmp_path: Path, work_running: None
) -> None:
    db = open_database(tmp_path / "n.sqlite")
    try:

        def count() -> int:
            with db.reading() as conn:
                return int(
                    conn.execute(
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "WHERE i < 300000) SELECT count(*) FROM n"
                    ).fetchone()[0]
                )

        # one statement, no Python between its steps: only the progress handler can pause it
        assert on_worker(count) >= 2
    finally:
        db.close()


def test_each_statement_through_the_engine_is_a_point_to_step_aside(
    tmp_path: Path, work_running: None
) -> None:
    db: Database = open_database(tmp_path / "n.sqlite")
    try:

        def small_statements() -> None:
            with db.engine.connect() as conn:
                for _ in range(20):
                    # far fewer steps than the progress handler waits for
                    conn.execute(text("SELECT 1")).scalar_one()
                    gil_share._turn.last_pause = 0.0  # this worker's clock

        assert on_worker(small_statements) == 20
    finally:
        db.close()


def test_imports_on_a_worker_step_aside_and_the_hook_goes_when_the_work_ends(
    tmp_path: Path,
) -> None:
    (tmp_path / "netdesk_probe_module_a.py").write_text("VALUE = 1\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        gil_share.start()
        hooks = [f for f in sys.meta_path if type(f).__name__ == "_ImportTurns"]
        assert len(hooks) == 1 and sys.meta_path[0] is hooks[0]
        gil_share.start()  # a second task: still one hook
        assert sum(type(f).__name__ == "_ImportTurns" for f in sys.meta_path) == 1
        gil_share._heart.last_beat = 0.0
        module = importlib.import_module
        assert on_worker(lambda: module("netdesk_probe_module_a")) >= 1
        assert sys.modules["netdesk_probe_module_a"].VALUE == 1  # found by the real finders
        gil_share.stop()
        assert gil_share.beating()  # the second task still runs
        in_use = sys.meta_path  # the list an import on a worker may be walking right now
        finders = list(in_use)
        gil_share.stop()
        assert not gil_share.beating()
        assert sys.meta_path is not in_use and in_use == finders  # replaced, never shifted
        assert not [f for f in sys.meta_path if type(f).__name__ == "_ImportTurns"]
        gil_share.stop()  # one stop too many changes nothing
        assert not gil_share.beating()
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("netdesk_probe_module_a", None)
        while gil_share.beating():
            gil_share.stop()
