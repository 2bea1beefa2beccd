"""The README's screenshots of mail and meetings on a contact's timeline, and of Settings →
Mail and calendars, from a generated mailbox and calendar.

    xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python packaging/screenshot_mail.py resources/screenshots [en|es]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.mailgen import ME, Message, encoded, ics, vevent, write_mbox  # noqa: E402
from netdesk.app.contacts import ContactBook  # noqa: E402
from netdesk.app.events import EventBook  # noqa: E402
from netdesk.app.interactions import MY_ADDRESSES  # noqa: E402
from netdesk.app.mail_sources import MailSources  # noqa: E402
from netdesk.app.scan_all import scan_all  # noqa: E402
from netdesk.app.settings_store import SettingsStore  # noqa: E402
from netdesk.domain.contact_data import ContactData, EmailAddress  # noqa: E402
from netdesk.store.db import open_database  # noqa: E402
from netdesk.ui import i18n  # noqa: E402
from netdesk.ui.shell.app import make_application  # noqa: E402

LUCIA = "lucia@estudio-ortega.example"


def at(days: int, hour: int = 10) -> dt.datetime:
    day = dt.date.today() - dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), dt.UTC)


def populate(work: Path) -> Path:
    db_path = work / "netdesk.sqlite"
    db = open_database(db_path)
    book = ContactBook(db)
    people = [
        ("Lucía Ortega", LUCIA, "Estudio Ortega", "Arquitecta"),
        ("Marc Puig", "marc@puig-legal.example", "Puig Legal", "Abogado"),
        ("Ana Ruiz", "ana.ruiz@ruizconsulting.example", "Ruiz Consulting", "Socia"),
        ("Jordi Vidal", "jordi@vidal.example", "Vidal & Co", "CEO"),
    ]
    ids = []
    for name, email, org, title in people:
        ids.append(
            book.create(
                ContactData(
                    full_name=name, emails=[EmailAddress(email)], organization=org, title=title
                )
            )
        )
    events = EventBook(db)
    met = dt.date.today() - dt.timedelta(days=24)
    event = events.create("Desayuno AJE Barcelona", date=met, place="Barcelona")
    events.add_attendees(event, ids, today=met)
    SettingsStore(db).set(MY_ADDRESSES, [ME])
    mails = [
        Message(ME, [LUCIA], subject="Un placer conocerte en el desayuno", date=at(23),
                message_id="m1@x"),
        Message(encoded("Lucía Ortega", LUCIA), [ME], subject="Re: Un placer conocerte",
                date=at(22), message_id="m2@x"),
        Message(ME, [LUCIA], subject="El artículo sobre licencias que te comenté",
                date=at(15), message_id="m3@x"),
        Message(encoded("Lucía Ortega", LUCIA), [ME], subject="¿Café el jueves?", date=at(5),
                message_id="m4@x"),
        Message(ME, ["marc@puig-legal.example"], subject="Gracias por la presentación",
                date=at(20), message_id="m5@x"),
        Message("Boletín <news@shop.example>", [ME], subject="Ofertas",
                extra=["List-Unsubscribe: <mailto:u@shop.example>"], date=at(3),
                message_id="n1@x"),
    ]  # fmt: skip
    box = write_mbox(work / "Enviados", mails)
    day = (dt.date.today() - dt.timedelta(days=12)).strftime("%Y%m%d")
    cal = work / "agenda.ics"
    cal.write_text(
        ics(
            [
                vevent(
                    "uno-a-uno-lucia",
                    f"{day}T090000Z",
                    summary="Café con Lucía",
                    attendees=[(LUCIA, "ACCEPTED")],
                )
            ]
        ),
        encoding="utf-8",
    )
    sources = MailSources(db)
    sources.add_path("Thunderbird", box, "local")
    sources.add_path("Agenda", cal, "ics")
    scan = scan_all(db, {})
    try:
        while True:
            next(scan)
    except StopIteration:
        pass
    db.close()
    return db_path


def main(out_dir: str, language: str = "en") -> int:
    work = Path(tempfile.mkdtemp(prefix="netdesk-shot-"))
    db_path = populate(work)
    app = make_application(["netdesk"])
    assert isinstance(app, QApplication)
    i18n.install_translator(app, language)
    from netdesk.ui.shell.main_window import MainWindow

    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(open_database(db_path), settings)
    window.resize(1280, 800)
    window.show()

    def select() -> None:
        lucia = next(s.id for s in window.book.summaries("Lucía"))
        window.select_contact(lucia)
        QTimer.singleShot(600, shoot)

    def shoot() -> None:
        shot = Path(out_dir) / f"mail-timeline-{language}.png"
        window.grab().save(str(shot))
        print(f"wrote {shot}")
        from netdesk.app.settings_store import SettingsStore
        from netdesk.ui.shell.settings_dialog import SettingsDialog

        dialog = SettingsDialog(SettingsStore(window.db), settings, window)
        tabs = dialog.findChild(QTabWidget)
        assert tabs is not None
        for i in range(tabs.count()):
            if tabs.widget(i) is dialog.extra_pages[1].widget:
                tabs.setCurrentIndex(i)
        dialog.show()
        QTimer.singleShot(500, lambda: shoot_settings(dialog))

    def shoot_settings(dialog: object) -> None:
        shot = Path(out_dir) / f"mail-settings-{language}.png"
        dialog.grab().save(str(shot))  # type: ignore[attr-defined]
        print(f"wrote {shot}")
        app.quit()

    QTimer.singleShot(800, select)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
