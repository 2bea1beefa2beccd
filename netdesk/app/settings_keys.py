"""The settings the command line may read and change, with what each holds.

``netdesk settings get|set`` goes through this table and :class:`SettingsStore`, the same store
the window's Settings dialog writes, so a value set here is what the window shows. A value is
checked before it is stored; a key not listed is refused with the list of those that are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from netdesk.app.interactions import (
    BULK_RECIPIENTS,
    COMPLETION_WINDOW,
    DEFAULTS,
    EXCLUSIONS,
    MEETING_ATTENDEES,
    MY_ADDRESSES,
    SCAN_INTERVAL,
    STORE_SUBJECTS,
)
from netdesk.app.settings_store import SettingsStore
from netdesk.store.db import Database

__all__ = ["KEYS", "SettingError", "SettingKey", "get_setting", "set_setting"]


class SettingError(ValueError):
    """A key that is not a setting, or a value it cannot hold; the message says which."""


def _text(raw: str) -> str:
    return raw.strip()


def _whole(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise SettingError(f"{raw!r} is not a whole number") from None
    if value < 0:
        raise SettingError(f"{raw!r} is below zero")
    return value


def _yes_no(raw: str) -> bool:
    words = {"yes": True, "true": True, "on": True, "1": True}
    words |= {"no": False, "false": False, "off": False, "0": False}
    if raw.strip().lower() not in words:
        raise SettingError(f"{raw!r} is not yes or no")
    return words[raw.strip().lower()]


def _language(raw: str) -> str:
    if raw.strip().lower() not in ("en", "es"):
        raise SettingError(f"{raw!r} is not a language netdesk writes in (en or es)")
    return raw.strip().lower()


def _region(raw: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", raw.strip()):
        raise SettingError(f"{raw!r} is not a two-letter country code such as ES or US")
    return raw.strip().upper()


def _addresses(raw: str) -> list[str]:
    """A JSON list, or addresses separated by commas or spaces."""
    text = raw.strip()
    if text.startswith("["):
        try:
            value = json.loads(text)
        except ValueError:
            raise SettingError(f"{raw!r} is not a JSON list") from None
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise SettingError(f"{raw!r} is not a list of texts")
        return [v.strip() for v in value if v.strip()]
    return [part for part in re.split(r"[,\s]+", text) if part]


@dataclass(frozen=True)
class SettingKey:
    name: str
    meaning: str
    parse: Callable[[str], Any]


KEYS: dict[str, SettingKey] = {
    k.name: k
    for k in (
        SettingKey("my_name", "your name, as messages sign it", _text),
        SettingKey("message_language", "language of drafted messages: en or es", _language),
        SettingKey("phone_region", "country for phone numbers written without +", _region),
        # the mail settings, with the defaults the scans themselves use
        SettingKey(MY_ADDRESSES, "your own e-mail addresses (mail scans)", _addresses),
        SettingKey(EXCLUSIONS, "addresses and domains mail scans leave out", _addresses),
        SettingKey(BULK_RECIPIENTS, "a mail to more people is a bulk send", _whole),
        SettingKey(MEETING_ATTENDEES, "a meeting with more is a conference", _whole),
        SettingKey(STORE_SUBJECTS, "keep mail subjects in the timeline: yes/no", _yes_no),
        SettingKey(COMPLETION_WINDOW, "days a mail may complete a follow-up early", _whole),
        SettingKey(SCAN_INTERVAL, "scan mail every N minutes (0: never)", _whole),
    )
}


def _key(name: str) -> SettingKey:
    key = KEYS.get(name)
    if key is None:
        known = ", ".join(sorted(KEYS))
        raise SettingError(f"{name!r} is not a setting; the settings are: {known}")
    return key


def get_setting(db: Database, name: str) -> Any:
    """The stored value of a setting, else its default (None: not set, nothing assumed)."""
    key = _key(name)
    return SettingsStore(db).get(key.name, DEFAULTS.get(key.name))


def set_setting(db: Database, name: str, raw: str) -> Any:
    """Check ``raw`` for the setting ``name``, store it, and return the value stored."""
    key = _key(name)
    try:
        value = key.parse(raw)
    except SettingError as exc:
        raise SettingError(f"{name}: {exc}") from None
    SettingsStore(db).set(key.name, value)
    return value
