"""Bad input where it enters — CSV files, stored settings, command-line arguments — gets a clear
message or a fallback and changes nothing; property tests feed it random and mutated values.

`python -m bench.fuzz` runs these (and the vCard and CSV reader properties) with many more
examples."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netdesk.app.cadence import TIERS_KEY, tiers
from netdesk.app.contacts import ContactBook
from netdesk.app.playbook import SETTING_KEY, FollowUpPlaybook, default_playbook
from netdesk.app.roi import RATE_KEY, hourly_rate, parse_rate
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.cli import run
from netdesk.domain.contact_data import ContactData
from netdesk.interop.csv_reader import (
    MAPPABLE_FIELDS,
    CsvFormatUnknown,
    CsvRow,
    parse_date,
    read_csv,
)
from netdesk.store.db import Database, open_database

FIXTURE = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
MET_ON = dt.date(2026, 11, 20)

# ---------------------------------------------------------------- CSV files


def drain(raw: bytes, mapping: dict[str, str] | None = None) -> int:
    """Either CsvFormatUnknown at once, or well-formed rows — never any other exception."""
    try:
        rows = read_csv(raw, mapping)
    except CsvFormatUnknown as unknown:
        assert str(unknown)
        return 0
    count = 0
    for row in rows:
        assert isinstance(row, CsvRow) and row.position >= 1
        assert (row.contact is None) == (row.error is not None)
        assert all(isinstance(w, str) and w for w in row.warnings)
        count += 1
    return count


HEADERS = {
    "google": ["First Name", "Last Name", "Organization Name", "Birthday", "Labels",
               "E-mail 1 - Label", "E-mail 1 - Value", "Phone 1 - Label", "Phone 1 - Value",
               "Address 1 - Street", "Website 1 - Value", "Notes"],
    "outlook": ["First Name", "Last Name", "Job Title", "E-mail Address", "Mobile Phone",
                "Business Phone", "Birthday", "Notes", "Categories"],
    "linkedin": ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                 "Connected On"],
}  # fmt: skip
CELL = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", "a@b", "+34 600", "--04-12", "2024-02-30", "12/31/1999", ";;", '"']),
    st.from_regex(r"[0-9]{1,4}[-/. ][0-9]{1,2}[-/. ][0-9]{1,4}", fullmatch=True),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A CSV file of a known layout whose cells are random: gets past the sniffing, unlike
    random bytes, so the row reader itself is exercised."""
    headers = draw(st.sampled_from(sorted(HEADERS.values())))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t"])))
    writer.writerow(headers)
    for _ in range(draw(st.integers(0, 5))):
        width = draw(st.integers(0, len(headers) + 2))
        writer.writerow([draw(CELL) for _ in range(width)])
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return text.encode(encoding, errors="replace")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files(), st.lists(st.tuples(st.integers(0, 5000), st.binary(max_size=4)), max_size=3))
def test_random_cells_and_mutated_csv_files_never_raise(
    raw: bytes, edits: list[tuple[int, bytes]]
) -> None:
    drain(raw)
    data = bytearray(raw)
    for where, insert in edits:
        at = where % (len(data) + 1)
        data[at : at + len(insert)] = insert
    drain(bytes(data))
    drain(bytes(data), {"First Name": "given_name", "Notes": "note", "Birthday": "birthday"})


MAPPING = st.dictionaries(
    st.text(max_size=6) | st.sampled_from(["a", "First Name", "Notes"]),
    st.sampled_from(sorted(MAPPABLE_FIELDS)),
)


@given(st.binary(max_size=300), MAPPING)
def test_random_bytes_with_any_mapping_never_raise(raw: bytes, mapping: dict[str, str]) -> None:
    drain(raw, mapping)


@given(st.text(max_size=30), st.booleans())
def test_any_date_text_is_a_date_or_nothing(text: str, month_first: bool) -> None:
    parsed = parse_date(text, month_first)
    if parsed is not None:
        assert parsed[:2] == "--" or dt.date.fromisoformat(parsed)


