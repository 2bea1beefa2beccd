"""backup, backups, restore and check, run as a user runs them: a separate process."""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from netdesk import cli
from netdesk.app.contacts import ContactBook
from netdesk.cli import EXIT_USAGE, CliError, build_parser
from netdesk.cli import data as cli_data
from netdesk.domain.contact_data import ContactData
from netdesk.store.backups import BackupManager, backup_to
from netdesk.store.db import open_database

PAGE = 4096


def netdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netdesk", *args],
        capture_output=True,
        check=False,
        text=True,
        input=stdin,
        env=dict(os.environ),
        timeout=60,
    )


def seeded(path: Path, *names: str) -> Path:
    db = open_database(path)
    book = ContactBook(db)
    for name in names:
        book.create(ContactData(full_name=name))
    db.close()
    return path


def names(path: Path) -> list[str]:
    out = netdesk("--db", str(path), "contacts", "--json")
    assert out.returncode == 0, out.stderr
    return sorted(r["full_name"] for r in json.loads(out.stdout))


def test_backup_into_the_folder_and_to_a_file(tmp_path: Path) -> None:
    path = seeded(tmp_path / "a.sqlite", "Ana García", "Bruno Díaz")
    out = netdesk("--db", str(path), "backup")
    assert out.returncode == 0, out.stderr
    made = Path(out.stdout.strip())
    assert made.parent == tmp_path / "backups"
    assert made.name.startswith("netdesk-") and made.name.endswith("-manual.sqlite")
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert names(made) == ["Ana García", "Bruno Díaz"]

    target = tmp_path / "elsewhere.sqlite"
    out = netdesk("--db", str(path), "backup", "--output", str(target))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(target)
    assert names(target) == ["Ana García", "Bruno Díaz"]


def test_backup_to_a_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    path = seeded(tmp_path / "a.sqlite", "Ana García")
    out = netdesk("--db", str(path), "backup", "--output", str(tmp_path / "no" / "b.sqlite"))
    assert out.returncode == 1
    assert "cannot write the backup" in out.stderr
    assert "Traceback" not in out.stderr


def test_backups_json_lists_newest_first(tmp_path: Path) -> None:
    path = seeded(tmp_path / "a.sqlite", "Ana García")
    assert json.loads(netdesk("--db", str(path), "backups", "--json").stdout) == []
    first = Path(netdesk("--db", str(path), "backup").stdout.strip())
    seeded(path, "Bruno Díaz")
    second = Path(netdesk("--db", str(path), "backup").stdout.strip())
    out = netdesk("--db", str(path), "backups", "--json")
    assert out.returncode == 0, out.stderr
    listed = json.loads(out.stdout)
    assert [(b["path"], b["reason"], b["contacts"]) for b in listed] == [
        (str(second), "manual", 2),
        (str(first), "manual", 1),
    ]
    assert listed[0]["size"] == second.stat().st_size
    assert listed[0]["created"].endswith("+00:00")
    table = netdesk("--db", str(path), "backups").stdout.splitlines()
    assert table[0].split() == [
        "Created",
        "Reason",
        "Contacts",
        "Events",
        "Follow-ups",
        "Size",
        "File",
    ]
    assert listed[0]["events"] == 0 and listed[0]["follow_ups"] == 0
    assert len(table) == 3 and table[1].endswith(str(second))


def test_restore_with_yes_and_undo(tmp_path: Path) -> None:
    path = seeded(tmp_path / "a.sqlite", "Ana García")
    snapshot = Path(netdesk("--db", str(path), "backup").stdout.strip())
    seeded(path, "Bruno Díaz")
    out = netdesk("--db", str(path), "restore", str(snapshot), "--yes")
    assert out.returncode == 0, out.stderr
    assert names(path) == ["Ana García"]
    saved = [line for line in out.stdout.splitlines() if "saved to" in line]
    assert len(saved) == 1
    pre_restore = Path(saved[0].rsplit(" ", 1)[1])
    assert pre_restore.name.endswith("-pre-restore.sqlite")
    assert f"restore {pre_restore} --yes" in out.stdout  # how to undo, spelled out
    assert netdesk("--db", str(path), "restore", str(pre_restore), "--yes").returncode == 0
    assert names(path) == ["Ana García", "Bruno Díaz"]


