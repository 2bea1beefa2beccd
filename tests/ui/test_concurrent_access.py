"""The window and the command line on one database at the same time (WAL, busy timeout)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from netdesk.app.contacts import ContactBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def cli(db: Database, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db.path), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_command_line_writes_while_the_window_is_open_and_writing(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    ana = ContactBook(db).create(ContactData(full_name="Ana Window"))
    planned = FollowUps(db).add(ana, "call", due=TODAY)
    window.refresh()
    assert window.model.rowCount() == 1

    # A long CLI import runs while the window keeps writing through its own connection.
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "netdesk",
            "--db",
            str(db.path),
            "import",
            str(FIXTURES / "breakfast.vcf"),
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for i in range(20):
        window.book.create(ContactData(full_name=f"Typed in the window {i}"))
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "locked" not in err
    imported = json.loads(out)["created"]

    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    done = cli(db, "done", str(planned), "--note", "from the terminal", "--date", yesterday)
    assert done.returncode == 0, done.stderr
    window.refresh()
    assert window.model.total == 1 + 20 + imported
    assert FollowUps(db).get(planned).status == "done"
    assert window.followups_pane.group_count("today") == 0
    listed = json.loads(cli(db, "contacts", "--json").stdout)
    assert len(listed) == 1 + 20 + imported
