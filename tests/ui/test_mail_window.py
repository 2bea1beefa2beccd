"""Mail and calendars in the window: settings, a scan off the GUI thread with its status, the
timeline with mails and meetings, strength and why, follow-ups completed as one undo step,
suggestions and fading relationships, an IMAP account added against a real Dovecot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from bench.mailgen import ME, Message, ics, vevent, write_mbox
from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook
from netdesk.app.interaction_list import interactions
from netdesk.app.interactions import MY_ADDRESSES
from netdesk.app.mail_sources import MailSources
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database
from netdesk.store.models import Touchpoint
from netdesk.ui.features.mail.imap_dialog import ImapAccountDialog
from netdesk.ui.features.mail.mail_settings import MailPage
from netdesk.ui.features.mail.suggestions_dialog import FadingDialog, SuggestionsDialog
from netdesk.ui.shell.main_window import MainWindow

ANN = "ann@lee.example"


def _ann(db: Database) -> int:
    return ContactBook(db).create(ContactData(full_name="Ann Lee", emails=[EmailAddress(ANN)]))


def _recent(days: int) -> dt.datetime:
    return dt.datetime.combine(dt.date.today() - dt.timedelta(days=days), dt.time(12), dt.UTC)


def _scan(window: MainWindow) -> None:
    window.synchronous_tasks = True  # type: ignore[attr-defined]
    task = window.context.parts["mail_scan"].scan()  # type: ignore[attr-defined]
    assert task is not None


def test_scan_from_the_tools_menu_logs_timeline_status_and_undoable_completion(
    window: MainWindow, db: Database, tmp_path: Path
) -> None:
    ann = _ann(db)
    events = EventBook(db)
    met = dt.date.today() - dt.timedelta(days=10)
    event = events.create("Breakfast club", date=met)
    events.add_attendees(event, [ann], today=met)
    with db.session() as session:
        thank_you = session.scalar(select(Touchpoint.id).where(Touchpoint.kind == "thank_you"))
    assert thank_you is not None
    SettingsStore(db).set(MY_ADDRESSES, [ME])
    box = write_mbox(
        tmp_path / "Sent",
        [
            Message(ME, [ANN], subject="Great meeting you", date=_recent(9), message_id="1"),
            Message(ANN, [ME], subject="Likewise!", date=_recent(8), message_id="2"),
        ],
    )
    cal = tmp_path / "work.ics"
    day = (dt.date.today() - dt.timedelta(days=2)).strftime("%Y%m%d")
    cal.write_text(ics([vevent("c1", f"{day}T090000Z", attendees=[(ANN, "ACCEPTED")])]))
    sources = MailSources(db)
    sources.add_path("Sent mail", box, "local")
    sources.add_path("Work calendar", cal, "ics")
    feature = window.context.parts["mail_scan"]  # type: ignore[attr-defined]
    assert feature.status.text() == "Mail not scanned yet"
    assert window.findChild(type(feature.scan_action), "scanMailAction").shortcut().toString() == (
        "Ctrl+Shift+I"
    )

    _scan(window)

    assert feature.status.text().startswith("Mail scanned ")
    # the thank-you (by the mail) and the planned one-to-one (by the meeting)
    assert ": 3 logged, 2 follow-ups done" in feature.status.text()
    assert feature.progress.isHidden() and feature.cancel_button.isHidden()
    assert FollowUps(db).state(thank_you).status == "done"
    window.select_contact(ann)
    html = window.detail.body.toHtml()
    for text in ("E-mail sent", "Great meeting you", "E-mail received", "Meeting held",
                 "marked done by the e-mail"):  # fmt: skip
        assert text in html, text
    strength = window.detail.strength.text()
    assert "Relationship strength:" in strength and "why: last touch" in strength
    column = window.model.STRENGTH
    header = window.table.horizontalHeader().model()
    assert header.headerData(column, Qt.Orientation.Horizontal) == "Strength"
    shown = window.model.index(window.model.row_of(ann) or 0, column).data()
    assert shown is not None and int(shown) > 0

    window.undo_stack.undo()
    assert FollowUps(db).state(thank_you).status == "planned"
    window.undo_stack.redo()
    assert FollowUps(db).state(thank_you).status == "done"
    # the next scan finds nothing new and completes nothing again
    _scan(window)
    assert ": 0 logged" in feature.status.text()
    assert len(interactions(db)) == 3


def test_scan_without_sources_says_where_to_add_them(window: MainWindow) -> None:
    assert window.context.parts["mail_scan"].scan() is None  # type: ignore[attr-defined]
    assert "Settings → Mail and calendars" in window.statusBar().currentMessage()


def test_a_source_that_cannot_be_read_is_named_and_the_others_still_scanned(
    window: MainWindow, db: Database, tmp_path: Path
) -> None:
    _ann(db)
    sources = MailSources(db)
    box = write_mbox(tmp_path / "box", [Message(ANN, [ME], message_id="ok")])
    sources.add_path("gone", tmp_path / "vanished", "local")
    sources.add_path("box", box, "local")
    _scan(window)
    message = window.statusBar().currentMessage()
    assert "1 mails and meetings logged" in message
    assert "Not read: gone:" in message and "vanished" in message


def test_settings_page_saves_addresses_limits_and_finds_thunderbird(
    window: MainWindow, db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    store = SettingsStore(db)
    page = MailPage(store, window)
    qtbot.addWidget(page.widget)
    assert page.list.item(0).text().startswith("No mailboxes or calendars yet")
    page.me.setPlainText(f"  {ME.upper()}\nnot-an-address\n")
    page.exclusions.setPlainText("@mycompany.example\nboss@x.example")
    page.bulk.setValue(4)
    page.subjects.setChecked(False)
    page.interval.setValue(0)
    assert page.interval.text() == "only when I ask"
    profile = tmp_path / "home" / ".thunderbird" / "p.default"
    (profile / "Mail" / "Local Folders").mkdir(parents=True)
    (profile.parent / "profiles.ini").write_text("[Profile0]\nPath=p.default\nIsRelative=1\n")
    from unittest import mock

    with mock.patch("netdesk.ui.features.mail.mail_settings.QMessageBox.information") as told:
        assert page.find_thunderbird(tmp_path / "home") == 1
        assert page.find_thunderbird(tmp_path / "home") == 0  # already added
    assert "added: 1" in told.call_args_list[0].args[2]
    page.save()
    assert store.get(MY_ADDRESSES) == [ME]
    assert store.get("mail_exclusions") == ["mycompany.example", "boss@x.example"]
    assert store.get("mail_bulk_recipients") == 4
    assert store.get("mail_store_subjects") is False
    assert store.get("mail_scan_interval_minutes") == 0
    assert [s.kind for s in MailSources(db).all()] == ["local"]
    assert "Mail folder" in page.list.item(0).text()


def test_suggestions_add_with_undo_and_fading_opens_the_contact(
    window: MainWindow, db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    ann = _ann(db)
    SettingsStore(db).set(MY_ADDRESSES, [ME])
    old = [
        Message(
            ME if i % 2 else ANN,
            [ANN if i % 2 else ME],
            date=_recent(70 + 7 * i),
            message_id=f"a{i}",
        )
        for i in range(10)
    ]
    carla = [
        Message(ME, ["Carla Gómez <carla@studio.example>"], date=_recent(3), message_id="c1"),
        Message("Carla Gómez <carla@studio.example>", [ME], date=_recent(2), message_id="c2"),
    ]
    MailSources(db).add_path("box", write_mbox(tmp_path / "box", old + carla), "local")
    _scan(window)

    dialog = SuggestionsDialog(window.context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Carla Gómez"
    dialog.add_selected()
    assert dialog.empty.isVisibleTo(dialog)
    names = [s.full_name for s in ContactBook(db).summaries("")]
    assert "Carla Gómez" in names
    window.undo_stack.undo()
    assert "Carla Gómez" not in [s.full_name for s in ContactBook(db).summaries("")]

    fading = FadingDialog(window.context)
    qtbot.addWidget(fading)
    assert [f.contact_id for f in fading.items] == [ann]
    fading.open_contact(0)
    assert window.selected_ids() == [ann]


@pytest.mark.usefixtures("memory_keyring")
def test_imap_account_dialog_checks_the_login_against_dovecot(
    window: MainWindow, db: Database, qtbot: QtBot, dovecot: object
) -> None:
    from tests.mail.dovecot import DovecotServer

    assert isinstance(dovecot, DovecotServer)
    sources = MailSources(db)
    dialog = ImapAccountDialog(sources, window)
    qtbot.addWidget(dialog)
    dialog.synchronous = True
    dialog.check()
    assert dialog.status.text() == "Fill in: server, user name, password."
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(dovecot.tls_port)
    dialog.username.setText(dovecot.user)
    dialog.password.setText("wrong")
    dialog.check()
    assert "refused the user name or password" in dialog.status.text()
    assert sources.all() == []
    dialog.password.setText(dovecot.password)
    dialog.check()
    assert dialog.result() == dialog.DialogCode.Accepted
    (source,) = sources.all()
    assert (source.kind, source.port, source.security) == ("imap", dovecot.tls_port, "tls")
    assert dialog.found_folders == ["INBOX", "Sent"]


def test_the_user_picks_which_calendars_of_a_sync_account_are_read(
    window: MainWindow, db: Database, qtbot: QtBot, radicale: object, memory_keyring: object
) -> None:
    from netdesk.app.mail_sources import caldav_picks
    from netdesk.app.scan_all import scan_all
    from netdesk.sync import accounts
    from netdesk.system.secrets import PasswordStore
    from netdesk.ui.widgets.calendar_pick import CalendarPickDialog
    from tests.sync.conftest import RadicaleServer

    assert isinstance(radicale, RadicaleServer)
    _ann(db)
    setup = accounts.discover(radicale.url, radicale.username, radicale.password)
    accounts.add_account(db, "home", radicale.url, radicale.username, setup)
    PasswordStore().set("home", radicale.password)
    base = f"{radicale.url}{radicale.username}/"
    day = (dt.date.today() - dt.timedelta(days=3)).strftime("%Y%m%d")
    with radicale.client() as http:
        for name in ("Work", "Private"):
            body = (
                '<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" '
                'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
                f"<D:displayname>{name}</D:displayname></D:prop></D:set></C:mkcalendar>"
            )
            assert http.request("MKCALENDAR", f"{base}{name.lower()}/", content=body).is_success
            event = ics([vevent(name, f"{day}T090000Z", summary=name, attendees=[(ANN, "")])])
            put = http.put(f"{base}{name.lower()}/{name}.ics", content=event)
            assert put.status_code == 201
    page = MailPage(SettingsStore(db), window)
    qtbot.addWidget(page.widget)
    page.caldav.setCurrentRow(0)
    dialog = page.choose_calendars(synchronous=True)
    assert isinstance(dialog, CalendarPickDialog)
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert sorted(names) == ["Private", "Work"]  # the to-do list netdesk syncs is not offered
    for i in range(dialog.list.count()):
        if dialog.list.item(i).text() == "Private":
            dialog.list.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.save()
    assert caldav_picks(db)["home"] == [f"{base}work/"]
    assert page.caldav.item(0).text() == "home (calendars: 1)"
    scan = scan_all(db, {"home": radicale.password})
    try:
        while True:
            next(scan)
    except StopIteration as stop:
        result = stop.value
    assert result.calendar.logged == 1
    assert [r.subject for r in interactions(db)] == ["Work"]
