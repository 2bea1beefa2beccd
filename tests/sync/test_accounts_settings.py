"""Settings → Accounts against the real Radicale: typed in, discovered, created, saved, synced.

The password must end up in the keyring and nowhere else: not the database, the settings file
or the log. Discovery runs on a worker thread, so these tests wait for it as a user would.
"""

from __future__ import annotations

import base64
import logging
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.settings_store import SettingsStore
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database, open_database
from netdesk.store.sync_models import SyncState
from netdesk.sync import accounts
from netdesk.sync.dav import DavClient
from netdesk.system.logs import setup_logging
from netdesk.system.secrets import NoSecureStorage, PasswordStore
from netdesk.ui.features.sync.account_form import AccountForm
from netdesk.ui.features.sync.accounts_settings import AccountsModel, AccountsSettings
from netdesk.ui.shell.main_window import MainWindow
from netdesk.ui.shell.settings_dialog import SettingsDialog
from tests.ui.conftest import focus, when_dialog_opens
from tests.ui.test_accessibility import unnamed

pytestmark = pytest.mark.sync
LEFT = Qt.MouseButton.LeftButton
SEARCH_TIMEOUT = 20_000  # ms: discovery on a worker thread against the local Radicale


# -- fixtures and helpers ------------------------------------------------------------------------
@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "xdg-data" / "netdesk" / "laptop.sqlite")
    yield database
    database.close()


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(
        str(tmp_path / "xdg-config" / "netdesk" / "netdesk.ini"), QSettings.Format.IniFormat
    )


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "xdg-state" / "netdesk" / "log"
    setup_logging(folder, level=logging.DEBUG)  # the most talkative the log ever gets
    yield folder
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "").startswith(str(folder)):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.WARNING)


@pytest.fixture
def installed_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _workers_done() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(20_000)  # no discovery outlives its test


def leaks(password: str, username: str, tmp_path: Path) -> list[str]:
    """Files under the test's data, config and state folders that hold the password."""
    basic = base64.b64encode(f"{username}:{password}".encode()).decode()
    needles = [password.encode(), password.encode("utf-16-le"), basic.encode()]
    files = [p for p in tmp_path.glob("xdg-*/**/*") if p.is_file()]
    assert files, "nothing was written, so searching means nothing"
    return [str(p) for p in files for n in needles if n in p.read_bytes()]


