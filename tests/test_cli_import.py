"""netdesk import / export / undo-import from the command line, as scripts use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def netdesk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
        timeout=60,
    )


def test_import_json_report_and_exit_codes(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    ok = netdesk(
        db,
        "import",
        str(FIXTURES / "breakfast.vcf"),
        "--event",
        "Chamber breakfast",
        "--event-date",
        "2026-11-16",
        "--event-cost",
        "25",
        "--event-hours",
        "2.5",
        "--json",
    )
    assert ok.returncode == 0, ok.stderr
    report = json.loads(ok.stdout)
    assert (report["cards"], report["created"], report["merged"]) == (3, 3, 0)
    assert report["suggested"] == [] and report["rejected"] == []
    assert report["touchpoints_planned"] == 9
    partial = netdesk(db, "import", str(FIXTURES / "mixed-with-broken.vcf"), "--json")
    assert partial.returncode == 3
    rejected = json.loads(partial.stdout)["rejected"]
    assert rejected == [
        {
            "file": str(FIXTURES / "mixed-with-broken.vcf"),
            "card": 2,
            "reason": "card has no name, organisation, e-mail or phone",
        }
    ]
    junk = tmp_path / "junk.vcf"
    junk.write_bytes(b"not a card at all\n")
    nothing = netdesk(db, "import", str(junk))
    assert nothing.returncode == 2
    assert "no business cards found" in nothing.stderr
    contacts = json.loads(netdesk(db, "contacts", "--json").stdout)
    assert len(contacts) == 5
    assert {c["full_name"]: c["events"] for c in contacts}["Lucía Pérez"] == ["Chamber breakfast"]


def test_wrong_arguments_exit_2_and_change_nothing(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    for args in (
        ["import", str(tmp_path / "missing.vcf")],
        ["import", str(FIXTURES / "breakfast.vcf"), "--event-cost", "cheap", "--event", "X"],
        ["import", str(FIXTURES / "breakfast.vcf"), "--event-date", "2026-13-01", "--event", "X"],
        ["import", str(FIXTURES / "breakfast.vcf"), "--event-hours", "2"],
    ):
        run = netdesk(db, *args)
        assert run.returncode == 2, args
        assert "Traceback" not in run.stderr and run.stderr.strip()
    assert json.loads(netdesk(db, "contacts", "--json").stdout) == []


def test_dry_run_then_undo_import(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    dry = json.loads(
        netdesk(db, "import", str(FIXTURES / "breakfast.vcf"), "--dry-run", "--json").stdout
    )
    assert dry["created"] == 3 and dry["batch_id"] is None
    assert json.loads(netdesk(db, "contacts", "--json").stdout) == []
    report = json.loads(netdesk(db, "import", str(FIXTURES / "breakfast.vcf"), "--json").stdout)
    undo = netdesk(db, "undo-import", str(report["batch_id"]))
    assert undo.returncode == 0, undo.stderr
    assert "3 contacts removed" in undo.stdout
    assert json.loads(netdesk(db, "contacts", "--json").stdout) == []
    again = netdesk(db, "undo-import", str(report["batch_id"]))
    assert again.returncode == 1 and "already undone" in again.stderr


def test_export_round_trip_through_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    netdesk(db, "import", str(FIXTURES / "breakfast.vcf"))
    before = json.loads(netdesk(db, "contacts", "--json").stdout)
    for fmt, suffix in (("vcard", "vcf"), ("vcard4", "vcf"), ("csv", "csv")):
        out = tmp_path / f"export-{fmt}.{suffix}"
        run = netdesk(db, "export", "--format", fmt, "--output", str(out))
        assert run.returncode == 0, run.stderr
        assert out.stat().st_mode & 0o777 == 0o600
        other = tmp_path / f"other-{fmt}.sqlite"
        imported = netdesk(other, "import", str(out), "--json")
        assert imported.returncode == 0, imported.stderr
        after = json.loads(netdesk(other, "contacts", "--json").stdout)
        keys = ("full_name", "organization", "title", "emails", "phones", "urls", "note", "tags")
        assert [{k: c[k] for k in keys} for c in after] == [{k: c[k] for k in keys} for c in before]
    stdout = netdesk(db, "export")
    assert stdout.stdout.count("BEGIN:VCARD") == 3


def test_a_big_file_is_imported_through_worker_processes(tmp_path: Path) -> None:
    from netdesk.interop.vcard_stream import ENV_WORKERS, PARALLEL_BYTES

    cards = tmp_path / "export.vcf"
    cards.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEMAIL:p{i}@example.org\r\n"
            f"NOTE:Card number {i} of a large export from another program\r\nEND:VCARD\r\n"
            for i in range(5000)
        )
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nBDAY:1980-01-01\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    assert cards.stat().st_size > PARALLEL_BYTES
    db = tmp_path / "a.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db), "import", str(cards), "--json"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, ENV_WORKERS: "2"},
        timeout=120,
    )
    assert result.returncode == 3, result.stderr
    report = json.loads(result.stdout)
    assert (report["cards"], report["created"], report["merged"]) == (5001, 5000, 0)
    assert [(r["card"], r["reason"]) for r in report["rejected"]] == [
        (5001, "card has no name, organisation, e-mail or phone")
    ]


def test_the_command_line_and_the_window_export_the_same_bytes(tmp_path: Path) -> None:
    """#16: one export for both front ends (netdesk.app.exporting): the same file, streamed
    into a private temporary file that replaces the target only when complete."""
    from netdesk.app.exporting import export_steps, run_to_end
    from netdesk.store.db import open_database

    db_path = tmp_path / "a.sqlite"
    netdesk(db_path, "import", str(FIXTURES / "breakfast.vcf"))
    for fmt in ("vcard", "vcard4", "csv"):
        by_cli = tmp_path / f"cli-{fmt}"
        run = netdesk(db_path, "export", "--format", fmt, "--output", str(by_cli))
        assert run.returncode == 0, run.stderr
        by_window = tmp_path / f"window-{fmt}"
        db = open_database(db_path)
        try:
            count = run_to_end(export_steps(db, fmt, by_window))
        finally:
            db.close()
        assert by_cli.read_bytes() == by_window.read_bytes()
        assert run.stdout == f"exported {count} contacts to {by_cli}\n"
    assert (tmp_path / "cli-csv").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 for Excel
    first = json.loads(netdesk(db_path, "contacts", "--json").stdout)[0]["full_name"]
    word = first.split()[0]
    only = tmp_path / "only.vcf"
    run = netdesk(db_path, "export", "--search", word, "--output", str(only))
    assert run.returncode == 0 and only.read_text(encoding="utf-8").count("BEGIN:VCARD") >= 1
    assert word in only.read_text(encoding="utf-8")

    kept = tmp_path / "kept.vcf"
    kept.write_text("my own file\n", encoding="utf-8")
    bad = netdesk(db_path, "export", "--format", "pdf", "--output", str(kept))
    assert bad.returncode != 0 and kept.read_text(encoding="utf-8") == "my own file\n"
    assert sorted(p.name for p in tmp_path.glob(".netdesk-export-*")) == []
