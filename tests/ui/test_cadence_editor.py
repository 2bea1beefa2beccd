"""Keep in touch from the contact editor and in the contact view (#14, point 3): the tier or a
cadence of its own is chosen where the contact is edited, shown where it is read, undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QSpinBox
from pytestqt.qtbot import QtBot

from netdesk.app.cadence import KeepInTouch
from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui.contacts.contact_dialog import ContactDialog
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import detail_shown, when_dialog_opens


def test_tier_and_own_cadence_from_the_editor_shown_and_undone(
    window: MainWindow, db: Database, qtbot: QtBot
) -> None:
    ana = ContactBook(db).create(ContactData(full_name="Ana García"))
    window.refresh()
    window.select_contact(ana)
    detail_shown(qtbot, window)
    assert window.detail.cadence.isHidden()
    keep = KeepInTouch(db)
    tiers = keep.tiers()
    assert tiers  # the default tiers A, B, C

    def choose_tier(dialog: QDialog) -> None:
        assert isinstance(dialog, ContactDialog)
        assert dialog.keep_in_touch is not None
        assert dialog.keep_in_touch.currentText() == "No reminder"
        dialog.keep_in_touch.setCurrentIndex(dialog.keep_in_touch.findData("A"))
        dialog.buttons.accepted.emit()

    when_dialog_opens(qtbot, choose_tier)
    window.edit_selected()
    assert keep.cadence_of(ana).tier == "A"
    detail_shown(qtbot, window)
    text = window.detail.cadence.text()
    assert text.startswith(f"Keep in touch: tier A, every {tiers['A']} days — next by ")

    def own_days(dialog: QDialog) -> None:
        assert isinstance(dialog, ContactDialog)
        assert dialog.keep_in_touch is not None
        assert dialog.keep_in_touch.currentData() == "A"
        dialog.keep_in_touch.setCurrentIndex(dialog.keep_in_touch.findData(""))
        spin = dialog.findChild(QSpinBox, "cadenceDays")
        assert spin is not None and spin.isEnabled()
        spin.setValue(45)
        dialog.buttons.accepted.emit()

    when_dialog_opens(qtbot, own_days)
    window.edit_selected()
    cadence = keep.cadence_of(ana)
    assert (cadence.tier, cadence.own_days, cadence.every) == (None, 45, 45)
    detail_shown(qtbot, window)
    assert window.detail.cadence.text().startswith("Keep in touch: every 45 days")

    window.undo_stack.undo()
    assert keep.cadence_of(ana).tier == "A"
    window.undo_stack.undo()
    assert keep.cadence_of(ana).every is None
    window.select_contact(ana)
    detail_shown(qtbot, window)
    assert window.detail.cadence.isHidden()
