"""#16: the lists beside the contacts are item models that make only what is shown."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from netdesk.ui.widgets.rows_model import PAGE, RowsModel


def test_rows_reach_the_view_a_page_at_a_time_and_texts_are_made_on_demand(
    qtbot: QtBot,
) -> None:
    made: list[int] = []

    def name(row: int) -> str:
        made.append(row)
        return f"Event {row}"

    model = RowsModel([("Event", name), ("Twice", lambda r: str(r * 2))])
    model.set_rows(range(1000))
    assert made == []  # nothing is formatted before a view asks
    assert model.rowCount() == PAGE and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 1000 and not model.canFetchMore(QModelIndex())
    assert model.data(model.index(999, 1)) == "1998"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Event"
    assert model.row(1000) is None and model.row(3) == 3

    model.set_rows(range(10))  # a refresh starts again from the first page
    assert model.rowCount() == 10 and not model.canFetchMore(QModelIndex())

    view = QTableView()
    qtbot.addWidget(view)
    view.resize(400, 200)
    made.clear()
    model.set_rows(range(5000))
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paint once
    assert 0 < len(set(made)) < 100  # the rows on screen, not 5,000
