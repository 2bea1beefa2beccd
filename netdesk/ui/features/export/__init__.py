"""Export the book or a selection to vCard 3.0/4.0 and CSV."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.context import Context


def install(ctx: Context) -> None:
    from netdesk.ui.features.export import export_actions

    export_actions.install(ctx)


__all__ = ["install"]
