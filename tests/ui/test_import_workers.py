"""A big import from the window: parsed by worker processes while a worker thread writes, the
window responsive, Cancel stopping it with nothing written."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.importer import PREVIEW_NEW
from netdesk.interop.vcard_stream import ENV_WORKERS, PARALLEL_BYTES
from netdesk.store.db import Database
from netdesk.ui.importing.import_dialog import ImportPreviewDialog
from netdesk.ui.importing.import_flow import ImportFlow
from netdesk.ui.shell.main_window import MainWindow


def write_export(path: Path, count: int) -> Path:
    path.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEMAIL:p{i}@example.org\r\n"
            f"ORG:Firm {i}\r\nNOTE:Card {i} of an export from another address book\r\n"
            "END:VCARD\r\n"
            for i in range(count)
        ),
        encoding="utf-8",
    )
    assert path.stat().st_size > PARALLEL_BYTES
    return path


@pytest.fixture(autouse=True)
def _two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_WORKERS, "2")


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    return write_export(tmp_path / "export.vcf", 6000)


def click_import(qtbot: QtBot, seen: dict[str, object]) -> None:
    """Press Import in the preview once it opens (the progress dialog opens before it)."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, ImportPreviewDialog) and widget.isVisible():
            act(widget)
        else:
            QTimer.singleShot(20, poll)

    def act(dialog: ImportPreviewDialog) -> None:
        table = dialog.findChild(QTableWidget, "importPreview")
        assert table is not None
        seen["rows"] = table.rowCount()
        seen["summary"] = dialog.summary.text()
        seen["unlisted"] = dialog.unlisted.text() if dialog.unlisted.isVisibleTo(dialog) else ""
        button = dialog.findChild(QPushButton, "importButton")
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, poll)


def test_a_big_import_runs_off_the_gui_thread_to_the_end(
    window: MainWindow, qtbot: QtBot, db: Database, big_file: Path
) -> None:
    seen: dict[str, object] = {}
    click_import(qtbot, seen)
    window.import_cards([big_file])
    qtbot.waitUntil(
        lambda: "Imported 6000 cards" in window.statusBar().currentMessage(), timeout=60000
    )
    assert seen["rows"] == PREVIEW_NEW  # the preview lists the first new cards
    assert str(seen["summary"]).startswith("6000 cards: 6000 new")
    more = 6000 - PREVIEW_NEW
    assert f"…and {more} more new contact" in str(seen["unlisted"])  # plural from the .qm
    assert ContactBook(db).count() == 6000
    qtbot.waitUntil(lambda: multiprocessing.active_children() == [], timeout=5000)


def test_cancel_stops_a_big_import_with_nothing_written(
    window: MainWindow, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    # Big enough that the import is still running when Cancel is pressed (half a second after
    # it starts, when the progress dialog shows), even on a fast machine.
    click_import(qtbot, {})
    window.import_cards([write_export(tmp_path / "export.vcf", 15000)])

    def importing() -> QProgressDialog | None:
        """The real import's progress dialog, once it shows cards written."""
        flows = ImportFlow.active
        if not flows or flows[0].request.dry_run or flows[0].progress is None:
            return None
        progress = flows[0].progress
        return progress if progress.isVisible() and progress.value() > 0 else None

    qtbot.waitUntil(lambda: importing() is not None, timeout=60000)
    progress = importing()
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Import cancelled" in window.statusBar().currentMessage(), timeout=10000
    )
    assert ContactBook(db).count() == 0
    assert multiprocessing.active_children() == []
