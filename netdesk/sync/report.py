"""What a sync run tells its caller: progress while it runs, a report or a SyncError at the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


class SyncError(Exception):
    """The sync stopped; the message says why in plain words ("cannot reach …: …")."""


@dataclass(frozen=True)
class SyncProgress:
    stage: str  # "contacts" (reading the server), "uploads", "tasks"
    done: int
    total: int


Progress = Callable[[SyncProgress], None]


@dataclass
class SyncReport:
    account: str
    downloaded: int = 0  # contacts created or changed here from the server
    uploaded: int = 0  # cards written to the server
    deleted_here: int = 0
    deleted_there: int = 0
    conflicts: list[int] = field(default_factory=list)  # open SyncConflict ids
    skipped: list[str] = field(default_factory=list)  # items that could not be applied, and why
    tasks_published: int = 0
    tasks_completed: int = 0  # follow-ups marked done because their to-do was completed
    tasks_removed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


__all__ = ["Progress", "SyncError", "SyncProgress", "SyncReport"]