# ---------------------------------------------------------------- stored settings

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**6).map(str)
    | st.floats()
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
STEP_KEYS = st.sampled_from(["key", "kind", "delay_days", "intent", "enabled", "subject", "body"])
PLAYBOOKISH = st.fixed_dictionaries(
    {
        "steps": st.lists(st.dictionaries(STEP_KEYS, JSON, max_size=7), max_size=4),
        "skip_weekends": JSON,
    }
)
STEPS = st.fixed_dictionaries(
    {"key": JSON, "kind": JSON, "delay_days": JSON},
    optional={"intent": st.sampled_from(["give", "ask", "connect"]) | JSON},
)
RATEISH = st.fixed_dictionaries(
    {},
    optional={
        "amount": JSON
        | st.from_regex(r"-?[0-9]{1,40}(\.[0-9]{0,9})?(e[0-9]{1,7})?", fullmatch=True),
        "currency": JSON | st.sampled_from(["EUR", "usd", "€", "EURO"]),
    },
)
# What a hand-edited or half-written settings row may hold: not even JSON.
RAW_TEXT = st.one_of(st.text(max_size=40), st.sampled_from(["{", "[1,", "NaN", "1e999", "null"]))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SettingsStore]:
    db = open_database(tmp_path_factory.mktemp("settings") / "s.sqlite")
    yield SettingsStore(db)
    db.close()


def put_raw(db: Database, key: str, text: str) -> None:
    with closing(sqlite3.connect(db.path)) as conn, conn:
        conn.execute("INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)", (key, text))


def check_playbook(playbook: FollowUpPlaybook) -> None:
    assert isinstance(playbook, FollowUpPlaybook)
    for step in playbook.steps:
        assert isinstance(step.delay_days, int) and step.delay_days >= 0
        assert isinstance(step.kind, str) and step.kind.strip()
        assert playbook.due_date(step, MET_ON) >= MET_ON


def check_rate(db: Database) -> None:
    rate = hourly_rate(db)
    assert isinstance(rate.amount, Decimal) and rate.amount >= 0
    assert len(rate.currency) == 3 and rate.currency.isalpha()
    assert rate.value_of(Decimal("1000.25")).format()  # the sums it feeds do not overflow


def check_tiers(store: SettingsStore) -> None:
    known = tiers(store)
    assert known and all(isinstance(d, int) and d > 0 for d in known.values())
    assert all(MET_ON + dt.timedelta(days=d) for d in known.values())


@settings(suppress_health_check=FIXTURE, deadline=None)
@given(st.one_of(JSON, PLAYBOOKISH, st.fixed_dictionaries({"steps": st.lists(STEPS)})))
def test_any_stored_playbook_loads_or_falls_back(store: SettingsStore, raw: Any) -> None:
    check_playbook(FollowUpPlaybook.from_json(raw))
    store.set(SETTING_KEY, raw)
    check_playbook(FollowUpPlaybook.from_json(store.get(SETTING_KEY)))


@settings(suppress_health_check=FIXTURE, deadline=None)
@given(st.one_of(JSON, RATEISH))
def test_any_stored_rate_parses_to_a_sane_rate(store: SettingsStore, raw: Any) -> None:
    rate = parse_rate(raw)
    assert rate.amount >= 0 and len(rate.currency) == 3
    store.set(RATE_KEY, raw)
    check_rate(store.db)


@settings(suppress_health_check=FIXTURE, deadline=None)
@given(st.one_of(JSON, st.dictionaries(st.text(max_size=4), JSON)))
def test_any_stored_tiers_give_positive_cadences(store: SettingsStore, raw: Any) -> None:
    store.set(TIERS_KEY, raw)
    check_tiers(store)


