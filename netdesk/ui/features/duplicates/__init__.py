"""Find and merge duplicate contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.context import Context


def install(ctx: Context) -> None:
    from netdesk.ui.features.duplicates import duplicates_view

    duplicates_view.install(ctx)


__all__ = ["install"]
