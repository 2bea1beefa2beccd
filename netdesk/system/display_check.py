"""Before the window opens on X11: are the system libraries Qt's xcb plugin needs there?

Without them Qt prints a page about plugins and aborts the process (exit code 134) — what a
fresh Debian or Ubuntu machine does on the README's first command. netdesk checks first and
says in one line which packages to install. Qt-free, so it runs before Qt is loaded.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

# The libraries Qt 6's xcb platform plugin links (ldd libQt6XcbQpa.so.6) and their Debian and
# Ubuntu packages.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Qt will pick its xcb plugin: Linux, no other platform asked for, no Wayland session."""
    env = os.environ if environ is None else environ
    chosen = env.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux"):
        return False
    if chosen:
        return chosen.split(":", 1)[0].split(";", 1)[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def missing_packages(loads: Callable[[str], bool] | None = None) -> list[str]:
    load = loads or _loads
    return [package for library, package in XCB_LIBRARIES.items() if not load(library)]


def xcb_problem(
    environ: dict[str, str] | None = None,
    loads: Callable[[str], bool] | None = None,
    platform: str = sys.platform,
) -> str:
    """One line for the user when the window cannot open on X11; "" when it can."""
    if not uses_xcb(environ, platform):
        return ""
    missing = missing_packages(loads)
    if not missing:
        return ""
    return (
        "netdesk: the window needs X11 libraries this system lacks; install them with "
        f"'sudo apt install {' '.join(missing)}' (Debian/Ubuntu; other systems: the xcb "
        "libraries Qt 6 needs), or use the command line (netdesk --help)"
    )


# What Qt's own libraries need from the system, for an ImportError naming one of them.
QT_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def library_hint(error: str) -> str:
    """The package to install for a library an ImportError names."""
    for library, package in {**QT_LIBRARIES, **XCB_LIBRARIES}.items():
        if library in error:
            return f"netdesk: install it with 'sudo apt install {package}' (Debian/Ubuntu)"
    return "netdesk: Qt's system libraries are incomplete; the command line still works"
