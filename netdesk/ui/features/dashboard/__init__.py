"""The dashboard: was each event worth its hours and money."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.context import Context


def install(ctx: Context) -> None:
    from netdesk.ui.features.dashboard import dashboard_page

    dashboard_page.install(ctx)


__all__ = ["install"]
