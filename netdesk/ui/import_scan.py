"""PySide6 reads the source of every module imported after it; netdesk's own need not be read.

PySide6's import hook asks, for each newly imported module, whether its source text names
PySide6 (to apply ``from __feature__ import snake_case`` and the like per module). That reads
and splits the whole file: ~0.25 ms a module, 14-18 ms of the 59 modules the window imports
before its first paint on the two-core bench machine (#19), and more from a cold disk.

netdesk uses no ``__feature__``. Its own modules are answered "uses PySide6" and the
standard library's "does not" without reading them; that is what the scan concludes for a
module naming PySide6 and for the standard library, and either answer means the default
feature set. Any other module is scanned as before. If a PySide6 release moves the hook,
nothing is changed (tests/ui/test_first_paint_lean.py notices).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

_STDLIB = sys.stdlib_module_names


def quicken() -> bool:
    """Answer for netdesk's and the standard library's modules; True when installed."""
    feature: Any = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if not callable(scan) or not isinstance(getattr(feature, "pyside_feature_dict", None), dict):
        return False
    if getattr(scan, "netdesk_quick", False):
        return True
    feature._mod_uses_pyside = _quick(scan)
    return True


def _quick(scan: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        top = name.partition(".")[0]
        if top == "netdesk":
            return True
        if top in _STDLIB:
            return False
        return scan(module)

    uses_pyside.netdesk_quick = True  # type: ignore[attr-defined]
    return uses_pyside


__all__ = ["quicken"]
