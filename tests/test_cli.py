"""The command line, run as a user runs it: a separate process, exit codes, stdout and stderr."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from netdesk import __version__
from netdesk.app.contacts import ContactBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import open_database


def netdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netdesk", *args],
        capture_output=True,
        check=False,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_version() -> None:
    out = netdesk("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"netdesk {__version__}"


def seeded(path: Path) -> tuple[int, int]:
    db = open_database(path)
    book = ContactBook(db, region="ES")
    a = book.create(ContactData(full_name="Ana García", emails=[EmailAddress("ana@x.es")]))
    b = book.create(ContactData(full_name="Bruno Díaz", organization="Díaz Abogados"))
    FollowUps(db).add(b, "thank_you", due=dt.date.today() - dt.timedelta(days=1))
    db.close()
    return a, b


def test_contacts_json_and_search(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    a, b = seeded(path)
    out = netdesk("--db", str(path), "contacts", "--json")
    assert out.returncode == 0, out.stderr
    records = json.loads(out.stdout)
    assert [r["id"] for r in records] == [a, b]
    assert records[0]["emails"] == ["ana@x.es"]
    found = json.loads(netdesk("--db", str(path), "contacts", "--search", "abog", "--json").stdout)
    assert [r["full_name"] for r in found] == ["Bruno Díaz"]


def test_database_from_environment(tmp_path: Path) -> None:
    path = tmp_path / "env.sqlite"
    seeded(path)
    out = netdesk("contacts", env={"NETDESK_DB": str(path)})
    assert out.returncode == 0
    assert "Ana García" in out.stdout and "Bruno Díaz" in out.stdout


def test_plain_table(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    seeded(path)
    lines = netdesk("--db", str(path), "contacts").stdout.splitlines()
    assert lines[0].split() == ["ID", "Name", "Organisation", "E-mail", "Phone"]
    assert len(lines) == 3


def test_due_done_and_snooze(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    seeded(path)
    due = json.loads(netdesk("--db", str(path), "due", "--json").stdout)
    assert [(d["contact"], d["kind"], d["status"]) for d in due] == [
        ("Bruno Díaz", "thank_you", "planned")
    ]
    assert due[0]["due"] == (dt.date.today() - dt.timedelta(days=1)).isoformat()
    assert netdesk("--db", str(path), "snooze", str(due[0]["id"]), "--days", "3").returncode == 0
    after = json.loads(netdesk("--db", str(path), "due", "--json").stdout)
    assert after[0]["due"] == (dt.date.today() + dt.timedelta(days=3)).isoformat()
    assert netdesk("--db", str(path), "done", str(due[0]["id"]), "--note", "sent").returncode == 0
    assert json.loads(netdesk("--db", str(path), "due", "--json").stdout) == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["frobnicate"], 2, "invalid choice"),
        (["due", "--days", "soon"], 2, "not a whole number"),
        (["done", "999"], 1, "no follow-up with id 999"),
        (["done", "1", "--date", "yesterday"], 2, "not a date"),
    ],
)
def test_errors_are_one_line_without_traceback(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    out = netdesk("--db", str(tmp_path / "e.sqlite"), *args)
    assert out.returncode == code
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_a_damaged_database_is_reported_not_crashed_on(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"\x00garbage" * 100)
    out = netdesk("--db", str(path), "contacts")
    assert out.returncode == 1
    assert "not a netdesk database" in out.stderr
    assert "Traceback" not in out.stderr
    assert path.read_bytes() == b"\x00garbage" * 100


def test_files_given_alone_open_the_window_and_missing_ones_are_named(tmp_path: Path) -> None:
    from netdesk.cli import _gui_arguments

    db = str(tmp_path / "n.db")
    assert _gui_arguments(["--db", db, "cards.VCF", "--minimized"]) == (
        ["--db", db],
        [Path("cards.VCF")],
        True,
    )
    assert _gui_arguments(["contacts", "--json"]) is None
    result = netdesk("--db", db, str(tmp_path / "nowhere.vcf"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"netdesk: {tmp_path / 'nowhere.vcf'}: no such file"
    assert "Traceback" not in result.stderr
