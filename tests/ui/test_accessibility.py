"""Accessibility: every control is named, the window fits a 200 % screen, dark palettes read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.importer import ImportReport, ImportRequest, run_import
from netdesk.app.messages import Message
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.interop.csv_reader import sniff
from netdesk.store.backups import BackupManager
from netdesk.store.db import Database
from netdesk.ui.contacts.contact_dialog import ContactDialog
from netdesk.ui.features.backups.backup_dialog import RestoreDialog
from netdesk.ui.followups.followup_dialogs import ComposeDialog, DateDialog, DoneDialog
from netdesk.ui.importing.csv_mapping_dialog import CsvMappingDialog
from netdesk.ui.importing.import_dialog import NEW_EVENT, ImportPreviewDialog
from netdesk.ui.shell.main_window import MainWindow
from netdesk.ui.shell.settings_dialog import SettingsDialog
from netdesk.ui.widgets.empty_state import EmptyState
from netdesk.ui.widgets.layout import error_colour
from tests.ui.conftest import TODAY

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
HD_SCREEN = {"name": "hd", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}


# -- names -----------------------------------------------------------------------------------------
def interactive(root: QWidget) -> Iterator[QWidget]:
    """Widgets the keyboard can reach, shown in ``root``, that are not part of another control
    (the line edit inside a spin box or combo box speaks through its owner)."""
    for widget in [root, *root.findChildren(QWidget)]:
        tab = Qt.FocusPolicy.TabFocus.value
        if not widget.focusPolicy().value & tab or not (widget is root or widget.isVisibleTo(root)):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue
        if isinstance(widget, QDialog | MainWindow):
            continue
        yield widget


def label_of(widget: QWidget, root: QWidget) -> str:
    """What names the widget: its accessible name, its own text, or a label it is buddy of."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if isinstance(widget, QTabBar) and all(widget.tabText(i) for i in range(widget.count())):
        return "tabs: " + ", ".join(widget.tabText(i) for i in range(widget.count()))
    for label in root.findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text()
    return ""


def unnamed(root: QWidget) -> list[str]:
    problems = []
    for widget in interactive(root):
        name = label_of(widget, root)
        spoken = QAccessible.queryAccessibleInterface(widget)
        heard = spoken.text(QAccessible.Text.Name) if spoken is not None else ""
        if not name or not heard:
            parent = widget.parentWidget()
            problems.append(
                f"{type(widget).__name__} '{widget.objectName()}' in "
                f"{type(parent).__name__} '{parent.objectName() if parent else ''}' of "
                f"{type(root).__name__}: no accessible name or buddy label"
            )
    return problems


def dry_run_report(db: Database) -> ImportReport:
    ContactBook(db).create(ContactData(full_name="Lucia Perez", organization="Estudio Norte"))
    steps = run_import(db, ImportRequest(files=[FIXTURES / "breakfast.vcf"], dry_run=True), "ES")
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            report: ImportReport = stop.value
            return report


def all_dialogs(db: Database, parent: QWidget, tmp: Path) -> list[QDialog]:
    """One of every dialog the main window opens, filled as a user would see it."""
    settings = QSettings(str(tmp / "dialogs.ini"), QSettings.Format.IniFormat)
    preview = ImportPreviewDialog(dry_run_report(db), [(1, "Breakfast (2026-11-19)")], parent)
    preview.event_box.setCurrentIndex(preview.event_box.findData(NEW_EVENT))
    raw = b"Invitado;Empresa;Correo\nMarta Soler;Soler;marta@soler.example\n"
    csv = tmp / "guests.csv"
    csv.write_bytes(raw)
    BackupManager(db.path).create("manual")
    return [
        ContactDialog(parent=parent),
        SettingsDialog(SettingsStore(db), settings, parent),
        preview,
        CsvMappingDialog(csv, sniff(raw), ["Marta Soler", "Soler", "m"], settings, parent),
        DoneDialog("Meeting — Ana", TODAY, True, parent),
        DateDialog("Snooze until", TODAY, parent),
        ComposeDialog(Message("ana@x.es", "Thanks", "Hello Ana"), parent),
        RestoreDialog(BackupManager(db.path).list(), parent),
    ]


def pages(dialog: QDialog) -> Iterator[int]:
    """Show each tab of a tabbed dialog in turn (once for dialogs without tabs)."""
    tabs = dialog.findChild(QTabWidget)
    if tabs is None:
        yield 0
        return
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield index


