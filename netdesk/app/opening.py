"""Opening the database: one set of rules for the window and the command line (#16).

1. A file that exists and is not empty is checked with SQLite's quick_check before anything
   writes to it. The window checks on every start, on a worker thread
   (netdesk.ui.shell.first_paint). The command line checks when the last window on the file
   did not close — after a crash, a kill or a power cut, when damage is likely: a check of a
   large file costs about 0.4 s that every call of a script would otherwise pay.
2. A damaged file is never opened blindly. The window offers what SQLite can still read of it
   (``recover``) beside the newest good backup, and puts back the one the user chooses,
   keeping the damaged file as a "pre-restore" backup (netdesk.app.backups.restore_from). The
   command line says so, names the newest good backup, and changes nothing.
3. Opening migrates an older schema (netdesk.store.db.open_database).
4. A backup is made once a day, after the check passed, so a damaged copy never rotates good
   backups out (netdesk.app.backups.daily_if_due).
5. The window marks the file open while it has it (``begin_session``/``end_session``).

SQLAlchemy is imported only by ``open`` and ``open_for_command``: the window's first paint
uses the rest before the ORM is loaded. The backups module and its helpers load when a check,
a recovery or a backup needs them: the first paint only marks the session (#19).
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from netdesk.store import session_mark
from netdesk.store.common import DatabaseError
from netdesk.store.session_mark import left_open_by_a_crash

if TYPE_CHECKING:  # the handle the window and the command line pass around
    from netdesk.store.db import Database as Database  # noqa: PLC0414 (re-exported)


def __getattr__(name: str) -> object:
    """``Database``, the handle the window and the command line pass around, loaded when first
    asked for: it brings SQLAlchemy, which the first paint does without."""
    if name == "Database":
        from netdesk.store.db import Database

        return Database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class DamagedDatabase(DatabaseError):
    """The file failed its integrity check; nothing was changed."""


def damage(db_path: Path) -> str | None:
    """SQLite's quick_check of an existing, non-empty file: None when sound (or no file yet)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    from netdesk.app import backups

    return backups.damage(db_path)


def open(db_path: Path) -> Database:
    """Open (creating or migrating as needed); DatabaseError says in plain words why not."""
    from netdesk.store.db import open_database

    return open_database(db_path)


def begin_session(db_path: Path) -> bool:
    """The window has the file open; True when the previous window on it did not close."""
    return session_mark.begin(db_path)


def end_session(db_path: Path) -> None:
    session_mark.end(db_path)


def open_for_command(db_path: Path) -> Database:
    """The command line's open: rules 1–3 above, without asking anything."""
    if left_open_by_a_crash(db_path):
        problem = damage(db_path)
        if problem is not None:
            from netdesk.app import backups

            good = backups.newest_good(db_path)
            hint = (
                f"; the newest good backup is {good}\n"
                f"to use it: netdesk --db {db_path} restore {good} --yes"
                if good is not None
                else "; start netdesk to recover what can still be read"
            )
            raise DamagedDatabase(f"{db_path} is damaged ({problem}); nothing was changed{hint}")
    return open(db_path)


class Recovered(NamedTuple):
    """What SQLite could still read of a damaged file, in a file beside the backups."""

    path: Path
    contacts: int | None
    events: int | None
    follow_ups: int | None
    rows_lost: int


def recover(db_path: Path) -> Recovered | None:
    """Copy what can still be read into a new file; None when nothing can be recovered."""
    from netdesk.app import backups
    from netdesk.store.salvage import salvage

    folder = backups.folder(db_path)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        report = salvage(db_path, folder / f".recovered-{db_path.stem}.sqlite")
    except (DatabaseError, OSError):
        return None
    contacts, events, follow_ups = backups.content_counts(report.path)
    return Recovered(report.path, contacts, events, follow_ups, sum(report.lost.values()))


def discard(recovered: Recovered) -> None:
    with suppress(OSError):
        recovered.path.unlink(missing_ok=True)


__all__ = [
    "DamagedDatabase",
    "DatabaseError",
    "Recovered",
    "begin_session",
    "damage",
    "discard",
    "end_session",
    "left_open_by_a_crash",
    "open",
    "open_for_command",
    "recover",
]
