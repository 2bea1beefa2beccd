"""The contact view says plainly when you are selling, and how referrals flow both ways."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.referrals import ReferralData, ReferralLedger
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import detail_shown


def test_mostly_asks_shows_the_selling_warning_and_referrals_both_ways(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    book, fu = ContactBook(db), FollowUps(db)
    seller = book.create(ContactData(full_name="Pushy Target"))
    friend = book.create(ContactData(full_name="Good Friend"))
    day = dt.date(2026, 10, 1)
    for i, intent in enumerate(["give", "ask", "ask", "ask"]):
        fu.add(seller, "call", intent=intent, status="done", done_date=day + dt.timedelta(i))
    for i, intent in enumerate(["give", "connect", "ask"]):
        fu.add(friend, "call", intent=intent, status="done", done_date=day + dt.timedelta(i))
    ledger = ReferralLedger(db)
    ledger.add(ReferralData("given", friend, date=day))
    ledger.add(ReferralData("given", friend, date=day))
    ledger.add(ReferralData("received", friend, date=day))
    window.refresh()

    window.select_contact(seller)
    detail_shown(qtbot, window)
    warning = window.detail.warning
    assert not warning.isHidden()
    assert warning.text().startswith("You're selling, not networking")
    assert "Pushy Target" in warning.text()
    detail_shown(qtbot, window)
    assert window.detail.referrals.isHidden()  # no referrals either way

    window.select_contact(friend)
    detail_shown(qtbot, window)
    assert warning.isHidden()
    assert window.detail.referrals.text() == "Referrals: you gave 2 · they gave you 1"
