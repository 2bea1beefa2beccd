"""The parts of netdesk listed by module name: the command line's sub-command modules, the
window's features and its settings pages.

Each list is explicit and every module in it must exist: a missing one (a typo, a file left out
of a build) is an error naming it, never a feature that silently is not there. The bundle's spec
(packaging/netdesk.spec) collects every netdesk module, so the lists need no copy there.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from types import ModuleType


class MissingPart(ImportError):
    """A listed module does not exist."""


def listed_modules(names: Iterable[str]) -> Iterator[ModuleType]:
    for name in names:
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise  # something the module itself imports is missing: that error says what
            raise MissingPart(f"netdesk part {name!r} is listed but does not exist") from exc


__all__ = ["MissingPart", "listed_modules"]
