"""The dashboard: was each event worth its hours and money."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.shell.main_window import MainWindow


def install(window: MainWindow) -> None:
    from netdesk.ui.features.dashboard import dashboard_page

    dashboard_page.install(window)


__all__ = ["install"]
