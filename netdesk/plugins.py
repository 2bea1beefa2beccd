"""Optional parts of netdesk, found by module name.

The command line and the window each list the modules that add to them (sub-commands, menus,
views, settings pages). A module left out of a build is skipped; an import error inside a module
that is present is a real bug and is raised.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from types import ModuleType


def optional_modules(names: Iterable[str]) -> Iterator[ModuleType]:
    for name in names:
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
