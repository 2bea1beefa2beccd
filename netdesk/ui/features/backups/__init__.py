"""The backup kept after each session and restoring from a backup."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.context import Context


def install(ctx: Context) -> None:
    from netdesk.ui.features.backups import session_backup

    session_backup.install(ctx)


__all__ = ["install"]
