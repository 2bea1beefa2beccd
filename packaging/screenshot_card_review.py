"""The README's screenshot of the review of cards read from photos, on generated card photos.

    xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python packaging/screenshot_card_review.py resources/screenshots [en|es]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.card_photos import paper_card_photo  # noqa: E402
from netdesk.app.importer import EventChoice, ImportRequest, import_all  # noqa: E402
from netdesk.store.db import open_database  # noqa: E402
from netdesk.ui import i18n  # noqa: E402
from netdesk.ui.shell.app import make_application  # noqa: E402


def main(out_dir: str, language: str = "en") -> int:
    work = Path(tempfile.mkdtemp(prefix="netdesk-shot-"))
    db_path = work / "netdesk.sqlite"
    db = open_database(db_path)
    photos = []
    for seed in (1016, 1003):
        data, _truth = paper_card_photo(seed, "es")
        photos.append(work / f"IMG_{seed}.jpg")
        photos[-1].write_bytes(data)
    import_all(db, ImportRequest(files=photos, event=EventChoice(name="Feria Expo")), "ES")
    db.close()

    app = make_application(["netdesk"])
    assert isinstance(app, QApplication)
    i18n.install_translator(app, language)
    from netdesk.ui.shell.main_window import MainWindow

    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(open_database(db_path), settings)
    window.resize(1280, 800)
    window.show()
    target = Path(out_dir) / f"card-review-{language}.png"

    def shoot() -> None:
        dialog = window.context.parts["card_capture"].dialog  # type: ignore[attr-defined]
        dialog.grab().save(str(target))
        print(f"wrote {target}")
        dialog.reject()
        window.table.selectRow(0)
        QTimer.singleShot(600, shoot_window)

    def shoot_window() -> None:
        shot = Path(out_dir) / f"card-contact-{language}.png"
        window.grab().save(str(shot))
        print(f"wrote {shot}")
        app.quit()

    def review() -> None:
        window.context.parts["card_capture"].review()  # type: ignore[attr-defined]
        QTimer.singleShot(800, shoot)

    QTimer.singleShot(500, review)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
