"""Find and merge duplicate contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.shell.main_window import MainWindow


def install(window: MainWindow) -> None:
    from netdesk.ui.features.duplicates import duplicates_view

    duplicates_view.install(window)


__all__ = ["install"]
