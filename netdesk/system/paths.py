"""Where netdesk keeps its files: computed in one place, overridable for tests and portable use."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "netdesk"
DB_ENV = "NETDESK_DB"


# platformdirs is imported when a folder is asked for: a command given ``--db`` never needs it,
# and its import (tempfile, shutil, random) is ~9 ms of a 70 ms call (#19).


def data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    return data_dir() / "netdesk.sqlite"


def database_path(cli_value: str | None = None) -> Path:
    """``--db`` wins, then ``$NETDESK_DB``, then the user's data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_database()