@settings(suppress_health_check=FIXTURE, deadline=None)
@given(RAW_TEXT)
def test_any_text_in_the_settings_table_reads_or_falls_back(
    store: SettingsStore, text: str
) -> None:
    for key in (SETTING_KEY, RATE_KEY, TIERS_KEY):
        put_raw(store.db, key, text)
    check_playbook(FollowUpPlaybook.from_json(store.get(SETTING_KEY)))
    check_rate(store.db)
    check_tiers(store)


def test_garbage_json_in_the_settings_table_reads_as_missing(store: SettingsStore) -> None:
    put_raw(store.db, SETTING_KEY, "{not json")
    assert store.get(SETTING_KEY, "fallback") == "fallback"
    assert FollowUpPlaybook.from_json(store.get(SETTING_KEY)) == default_playbook()


def test_out_of_range_numbers_fall_back_instead_of_overflowing(store: SettingsStore) -> None:
    step = {"key": "k", "kind": "call", "delay_days": 10**12}
    assert FollowUpPlaybook.from_json({"steps": [step]}).steps == []
    assert FollowUpPlaybook.from_json({"steps": [{**step, "delay_days": float("inf")}]}).steps == []
    store.set(TIERS_KEY, {"A": 10**9, "B": 1e308, "C": 7})
    assert tiers(store) == {"C": 7}
    store.set(RATE_KEY, {"amount": "1e30", "currency": "EUR"})
    assert hourly_rate(store.db).amount == 0
    store.set(RATE_KEY, {"amount": "45.50", "currency": "usd"})
    assert hourly_rate(store.db).value_of(Decimal(2)).format() == "91.00 USD"


# ---------------------------------------------------------------- command-line arguments


def state(db_path: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute(
            "SELECT id, status, due_date, done_date, note FROM touchpoint ORDER BY id"
        ).fetchall()
        for table in ("contact", "event", "setting"):
            rows += conn.execute(f"SELECT '{table}', count(*) FROM {table}").fetchall()
    return rows


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "template.sqlite"
    db = open_database(path)
    contact = ContactBook(db).create(ContactData(full_name="Ana"))
    FollowUps(db).add(contact, "call", due=dt.date(2026, 11, 20))
    db.close()
    return path


TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)
# Random strings, and ones close enough to valid to reach past the first check.
ARG = st.one_of(
    TEXT,
    st.integers().map(str),
    st.floats().map(str),
    st.from_regex(r"-?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}", fullmatch=True),
    st.sampled_from(["1", "0", "-1", "9999-12-31", "0001-01-01", "1e999", "NaN", "1,5", "٣"]),
)


@settings(suppress_health_check=FIXTURE, deadline=None)
@given(which=st.sampled_from(["done", "snooze", "event"]), a=ARG, b=ARG)
def test_random_command_line_values_are_refused_cleanly(
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    which: str,
    a: str,
    b: str,
) -> None:
    db = tmp_path / "c.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, db)
    before = state(db)
    argv = {
        "done": ["--db", str(db), "done", a, "--date", b],
        "snooze": ["--db", str(db), "snooze", a, "--days", b],
        "event": ["--db", str(db), "event", "add", "X", "--date", a, "--cost", b],
    }[which]
    capsys.readouterr()
    code = run(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code == 0:  # a random value that happens to be valid is allowed to work
        return
    assert code in (1, 2), err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("netdesk"), err
    assert state(db) == before


@pytest.mark.parametrize("raw", [{"amount": "abc"}, {"amount": [1]}, [1, 2], "45"])
def test_settings_dialog_opens_over_an_unreadable_stored_rate(
    qtbot: Any, tmp_path: Path, raw: Any
) -> None:
    from PySide6.QtCore import QSettings

    from netdesk.ui.shell.settings_dialog import SettingsDialog

    db = open_database(tmp_path / "d.sqlite")
    try:
        SettingsStore(db).set(RATE_KEY, raw)
        dialog = SettingsDialog(
            SettingsStore(db), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(dialog)
        assert (dialog.rate.value(), dialog.rate_currency.text()) == (0.0, "EUR")
    finally:
        db.close()
