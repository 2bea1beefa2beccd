"""The command line's read commands on a plain read-only connection (#19).

``due``, ``contacts``, ``events`` and ``interactions`` answer without SQLAlchemy when the file
can be read as it is. The same use cases run on the opened database otherwise, so every test
here runs a command both ways on varied data and compares the output byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from netdesk import cli
from netdesk.app.contacts import ContactBook
from netdesk.app.events import EventBook, EventData
from netdesk.app.referrals import ReferralData, ReferralLedger
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)
from netdesk.store import session_mark
from netdesk.store.db import Database, open_database
from netdesk.store.models import Event, Referral
from netdesk.store.read_only import open_current

TODAY = dt.date.today()
NAMES = ["Ana García", "ana garcia", "Ángel Núñez", "Zoë O'Brien", "李小龍", 'Bruno "B" Díaz']


def _fill(db: Database, seed: int = 7) -> dict[str, list[int]]:
    """Contacts with every kind of field (some empty, some odd), events with costs in two
    currencies and fractional hours, referrals, follow-ups in every state, mails and meetings."""
    rng = random.Random(seed)
    book = ContactBook(db, region="ES")
    people = []
    for i in range(40):
        name = f"{rng.choice(NAMES)} {i}"
        data = ContactData(
            full_name=name,
            given_name=name.split(maxsplit=1)[0] if i % 3 else "",
            organization=rng.choice(["", "Díaz Abogados", "Northwind", "Ñandú S.L."]),
            title=rng.choice(["", "CEO", 'Jefa de "ventas"']),
            note=rng.choice(["", "line one\nline two", 'comma, semicolon; quote " tab\t']),
            birthday=rng.choice([None, "1980-03-22", "--03-22"]),
            emails=[EmailAddress(f"p{i}.{k}@example.org", "work") for k in range(i % 3)],
            phones=[PhoneNumber(f"+34 600 000 {i:03d}", "cell")] if i % 2 else [],
            addresses=(
                [PostalAddress(kind="work", street=f"Calle {i}", city="Madrid", country="ES")]
                if i % 4 == 0
                else []
            ),
            urls=[WebAddress(f"https://example.org/{i}")] if i % 5 == 0 else [],
            tags=sorted(rng.sample(["vip", "madrid", "Ärzte", "b2b"], i % 3)),
        )
        people.append(book.create(data))
    events_book = EventBook(db)
    events = [
        events_book.add(
            EventData(
                name=f"Evento {k}",
                date=TODAY - dt.timedelta(days=30 * k) if k != 2 else None,
                organiser=["BNI", "", "Cámara"][k % 3],
                cost=[Decimal("12.345"), Decimal("50"), Decimal("0.1"), Decimal("1999.99")][k],
                currency=["EUR", "USD"][k % 2],
                hours=[2.3, 0.0, 1.25, 7.5][k],
            )
        )
        for k in range(4)
    ]
    for k, event in enumerate(events):
        events_book.add_attendees(event, people[k * 8 : k * 8 + 10], today=TODAY)
    ledger = ReferralLedger(db)
    for k, who in enumerate(people[:12]):
        ledger.add(
            ReferralData(
                "received" if k % 2 else "given",
                who,
                status=["open", "won", "won", "lost"][k % 4],
                value=Decimal(["100", "12.5", "0.333", "70"][k % 4]),
                currency=["EUR", "USD"][k % 2],
                event_id=events[k % 4],
            )
        )
    follow = FollowUps(db)
    for k, who in enumerate(people):
        follow.add(who, "call", due=TODAY + dt.timedelta(days=k % 12 - 4))
        if k % 3 == 0:
            done = TODAY - dt.timedelta(days=k)
            follow.add(who, "meeting", status="done", done_date=done, event_id=events[k % 4])
    with db.engine.begin() as conn:
        for k, who in enumerate(people[:25]):
            conn.execute(
                text(
                    "INSERT INTO interaction (contact_id, date, channel, direction, subject, "
                    "source, key, created_at) VALUES (:c, :d, :ch, :dir, :s, :src, :k, :now)"
                ),
                {
                    "c": who,
                    "d": (TODAY - dt.timedelta(days=k * 5)).isoformat(),
                    "ch": "meeting" if k % 4 == 0 else "email",
                    "dir": ["sent", "received", "both"][k % 3],
                    "s": f"Re: propuesta «{k}» ✓",
                    "src": "ics:work" if k % 4 == 0 else "imap:work/INBOX",
                    "k": f"<m{k}@x>",
                    "now": "2026-11-01 10:00:00.000000",
                },
            )
    SettingsStore(db).set("hourly_rate", {"amount": "45.5", "currency": "EUR"})
    return {"people": people, "events": events}


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "netdesk.sqlite"
    db = open_database(path)
    _fill(db)
    db.close()
    return path


def _run(
    path: Path, args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: Any, quick: bool
) -> tuple[int, str, list[bool]]:
    """The command in this process; ``quick=False`` denies the read-only path."""
    taken: list[bool] = []
    original = cli._open_to_read

    def spy(p: Path) -> Any:
        handle = original(p) if quick else None
        taken.append(handle is not None)
        return handle

    monkeypatch.setattr(cli, "_open_to_read", spy)
    code = cli.run(["--db", str(path), *args])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out, taken


COMMANDS = [
    ["due", "--json"],
    ["due", "--days", "2"],
    ["contacts", "--json"],
    ["contacts", "--search", "garcia", "--json"],
    ["contacts", "--search", "abog"],
    ["contacts"],
    ["events", "--json"],
    ["events", "--ranked", "--json"],
    ["events", "--from", (TODAY - dt.timedelta(days=40)).isoformat()],
    ["interactions", "--json"],
    ["interactions"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_read_commands_print_the_same_both_ways(
    filled: Path, args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    code_fast, fast, taken_fast = _run(filled, args, capsys, monkeypatch, quick=True)
    code_full, full, taken_full = _run(filled, args, capsys, monkeypatch, quick=False)
    assert taken_fast == [True]  # the read-only path answered
    assert taken_full == [False]
    assert code_fast == code_full == 0
    assert fast == full
    assert len(fast.splitlines()) > 2  # something was listed, not an empty state


def test_the_json_holds_what_the_data_says(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    _, out, _ = _run(filled, ["contacts", "--json"], capsys, monkeypatch, True)
    (record,) = [r for r in json.loads(out) if r["addresses"] and r["id"] == 1]
    assert record["addresses"] == [
        {
            "kind": "work",
            "po_box": "",
            "extended": "",
            "street": "Calle 0",
            "city": "Madrid",
            "region": "",
            "postal_code": "",
            "country": "ES",
        }
    ]
    assert record["events"] == ["Evento 0"]
    assert record["created_at"].endswith("Z") and "T" in record["created_at"]
    _, out, _ = _run(filled, ["events", "--json"], capsys, monkeypatch, True)
    events = {e["name"]: e for e in json.loads(out)}
    with open_database(filled).session() as session:
        stored = dict(session.execute(select(Event.name, Event.cost)).all())
        won = session.scalars(
            select(Referral.value).where(
                Referral.event_id == events["Evento 1"]["id"],
                Referral.direction == "received",
                Referral.status == "won",
            )
        ).all()
    # the stored REAL 12.345 reads as 12.34 through the models (binary floats): the same here
    assert stored["Evento 0"] == Decimal("12.34")
    assert events["Evento 0"]["cost"] == 12.34
    assert events["Evento 0"]["hours"] == 2.3
    assert events["Evento 2"]["date"] is None
    assert won == [Decimal("12.50")] * 3
    assert events["Evento 1"]["won_value"] == 37.5


def test_the_quick_path_loads_no_orm(filled: Path) -> None:
    probe = (
        "import sys, io, contextlib\n"
        "from netdesk.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['--db', {str(filled)!r}, *sys.argv[1:]])\n"
        "print(code, 'sqlalchemy' in sys.modules)\n"
        "print(*sorted(m for m in ('logging', 'platformdirs', 'shutil', 'dataclasses')"
        " if m in sys.modules))\n"
    )
    for args in (["due", "--json"], ["contacts", "--search", "ana", "--json"], ["events"]):
        done = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True
        )
        first, loaded = done.stdout.splitlines()
        assert first.split() == ["0", "False"], (args, done.stderr)
        # No module that logs is loaded, so no log handler is needed (cli._log_to_file); the
        # two fastest commands load nothing they do not use (#19).
        assert "logging" not in loaded.split(), args
        if args[0] != "events":
            assert loaded == "", args
    # a command that writes still loads it
    done = subprocess.run(
        [sys.executable, "-c", probe, "skip", "1"], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[0].split() == ["0", "True"], done.stderr


def test_files_that_need_work_first_take_the_full_path(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any, tmp_path: Path
) -> None:
    # fresh: the read-only path
    handle = open_current(filled)
    assert handle is not None
    handle.close()
    # derived data waiting: the full path refreshes it
    db = open_database(filled)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO contact_stale (id, what) VALUES (1, 7)")
        conn.connection.driver_connection.commit()  # type: ignore[union-attr]
    db.close()
    assert open_current(filled) is None
    code, out, taken = _run(filled, ["due", "--json"], capsys, monkeypatch, True)
    assert code == 0 and taken == [False] and json.loads(out)
    # left open by a crash: the full path checks it first
    session_mark.marker(filled).write_text("999999999\n", encoding="ascii")
    code, _, taken = _run(filled, ["events"], capsys, monkeypatch, True)
    assert code == 0 and taken == [False]
    session_mark.marker(filled).unlink()
    # an older schema: migrated by the full path, then read
    with open_database(filled).engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    assert open_current(filled) is None
    # no file, not SQLite
    assert open_current(tmp_path / "missing.sqlite") is None
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 100)
    assert open_current(junk) is None


def test_interactions_of_one_contact_take_the_full_path(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    code, out, taken = _run(
        filled, ["interactions", "--contact", "1", "--json"], capsys, monkeypatch, True
    )
    assert code == 0 and taken == []  # names and ids are resolved with the opened database
    assert {r["contact_id"] for r in json.loads(out)} == {1}


def test_the_command_table_names_every_command() -> None:
    full = cli.build_parser()
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == {*cli.COMMAND_MODULES, "contacts"}
    for command, module in cli.COMMAND_MODULES.items():
        one = cli.build_parser(command)
        only = next(a for a in one._actions if isinstance(a, argparse._SubParsersAction))
        assert command in only.choices, (command, module)
    assert cli._command_named(["--db", "due", "events", "--json"]) == "events"
    assert cli._command_named(["--db=x", "due"]) == "due"
    assert cli._command_named(["file.vcf"]) is None
