"""#16: undo and redo of merges and imports, and what views read, run off the GUI thread."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Generator

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.dedupe import MergePlan, find_duplicates, merge_groups
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database
from netdesk.ui.features.duplicates import duplicates_view
from netdesk.ui.shell.main_window import MainWindow
from netdesk.ui.tasks import Reader, wait_for
from tests.ui.conftest import TODAY


def test_wait_for_keeps_the_event_loop_turning_and_hands_back_result_or_error(
    window: MainWindow, qtbot: QtBot
) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    where: list[threading.Thread] = []
    worked: list[float] = []

    def slow() -> int:
        where.append(threading.current_thread())
        worked.append(time.perf_counter())
        time.sleep(0.3)
        worked.append(time.perf_counter())
        return 42

    assert wait_for(slow, window, "working") == 42
    timer.stop()
    assert where[0] is not threading.main_thread()
    # The window's timers went on while the work ran: not a count of ticks (a collector pass
    # over a long test session's heap can hold the loop for a quarter of a second), but more
    # than one tick inside the work's own span, which a blocking wait would never show.
    during = [t for t in ticks if worked[0] < t < worked[1]]
    assert len(during) >= 2, (len(ticks), worked)

    def broken() -> int:
        raise ValueError("the batch is gone")

    with pytest.raises(ValueError, match="the batch is gone"):
        wait_for(broken, window, "working")
    assert wait_for(lambda: 7, window, "working", synchronous=True) == 7


def test_undoing_a_merge_runs_on_a_worker_and_brings_the_contacts_back(
    window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = ContactBook(db)
    for name in ("Ana García", "Ana Garcia"):
        book.create(ContactData(full_name=name, emails=[EmailAddress("ana@example.org")]))
    plans = [MergePlan.of(g) for g in find_duplicates(db).sure]
    record = merge_groups(db, plans, "ES")
    assert book.count() == 1
    ctx = window.context
    assert not ctx.synchronous_tasks
    ctx.undo_stack.push(duplicates_view.MergeDuplicatesCommand(ctx, plans, record, "ES"))
    threads: list[threading.Thread] = []
    real_undo = duplicates_view.undo_merge

    def recorded(*args: object) -> object:
        threads.append(threading.current_thread())
        return real_undo(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(duplicates_view, "undo_merge", recorded)
    ctx.undo_stack.undo()
    assert book.count() == 2
    assert threads and threads[0] is not threading.main_thread()
    ctx.undo_stack.redo()  # merges again, also off the GUI thread
    assert book.count() == 1


def test_a_reader_shows_only_the_newest_answer(window: MainWindow, qtbot: QtBot) -> None:
    shown: list[str] = []
    reader = Reader(shown.append, window)
    reader.read(lambda: (time.sleep(0.2), "old")[1])
    reader.read(lambda: "new")
    qtbot.waitUntil(lambda: not reader.busy)
    qtbot.wait(300)  # the slow, stale answer arrives meanwhile and is dropped
    assert shown == ["new"]


def test_the_dashboard_reads_its_figures_on_a_worker(
    window: MainWindow, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from decimal import Decimal

    from netdesk.app.events import EventBook, EventData
    from netdesk.ui.features.dashboard import dashboard_page

    EventBook(db).add(EventData(name="Gala", date=TODAY, cost=Decimal("120"), hours=Decimal(2)))
    threads: list[threading.Thread] = []
    real = dashboard_page.event_figures

    def recorded(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dashboard_page, "event_figures", recorded)
    page = window.context.parts["dashboard_page"]
    assert isinstance(page, dashboard_page.DashboardPage)
    page.refresh()
    qtbot.waitUntil(lambda: not page.reader.busy)
    assert threads and threads[-1] is not threading.main_thread()
    assert page.figure_labels["events"].text() == "1"
    assert "120" in page.figure_labels["cost"].text()


def test_a_running_task_keeps_the_window_heartbeat_going_and_its_end_stops_it(
    qtbot: QtBot,
) -> None:
    from netdesk.system import gil_share
    from netdesk.ui.tasks import Task

    release = threading.Event()
    seen: list[bool] = []

    def work() -> Generator[int, None, str]:
        seen.append(gil_share.beating())
        release.wait(10)
        yield 1
        return "done"

    assert not gil_share.beating()
    task = Task(work)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start()
        assert gil_share.beating()
        first = gil_share._heart.last_beat
        qtbot.wait(50)  # the GUI thread's timer beats while the work runs
        assert gil_share._heart.last_beat > first
        release.set()
    assert seen == [True]
    qtbot.waitUntil(lambda: not gil_share.beating())
    assert not [f for f in sys.meta_path if type(f).__name__ == "_ImportTurns"]
    stopped = gil_share._heart.last_beat
    qtbot.wait(30)
    assert gil_share._heart.last_beat == stopped  # no beating once nothing runs
    inline = Task(work)
    release.set()
    inline.start(synchronous=True)  # tests' inline work: no heartbeat at all
    assert seen == [True, False]


def test_a_task_started_off_the_gui_thread_starts_no_heartbeat(qtbot: QtBot) -> None:
    from netdesk.system import gil_share
    from netdesk.ui.tasks import Task

    done = threading.Event()
    beating: list[bool] = []

    def work() -> Generator[int, None, None]:
        beating.append(gil_share.beating())
        done.set()
        yield 1

    def start_elsewhere() -> None:
        task = Task(work)
        task.start()
        done.wait(10)
        beating.append(gil_share.beating())

    other = threading.Thread(target=start_elsewhere)
    other.start()
    other.join(10)
    QThreadPool.globalInstance().waitForDone(10_000)
    assert beating == [False, False]
