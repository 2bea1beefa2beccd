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


def _recover(db_path: Path, manager: BackupManager) -> tuple[Path, str] | None:
    """What SQLite can still read of the damaged file, in a new file beside the backups, and
    a line saying what it holds; None when nothing can be recovered."""
    from netdesk.store.backups import content_counts
    from netdesk.store.salvage import salvage

    folder = manager.folder
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        report = salvage(db_path, folder / f".recovered-{db_path.stem}.sqlite")
    except (DatabaseError, OSError) as exc:
        log.warning("nothing recovered from the damaged database: %s", exc)
        return None
    contacts, events, follow_ups = content_counts(report.path)
    lost = sum(report.lost.values())
    line = QCoreApplication.translate(
        "startup",
        "contacts: {0}, events: {1}, planned follow-ups: {2}; rows that could not be read: {3}",
    ).format(contacts, events, follow_ups, lost)
    return report.path, line


def offer_restore(db_path: Path, problem: str, parent: QWidget | None = None) -> bool:
    """Tell the user the database is damaged; recover what SQLite can still read and show it
    beside the newest good backup, and put back the one the user chooses. The damaged file is
    kept aside (a "pre-restore" backup) whichever they choose."""
    from netdesk.ui.i18n import Reasons

    problem = Reasons().damage(problem, db_path)
    manager = BackupManager(db_path)
    backup = newest_good_backup(manager)
    recovered = _recover(db_path, manager)
    if backup is None and recovered is None:
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
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("startup", "The database is damaged"))
    parts = [
        QCoreApplication.translate("startup", "The database {0} is damaged ({1}).").format(
            db_path, problem
        )
    ]
    use_recovered = use_backup = None
    if recovered is not None:
        parts.append(
            QCoreApplication.translate("startup", "Recovered from it: {0}.").format(recovered[1])
        )
        use_recovered = box.addButton(
            QCoreApplication.translate("startup", "Use what was &recovered"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        use_recovered.setObjectName("useRecovered")
    if backup is not None:
        parts.append(
            QCoreApplication.translate("startup", "Newest good backup: {0}.").format(
                describe_backup(backup)
            )
        )
        use_backup = box.addButton(
            QCoreApplication.translate("startup", "Restore the &backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        use_backup.setObjectName("useBackup")
    parts.append(
        QCoreApplication.translate(
            "startup", "The damaged file is kept as a backup whichever you choose."
        )
    )
    box.setText("\n\n".join(parts))
    box.addButton(QMessageBox.StandardButton.Cancel)
    default = use_recovered or use_backup
    if default is not None:
        box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()
    chosen = None
    if clicked is not None and clicked is use_recovered and recovered is not None:
        chosen = recovered[0]
    elif clicked is not None and clicked is use_backup:
        chosen = backup
    try:
        if chosen is None:
            return False
        restore(db_path, chosen, manager)
    except DatabaseError as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("startup", "Restore failed"), str(exc)
        )
        return False
    finally:
        if recovered is not None:
            recovered[0].unlink(missing_ok=True)
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
        from netdesk.ui.i18n import Reasons

        QMessageBox.critical(
            parent,
            QCoreApplication.translate("startup", "netdesk cannot open its database"),
            Reasons().database(exc),
        )
        return None
    try:
        made = BackupManager(db_path).daily_if_due()
        if made is not None:
            log.info("daily backup written")
    except DatabaseError as exc:  # a failed backup must not keep the user from working
        log.warning("daily backup failed: %s", exc)
    return db
