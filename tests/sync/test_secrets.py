"""Passwords: the keyring wrapper's three outcomes, and no password ever written anywhere else."""

from __future__ import annotations

import argparse
import base64
import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from netdesk import cli
from netdesk.store.db import open_database
from netdesk.sync import accounts
from netdesk.system.logs import setup_logging
from netdesk.system.secrets import (
    KeyringLocked,
    NoSecureStorage,
    PasswordStore,
    PasswordStoreError,
)

pytestmark = pytest.mark.sync


@pytest.fixture
def installed_keyring() -> Iterator[None]:
    """Restore whatever keyring was active when a test installs another one."""
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def test_memory_backend_found_not_found_delete(memory_keyring: Any) -> None:
    store = PasswordStore()
    assert store.get("home") is None
    store.set("home", "correct horse")
    assert store.get("home") == "correct horse"
    assert memory_keyring.entries == {("netdesk", "home"): "correct horse"}
    assert store.delete("home") is True
    assert store.get("home") is None
    assert store.delete("home") is False
    assert store.available()
    assert "MemoryKeyring" in store.describe()


def test_empty_password_is_refused(memory_keyring: Any) -> None:
    with pytest.raises(ValueError, match="empty"):
        PasswordStore().set("home", "")
    assert memory_keyring.entries == {}


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_secure_storage(installed_keyring: None, backend: KeyringBackend) -> None:
    keyring.set_keyring(backend)
    store = PasswordStore()
    assert not store.available()
    with pytest.raises(NoSecureStorage):
        store.get("home")
    with pytest.raises(NoSecureStorage):
        store.set("home", "secret")
    assert store.describe().startswith("Nowhere")


def test_chainer_without_viable_backends_is_no_storage(
    installed_keyring: None, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any
) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(chainer.ChainerBackend())
    with pytest.raises(NoSecureStorage):
        PasswordStore().get("home")
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [memory_keyring])
    store = PasswordStore()
    store.set("home", "s3")
    assert store.get("home") == "s3"


class RaisingKeyring(KeyringBackend):
    """A backend whose every call fails with ``error`` (or an AssertionError)."""

    priority = 1  # type: ignore[assignment]
    error: Exception = AssertionError("this backend must never be used")

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


class PlaintextKeyring(RaisingKeyring):
    """Named like keyrings.alt's plain-text file backend: netdesk must refuse it unused."""


class LockedKeyring(RaisingKeyring):
    error = keyring.errors.KeyringLocked("Failed to unlock the collection!")


class BrokenKeyring(RaisingKeyring):
    error = keyring.errors.InitError("Failed to create the collection: Prompt dismissed.")


def test_plain_text_backends_are_refused() -> None:
    store = PasswordStore(PlaintextKeyring())
    with pytest.raises(NoSecureStorage):
        store.get("home")


def test_locked_and_broken_keyrings_are_told_apart() -> None:
    with pytest.raises(KeyringLocked, match="locked"):
        PasswordStore(LockedKeyring()).get("home")
    with pytest.raises(KeyringLocked):
        PasswordStore(LockedKeyring()).set("home", "pw")
    with pytest.raises(PasswordStoreError, match="Prompt dismissed") as caught:
        PasswordStore(BrokenKeyring()).get("home")
    assert not isinstance(caught.value, KeyringLocked | NoSecureStorage)


# -- the command line, in process --------------------------------------------------------------
@pytest.fixture
def netdesk_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Any]:
    """run(argv, stdin) → (exit code, stdout, stderr), with the sync commands loaded even
    before netdesk.cli lists netdesk.cli.sync."""
    original = cli.build_parser

    def build(command: str | None = None) -> argparse.ArgumentParser:
        parser = original(command)
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "sync" not in sub.choices:
            import netdesk.cli.sync

            netdesk.cli.sync.add_parsers(sub)
        return parser

    monkeypatch.setattr(cli, "build_parser", build)

    def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli.run(argv)
        out, err = capsys.readouterr()
        return code, out, err

    yield run


def add_account_args(db_path: Path, server: Any, name: str = "home") -> list[str]:
    return [
        *("--db", str(db_path), "account", "add", name, "--url", server.url),
        *("--username", server.username, "--password-stdin"),
    ]


def private_files(tmp_path: Path, db_path: Path) -> list[Path]:
    """Every file netdesk could have written: the database (and its WAL), settings, logs."""
    files = [p for p in db_path.parent.glob(db_path.name + "*") if p.is_file()]
    for folder in ("xdg-data", "xdg-config", "xdg-state", "xdg-cache"):
        files += [p for p in (tmp_path / folder).rglob("*") if p.is_file()]
    return files