def test_every_control_of_the_main_window_is_named(
    window: MainWindow, db: Database, qtbot: QtBot
) -> None:
    ana = ContactBook(db).create(ContactData(full_name="Ana García"))
    FollowUps(db).add(ana, "thank_you", due=TODAY)
    window.refresh()
    window.select_contact(ana)
    problems = unnamed(window)
    for index in range(1, window.views.count()):
        window.views.setCurrentIndex(index)
        problems += unnamed(window)
    assert problems == []


def test_every_control_of_every_dialog_is_named(
    window: MainWindow, db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    problems: list[str] = []
    for dialog in all_dialogs(db, window, tmp_path):
        dialog.show()
        qtbot.waitExposed(dialog)
        for page in pages(dialog):
            problems += [f"{p} (page {page})" for p in unnamed(dialog)]
        dialog.reject()
    assert problems == []


def test_the_check_names_what_is_missing(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    named, buddy, bare = QLineEdit(), QLineEdit(), QLineEdit()
    named.setAccessibleName("Named")
    bare.setObjectName("bare")
    label = QLabel("&Buddy")
    label.setBuddy(buddy)
    for widget in (named, label, buddy, bare):
        layout.addWidget(widget)
    dialog.show()
    assert [p.split(" in ")[0] for p in unnamed(dialog)] == ["QLineEdit 'bare'"]


# -- 200 % scaling ---------------------------------------------------------------------------------
def clipped(root: QWidget) -> list[str]:
    """Labels and buttons given less room than their text needs."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            short = widget.height() + 1 < widget.heightForWidth(widget.width())
        else:
            hint = widget.minimumSizeHint()
            short = widget.width() + 1 < hint.width() or widget.height() + 1 < hint.height()
        if short:
            found.append(
                f"{type(root).__name__}: {type(widget).__name__} {widget.text()!r} is "
                f"{widget.width()}x{widget.height()}, needs {widget.minimumSizeHint().toTuple()}"
            )
    return found


def scaled_problems(language: str) -> list[str]:
    """Run in a process with QT_SCALE_FACTOR=2 on a 1920x1080 screen: what does not fit."""
    from netdesk.store.db import open_database
    from netdesk.ui import i18n
    from netdesk.ui.shell.app import make_application

    app = make_application([])
    i18n.install_translator(app, language)
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = open_database(tmp / "scaled.sqlite")
        settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db, settings, today=lambda: TODAY)
        window.show()
        app.processEvents()
        screen = window.screen()
        room = screen.availableGeometry()
        ratio = screen.devicePixelRatio()
        if ratio != 2:
            problems.append(f"the screen is not at 200 % (ratio {ratio})")
        least = window.minimumSizeHint().expandedTo(window.minimumSize())
        if least.width() * ratio > 1920 or least.height() * ratio > 1080:
            problems.append(f"main window needs {least.toTuple()} logical pixels at 200 %")
        if window.width() > room.width() or window.height() > room.height():
            problems.append(f"main window opens at {window.size().toTuple()} on {room}")
        problems += clipped(window)
        for dialog in all_dialogs(db, window, tmp):
            dialog.show()
            app.processEvents()
            if dialog.width() > room.width() or dialog.height() > room.height():
                problems.append(f"{type(dialog).__name__} opens at {dialog.size().toTuple()}")
            for _page in pages(dialog):
                app.processEvents()
                problems += clipped(dialog)
            dialog.reject()
        window.close()
        db.close()
    return problems


@pytest.mark.parametrize("language", ["en", "es"])
def test_usable_at_200_percent_on_a_1080p_screen(language: str, tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [HD_SCREEN]}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "2",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    code = (
        "import json\n"
        "from tests.ui.test_accessibility import scaled_problems\n"
        f"print('PROBLEMS', json.dumps(scaled_problems({language!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("PROBLEMS "))
    assert json.loads(line.removeprefix("PROBLEMS ")) == []


# -- dark palette ----------------------------------------------------------------------------------
def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#171717",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#303134",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#202124",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    before = qapp.palette()
    palette = dark_palette()
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


def colours_of(image: QImage) -> Callable[[QColor, int], int]:
    """How many pixels of the image lie within ``tolerance`` of a colour."""
    pixels = [
        image.pixelColor(x, y)
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    ]

    def count(colour: QColor, tolerance: int = 24) -> int:
        return sum(
            1
            for p in pixels
            if abs(p.red() - colour.red()) <= tolerance
            and abs(p.green() - colour.green()) <= tolerance
            and abs(p.blue() - colour.blue()) <= tolerance
        )

    return count


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_empty_state_draws_in_the_palettes_colours(dark: QPalette, qtbot: QtBot) -> None:
    state = EmptyState()
    qtbot.addWidget(state)
    state.resize(640, 420)
    state.show()
    qtbot.waitExposed(state)
    count = colours_of(state.grab().toImage())
    total = (640 // 2) * (420 // 2)
    assert count(dark.color(QPalette.ColorRole.Window)) > total * 0.7  # a dark page
    assert count(dark.color(QPalette.ColorRole.WindowText)) > 20  # light words on it
    assert count(QColor("#ffffff"), 8) == 0  # nothing painted in a fixed light colour


def test_bar_chart_follows_a_dark_palette(dark: QPalette, qtbot: QtBot) -> None:
    bar_chart = pytest.importorskip("netdesk.ui.widgets.bar_chart")
    chart = bar_chart.BarChart("Contacts per event")
    qtbot.addWidget(chart)
    chart.set_data(["Jan", "Feb"], [bar_chart.Series("Met", [3, 5])])
    chart.resize(400, 260)
    chart.show()
    qtbot.waitExposed(chart)
    count = colours_of(chart.grab().toImage())
    assert count(dark.color(QPalette.ColorRole.Window)) > 1000
    assert count(dark.color(QPalette.ColorRole.WindowText)) > 10
    assert count(QColor("#000000"), 8) == 0


def test_main_window_and_errors_read_on_a_dark_palette(
    dark: QPalette, make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    window = make_window()
    image = window.grab().toImage()
    count = colours_of(image)
    assert count(dark.color(QPalette.ColorRole.Window)) > image.width() * image.height() // 16
    dialog = ContactDialog(parent=window)
    error = QColor(error_colour(dialog))
    assert contrast(error, dark.color(QPalette.ColorRole.Window)) >= 4.5
    dialog.show_problems({"emails": "not an e-mail address"})
    label = dialog.findChild(QLabel, "error_emails")
    assert label is not None and error.name() in label.styleSheet()
    dialog.deleteLater()


def test_errors_read_on_a_light_palette_too(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    light = widget.palette().color(QPalette.ColorRole.Window)
    if light.lightness() < 128:
        pytest.skip("the default palette here is dark")
    assert contrast(QColor(error_colour(widget)), light) >= 4.5


def test_no_form_label_shows_a_literal_ampersand(window: MainWindow, qtbot: QtBot) -> None:
    """#14, point 5: "&Value when won" and "Your &hourly rate" showed their '&': a form row
    whose field is a layout gets no buddy, so the accelerator was never made."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    from netdesk.ui.features.events.events_page import EventDialog
    from netdesk.ui.features.referrals.referrals_page import ReferralDialog
    from netdesk.ui.shell.settings_dialog import SettingsDialog

    dialogs = [
        SettingsDialog(SettingsStore(window.db), window.settings, window),
        EventDialog(parent=window),
        ReferralDialog(window.context),
    ]
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        for form in dialog.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                text = label.text() if isinstance(label, QLabel) else ""
                if "&" in text.replace("&&", "") and label.buddy() is None:  # type: ignore[union-attr]
                    problems.append(f"{type(dialog).__name__}: {text!r}")
    assert problems == []


def test_open_in_mail_program_without_one_copies_and_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#14, point 3: "Open in mail program" closed silently when no mail program was set up."""
    from PySide6.QtGui import QDesktopServices, QGuiApplication

    from netdesk.ui.followups import followup_dialogs

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    # a desktop where nothing handles mailto: (xdg-mime answers with nothing)
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "xdg-mime").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (fake / "xdg-mime").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:{os.environ['PATH']}")
    dialog = ComposeDialog(Message("ana@x.es", "Thanks", "Hello Ana"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_mail.click()
    assert dialog.isVisible() and opened == []
    assert "No mail program is set up" in dialog.findChild(QLabel, "mailProblem").text()  # type: ignore[union-attr]
    assert "Hello Ana" in QGuiApplication.clipboard().text()
    # with a mail program the message goes to it and the dialog closes
    (fake / "xdg-mime").write_text("#!/bin/sh\necho thunderbird.desktop\n", encoding="utf-8")
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    assert followup_dialogs.mail_program_known()
    dialog.open_mail.click()
    assert not dialog.isVisible() and opened[0].startswith("mailto:ana@x.es")
