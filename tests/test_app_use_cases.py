"""#16: opening and accounts are use cases the window and the command line share (netdesk.app)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from netdesk.app import accounts, backups, opening
from netdesk.app.contacts import ContactBook
from netdesk.app.mail_sources import MailSources, password_key
from netdesk.domain.contact_data import ContactData
from netdesk.store import session_mark
from netdesk.store.db import Database
from netdesk.sync.accounts import Setup
from netdesk.sync.accounts import accounts as sync_accounts
from netdesk.sync.davxml import Discovery
from netdesk.system.secrets import KeyringLocked, NoSecureStorage, PasswordStoreError

PAGE = 4096


class MemoryPasswords:
    """The keyring as netdesk.app.accounts.Passwords sees it, recording every call in order."""

    def __init__(self, *, secure: bool = True, fail_delete: PasswordStoreError | None = None):
        self.saved: dict[str, str] = {}
        self.calls: list[str] = []
        self.secure = secure
        self.fail_delete = fail_delete

    def available(self) -> bool:
        return self.secure

    def set(self, account: str, password: str) -> None:
        self.calls.append(f"set {account}")
        if not self.secure:
            raise NoSecureStorage("none here")
        self.saved[account] = password

    def delete(self, account: str) -> object:
        self.calls.append(f"delete {account}")
        if self.fail_delete is not None:
            raise self.fail_delete
        return self.saved.pop(account, None) is not None


def dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def filled(path: Path, count: int = 400) -> Path:
    db = opening.open(path)
    book = ContactBook(db)
    for i in range(count):
        book.create(ContactData(full_name=f"Person {i:04d} " + "x" * 200))
    db.close()
    return path


def damage_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    for page in range(pages // 2 - 2, pages // 2 + 2):
        data[page * PAGE : (page + 1) * PAGE] = bytes([0xA5]) * PAGE
    path.write_bytes(bytes(data))


def test_a_window_that_crashed_is_told_from_one_still_running(tmp_path: Path) -> None:
    path = filled(tmp_path / "netdesk.sqlite", 1)
    assert not opening.left_open_by_a_crash(path)  # no mark: closed cleanly
    session_mark.marker(path).write_text(f"{dead_pid()}\n", encoding="ascii")
    assert opening.left_open_by_a_crash(path)
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as alive:
        try:
            session_mark.marker(path).write_text(f"{alive.pid}\n", encoding="ascii")
            assert not opening.left_open_by_a_crash(path)  # a window has it open now
        finally:
            alive.kill()
    session_mark.marker(path).write_text("not a pid\n", encoding="ascii")
    assert opening.left_open_by_a_crash(path)


def test_the_command_line_checks_a_file_left_open_by_a_crash_and_changes_nothing(
    tmp_path: Path,
) -> None:
    path = filled(tmp_path / "netdesk.sqlite")
    good = backups.back_up_now(path)
    damage_middle(path)
    before = path.read_bytes()
    # Closed cleanly: no check (a check of a large file would cost every call ~0.4 s).
    assert opening.damage(path) is not None
    session_mark.marker(path).write_text(f"{dead_pid()}\n", encoding="ascii")
    with pytest.raises(opening.DamagedDatabase) as caught:
        opening.open_for_command(path)
    message = str(caught.value)
    assert str(path) in message and "damaged" in message and str(good) in message
    assert path.read_bytes() == before

    done = subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(path), "contact", "add", "--name", "Nueva"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert f"{path} is damaged" in done.stderr and f"restore {good} --yes" in done.stderr
    assert "Traceback" not in done.stderr
    assert path.read_bytes() == before


def test_the_command_line_opens_a_sound_file_after_a_crash(tmp_path: Path) -> None:
    path = filled(tmp_path / "netdesk.sqlite", 3)
    session_mark.marker(path).write_text(f"{dead_pid()}\n", encoding="ascii")
    db = opening.open_for_command(path)
    try:
        assert ContactBook(db).count("") == 3
    finally:
        db.close()


def test_recover_keeps_what_sqlite_can_read_beside_the_backups(tmp_path: Path) -> None:
    path = filled(tmp_path / "netdesk.sqlite")
    damage_middle(path)
    recovered = opening.recover(path)
    assert recovered is not None
    assert recovered.path.parent == backups.folder(path)
    assert backups.damage(path) is not None
    assert backups.damage(recovered.path) is None  # a sound file, whatever it could not read
    assert (recovered.contacts or 0) + recovered.rows_lost >= 1
    assert 0 < (recovered.contacts or 0) <= 400
    opening.discard(recovered)
    assert not recovered.path.exists()


SETUP = Setup(Discovery(), "https://dav.example.org/ab/", "")


def test_adding_a_sync_account_keeps_its_password_then_stores_it(db: Database) -> None:
    passwords = MemoryPasswords()
    kept = accounts.add_sync_account(
        db,
        passwords,
        "home",
        url="https://dav.example.org/",
        username="ana",
        password="s3cret",
        setup=SETUP,
        interval_minutes=30,
    )
    assert kept and passwords.saved == {"home": "s3cret"}
    assert [a.name for a in sync_accounts(db)] == ["home"]
    with pytest.raises(accounts.NameTaken, match="already a sync account named 'home'"):
        accounts.add_sync_account(
            db,
            passwords,
            "home",
            url="https://x.example.org/",
            username="b",
            password="other",
            setup=SETUP,
        )
    assert passwords.saved == {"home": "s3cret"}  # the name was checked before the keyring


def test_a_sync_account_that_cannot_be_stored_leaves_no_password_behind(db: Database) -> None:
    passwords = MemoryPasswords()
    with pytest.raises(ValueError):
        accounts.add_sync_account(
            db,
            passwords,
            "home",
            url="https://dav.example.org/",
            username="ana",
            password="s3cret",
            setup=SETUP,
            interval_minutes=-5,
        )
    assert passwords.calls == ["set home", "delete home"]
    assert passwords.saved == {}
    assert sync_accounts(db) == []


def test_without_a_keyring_the_account_is_added_and_nothing_kept(db: Database) -> None:
    passwords = MemoryPasswords(secure=False)
    kept = accounts.add_mail_account(
        db,
        passwords,
        "work",
        host="imap.example.org",
        username="ana",
        password="pw",
        port=993,
        security="tls",
        folders=[],
    )
    assert kept is False and passwords.saved == {}
    assert [s.name for s in MailSources(db).all()] == ["work"]


@pytest.mark.parametrize("kind", ["sync", "mail"])
def test_removing_forgets_the_password_first_then_the_account(db: Database, kind: str) -> None:
    passwords = MemoryPasswords()
    if kind == "sync":
        accounts.add_sync_account(
            db,
            passwords,
            "acct",
            url="https://dav.example.org/",
            username="a",
            password="pw",
            setup=SETUP,
        )
        key = "acct"
    else:
        accounts.add_mail_account(
            db,
            passwords,
            "acct",
            host="imap.example.org",
            username="a",
            password="pw",
            port=993,
            security="tls",
            folders=[],
        )
        key = password_key("acct")
    assert accounts.remove_account(db, passwords, "acct") is None
    assert passwords.calls[-1] == f"delete {key}" and passwords.saved == {}
    assert sync_accounts(db) == [] and MailSources(db).all() == []
    with pytest.raises(LookupError):
        accounts.remove_account(db, passwords, "acct")
    assert passwords.calls[-1] == f"delete {key}"  # nothing touched for a missing account


def test_a_locked_keyring_still_removes_the_account_and_says_where_the_password_stays(
    db: Database,
) -> None:
    passwords = MemoryPasswords()
    accounts.add_sync_account(
        db,
        passwords,
        "acct",
        url="https://dav.example.org/",
        username="a",
        password="pw",
        setup=SETUP,
    )
    passwords.fail_delete = KeyringLocked("the keyring stayed locked")
    left = accounts.remove_account(db, passwords, "acct")
    assert isinstance(left, KeyringLocked)
    assert sync_accounts(db) == []
