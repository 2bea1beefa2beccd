"""The referrals ledger in the window: record one, win it and thank the referrer, undo."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDoubleSpinBox, QMessageBox
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.referrals import ReferralLedger
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY, when_dialog_opens


def test_a_won_referral_offers_a_thank_you_and_the_ledger_undoes(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    book = ContactBook(db)
    carmen = book.create(ContactData(full_name="Carmen Referrer"))
    book.create(ContactData(full_name="Diego Client"))
    window.refresh()
    page = window.context.parts["referrals_page"]  # type: ignore[attr-defined]
    window.views.setCurrentWidget(page)
    assert page.empty.isVisible()
    answered: list[str] = []

    def fill(dialog: QDialog) -> None:
        contact = dialog.findChild(QComboBox, "referralContact")
        status = dialog.findChild(QComboBox, "referralStatus")
        value = dialog.findChild(QDoubleSpinBox, "referralValue")
        assert contact is not None and status is not None and value is not None
        contact.setCurrentIndex(contact.findData(carmen))
        status.setCurrentIndex(status.findData("won"))
        value.setValue(1500)

        def say_yes(box: QDialog) -> None:
            assert isinstance(box, QMessageBox)
            answered.append(box.text())
            box.button(QMessageBox.StandardButton.Yes).click()

        when_dialog_opens(qtbot, say_yes)
        qtbot.keyClick(value, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, fill)
    page.new_referral()
    rows = ReferralLedger(db).list()
    assert [(r.direction, r.contact, r.status, r.value) for r in rows] == [
        ("received", "Carmen Referrer", "won", Decimal("1500.00"))
    ]
    assert answered and "thank-you" in answered[0]
    thanks = [t for t in FollowUps(db).due(TODAY, 7) if t.kind == "thank_you"]
    assert [(t.contact, t.intent) for t in thanks] == [("Carmen Referrer", "give")]
    assert page.model.rowCount() == 1 and page.model.text(0, 2) == "Carmen Referrer"

    page.table.selectRow(0)
    page.delete_selected()
    assert ReferralLedger(db).list() == [] and page.table.isHidden()
    window.undo_stack.undo()
    assert len(ReferralLedger(db).list()) == 1 and page.model.rowCount() == 1


def test_a_new_referral_is_credited_where_the_relationship_began_and_names_are_searchable(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    """#14, points 2 and 3: the event was only credited when picked by hand, and the contact
    picker was an unsearchable list of everyone."""
    import datetime as dt

    from netdesk.app.events import EventBook
    from netdesk.ui.features.referrals.referrals_page import ReferralDialog

    book = ContactBook(db)
    for i in range(30):
        book.create(ContactData(full_name=f"Filler Person {i:02d}"))
    carmen = book.create(ContactData(full_name="Carmen Ruiz Referrer"))
    events = EventBook(db)
    later = events.create("Autumn mixer", date=dt.date(2026, 10, 1))
    first = events.create("Spring breakfast", date=dt.date(2026, 4, 1))
    events.add_attendees(later, [carmen], schedule=False)
    events.add_attendees(first, [carmen], schedule=False)

    dialog = ReferralDialog(window.context)
    qtbot.addWidget(dialog)
    contact = dialog.findChild(QComboBox, "referralContact")
    event = dialog.findChild(QComboBox, "referralEvent")
    assert contact is not None and event is not None
    assert event.currentData() is None
    # typing part of the name finds her among everyone
    contact.setFocus()
    contact.lineEdit().clear()  # type: ignore[union-attr]
    qtbot.keyClicks(contact.lineEdit(), "ruiz")
    completer = contact.completer()
    assert completer is not None and completer.completionCount() == 1
    assert completer.currentCompletion() == "Carmen Ruiz Referrer"
    contact.setCurrentIndex(contact.findText(completer.currentCompletion()))
    assert event.currentData() == first  # where the relationship began
    assert dialog.referral_data().event_id == first
    assert dialog.referral_data().contact_id == carmen
    # the user's own pick stays, whoever is chosen afterwards
    event.setCurrentIndex(event.findData(later))
    event.activated.emit(event.currentIndex())
    contact.setCurrentIndex(contact.findData(carmen))
    assert dialog.referral_data().event_id == later
    # a name typed that is nobody's is not a contact
    contact.setEditText("Nobody at all")
    assert dialog.referral_data().contact_id is None
