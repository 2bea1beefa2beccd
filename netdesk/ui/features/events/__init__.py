"""The events page, and logging who was met at an event."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.context import Context


def install(ctx: Context) -> None:
    from netdesk.ui.features.events import events_page

    events_page.install(ctx)
    from netdesk.ui.features.events import met_at_event

    met_at_event.install(ctx)


__all__ = ["install"]
