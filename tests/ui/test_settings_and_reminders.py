"""Settings edit the playbook, templates and tiers; reminders count and notify once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QSpinBox,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from netdesk.app.cadence import TIERS_KEY
from netdesk.app.contacts import ContactBook
from netdesk.app.playbook import SETTING_KEY, FollowUpPlaybook
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.system import autostart
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY, when_dialog_opens
from tests.ui.languages import language  # noqa: F401  (a fixture)


def test_settings_change_a_step_its_spanish_template_and_tiers(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    def act(dialog: QDialog) -> None:
        steps = dialog.findChild(QTableWidget, "playbookSteps")
        assert steps is not None and steps.rowCount() == 3
        delay = steps.cellWidget(1, 2)
        assert isinstance(delay, QSpinBox)
        delay.setValue(5)
        steps.selectRow(0)
        template_language = dialog.template_language  # type: ignore[attr-defined]
        template_language.setCurrentIndex(template_language.findData("es"))
        subject = dialog.findChild(QLineEdit, "templateSubject")
        assert subject is not None and subject.text() == "Un placer conocerte en {event}"
        subject.selectAll()
        qtbot.keyClicks(subject, "¡Gracias por venir a {event}!")
        weekends = dialog.findChild(QCheckBox, "skipWeekends")
        assert weekends is not None
        weekends.setChecked(True)
        name = dialog.findChild(QLineEdit, "myName")
        assert name is not None
        qtbot.keyClicks(name, "Marta Soler")
        tiers = dialog.findChild(QTableWidget, "tiers")
        assert tiers is not None
        item = tiers.item(0, 1)
        assert item is not None
        item.setText("21")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(
            box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    when_dialog_opens(qtbot, act)
    window.settings_action.trigger()
    store = SettingsStore(db)
    playbook = FollowUpPlaybook.from_json(store.get(SETTING_KEY))
    assert [s.delay_days for s in playbook.steps] == [1, 5, 21]
    assert playbook.steps[0].subject["es"] == "¡Gracias por venir a {event}!"
    assert playbook.steps[0].subject["en"] == "Great to meet you at {event}"
    assert playbook.skip_weekends is True
    assert store.get("my_name") == "Marta Soler"
    assert store.get(TIERS_KEY)["A"] == 21


def test_autostart_entry_is_written_and_removed() -> None:
    autostart.set_enabled(True)
    text = autostart.autostart_file().read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Exec=" in text and "--minimized" in text
    assert autostart.is_enabled()
    autostart.set_enabled(False)
    assert not autostart.autostart_file().exists()


def test_reminders_count_and_notify_each_follow_up_once(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Ana"))
    fu = FollowUps(db)
    fu.add(cid, "thank_you", due=TODAY - dt.timedelta(days=1))
    seen: list[tuple[str, str]] = []
    window.reminders.notified.connect(lambda t, m: seen.append((t, m)))
    window.reminders.start()
    assert window.reminders.count == 1
    assert window.due_label.text() == "1 due today"
    assert seen == [("Follow-ups due", "1 follow-ups are due today or overdue.")]
    window.reminders.check()
    assert len(seen) == 1  # nothing new, no new notification
    fu.add(cid, "meeting", due=TODAY)
    window.reminders.check()
    assert seen[-1] == ("Follow-up due", "Ana")
    assert window.reminders.count == 2
    # Two newly due at once (and one not yet due): one notification each, by due date.
    bea = ContactBook(db).create(ContactData(full_name="Bea"))
    fu.add(bea, "meeting", due=TODAY)
    fu.add(cid, "share_content", due=TODAY - dt.timedelta(days=3))
    fu.add(bea, "thank_you", due=TODAY + dt.timedelta(days=1))
    window.reminders.check()
    assert seen[2:] == [("Follow-up due", "Ana"), ("Follow-up due", "Bea")]
    assert window.reminders.count == 4
    window.reminders.timer.stop()


def test_reminders_respect_the_setting(window: MainWindow, db: Database) -> None:
    cid = ContactBook(db).create(ContactData(full_name="Ana"))
    FollowUps(db).add(cid, "thank_you", due=TODAY)
    window.settings.setValue("reminders/enabled", False)
    seen: list[str] = []
    window.reminders.notified.connect(lambda t, _m: seen.append(t))
    window.reminders.check(first=True)
    assert window.reminders.count == 1 and seen == []


def test_settings_shortcut(window: MainWindow) -> None:
    assert window.settings_action.shortcut().toString() == "Ctrl+,"


def test_playbook_shows_kinds_and_intents_in_the_language_not_internal_names(
    db: Database,
    tmp_path: Path,
    qtbot: QtBot,
    language: Callable[[str], str],  # noqa: F811  (the fixture)
) -> None:
    """#14, point 4: "thank_you" and "give" were shown to the user; point 5: the Kind column
    cut "share_content" to "are_content"."""
    from PySide6.QtWidgets import QComboBox

    from netdesk.ui.shell.settings_dialog import SettingsDialog

    language("es")
    store = SettingsStore(db)
    dialog = SettingsDialog(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.show()
    steps = dialog.steps
    shown = []
    for row in range(steps.rowCount()):
        kind, intent = steps.cellWidget(row, 1), steps.cellWidget(row, 3)
        assert isinstance(kind, QComboBox) and isinstance(intent, QComboBox)
        shown += [kind.currentText(), intent.currentText()]
        assert kind.width() >= kind.sizeHint().width() - 4  # not cut
    assert "thank_you" not in shown and "give" not in shown and "share_content" not in shown
    assert "Compartir contenido" in shown
    # a typed kind of one's own still works, and the known ones are saved by their names
    own = steps.cellWidget(0, 1)
    assert isinstance(own, QComboBox)
    own.setEditText("Café virtual")
    dialog._save()
    saved = FollowUpPlaybook.from_json(store.get(SETTING_KEY))
    assert saved.steps[0].kind == "café_virtual"
    assert {s.kind for s in saved.steps[1:]} <= {"thank_you", "meeting", "share_content"}
    assert {s.intent for s in saved.steps} <= {"give", "connect", "ask"}
    assert store.get("message_language") == "es"  # a Spanish window writes Spanish messages
