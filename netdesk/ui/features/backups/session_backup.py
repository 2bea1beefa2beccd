"""A backup when the window closes after a session that changed data, not only once a day.

Any change the window makes or undoes (the undo stack moves) or shows (contacts changed, by the
window, an import, a sync or a pick-up) marks the session; Launch.close then writes a "session"
backup through SQLite's backup API, under a name that never overwrites another, and prunes.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from netdesk.app.backups import DatabaseError, after_session

if TYPE_CHECKING:
    from netdesk.ui.context import Context

log = logging.getLogger(__name__)


class SessionChanges:
    def __init__(self, ctx: Context) -> None:
        self.changed = False
        ctx.contactsChanged.connect(self.mark)
        ctx.undo_stack.indexChanged.connect(lambda _i: self.mark())

    def mark(self) -> None:
        self.changed = True


def back_up_if_changed(ctx: Context, db_path: Path) -> Path | None:
    """The session's backup, when the session changed anything; never raises."""
    changes = ctx.parts.get("session_changes")
    if not isinstance(changes, SessionChanges) or not changes.changed:
        return None
    try:
        made = after_session(db_path)
    except (DatabaseError, OSError) as exc:  # a failed backup must not lose the quit
        log.warning("session backup failed: %s", exc)
        return None
    log.info("session backup written: %s", made.name)
    changes.changed = False
    return made


def install(ctx: Context) -> None:
    ctx.add_part("session_changes", SessionChanges(ctx))
