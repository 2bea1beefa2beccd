"""What happens between launching netdesk and seeing the window: the database is checked,
opened and backed up once a day; a damaged file is never opened blindly."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from netdesk.app import backups, opening
from netdesk.app.opening import DatabaseError

if TYPE_CHECKING:
    from netdesk.app.opening import Database

log = logging.getLogger(__name__)


def _recover(db_path: Path, parent: QWidget | None) -> tuple[opening.Recovered, str] | None:
    """What SQLite can still read of the damaged file, in a new file beside the backups, and
    a line saying what it holds; None when nothing can be recovered. Read on a worker thread
    (a large file takes seconds) while the window, if there is one, keeps painting."""
    from netdesk.ui.tasks import wait_for

    label = QCoreApplication.translate("startup", "Recovering what can still be read…")
    recovered = wait_for(lambda: opening.recover(db_path), parent, label)
    if recovered is None:
        log.warning("nothing recovered from the damaged database %s", db_path)
        return None
    line = QCoreApplication.translate(
        "startup",
        "contacts: {0}, events: {1}, planned follow-ups: {2}; rows that could not be read: {3}",
    ).format(recovered.contacts, recovered.events, recovered.follow_ups, recovered.rows_lost)
    return recovered, line


def offer_restore(db_path: Path, problem: str, parent: QWidget | None = None) -> bool:
    """Tell the user the database is damaged; recover what SQLite can still read and show it
    beside the newest good backup, and put back the one the user chooses. The damaged file is
    kept aside (a "pre-restore" backup) whichever they choose."""
    from netdesk.ui.i18n import Reasons

    problem = Reasons().damage(problem, db_path)
    backup = backups.newest_good(db_path)
    recovered = _recover(db_path, parent)
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
        chosen = recovered[0].path
    elif clicked is not None and clicked is use_backup:
        chosen = backup
    try:
        if chosen is None:
            return False
        backups.restore_from(db_path, chosen)
    except DatabaseError as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("startup", "Restore failed"), str(exc)
        )
        return False
    finally:
        if recovered is not None:
            opening.discard(recovered[0])
    return True


def describe_backup(backup: Path) -> str:
    """ "netdesk-….sqlite, made 4 Dec 2026 18:20, with 212 contacts, 9 events and 31 planned
    follow-ups" — what the user needs to choose a backup."""
    import datetime as dt

    from netdesk.ui.formatting import format_datetime

    contacts, events, follow_ups = backups.content_counts(backup)
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
    problem = opening.damage(db_path)
    if problem is not None:
        log.error("database failed its integrity check: %s", problem)
        if not offer_restore(db_path, problem, parent):
            return None
    try:
        db = opening.open(db_path)
    except DatabaseError as exc:
        from netdesk.ui.i18n import Reasons

        QMessageBox.critical(
            parent,
            QCoreApplication.translate("startup", "netdesk cannot open its database"),
            Reasons().database(exc),
        )
        return None
    try:
        made = backups.daily_if_due(db_path)
        if made is not None:
            log.info("daily backup written")
    except DatabaseError as exc:  # a failed backup must not keep the user from working
        log.warning("daily backup failed: %s", exc)
    return db
