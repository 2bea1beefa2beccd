"""Make the README/AppStream screenshots: netdesk on sample data, under a real X server.

    xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python packaging/screenshots.py resources/screenshots
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from netdesk.app.events import EventBook
from netdesk.app.sample_data import seed_contacts
from netdesk.app.touchpoints import FollowUps
from netdesk.store.db import open_database
from netdesk.ui.shell.app import make_application


def populate(db_path: Path, today: dt.date) -> int:
    db = open_database(db_path)
    ids = seed_contacts(db, 240)
    events = EventBook(db)
    breakfast = events.create(
        "Chamber of Commerce breakfast",
        date=today - dt.timedelta(days=3),
        place="Madrid",
        organiser="Cámara de Comercio",
        hours=2.5,
    )
    events.add_attendees(breakfast, ids[:6])
    fu = FollowUps(db)
    for i, cid in enumerate(ids[:6]):
        fu.add(cid, "thank_you", due=today - dt.timedelta(days=2 - i % 3), event_id=breakfast)
        fu.add(
            cid, "meeting", due=today + dt.timedelta(days=4), intent="connect", event_id=breakfast
        )
    fu.add(
        ids[0], "call", status="done", done_date=today - dt.timedelta(days=20), note="Intro call"
    )
    db.close()
    return ids[0]


def main(out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        first = populate(Path(tmp) / "demo.sqlite", today)
        db = open_database(Path(tmp) / "demo.sqlite")
        from netdesk.ui.shell.main_window import MainWindow

        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db, settings)
        window.resize(1360, 820)
        window.show()
        window.select_contact(first)
        reader = window.detail_reader  # the pane is read on a worker thread
        deadline = time.monotonic() + 10
        while reader is not None and reader.busy and time.monotonic() < deadline:
            app.processEvents()
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / "main-window.png"))
        window.close()
        db.close()
    print(f"wrote {out / 'main-window.png'}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
