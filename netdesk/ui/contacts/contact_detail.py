"""What the detail pane shows of the selected contact, gathered from the use cases: details,
timeline (follow-ups, events, mails and meetings), the card photo, the selling warning,
referral reciprocity and relationship strength with its parts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.shell.main_window import MainWindow


def show_detail(window: MainWindow, contact_id: int) -> None:
    from netdesk.app import strength
    from netdesk.app.balance import selling_warning
    from netdesk.app.cadence import KeepInTouch
    from netdesk.app.card_review import card_image
    from netdesk.app.referrals import ReferralLedger

    try:
        data = window.book.get(contact_id)
    except LookupError:
        window.detail.show_nothing()
        return
    detail = window.detail
    detail.show_contact(data, window.followups.timeline(contact_id))
    detail.show_card(*(card_image(window.db, contact_id) or (None,)))
    given_received = ReferralLedger(window.db).reciprocity(contact_id)
    detail.show_relationship(
        data.display_name(),
        selling_warning(window.db, contact_id),
        given_received.given,
        given_received.received,
    )
    detail.show_strength(strength.of_contact(window.db, contact_id, dt.date.today()))
    detail.show_cadence(KeepInTouch(window.db).cadence_of(contact_id))
