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
    """``netdesk/_resources`` beside this module when installed (wheel or bundle), else the
    checkout's ``resources/`` (an editable install keeps it there)."""
    here = Path(__file__).resolve().parent
    installed = here / "_resources"
    if installed.is_dir():
        return installed
    return here.parent / "resources"


def path(*parts: str) -> Path:
    return root().joinpath(*parts)


def app_icon() -> Path:
    return path("icons", f"{APP_ID}.svg")
