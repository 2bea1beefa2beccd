"""Referrals given and received."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.context import Context


def install(ctx: Context) -> None:
    from netdesk.ui.features.referrals import referrals_page

    referrals_page.install(ctx)


__all__ = ["install"]
