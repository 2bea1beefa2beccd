"""Referrals given and received."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.shell.main_window import MainWindow


def install(window: MainWindow) -> None:
    from netdesk.ui.features.referrals import referrals_page

    referrals_page.install(window)


__all__ = ["install"]
