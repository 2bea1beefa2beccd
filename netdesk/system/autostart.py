"""Starting netdesk with the user's session (freedesktop autostart entry on Linux)."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

DESKTOP_ID = "io.github.netdesk.Netdesk"


def autostart_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / f"{DESKTOP_ID}.desktop"


def launch_command() -> str:
    """How this netdesk is started: the installed script, or this interpreter with -m."""
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "netdesk" and script.exists():
        return shlex.quote(str(script)) + " --minimized"
    return f"{shlex.quote(sys.executable)} -m netdesk --minimized"


def is_enabled() -> bool:
    return autostart_file().is_file()


def set_enabled(enabled: bool) -> None:
    path = autostart_file()
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=netdesk\n"
        "Comment=Follow-ups for your networking contacts\n"
        f"Exec={launch_command()}\n"
        f"Icon={DESKTOP_ID}\n"
        "X-GNOME-Autostart-enabled=true\n"
        "NoDisplay=true\n",
        encoding="utf-8",
    )
