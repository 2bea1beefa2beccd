"""Starting the window: the QApplication, the database, and a clear message when it cannot open."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from netdesk import __version__
from netdesk.store.db import DatabaseError, open_database


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("netdesk")
    app.setOrganizationName("netdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.netdesk.Netdesk")
    return app


def run_gui(db_path: Path) -> int:
    app = make_application()
    try:
        db = open_database(db_path)
    except DatabaseError as exc:
        QMessageBox.critical(
            None,
            app.translate("netdesk", "netdesk cannot open its database"),
            str(exc),
        )
        return 1
    from netdesk.ui.main_window import MainWindow

    window = MainWindow(db, QSettings())
    window.show()
    window.reminders.start()
    try:
        return app.exec()
    finally:
        db.close()
