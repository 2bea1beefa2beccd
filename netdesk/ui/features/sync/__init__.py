"""CardDAV/CalDAV sync: the menu, accounts in the settings, conflicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from netdesk.app.settings_store import SettingsStore
    from netdesk.ui.context import Context, SettingsPage


def install(ctx: Context) -> None:
    from netdesk.ui.features.sync import sync_menu

    sync_menu.install(ctx)


def settings_page(store: SettingsStore, qsettings: QSettings, parent: QWidget) -> SettingsPage:
    from netdesk.ui.features.sync import accounts_settings

    return accounts_settings.settings_page(store, qsettings, parent)


__all__ = ["install", "settings_page"]
