"""File → Export all / selected contacts: the filter picks the format; private files; progress."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.exporting import ExportProgress, export_steps
from netdesk.app.sample_data import seed_contacts
from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber
from netdesk.interop.vcard_reader import read_vcard_file
from netdesk.store.db import Database
from netdesk.ui.features.export.export_actions import format_filters
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import focus, when_dialog_opens


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    book = ContactBook(db, region="ES")
    return {
        "ana": book.create(
            ContactData(
                given_name="Ana",
                family_name="García",
                organization="Faro",
                emails=[EmailAddress("ana@faro.es", "work", True)],
                phones=[PhoneNumber("+34 600 11 22 33", "cell")],
                note="Línea uno\nLínea dos; con punto y coma",
                tags=["client"],
            )
        ),
        "bruno": book.create(ContactData(full_name="Bruno Díaz")),
        "carla": book.create(ContactData(full_name="Carla Ruiz", organization="Norte")),
    }


def save_as(
    qtbot: QtBot, path: Path, name_filter: str | None, then: Callable[[], None] | None = None
) -> None:
    """Answer the next file dialog: pick the filter, fill in the file name, press Enter."""

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        if name_filter is not None:
            dialog.selectNameFilter(name_filter)
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText(str(path))  # typed, the path would open the completer's popup
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted
        if then is not None:
            then()

    when_dialog_opens(qtbot, act)


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None
    return found


def test_export_all_as_csv_from_the_file_menu(
    window: MainWindow, qtbot: QtBot, people: dict[str, int], tmp_path: Path
) -> None:
    window.synchronous_tasks = True
    export_all = action(window, "exportAllAction")
    file_menu = window.menus["file"].actions()
    assert file_menu.index(export_all) < file_menu.index(window.file_extras)
    target = tmp_path / "all.csv"
    save_as(qtbot, target, "CSV spreadsheet (*.csv)")
    export_all.trigger()
    assert target.stat().st_mode & 0o777 == 0o600
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the accents
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["Name"] for r in rows] == ["Ana García", "Bruno Díaz", "Carla Ruiz"]
    assert rows[0]["Note"] == "Línea uno\nLínea dos; con punto y coma"
    assert window.statusBar().currentMessage() == f"Exported 3 contact(s) to {target}."
    assert not list(tmp_path.glob(".netdesk-export-*"))
    assert window.settings.value("export/format") == "csv"


def test_export_selected_as_vcard4_with_the_keyboard(
    window: MainWindow, qtbot: QtBot, people: dict[str, int], tmp_path: Path
) -> None:
    window.synchronous_tasks = True
    selected = action(window, "exportSelectedAction")
    assert selected.shortcut().toString() == "Ctrl+Shift+E"
    window.refresh()  # the people were added after the window opened
    window.table.clearSelection()
    assert not selected.isEnabled()
    window.select_contact(people["ana"])
    assert selected.isEnabled()
    target = tmp_path / "ana.vcf"
    save_as(qtbot, target, "vCard 4.0 (*.vcf)")
    focus(qtbot, window, window.table)
    qtbot.keyClick(
        window.table,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 1 and "VERSION:4.0" in text
    (card,) = list(read_vcard_file(target))
    assert card.contact is not None
    assert card.contact.full_name == "Ana García"
    assert [e.value for e in card.contact.emails] == ["ana@faro.es"]
    assert card.contact.note == "Línea uno\nLínea dos; con punto y coma"
    assert card.contact.tags == ["client"]
    assert target.stat().st_mode & 0o777 == 0o600
    assert window.statusBar().currentMessage() == f"Exported 1 contact(s) to {target}."


def test_vcard3_is_the_default_and_the_extension_is_added(
    window: MainWindow, qtbot: QtBot, people: dict[str, int], tmp_path: Path
) -> None:
    window.synchronous_tasks = True
    save_as(qtbot, tmp_path / "mine", None)
    action(window, "exportAllAction").trigger()
    text = (tmp_path / "mine.vcf").read_text(encoding="utf-8")
    assert text.count("VERSION:3.0") == 3
    assert format_filters()[0] == "vCard 3.0 (*.vcf)"


def when_message_box(qtbot: QtBot, act: Callable[[QMessageBox], None]) -> None:
    """Like when_dialog_opens, but waits past other dialogs for a message box."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox) and widget.isVisible():
            act(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_a_file_that_cannot_be_written_is_reported(
    window: MainWindow, qtbot: QtBot, people: dict[str, int], tmp_path: Path
) -> None:
    window.synchronous_tasks = True
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "out.vcf"
    seen: list[str] = []

    def close_warning(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    # the folder goes (a memory stick pulled out) between choosing the file and writing it
    save_as(qtbot, target, None, then=folder.rmdir)
    when_message_box(qtbot, close_warning)
    action(window, "exportAllAction").trigger()
    assert seen == [f"cannot write {target}: No such file or directory"]
    assert not folder.exists()
    assert window.statusBar().currentMessage() == ""


def test_export_reports_progress_and_leaves_nothing_when_cancelled(
    db: Database, tmp_path: Path
) -> None:
    ids = seed_contacts(db, 1200)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "big.vcf"
    steps = export_steps(db, "vcard", target, total=1200)
    seen = []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as stop:
            assert stop.value == 1200
            break
    assert seen == [
        ExportProgress(500, 1200),
        ExportProgress(1000, 1200),
        ExportProgress(1200, 1200),
    ]
    assert target.read_text(encoding="utf-8").count("BEGIN:VCARD") == 1200

    cancelled = out / "cancelled.csv"
    steps = export_steps(db, "csv", cancelled, ids=ids[:900], total=900)
    assert next(steps) == ExportProgress(500, 900)
    steps.close()  # what Cancel does
    assert list(out.iterdir()) == [target]
    with pytest.raises(ValueError, match="format: 'pdf' is not one of"):
        next(export_steps(db, "pdf", tmp_path / "x.pdf"))


def test_follow_ups_export_as_a_calendar_from_the_window(
    window: MainWindow, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#14, point 3: the .ics of planned follow-ups was only on the command line."""
    import datetime as dt

    from netdesk.app.touchpoints import FollowUps

    ana = ContactBook(db).create(ContactData(full_name="Ana García"))
    FollowUps(db).add(ana, "thank_you", due=dt.date.today() + dt.timedelta(days=2))
    action = window.findChild(QAction, "exportFollowUpsAction")
    assert action is not None and action in window.menus["file"].actions()
    target = tmp_path / "agenda"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Calendar (*.ics)")
    )
    action.trigger()
    written = (tmp_path / "agenda.ics").read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in written and "Ana García" in written
    assert (tmp_path / "agenda.ics").stat().st_mode & 0o077 == 0
    assert "Wrote 1 follow-ups to" in window.statusBar().currentMessage()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    exporter = window.findChild(QObject, "exportActions")
    assert exporter.export_follow_ups(tmp_path / "missing" / "x.ics") is None  # type: ignore[union-attr]
    assert warned and "missing" in warned[0]
