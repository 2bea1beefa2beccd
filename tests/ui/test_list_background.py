"""The contacts list reads the pages a scroll asks for, and a new sort, on a worker (#19)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.sample_data import seed_contacts
from netdesk.domain.contact_data import ContactData
from netdesk.ui.contacts.contact_model import PAGE
from netdesk.ui.shell.main_window import MainWindow


def names(window: MainWindow) -> list[str]:
    model = window.model
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def threads_reading(window: MainWindow) -> list[str]:
    """Record the thread of every page the book reads from now on."""
    seen: list[str] = []
    book = window.book
    original: Callable[..., Any] = book.summaries

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread().name)
        return original(*args, **kwargs)

    book.summaries = spy  # type: ignore[method-assign]
    return seen


def test_a_new_sort_is_read_on_a_worker_and_the_old_rows_stay_until_it_arrives(
    window: MainWindow, qtbot: QtBot
) -> None:
    book = ContactBook(window.db)
    for name, org in [("Ana", "Zeta"), ("Bruno", "Alfa"), ("Carla", "Media")]:
        book.create(ContactData(full_name=name, organization=org))
    window.model.reload()
    assert names(window) == ["Ana", "Bruno", "Carla"]
    seen = threads_reading(window)
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by organisation
    assert window.model.reading
    assert names(window) == ["Ana", "Bruno", "Carla"]  # nothing flashes or empties meanwhile
    qtbot.waitUntil(lambda: not window.model.reading, timeout=5000)
    assert names(window) == ["Bruno", "Carla", "Ana"]
    assert seen and threading.main_thread().name not in seen
    # two sorts in a row: only the newest order is shown
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not window.model.reading, timeout=5000)
    qtbot.wait(50)  # the older answer, if it came late, must not replace the newer one
    assert names(window) == ["Carla", "Bruno", "Ana"]


def test_scrolling_reads_the_next_page_on_a_worker(window: MainWindow, qtbot: QtBot) -> None:
    seed_contacts(window.db, PAGE * 2 + 5)
    window.model.reload()
    assert window.model.rowCount() == PAGE
    seen = threads_reading(window)
    window.model.fetchMore()
    assert window.model.rowCount() == PAGE  # not yet: on its way
    assert not window.model.canFetchMore()  # one page at a time
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 * PAGE, timeout=5000)
    window.model.fetchMore()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 * PAGE + 5, timeout=5000)
    assert not window.model.canFetchMore()
    assert len(seen) == 2 and threading.main_thread().name not in seen
    ids = [window.model.contact_id(r) for r in range(window.model.rowCount())]
    assert len(set(ids)) == len(ids)  # no page twice


def test_a_page_read_while_the_list_reloads_is_dropped(window: MainWindow, qtbot: QtBot) -> None:
    seed_contacts(window.db, PAGE + 20)
    window.model.reload()
    window.model.fetchMore()
    window.model.reload()  # data changed: the page on its way belongs to the old rows
    qtbot.wait(200)
    assert window.model.rowCount() == PAGE
    assert window.model.canFetchMore()


def test_selecting_a_contact_further_down_reads_up_to_it(window: MainWindow, qtbot: QtBot) -> None:
    seed_contacts(window.db, PAGE * 2 + 5)
    window.model.reload()
    last = ContactBook(window.db).summaries(sort_column=1, descending=True, limit=1)[0]
    window.select_contact(last.id)
    assert window.selected_ids() == [last.id]
    assert window.model.rowCount() == 2 * PAGE + 5
