"""Finding the files in the top-level ``resources/`` folder, installed or not.

The build maps ``resources/`` into the wheel as the package ``netdesk._resources``; in a source
checkout the folder is read where it is. Everything else asks this module, never a path.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

APP_ID = "io.github.netdesk.Netdesk"


@cache
def root() -> Path:
    try:
        installed = Path(str(resources.files("netdesk._resources")))
    except ModuleNotFoundError:
        installed = None
    if installed is not None and installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def path(*parts: str) -> Path:
    return root().joinpath(*parts)


def app_icon() -> Path:
    return path("icons", f"{APP_ID}.svg")
