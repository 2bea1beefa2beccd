"""A watched folder of card photos: what a phone syncs there is picked up once and waits.

Photos that Syncthing, Nextcloud or a USB copy puts in the folder the user chose (the
``capture_folder`` setting) are imported like any photo — QR contacts exactly, paper cards "to
review" — each file once: its path, size and modification time are remembered, so a photo is
not imported again, and one edited or replaced under the same name is. A file changed in the
last few seconds is left for the next look (it may still be arriving).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Generator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from netdesk.app.importer import ImportProgress, ImportReport, ImportRequest, run_import
from netdesk.app.playbook import FollowUpPlaybook
from netdesk.capture.images import is_image_path
from netdesk.store.db import Database
from netdesk.store.models import CapturedFile, table_of

SETTING = "capture_folder"
SETTLE_SECONDS = 5.0  # a file younger than this may still be being written
MOST_AT_ONCE = 200  # photos per pick-up; the rest wait for the next look


def _candidates(folder: Path) -> list[tuple[Path, int, int]]:
    found = []
    now = time.time()
    for path in sorted(folder.rglob("*")):
        if not is_image_path(path) or path.name.startswith("."):
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        if not path.is_file() or now - info.st_mtime < SETTLE_SECONDS:
            continue
        found.append((path, info.st_size, info.st_mtime_ns))
    return found


def new_photos(db: Database, folder: Path) -> list[Path]:
    """The photos in ``folder`` (and below) not picked up yet, oldest name first."""
    return [path for path, _size, _mtime in _new(db, folder)]


def _new(db: Database, folder: Path) -> list[tuple[Path, int, int]]:
    if not folder.is_dir():
        return []
    with db.session() as session:
        seen = {
            (row.path, row.size, row.mtime_ns)
            for row in session.execute(
                select(CapturedFile.path, CapturedFile.size, CapturedFile.mtime_ns)
            )
        }
    fresh = [c for c in _candidates(folder) if (str(c[0]), c[1], c[2]) not in seen]
    return fresh[:MOST_AT_ONCE]


def pick_up(
    db: Database, folder: Path, region: str, playbook: FollowUpPlaybook | None = None
) -> Generator[ImportProgress, None, ImportReport | None]:
    """Import the new photos as one batch (undoable like any import) and remember each file,
    read or rejected; None when there was nothing new."""
    found = _new(db, folder)
    if not found:
        return None
    photos = [path for path, _size, _mtime in found]
    report = yield from run_import(db, ImportRequest(files=photos), region, playbook)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [
        {
            "path": str(path),
            "size": size,
            "mtime_ns": mtime,
            "batch_id": report.batch_id,
            "picked_at": now,
        }
        for path, size, mtime in found
    ]
    if rows:
        with db.session() as session:
            statement = insert(table_of(CapturedFile)).values(rows)
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=["path"],
                    set_={
                        "size": statement.excluded.size,
                        "mtime_ns": statement.excluded.mtime_ns,
                        "batch_id": statement.excluded.batch_id,
                        "picked_at": statement.excluded.picked_at,
                    },
                )
            )
    return report


__all__ = ["SETTING", "new_photos", "pick_up"]
