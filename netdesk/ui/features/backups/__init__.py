"""The backup kept after each session and restoring from a backup."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.shell.main_window import MainWindow


def install(window: MainWindow) -> None:
    from netdesk.ui.features.backups import session_backup

    session_backup.install(window)


__all__ = ["install"]
