"""What happens between launching netdesk and seeing the window: the database is checked,
opened and backed up once a day; a damaged file is never opened blindly."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from netdesk.store.backups import BackupManager, newest_good_backup, quick_check, restore
from netdesk.store.db import Database, DatabaseError, open_database

log = logging.getLogger(__name__)


def offer_restore(db_path: Path, problem: str, parent: QWidget | None = None) -> bool:
    """Tell the user the database is damaged; restore the newest good backup if they agree."""
    manager = BackupManager(db_path)
    backup = newest_good_backup(manager)
    described = describe_backup(backup) if backup is not None else ""
    if backup is None:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("startup", "netdesk cannot open its database"),
            QCoreApplication.translate(
                "startup",
                "The database {0} is damaged ({1}) and there is no backup to restore. "
                "netdesk has not changed the file; keep a copy of it before trying anything.",
            ).format(db_path, problem),
        )
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("startup", "The database is damaged"),
        QCoreApplication.translate(
            "startup",
            "The database {0} is damaged ({1}).\n\nRestore the newest good backup, {2}? "
            "The damaged file is kept as a backup too.",
        ).format(db_path, problem, described),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore(db_path, backup, manager)
    except DatabaseError as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("startup", "Restore failed"), str(exc)
        )
        return False
    return True


def describe_backup(backup: Path) -> str:
    """ "netdesk-….sqlite, made 4 Dec 2026 18:20, with 212 contacts, 9 events and 31 planned
    follow-ups" — what the user needs to choose a backup."""
    import datetime as dt

    from netdesk.store.backups import content_counts
    from netdesk.ui.formatting import format_datetime

    contacts, events, follow_ups = content_counts(backup)
    made = dt.datetime.fromtimestamp(backup.stat().st_mtime, dt.UTC)
    return QCoreApplication.translate(
        "startup", "{0}, made {1} (contacts: {2}, events: {3}, planned follow-ups: {4})"
    ).format(
        backup.name,
        format_datetime(made),
        "?" if contacts is None else contacts,
        "?" if events is None else events,
        "?" if follow_ups is None else follow_ups,
    )


def open_checked(db_path: Path, parent: QWidget | None = None) -> Database | None:
    """The opened database, or None after telling the user why it cannot be opened."""
    if db_path.exists() and db_path.stat().st_size > 0:
        problem = quick_check(db_path)
        if problem is not None:
            log.error("database failed its integrity check: %s", problem)
            if not offer_restore(db_path, problem, parent):
                return None
    try:
        db = open_database(db_path)
    except DatabaseError as exc:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("startup", "netdesk cannot open its database"),
            str(exc),
        )
        return None
    try:
        made = BackupManager(db_path).daily_if_due()
        if made is not None:
            log.info("daily backup written")
    except DatabaseError as exc:  # a failed backup must not keep the user from working
        log.warning("daily backup failed: %s", exc)
    return db
