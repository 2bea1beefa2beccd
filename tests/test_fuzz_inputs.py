"""Bad input where it enters — stored settings, command-line arguments — gets a clear message
or a fallback and changes nothing; property tests feed it random values."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netdesk.cli import run
from netdesk.core.cadence import TIERS_KEY, tiers
from netdesk.core.contacts import ContactBook
from netdesk.core.playbook import FollowUpPlaybook, default_playbook
from netdesk.core.roi import parse_rate
from netdesk.core.settings_store import SettingsStore
from netdesk.core.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import open_database

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
STEP_KEYS = st.sampled_from(["key", "kind", "delay_days", "intent", "enabled", "subject", "body"])
PLAYBOOKISH = st.fixed_dictionaries(
    {
        "steps": st.lists(st.dictionaries(STEP_KEYS, JSON, max_size=6), max_size=4),
        "skip_weekends": JSON,
    }
)


@given(st.one_of(JSON, PLAYBOOKISH))
def test_any_stored_playbook_loads_or_falls_back(raw: Any) -> None:
    playbook = FollowUpPlaybook.from_json(raw)
    assert isinstance(playbook, FollowUpPlaybook)
    for step in playbook.steps:
        assert isinstance(step.delay_days, int) and step.delay_days >= 0
        assert isinstance(step.kind, str) and step.kind


@given(JSON)
def test_any_stored_rate_parses_to_a_sane_rate(raw: Any) -> None:
    rate = parse_rate(raw)
    assert isinstance(rate.amount, Decimal) and rate.amount >= 0
    assert len(rate.currency) == 3


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(JSON)
def test_any_stored_tiers_give_positive_cadences(tmp_path: Path, raw: Any) -> None:
    db = open_database(tmp_path / "t.sqlite")
    try:
        store = SettingsStore(db)
        store.set(TIERS_KEY, raw)
        known = tiers(store)
        assert known and all(isinstance(d, int) and d > 0 for d in known.values())
    finally:
        db.close()


def test_garbage_json_in_the_settings_table_reads_as_missing(tmp_path: Path) -> None:
    db = open_database(tmp_path / "g.sqlite")
    with closing(sqlite3.connect(db.path)) as conn, conn:
        conn.execute("INSERT INTO setting(key, value) VALUES ('playbook', '{not json')")
    assert SettingsStore(db).get("playbook", "fallback") == "fallback"
    assert FollowUpPlaybook.from_json(SettingsStore(db).get("playbook")) == default_playbook()
    db.close()


def state(db_path: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute(
            "SELECT id, status, due_date, done_date, note FROM touchpoint ORDER BY id"
        ).fetchall()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "template.sqlite"
    db = open_database(path)
    contact = ContactBook(db).create(ContactData(full_name="Ana"))
    import datetime as dt

    FollowUps(db).add(contact, "call", due=dt.date(2026, 11, 20))
    db.close()
    return path


ARG = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=80)
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
    if code == 0:  # a random value that happens to be valid is allowed to work
        return
    assert code in (1, 2)
    assert "Traceback" not in err and err.strip() and len(err.strip().splitlines()) == 1
    assert state(db) == before
    assert json.dumps(before, default=str)  # the data is still readable
