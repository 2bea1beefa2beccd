"""Finding the files in the top-level ``resources/`` folder, installed or not.

The build maps ``resources/`` into the wheel as the package ``netdesk._resources``; in a source
checkout the folder is read where it is. Everything else asks this module, never a path.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

APP_ID = "io.github.netdesk.Netdesk"


@cache
def root() -> Path:
    """``netdesk/_resources`` in the installed package (wheel or bundle), else the checkout's
    ``resources/`` (an editable install keeps it there)."""
    package = Path(__file__).resolve().parents[1]  # netdesk/, this module is netdesk/system/
    installed = package / "_resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def path(*parts: str) -> Path:
    return root().joinpath(*parts)


def app_icon() -> Path:
    return path("icons", f"{APP_ID}.svg")
