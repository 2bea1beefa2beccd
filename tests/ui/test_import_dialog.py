"""File → Import driven to the end: preview, event, duplicates, progress, summary, undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui.importing.import_dialog import NEW_EVENT
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY, when_dialog_opens

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def names(db: Database) -> list[str]:
    return [s.full_name for s in ContactBook(db).summaries()]


def test_import_with_a_new_event_plans_follow_ups_and_undoes(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    ContactBook(db).create(ContactData(full_name="Lucia Perez", organization="Estudio Norte"))
    window.refresh()
    window.synchronous_tasks = True
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        table = dialog.findChild(QTableWidget, "importPreview")
        assert table is not None
        seen["rows"] = table.rowCount()
        seen["summary"] = dialog.summary.text()  # type: ignore[attr-defined]
        # The possible duplicate is offered as a choice; merge it.
        decision = table.cellWidget(0, 2)
        assert isinstance(decision, QComboBox)
        decision.setCurrentIndex(1)
        event = dialog.findChild(QComboBox, "eventChoice")
        assert event is not None
        event.setCurrentIndex(event.findData(NEW_EVENT))
        name = dialog.findChild(QLineEdit, "eventName")
        assert name is not None
        qtbot.keyClicks(name, "Chamber breakfast")
        button = dialog.findChild(QPushButton, "importButton")
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, act)
    window.import_cards([FIXTURES / "breakfast.vcf"])
    qtbot.waitUntil(lambda: len(names(db)) == 3, timeout=5000)
    assert seen["rows"] == 3
    assert "1 possible duplicates" in str(seen["summary"])
    assert names(db) == ["Grace Clarke", "Lucia Perez", "Tomás Ruiz"]
    records = {r["full_name"]: r for r in ContactBook(db).as_records()}
    assert records["Lucia Perez"]["emails"] == ["lucia@norte.example"]
    assert all(r["events"] == ["Chamber breakfast"] for r in records.values())
    assert len(FollowUps(db).due(dt.date.today(), 30)) == 9
    qtbot.waitUntil(lambda: "Imported 3 cards" in window.statusBar().currentMessage())
    assert window.model.rowCount() == 3

    window.undo_action.trigger()
    assert names(db) == ["Lucia Perez"]
    assert ContactBook(db).as_records()[0]["emails"] == []
    assert FollowUps(db).due(TODAY, 60) == []


def test_cancelling_the_preview_changes_nothing(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    window.synchronous_tasks = True
    when_dialog_opens(qtbot, lambda dialog: dialog.reject())
    window.import_cards([FIXTURES / "breakfast.vcf"])
    qtbot.wait(50)
    assert names(db) == []
    assert window.undo_stack.count() == 0


def test_unknown_csv_columns_are_mapped_and_remembered(
    window: MainWindow, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "guests.csv"
    path.write_text(
        "Invitado;Empresa;Correo;Comentario\n"
        "Marta Soler;Soler Consulting;marta@soler.example;vegetariana\n",
        encoding="utf-8",
    )
    window.synchronous_tasks = True
    seen: list[str] = []

    def mapping(dialog: QDialog) -> None:
        table = dialog.findChild(QTableWidget, "csvMapping")
        assert table is not None
        seen.append(table.item(0, 1).text())  # the first value shown beside its column
        wanted = ["full_name", "organization", "email", "note"]
        for row, field in enumerate(wanted):
            box = table.cellWidget(row, 2)
            assert isinstance(box, QComboBox)
            box.setCurrentIndex(box.findData(field))
        dialog.accept()
        when_dialog_opens(qtbot, preview)

    def preview(dialog: QDialog) -> None:
        event = dialog.findChild(QComboBox, "eventChoice")
        assert event is not None
        event.setCurrentIndex(0)  # not at an event
        dialog.accept()

    when_dialog_opens(qtbot, mapping)
    window.import_cards([path])
    qtbot.waitUntil(lambda: names(db) == ["Marta Soler"], timeout=5000)
    (record,) = ContactBook(db).as_records()
    assert record["organization"] == "Soler Consulting"
    assert record["emails"] == ["marta@soler.example"]
    assert record["note"] == "vegetariana"
    assert seen == ["Marta Soler"]
    from netdesk.ui.importing.csv_mapping_dialog import remembered

    assert remembered(window.settings, ["Invitado", "Empresa", "Correo", "Comentario"]) == {
        "Invitado": "full_name",
        "Empresa": "organization",
        "Correo": "email",
        "Comentario": "note",
    }


@pytest.mark.parametrize(("key", "expected"), [(Qt.Key.Key_M, 1), (Qt.Key.Key_K, 2)])
def test_a_possible_duplicate_within_the_same_file_can_be_merged_by_keyboard(
    window: MainWindow, qtbot: QtBot, db: Database, tmp_path: Path, key: Qt.Key, expected: int
) -> None:
    """#14, point 3: the preview said "possible duplicate (you choose)" but offered no choice
    when the other card was in the same import; the card came in as new."""
    cards = tmp_path / "same-fair.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lucia Perez\r\nORG:Estudio Norte\r\n"
        "EMAIL:lucia@norte.example\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lucía Pérez\r\nORG:Estudio Norte\r\n"
        "TEL:+34 600 111 222\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    window.synchronous_tasks = True
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        table = dialog.findChild(QTableWidget, "importPreview")
        assert table is not None
        decision = table.cellWidget(1, 2)
        assert isinstance(decision, QComboBox), "no choice offered"
        seen["hint"] = dialog.findChild(QLabel, "duplicatesHint").isVisibleTo(dialog)  # type: ignore[union-attr]
        table.setFocus()
        table.setCurrentCell(1, 0)
        qtbot.keyClick(table, key)
        seen["choice"] = decision.currentIndex()
        button = dialog.findChild(QPushButton, "importButton")
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, act)
    window.import_cards([cards])
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=5000)
    assert seen["hint"] is True
    assert seen["choice"] == (1 if key == Qt.Key.Key_M else 0)
    records = ContactBook(db).as_records()
    assert len(records) == expected
    if expected == 1:
        assert records[0]["emails"] == ["lucia@norte.example"]
        assert records[0]["phones"] == ["+34 600 111 222"]
