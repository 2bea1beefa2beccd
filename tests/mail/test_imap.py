"""IMAP scans against a real Dovecot: headers only, read-only, incremental, and honest when the
server goes away or refuses the password."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.mailgen import ME, Message
from netdesk import cli
from netdesk.app import mail_scan
from netdesk.app.contacts import ContactBook
from netdesk.app.interaction_list import interactions
from netdesk.app.interactions import ScanOptions
from netdesk.app.mail_sources import MailSources
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.mail import imap
from netdesk.store.db import Database
from tests.mail.dovecot import DovecotServer

ANN = "ann@lee.example"


def _contact(db: Database, name: str, address: str) -> int:
    return ContactBook(db).create(ContactData(full_name=name, emails=[EmailAddress(address)]))


def _received(i: int, sender: str = ANN) -> bytes:
    return Message(
        sender, [ME], subject=f"Question {i}", message_id=f"in{i}@lee.example"
    ).as_bytes()


def _sent(i: int, to: str = ANN) -> bytes:
    return Message(ME, [to], subject=f"Answer {i}", message_id=f"out{i}@mydesk.example").as_bytes()


def _run(db_path: Path, *args: str, stdin: str | None = None,
         monkeypatch: pytest.MonkeyPatch | None = None) -> int:  # fmt: skip
    if stdin is not None and monkeypatch is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.run(["--db", str(db_path), *args])


def _add_account(db_path: Path, server: DovecotServer, monkeypatch: pytest.MonkeyPatch,
                 *extra: str, password: str | None = None) -> int:  # fmt: skip
    return _run(
        db_path,
        "account", "add", "work", "--kind", "imap", "--host", "127.0.0.1",
        "--port", str(server.tls_port), "--username", server.user, "--password-stdin", *extra,
        stdin=(password or server.password) + "\n",
        monkeypatch=monkeypatch,
    )  # fmt: skip


def _scan_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    code = _run(db_path, "mail", "scan", "--account", "work", "--me", ME, "--json")
    out = capsys.readouterr().out
    report: dict[str, object] = json.loads(out)
    report["_exit"] = code
    return report


@pytest.fixture
def ready(tmp_path: Path, db: Database, dovecot: DovecotServer, memory_keyring: object,
          monkeypatch: pytest.MonkeyPatch) -> Path:  # fmt: skip
    _contact(db, "Ann Lee", ANN)
    db_path = tmp_path / "netdesk.sqlite"
    assert _add_account(db_path, dovecot, monkeypatch) == 0
    return db_path


def test_scan_reads_inbox_and_sent_headers_only_and_changes_no_flag(
    ready: Path, db: Database, dovecot: DovecotServer, capsys: pytest.CaptureFixture[str]
) -> None:
    dovecot.append("INBOX", [_received(1), _received(2)])
    dovecot.append("Sent", [_sent(1)])
    news = Message("News <n@shop.example>", [ME], extra=["List-Id: <n.shop>"], message_id="n@s")
    dovecot.append("INBOX", [news.as_bytes()])
    before = len(re.findall(r"Disconnected", dovecot.log_text()))

    report = _scan_json(ready, capsys)

    assert report["messages"] == 4
    assert report["logged"] == 3
    assert report["ignored"] == {  # type: ignore[comparison-overlap]
        "newsletter": 1, "bulk": 0, "unmatched": 0, "malformed": 0, "duplicate": 0,
    }  # fmt: skip
    rows = interactions(db)
    assert sorted((r.direction, r.subject) for r in rows) == [
        ("received", "Question 1"),
        ("received", "Question 2"),
        ("sent", "Answer 1"),
    ]
    assert {r.source for r in rows} == {"imap:work/INBOX", "imap:work/Sent"}
    # Dovecot counts what each session read: header fields, never a body.
    sessions = re.findall(r"Disconnected.*", dovecot.log_text())[before:]
    scan_sessions = [s for s in sessions if "hdr_count=" in s and "hdr_count=0" not in s]
    assert scan_sessions, sessions
    assert all("body_count=0 body_bytes=0" in s for s in sessions)
    with dovecot.client() as client:
        client.select_folder("INBOX", readonly=True)
        flags = client.get_flags(client.search("ALL"))
    assert all(b"\\Seen" not in f for f in flags.values())


def test_rescan_fetches_only_new_mail(
    ready: Path, db: Database, dovecot: DovecotServer, capsys: pytest.CaptureFixture[str]
) -> None:
    dovecot.append("INBOX", [_received(i) for i in range(5)])
    assert _scan_json(ready, capsys)["logged"] == 5
    again = _scan_json(ready, capsys)
    assert again["messages"] == 0
    assert again["logged"] == 0
    dovecot.append("INBOX", [_received(9)])
    third = _scan_json(ready, capsys)
    assert (third["messages"], third["logged"]) == (1, 1)
    assert len(interactions(db)) == 6


def test_uidvalidity_change_rereads_the_folder_without_logging_twice(
    ready: Path, db: Database, dovecot: DovecotServer, capsys: pytest.CaptureFixture[str]
) -> None:
    dovecot.append("Archive", [_received(i) for i in range(3)])
    MailSources(db).set_folders("work", ["Archive"])
    assert _scan_json(ready, capsys)["logged"] == 3
    with dovecot.client() as client:
        old = client.folder_status("Archive", ["UIDVALIDITY"])[b"UIDVALIDITY"]
        client.delete_folder("Archive")
    dovecot.append("Archive", [_received(i) for i in range(4)])  # the same three and one more
    with dovecot.client() as client:
        assert client.folder_status("Archive", ["UIDVALIDITY"])[b"UIDVALIDITY"] != old
    report = _scan_json(ready, capsys)
    assert report["messages"] == 4
    assert report["logged"] == 1
    assert report["ignored"]["duplicate"] == 3  # type: ignore[index]
    assert len(interactions(db)) == 4


def test_server_stopped_mid_scan_next_scan_finishes_without_doubles(
    ready: Path, db: Database, dovecot: DovecotServer, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    dovecot.append("INBOX", [_received(i) for i in range(12)])
    monkeypatch.setattr(imap, "FETCH_BATCH", 4)
    source = MailSources(db).get("work")
    scan = mail_scan.scan_imap(db, source, dovecot.password, ScanOptions(me=frozenset({ME})))
    first = next(scan)
    assert first.done == 4
    dovecot.stop()
    with pytest.raises(StopIteration) as stopped:
        while True:
            next(scan)
    cut = stopped.value.value
    assert cut.errors and "connection was lost" in cut.errors[0]
    assert cut.logged == 4
    assert len(interactions(db)) == 4

    dovecot.start()
    report = _scan_json(ready, capsys)
    assert report["_exit"] == 0
    assert report["messages"] == 8  # the rest only
    assert report["logged"] == 8
    assert report["ignored"]["duplicate"] == 0  # type: ignore[index]
    assert sorted(r.subject for r in interactions(db)) == sorted(f"Question {i}" for i in range(12))


def test_wrong_password_is_a_clear_message_and_adds_nothing(
    tmp_path: Path, db: Database, dovecot: DovecotServer, memory_keyring: object,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db_path = tmp_path / "netdesk.sqlite"
    assert _add_account(db_path, dovecot, monkeypatch, password="wrong") == 1
    err = capsys.readouterr().err
    assert "refused the user name or password for 'alice'" in err
    assert "Traceback" not in err
    assert MailSources(db).all() == []
    # An account whose password changed on the server: the scan says so, nothing is logged.
    assert _add_account(db_path, dovecot, monkeypatch) == 0
    dovecot.set_password("changed-" + dovecot.password)
    capsys.readouterr()
    assert _run(db_path, "mail", "scan", "--account", "work", "--json") == 1
    assert "refused the user name or password" in capsys.readouterr().err


def test_starttls_account_and_password_kept_in_the_keyring_only(
    tmp_path: Path, db: Database, dovecot: DovecotServer, memory_keyring: object,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db_path = tmp_path / "netdesk.sqlite"
    code = _run(
        db_path,
        "account", "add", "plain", "--kind", "imap", "--host", "127.0.0.1",
        "--port", str(dovecot.plain_port), "--security", "starttls",
        "--username", dovecot.user, "--password-stdin",
        stdin=dovecot.password + "\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert "INBOX, Sent" in capsys.readouterr().out
    assert dovecot.password.encode() not in db_path.read_bytes()
    assert memory_keyring.entries[("netdesk", "imap:plain")] == dovecot.password  # type: ignore[attr-defined]
    _contact(db, "Ann Lee", ANN)
    dovecot.append("INBOX", [_received(1)])
    assert _run(db_path, "mail", "scan", "--account", "plain", "--json") == 0
    assert json.loads(capsys.readouterr().out)["logged"] == 1
    assert _run(db_path, "accounts", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["name"], a["kind"]) for a in listed] == [("plain", "imap")]
