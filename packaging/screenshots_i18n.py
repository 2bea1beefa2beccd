"""Screenshots of the main window in each language, on sample data, under a real X server.

    xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python packaging/screenshots_i18n.py resources/screenshots

Writes main-window-en.png and main-window-es.png. The sample data is the one
packaging/screenshots.py uses; each language gets its own fresh database and settings.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import populate  # packaging/screenshots.py

from netdesk.store.db import open_database
from netdesk.ui import i18n
from netdesk.ui.shell.app import make_application

LANGUAGES = ("en", "es")
SIZE = (1360, 820)
SETTLE_MS = 600


def shoot(app: QApplication, language: str, out: Path, today: dt.date) -> Path:
    i18n.install_translator(app, language)
    from netdesk.ui.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "demo.sqlite"
        first = populate(db_path, today)
        db = open_database(db_path)
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db, settings)
        window.resize(*SIZE)
        window.show()
        window.select_contact(first)
        QTest.qWait(SETTLE_MS)  # the status bar's counts come after a short delay
        target = out / f"main-window-{language}.png"
        if not window.grab().save(str(target)):
            raise SystemExit(f"screenshots_i18n: could not write {target}")
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.close()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        db.close()
    return target


def main(out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    today = dt.date.today()
    for language in LANGUAGES:
        print(f"wrote {shoot(app, language, out, today)}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