def page_of(qtbot: QtBot, db: Database) -> AccountsSettings:
    page = AccountsSettings(db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def open_form(qtbot: QtBot, page: AccountsSettings, button: QWidget) -> AccountForm:
    qtbot.mouseClick(button, LEFT)
    form = page.form
    assert form is not None
    qtbot.waitExposed(form)
    form.activateWindow()  # as the window manager does for a new dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=2000)
    return form


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def fill(qtbot: QtBot, form: AccountForm, name: str, url: str, user: str, password: str) -> None:
    for field, text in (
        (form.name, name),
        (form.url, url),
        (form.username, user),
        (form.password, password),
    ):
        type_into(qtbot, field, text)


def click_and_wait(qtbot: QtBot, form: AccountForm, button: QWidget) -> None:
    with qtbot.waitSignal(form.searchFinished, timeout=SEARCH_TIMEOUT):
        qtbot.mouseClick(button, LEFT)


# -- adding an account ---------------------------------------------------------------------------
def test_add_discover_create_save_and_sync_with_the_password_only_in_the_keyring(
    radicale: Any,
    memory_keyring: Any,
    laptop: Database,
    qsettings: QSettings,
    logs: Path,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    ContactBook(laptop).create(ContactData(full_name="Carmen Ruiz"))
    dialog = SettingsDialog(SettingsStore(laptop), qsettings)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.extra_pages[0].widget
    assert isinstance(page, AccountsSettings)
    dialog.tabs.setCurrentWidget(page)
    assert "MemoryKeyring" in page.storage.text()  # the page says where passwords go
    form = open_form(qtbot, page, page.add_button)
    fill(qtbot, form, "home", radicale.url, radicale.username, radicale.password)
    type_into(qtbot, form.interval, "15")
    assert form.http_warning.isHidden()  # 127.0.0.1 is this computer
    assert not form.save_button.isEnabled()  # nothing found yet
    click_and_wait(qtbot, form, form.connect_button)
    assert "Address book: none found" in form.found.text(), form.message.text()
    assert "Task calendar: none found" in form.found.text()
    assert form.create_button.isVisible()
    assert form.create_button.text().replace("&", "") == (
        "Create an address book and a task calendar on the server"
    )
    assert not form.save_button.isEnabled()
    click_and_wait(qtbot, form, form.create_button)
    assert "netdesk-contacts/" in form.found.text(), form.message.text()
    assert "netdesk-tasks/" in form.found.text()
    assert form.create_button.isHidden()
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.result() == QDialog.DialogCode.Accepted, form.message.text()

    account = accounts.get_account(laptop, "home")
    assert (account.url, account.username, account.interval_minutes) == (
        radicale.url,
        radicale.username,
        15,
    )
    assert account.addressbook_url == f"{radicale.url}{radicale.username}/netdesk-contacts/"
    assert account.calendar_url == f"{radicale.url}{radicale.username}/netdesk-tasks/"
    assert memory_keyring.entries == {("netdesk", "home"): radicale.password}
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "home"
    assert page.model.index(0, 4).data() == "never"
    with DavClient(radicale.url, radicale.username, radicale.password) as dav:
        found = dav.discover()  # what the form created is really on the server
    [calendar] = found.calendars
    assert calendar.components == {"VTODO"}
    assert [b.url for b in found.addressbooks] == [account.addressbook_url]
    qtbot.mouseClick(dialog.findChild(QWidget, "accountsSettings"), LEFT)
    dialog._save()  # the Settings dialog's Save: the settings file is written too
    qsettings.sync()

    window = MainWindow(laptop, qsettings)
    window.synchronous_tasks = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.context.parts["sync_menu"].timer.interval() == 15 * 60_000  # type: ignore[attr-defined]
    focus(qtbot, window, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_F5)  # no password asked: the keyring has it
    status = window.context.parts["sync_menu"].status.text()  # type: ignore[attr-defined]
    assert status.startswith("Synced ") and "1 sent" in status, status
    assert accounts.get_account(laptop, "home").last_sync_at is not None
    qsettings.sync()
    assert list(logs.iterdir())
    assert leaks(radicale.password, radicale.username, tmp_path) == []


def test_the_server_root_principal_or_address_book_url_all_work(
    radicale: Any, memory_keyring: Any, laptop: Database, qtbot: QtBot
) -> None:
    setup = accounts.discover(radicale.url, radicale.username, radicale.password)
    page = page_of(qtbot, laptop)
    for name, url in (
        ("principal", f"{radicale.url}{radicale.username}/"),
        ("book", setup.addressbook_url),
    ):
        form = open_form(qtbot, page, page.add_button)
        fill(qtbot, form, name, url, radicale.username, radicale.password)
        click_and_wait(qtbot, form, form.connect_button)
        assert setup.addressbook_url.replace(radicale.url, "") in form.found.text(), name
        qtbot.mouseClick(form.save_button, LEFT)
        assert accounts.get_account(laptop, name).addressbook_url == setup.addressbook_url
    assert [page.model.index(r, 0).data() for r in range(2)] == ["book", "principal"]


@pytest.mark.parametrize("problem", ["wrong password", "server down"])
def test_a_wrong_password_or_an_unreachable_server_is_named_in_the_message(
    problem: str, radicale: Any, memory_keyring: Any, laptop: Database, qtbot: QtBot
) -> None:
    page = page_of(qtbot, laptop)
    form = open_form(qtbot, page, page.add_button)
    password = "not-the-password" if problem == "wrong password" else radicale.password
    fill(qtbot, form, "home", radicale.url, radicale.username, password)
    if problem == "server down":
        radicale.stop()
    click_and_wait(qtbot, form, form.connect_button)
    message = form.message.text()
    expected = {
        "wrong password": f"{radicale.url} refused the user name or password",
        "server down": f"cannot reach {radicale.url}: connection refused",
    }[problem]
    assert message == f"Could not connect: {expected}"
    assert password not in message and "Traceback" not in message
    assert not form.save_button.isEnabled()
    assert accounts.accounts(laptop) == [] and memory_keyring.entries == {}
    assert form.connect_button.isEnabled()  # ready to try again


def test_stop_searching_returns_the_form_at_once(
    memory_keyring: Any, laptop: Database, qtbot: QtBot
) -> None:
    silent = socket.socket()  # accepts connections and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    port = silent.getsockname()[1]
    try:
        page = page_of(qtbot, laptop)
        form = open_form(qtbot, page, page.add_button)
        fill(qtbot, form, "home", f"http://127.0.0.1:{port}/", "alice", "pw")
        qtbot.mouseClick(form.connect_button, LEFT)
        assert form.running() and form.cancel_button.isVisible() and form.busy.isVisible()
        assert not form.url.isEnabled() and not form.connect_button.isEnabled()
        with qtbot.waitSignal(form.searchFinished, timeout=1000):
            qtbot.mouseClick(form.cancel_button, LEFT)
        assert not form.running() and form.cancel_button.isHidden()
        assert form.url.isEnabled() and form.connect_button.isEnabled()
        assert form.message.text() == "Stopped."
    finally:
        silent.close()  # the request in flight fails now; its answer is ignored
    QThreadPool.globalInstance().waitForDone(20_000)
    qtbot.wait(50)
    assert form.message.text() == "Stopped." and form.setup is None


def test_url_checks_and_the_plain_http_warning(
    memory_keyring: Any, laptop: Database, qtbot: QtBot
) -> None:
    page = page_of(qtbot, laptop)
    form = open_form(qtbot, page, page.add_button)
    fill(qtbot, form, "office", "http://dav.example.org/", "ana", "pw")
    assert form.http_warning.isVisible()
    assert "unencrypted to http://dav.example.org/" in form.http_warning.text()
    type_into(qtbot, form.url, "https://dav.example.org/")
    assert form.http_warning.isHidden()
    type_into(qtbot, form.url, "ftp://dav.example.org/")
    qtbot.mouseClick(form.connect_button, LEFT)
    assert form.message.text() == (
        "Server URL: 'ftp://dav.example.org/' is not an http:// or https:// address"
    )
    type_into(qtbot, form.url, "https://dav.example.org:80a/")
    qtbot.mouseClick(form.connect_button, LEFT)
    assert form.message.text() == (
        "Server URL: 'https://dav.example.org:80a/' has a port that is not a number"
    )
    type_into(qtbot, form.url, "https://ana:secret@dav.example.org/")
    qtbot.mouseClick(form.connect_button, LEFT)
    assert form.message.text().startswith("Server URL: the URL must not contain a password")
    type_into(qtbot, form.password, "")
    type_into(qtbot, form.url, "https://dav.example.org/")
    qtbot.mouseClick(form.connect_button, LEFT)
    assert form.message.text() == "Password: type the password to connect."
    assert not form.running()


# -- editing and removing ------------------------------------------------------------------------
def saved_account(radicale: Any, db: Database, interval: int = 30) -> None:
    setup = accounts.discover(radicale.url, radicale.username, radicale.password)
    accounts.add_account(
        db, "home", radicale.url, radicale.username, setup, interval_minutes=interval
    )
    PasswordStore().set("home", radicale.password)


def test_edit_the_interval_without_retyping_the_password(
    radicale: Any, memory_keyring: Any, laptop: Database, qtbot: QtBot
) -> None:
    saved_account(radicale, laptop)
    page = page_of(qtbot, laptop)
    form = open_form(qtbot, page, page.edit_button)
    assert form.name.isReadOnly() and form.name.text() == "home"
    assert form.url.text() == radicale.url and form.password.text() == ""
    assert form.save_button.isEnabled()  # same server and user: nothing to discover
    type_into(qtbot, form.interval, "0")
    qtbot.keyClick(form.interval, Qt.Key.Key_Tab)
    assert form.interval.text() == "only on demand"
    qtbot.mouseClick(form.save_button, LEFT)
    assert accounts.get_account(laptop, "home").interval_minutes == 0
    assert page.model.index(0, 3).data() == "on demand"
    form = open_form(qtbot, page, page.edit_button)
    type_into(qtbot, form.interval, "45")
    type_into(qtbot, form.username, "bob")  # another user needs a new search first
    assert not form.save_button.isEnabled()
    type_into(qtbot, form.username, radicale.username)
    click_and_wait(qtbot, form, form.connect_button)  # the saved password is used
    assert "netdesk-contacts/" in form.found.text(), form.message.text()
    qtbot.mouseClick(form.save_button, LEFT)
    assert accounts.get_account(laptop, "home").interval_minutes == 45
    assert memory_keyring.entries == {("netdesk", "home"): radicale.password}


def test_remove_asks_first_then_forgets_the_account_and_password_but_keeps_contacts(
    radicale: Any,
    memory_keyring: Any,
    laptop: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved_account(radicale, laptop)
    ContactBook(laptop).create(ContactData(full_name="Carmen Ruiz"))
    from netdesk.sync.engine import SyncEngine

    with SyncEngine(laptop, accounts.get_account(laptop, "home"), radicale.password) as engine:
        engine.sync()
    with laptop.session() as session:
        assert session.query(SyncState).count() == 1
    page = page_of(qtbot, laptop)
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(parent: QWidget, title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(page.remove_button, LEFT)
    assert "Remove the sync account home?" in asked[0]
    assert "contacts stay on this computer" in asked[0]
    assert [a.name for a in accounts.accounts(laptop)] == ["home"]  # No: nothing happened
    assert memory_keyring.entries != {}
    with qtbot.waitSignal(page.accountsChanged):
        qtbot.mouseClick(page.remove_button, LEFT)
    assert accounts.accounts(laptop) == [] and memory_keyring.entries == {}
    assert page.model.rowCount() == 0 and not page.remove_button.isEnabled()
    assert page.message.text() == "Removed the sync account home."
    assert [s.full_name for s in ContactBook(laptop).summaries()] == ["Carmen Ruiz"]
    with laptop.session() as session:
        assert session.query(SyncState).count() == 0


def test_the_window_reschedules_its_sync_timer_after_settings(
    radicale: Any, memory_keyring: Any, laptop: Database, qsettings: QSettings, qtbot: QtBot
) -> None:
    saved_account(radicale, laptop, interval=30)
    window = MainWindow(laptop, qsettings)
    qtbot.addWidget(window)
    window.show()
    timer = window.context.parts["sync_menu"].timer  # type: ignore[attr-defined]
    assert timer.isActive() and timer.interval() == 30 * 60_000

    def on_demand_only(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        page = dialog.extra_pages[0].widget
        assert isinstance(page, AccountsSettings)
        dialog.tabs.setCurrentWidget(page)
        qtbot.mouseClick(page.edit_button, LEFT)
        form = page.form
        assert form is not None
        type_into(qtbot, form.interval, "0")
        qtbot.mouseClick(form.save_button, LEFT)
        dialog.reject()  # the account is saved already; Cancel on Settings keeps it

    when_dialog_opens(qtbot, on_demand_only)
    window.settings_action.trigger()
    assert accounts.get_account(laptop, "home").interval_minutes == 0
    assert not timer.isActive()


# -- keyrings that cannot keep the password ------------------------------------------------------
def test_without_a_secure_store_the_page_says_so_and_saves_no_password(
    radicale: Any,
    installed_keyring: None,
    laptop: Database,
    qsettings: QSettings,
    logs: Path,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    keyring.set_keyring(fail.Keyring())
    page = page_of(qtbot, laptop)
    assert page.storage.text() == (
        "No secure password storage (keyring) on this computer: passwords are not saved, "
        "and will be asked at each sync."
    )
    form = open_form(qtbot, page, page.add_button)
    assert "asked at each sync" in form.storage_note.text()
    fill(qtbot, form, "home", radicale.url, radicale.username, radicale.password)
    click_and_wait(qtbot, form, form.connect_button)
    click_and_wait(qtbot, form, form.create_button)
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.result() == QDialog.DialogCode.Accepted, form.message.text()
    assert [a.name for a in accounts.accounts(laptop)] == ["home"]
    with pytest.raises(NoSecureStorage):
        PasswordStore().get("home")

    window = MainWindow(laptop, qsettings)
    window.synchronous_tasks = True
    qtbot.addWidget(window)
    window.show()
    asked: list[str] = []

    def type_password(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        asked.append(dialog.labelText())
        dialog.setTextValue(radicale.password)
        dialog.accept()

    when_dialog_opens(qtbot, type_password)
    window.context.parts["sync_menu"].sync_now()  # type: ignore[attr-defined]
    assert asked == [f"Password for {radicale.username} on home:"]
    assert window.context.parts["sync_menu"].status.text().startswith("Synced ")  # type: ignore[attr-defined]
    qsettings.sync()
    assert leaks(radicale.password, radicale.username, tmp_path) == []


class UnlockedOnRetry(KeyringBackend):
    """Locked until asked ``locked_times`` times: the user unlocked it in between."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, locked_times: int) -> None:
        super().__init__()
        self.locked_times = locked_times
        self.entries: dict[tuple[str, str], str] = {}

    def _gate(self) -> None:
        if self.locked_times > 0:
            self.locked_times -= 1
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._gate()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._gate()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._gate()
        self.entries.pop((service, username))


@pytest.mark.parametrize("answer", ["retry", "cancel"])
def test_a_locked_keyring_is_named_and_retried_after_unlocking(
    answer: str,
    radicale: Any,
    installed_keyring: None,
    laptop: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = UnlockedOnRetry(locked_times=1)
    keyring.set_keyring(backend)
    warned: list[str] = []
    button = {
        "retry": QMessageBox.StandardButton.Retry,
        "cancel": QMessageBox.StandardButton.Cancel,
    }

    def warning(parent: QWidget, title: str, text: str, *args: Any) -> Any:
        warned.append(f"{title}: {text}")
        return button[answer]

    monkeypatch.setattr(QMessageBox, "warning", warning)
    page = page_of(qtbot, laptop)
    form = open_form(qtbot, page, page.add_button)
    fill(qtbot, form, "home", radicale.url, radicale.username, radicale.password)
    click_and_wait(qtbot, form, form.connect_button)
    click_and_wait(qtbot, form, form.create_button)
    qtbot.mouseClick(form.save_button, LEFT)
    assert len(warned) == 1
    assert warned[0].startswith("Keyring locked: The keyring is locked, so netdesk cannot save")
    assert "then choose Retry" in warned[0]
    if answer == "retry":
        assert form.result() == QDialog.DialogCode.Accepted
        assert backend.entries == {("netdesk", "home"): radicale.password}
        assert [a.name for a in accounts.accounts(laptop)] == ["home"]
    else:
        assert form.isVisible()  # nothing saved; the form stays to try again
        assert form.message.text() == "Password: not saved, the keyring stayed locked."
        assert accounts.accounts(laptop) == [] and backend.entries == {}


# -- the parts on their own ----------------------------------------------------------------------
def test_accounts_model_passes_the_model_tester(
    qtmodeltester: ModelTester, radicale: Any, memory_keyring: Any, laptop: Database
) -> None:
    model = AccountsModel(laptop)
    qtmodeltester.check(model, force_py=True)
    saved_account(radicale, laptop)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert [model.index(0, c).data() for c in range(4)] == [
        "home",
        radicale.url,
        radicale.username,
        "every 30 min",
    ]


def test_every_control_of_the_page_and_the_form_is_named(
    radicale: Any, memory_keyring: Any, laptop: Database, qtbot: QtBot
) -> None:
    saved_account(radicale, laptop)
    page = page_of(qtbot, laptop)
    assert unnamed(page) == []
    form = open_form(qtbot, page, page.edit_button)
    form.password.setText(radicale.password)
    click_and_wait(qtbot, form, form.connect_button)
    assert unnamed(form) == []


def test_update_account_forgets_sync_state_only_when_the_collections_change(
    radicale: Any, memory_keyring: Any, laptop: Database
) -> None:
    from netdesk.sync.engine import SyncEngine

    saved_account(radicale, laptop)
    ContactBook(laptop).create(ContactData(full_name="Carmen Ruiz"))
    with SyncEngine(laptop, accounts.get_account(laptop, "home"), radicale.password) as engine:
        engine.sync()
    setup = accounts.find_collections(radicale.url, radicale.username, radicale.password)
    same = {"url": radicale.url, "username": radicale.username}
    accounts.update_account(laptop, "home", **same, interval_minutes=5, setup=setup)
    with laptop.session() as session:
        assert session.query(SyncState).count() == 1  # same collections: nothing forgotten
    other = f"{radicale.url}{radicale.username}/other-book/"
    with DavClient(radicale.url, radicale.username, radicale.password) as dav:
        dav.create_addressbook(other)
    moved = accounts.Setup(setup.discovery, other, setup.calendar_url)
    accounts.update_account(laptop, "home", **same, interval_minutes=5, setup=moved)
    account = accounts.get_account(laptop, "home")
    assert (account.addressbook_url, account.sync_token, account.interval_minutes) == (
        other,
        None,
        5,
    )
    with laptop.session() as session:
        assert session.query(SyncState).count() == 0
    with pytest.raises(ValueError, match="needs a new discovery"):
        accounts.update_account(
            laptop, "home", url="http://127.0.0.1:1/", username="x", interval_minutes=5
        )
    with pytest.raises(ValueError, match="cannot be negative"):
        accounts.update_account(laptop, "home", **same, interval_minutes=-1)


def test_an_account_removed_elsewhere_is_said_so_on_edit(
    radicale: Any, memory_keyring: Any, laptop: Database, qtbot: QtBot
) -> None:
    saved_account(radicale, laptop)
    page = page_of(qtbot, laptop)
    accounts.remove_account(laptop, "home")  # the command line, meanwhile
    qtbot.mouseClick(page.edit_button, LEFT)
    assert page.form is None
    assert page.message.text() == "The sync account home no longer exists."
    assert page.model.rowCount() == 0
