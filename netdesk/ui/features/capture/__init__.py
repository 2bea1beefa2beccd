"""Cards read from photos: QR codes and OCR."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from netdesk.app.settings_store import SettingsStore
    from netdesk.ui.context import Context, SettingsPage


def install(ctx: Context) -> None:
    from netdesk.ui.features.capture import card_capture

    card_capture.install(ctx)


def settings_page(store: SettingsStore, qsettings: QSettings, parent: QWidget) -> SettingsPage:
    from netdesk.ui.features.capture import capture_settings

    return capture_settings.settings_page(store, qsettings, parent)


__all__ = ["install", "settings_page"]
