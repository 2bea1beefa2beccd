"""Whether the last window on a database closed cleanly: a marker file beside the database
while a window has it open. After a crash (or a kill, or a power cut) the marker is still there,
and the next start waits for the integrity check before anything may write."""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

SUFFIX = "-session"


def marker(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def begin(db_path: Path) -> bool:
    """Mark the database open in a window; True when the previous window did not close."""
    path = marker(db_path)
    crashed = path.exists()
    with suppress(OSError):  # a read-only folder: every start then counts as clean
        path.write_text(f"{os.getpid()}\n", encoding="ascii")
    return crashed


def end(db_path: Path) -> None:
    """The window closed cleanly."""
    with suppress(OSError):
        marker(db_path).unlink()


def left_open_by_a_crash(db_path: Path) -> bool:
    """The session mark is there and the process that wrote it is gone: the last window on the
    file did not close (a window still running is not a crash)."""
    try:
        text = marker(db_path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    try:
        pid = int(text)
    except ValueError:
        return True  # a mark we cannot read: assume the worst, the check is only time
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, another user's: not ours to judge
        return False
    return False


__all__ = ["begin", "end", "left_open_by_a_crash", "marker"]
