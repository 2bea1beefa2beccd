"""The detail pane's content for the selected contact: read on a worker thread
(netdesk.app.contact_view.gather through netdesk.ui.tasks.Reader), shown on the GUI thread."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from netdesk.ui.tasks import Reader

if TYPE_CHECKING:
    from netdesk.app.contact_view import ContactView
    from netdesk.ui.contacts.detail_pane import DetailPane
    from netdesk.ui.context import Context


def read_detail(ctx: Context, detail: DetailPane, reader: Reader | None, contact_id: int) -> Reader:
    """Read the contact's pane on a worker (netdesk.app.contact_view); the newest read shows.
    The reader is made at the first contact shown and kept for the next ones."""
    from netdesk.app.contact_view import gather

    if reader is None:
        reader = Reader(lambda view: show_view(detail, view), ctx, lambda: ctx.synchronous_tasks)
    db = ctx.db
    reader.read(lambda: gather(db, contact_id, dt.date.today()))
    return reader


def show_view(detail: DetailPane, view: ContactView | None) -> None:
    if view is None:
        detail.show_nothing()
        return
    detail.show_contact(view.data, view.timeline)
    detail.show_card(*(view.card or (None,)))
    detail.show_relationship(view.data.display_name(), view.selling, view.given, view.received)
    detail.show_strength(view.strength)
    detail.show_cadence(view.cadence)
