"""Item models pass Qt's model tester and load lazily."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from pytestqt.modeltest import ModelTester

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui.contacts.contact_model import PAGE, SCREEN, ContactTableModel


def test_contact_model_passes_the_model_tester(qtmodeltester: ModelTester, db: Database) -> None:
    book = ContactBook(db)
    for i in range(30):
        book.create(
            ContactData(full_name=f"Person {i:02d}", organization=("Alpha", "Beta", "Gamma")[i % 3])
        )
    model = ContactTableModel(book)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    model.set_query("beta")
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 10


def test_contact_model_fetches_pages_lazily(db: Database) -> None:
    book = ContactBook(db)
    from netdesk.app.sample_data import seed_contacts

    seed_contacts(db, PAGE * 2 + 10)
    model = ContactTableModel(book)
    model.reload()
    assert model.total == PAGE * 2 + 10
    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE * 2 + 10
    assert not model.canFetchMore(QModelIndex())


def test_a_search_reads_a_screenful_then_pages_on_in_name_order(db: Database) -> None:
    book = ContactBook(db)
    from netdesk.app.sample_data import seed_contacts

    seed_contacts(db, PAGE + SCREEN + 40)
    model = ContactTableModel(book)
    model.set_query("a")  # a keystroke: one screenful, not a whole page
    everyone = [s.full_name for s in book.summaries("a")]
    assert len(everyone) > PAGE + SCREEN
    assert model.rowCount() == SCREEN and model.canFetchMore(QModelIndex())
    assert model.total == len(everyone)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == everyone
    model.set_query("")  # the whole list: a page as before
    assert model.rowCount() == PAGE


def test_sorting_by_column_reorders_through_the_query(db: Database) -> None:
    book = ContactBook(db)
    book.create(ContactData(full_name="Zoe", organization="Alpha"))
    book.create(ContactData(full_name="Adam", organization="Beta"))
    model = ContactTableModel(book)
    model.reload()
    assert model.index(0, 0).data() == "Adam"
    model.sort(ContactTableModel.ORGANIZATION, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(2)] == ["Adam", "Zoe"]


def test_none_refcount_is_not_stolen_by_item_model_calls(db: Database) -> None:
    """PySide6 6.12.0 on CPython 3.11 decremented None's refcount here until the process died.

    Python code returning None to C++ (our data()) and QStandardItemModel.setItem must leave
    sys.getrefcount(None) where it was (immortal None on 3.12+ reports a constant).
    """
    book = ContactBook(db)
    book.create(ContactData(full_name="Someone"))
    model = ContactTableModel(book)
    model.reload()
    standard = QStandardItemModel(50, 2)
    rounds = 2000
    # The collector freeing unrelated garbage mid-loop would drop None references too.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(rounds):
            # A role data() answers with None, asked from C++ through the model index.
            model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
            model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
            standard.setItem(i % 50, 0, QStandardItem(str(i)))
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    # A few references may appear or vanish in unrelated caches; a leak of one per call is 2000+.
    assert after >= before - 50, f"None lost {before - after} references in {rounds} calls"