def assert_not_stored(password: str, username: str, files: list[Path]) -> None:
    basic = base64.b64encode(f"{username}:{password}".encode()).decode()
    needles = [password.encode(), password.encode("utf-16-le"), basic.encode()]
    leaks = [str(p) for p in files for n in needles if n in p.read_bytes()]
    assert leaks == []


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


def test_without_secure_storage_no_password_is_stored_anywhere(
    tmp_path: Path,
    radicale: Any,
    netdesk_cli: Any,
    installed_keyring: None,
    logs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keyring.set_keyring(fail.Keyring())
    db_path = tmp_path / "cli.sqlite"
    code, out, err = netdesk_cli(
        add_account_args(db_path, radicale),
        radicale.password + "\n",
    )
    assert code == 0, err
    assert "password was not saved" in out
    seed = open_database(db_path)
    from netdesk.app.contacts import ContactBook
    from netdesk.domain.contact_data import ContactData

    ContactBook(seed).create(ContactData(full_name="Ada Lovelace"))
    [account] = accounts.accounts(seed)
    seed.close()
    assert account.addressbook_url.endswith("/netdesk-contacts/")
    prompts: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or "")
    code, out, err = netdesk_cli(["--db", str(db_path), "sync", "home"], "")
    assert code == 1
    assert "no password given" in err
    assert prompts == [f"Password for {radicale.username} (home): "]  # asked, not read from disk
    code, out, err = netdesk_cli(
        ["--db", str(db_path), "sync", "home", "--password-stdin"], radicale.password + "\n"
    )
    assert code == 0, err
    assert "1 sent" in out
    assert list(logs.iterdir())  # the log was written, so searching it means something
    assert_not_stored(radicale.password, radicale.username, private_files(tmp_path, db_path))


def test_with_a_keyring_the_password_goes_only_there(
    tmp_path: Path, radicale: Any, netdesk_cli: Any, memory_keyring: Any, logs: Path
) -> None:
    db_path = tmp_path / "cli.sqlite"
    code, out, err = netdesk_cli(
        add_account_args(db_path, radicale),
        radicale.password + "\n",
    )
    assert code == 0, err
    assert memory_keyring.entries == {("netdesk", "home"): radicale.password}
    code, out, err = netdesk_cli(["--db", str(db_path), "sync", "--json"])  # no prompt needed
    assert code == 0, err
    assert '"error": null' in out
    code, out, err = netdesk_cli(["--db", str(db_path), "accounts", "--json"])
    assert code == 0 and '"name": "home"' in out
    assert radicale.password not in out
    assert_not_stored(radicale.password, radicale.username, private_files(tmp_path, db_path))
    code, out, err = netdesk_cli(["--db", str(db_path), "account", "remove", "home"])
    assert code == 0, err
    assert memory_keyring.entries == {}


def test_cli_sync_errors_exit_1_with_a_clear_message(
    tmp_path: Path, radicale: Any, netdesk_cli: Any, memory_keyring: Any
) -> None:
    db_path = tmp_path / "cli.sqlite"
    args = add_account_args(db_path, radicale)
    assert netdesk_cli(args, radicale.password + "\n")[0] == 0
    code, _out, err = netdesk_cli(args, radicale.password + "\n")
    assert (code, "already a sync account" in err) == (1, True)
    radicale.stop()
    code, out, err = netdesk_cli(["--db", str(db_path), "sync"])
    assert code == 1
    assert "received" not in out
    assert f"cannot reach {radicale.url}" in err
    assert "connection refused" in err
    code, _out, err = netdesk_cli(["--db", str(db_path), "sync", "nope"])
    assert code == 1 and "no sync account named 'nope'" in err
    code, _out, err = netdesk_cli(add_account_args(db_path, radicale, "other"), "pw\n")
    assert code == 1 and "cannot reach" in err
    check = open_database(db_path)
    assert [a.name for a in accounts.accounts(check)] == ["home"]
    check.close()


def test_a_password_inside_the_url_is_refused(
    tmp_path: Path, radicale: Any, netdesk_cli: Any, memory_keyring: Any
) -> None:
    db_path = tmp_path / "cli.sqlite"
    leaky = radicale.url.replace("http://", f"http://{radicale.username}:{radicale.password}@")
    args = add_account_args(db_path, radicale)
    args[args.index(radicale.url)] = leaky
    code, _out, err = netdesk_cli(args, radicale.password + "\n")
    assert code == 1
    assert "must not contain a password" in err
    assert radicale.password not in err
    assert memory_keyring.entries == {}
    assert_not_stored(radicale.password, radicale.username, private_files(tmp_path, db_path))