def test_restore_without_yes_off_a_terminal_is_refused(tmp_path: Path) -> None:
    path = seeded(tmp_path / "a.sqlite", "Ana García")
    snapshot = backup_to(path, tmp_path / "snap.sqlite")
    seeded(path, "Bruno Díaz")
    before = path.read_bytes()
    out = netdesk("--db", str(path), "restore", str(snapshot), stdin="y\n")
    assert out.returncode == 2
    assert "--yes" in out.stderr
    assert "Traceback" not in out.stderr
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()
    assert names(path) == ["Ana García", "Bruno Díaz"]


def test_restore_of_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    path = seeded(tmp_path / "a.sqlite", "Ana García")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    out = netdesk("--db", str(path), "restore", str(junk), "--yes")
    assert out.returncode == 1
    assert "will not restore" in out.stderr and "Traceback" not in out.stderr
    out = netdesk("--db", str(path), "restore", str(tmp_path / "absent.sqlite"), "--yes")
    assert out.returncode == 1 and "no such file" in out.stderr
    assert names(path) == ["Ana García"]


def test_restore_rescues_a_damaged_database(tmp_path: Path) -> None:
    path = seeded(tmp_path / "a.sqlite", "Ana García")
    snapshot = Path(netdesk("--db", str(path), "backup").stdout.strip())
    path.write_bytes(b"\x00garbage" * 100)
    out = netdesk("--db", str(path), "restore", str(snapshot), "--yes")
    assert out.returncode == 0, out.stderr
    assert names(path) == ["Ana García"]


def test_check_ok(tmp_path: Path) -> None:
    path = seeded(tmp_path / "a.sqlite", "Ana García")
    for extra in ([], ["--full"]):
        out = netdesk("--db", str(path), "check", *extra)
        assert (out.returncode, out.stdout.strip(), out.stderr) == (0, "ok", "")


def test_check_on_a_damaged_file_names_the_problem_and_a_good_backup(tmp_path: Path) -> None:
    path = seeded(tmp_path / "a.sqlite", *(f"Person {i} {'x' * 200}" for i in range(400)))
    good = Path(netdesk("--db", str(path), "backup").stdout.strip())
    data = bytearray(path.read_bytes())
    middle = len(data) // PAGE // 2
    data[middle * PAGE : (middle + 2) * PAGE] = b"\xa5" * (2 * PAGE)
    path.write_bytes(bytes(data))
    out = netdesk("--db", str(path), "check")
    assert out.returncode == 1
    assert f"netdesk: {path} is damaged" in out.stderr
    assert f"the newest good backup is {good}" in out.stderr
    assert "Traceback" not in out.stderr
    assert path.read_bytes() == bytes(data)  # checking changes nothing


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00garbage" * 100, "is not an SQLite database"), (None, "there is no database at")],
)
def test_check_on_a_file_that_is_not_a_database(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.sqlite"
    if content is not None:
        path.write_bytes(content)
    out = netdesk("--db", str(path), "check")
    assert out.returncode == 1
    assert message in out.stderr and "Traceback" not in out.stderr
    assert not path.exists() if content is None else path.read_bytes() == content


def _args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def test_handlers_called_directly_need_no_open_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = seeded(tmp_path / "a.sqlite", "Ana García")
    snapshot = BackupManager(path).create("manual")
    seeded(path, "Bruno Díaz")
    assert {"restore", "check", "backups"} == cli_data.NO_DATABASE_COMMANDS
    assert set(cli._PATH_COMMANDS) == cli_data.NO_DATABASE_COMMANDS  # run() never opens them

    assert cli_data._check(_args("check"), path) == 0
    assert capsys.readouterr().out == "ok\n"

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert cli_data._restore(_args("restore", str(snapshot)), path) == 1
    assert "nothing changed" in capsys.readouterr().out
    prompts: list[str] = []

    def answer_yes(prompt: str) -> str:
        prompts.append(prompt)
        return "y"

    monkeypatch.setattr("builtins.input", answer_yes)
    assert cli_data._restore(_args("restore", str(snapshot)), path) == 0
    assert prompts == [f"Replace the current database with {snapshot}? [y/N] "]
    assert names(path) == ["Ana García"]

    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    with pytest.raises(CliError, match="add --yes") as refused:
        cli_data._restore(_args("restore", str(snapshot)), path)
    assert refused.value.code == EXIT_USAGE
