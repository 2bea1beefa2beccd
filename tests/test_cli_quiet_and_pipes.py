"""The command line says what it did, and stops quietly when its reader goes (#14, point 5)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from netdesk.app.contacts import ContactBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from tests.cli_run import netdesk


def test_done_skip_cadence_and_export_say_what_they_did(db: Database, tmp_path: Path) -> None:
    import datetime as dt

    ana = ContactBook(db).create(ContactData(full_name="Ana García"))
    first = FollowUps(db).add(ana, "call", due=dt.date.today())
    second = FollowUps(db).add(ana, "thank_you", due=dt.date.today())
    assert netdesk(db, "done", str(first), "--date", "2026-12-01").stdout == (
        f"follow-up {first} done on 2026-12-01\n"
    )
    assert netdesk(db, "skip", str(second)).stdout == f"follow-up {second} skipped\n"
    assert netdesk(db, "cadence", "--tier", "A", str(ana)).stdout == (
        f"Ana García ({ana}): keep in touch, tier A\n"
    )
    # by name too, as everywhere else contacts are named (#14, point 3)
    assert netdesk(db, "cadence", "--days", "45", "ana garcía").stdout == (
        f"Ana García ({ana}): keep in touch, every 45 days\n"
    )
    assert netdesk(db, "cadence", "--none", "García").stdout == (
        f"Ana García ({ana}): no keep-in-touch cadence\n"
    )
    missing = netdesk(db, "cadence", "--none", "Nobody Here")
    assert missing.returncode == 1 and "Nobody Here" in missing.stderr
    out = tmp_path / "all.csv"
    assert netdesk(db, "export", "--format", "csv", "--output", str(out)).stdout == (
        f"exported 1 contacts to {out}\n"
    )
    assert netdesk(db, "export", "--output", str(tmp_path / "all.vcf")).stdout.startswith(
        "exported 1 contacts"
    )


def test_a_reader_that_stops_early_gets_no_broken_pipe_error(db: Database) -> None:
    import datetime as dt

    book, followups = ContactBook(db), FollowUps(db)
    for i in range(1500):  # far more than a pipe's buffer holds
        followups.add(
            book.create(ContactData(full_name=f"Person {i:04d}")), "call", due=dt.date.today()
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "netdesk", "--db", str(db.path), "due"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `| head -1` does
    err = process.stderr.read()
    process.wait(timeout=60)
    assert first.startswith("ID")
    assert "Broken pipe" not in err and "Traceback" not in err
    assert err == ""


def test_imports_lists_a_batch_of_many_files_in_one_readable_row(
    db: Database, tmp_path: Path
) -> None:
    """#14, point 5: `imports` printed 138 file names on one line."""
    files = []
    for i in range(12):
        path = tmp_path / f"card-{i:02d}.vcf"
        path.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P {i}\r\nEND:VCARD\r\n")
        files.append(str(path))
    assert netdesk(db, "import", *files).returncode == 0
    table = netdesk(db, "imports").stdout.splitlines()
    assert len(table) == 2
    assert table[1].rstrip().endswith("card-00.vcf, card-01.vcf, card-02.vcf and 9 more")
    listed = json.loads(netdesk(db, "imports", "--json").stdout)
    assert len(listed[0]["files"]) == 12


def test_without_a_keyring_a_failed_sync_says_each_thing_once(db: Database) -> None:
    """#15, point 6: the keyring and failure messages were printed twice (the sync engine's
    log record reached stderr through Python's last-resort handler)."""
    import os
    import socket

    from netdesk.sync import accounts
    from netdesk.sync.davxml import Discovery

    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    accounts.add_account(db, "home", url, "ana", accounts.Setup(Discovery(), url + "ab/", ""))
    done = subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db.path), "sync", "--password-stdin"],
        input="secret\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    lines = done.stderr.splitlines()
    assert done.returncode == 1
    assert len(lines) == 2, lines
    assert "no secure password storage" in lines[0] and "'home'" in lines[0]
    assert lines[1].startswith("netdesk: sync 'home' failed: cannot reach")
