"""The individual measurements of the benchmark suite, each next to its floor."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.datagen import contacts, write_vcards
from netdesk.domain.contact_data import ContactData

ROOT = Path(__file__).resolve().parents[1]


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def vobject_parse_seconds(path: Path) -> float:
    """The floor for importing: vobject alone reading every card of the file."""
    import vobject

    text = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    count = sum(1 for _ in vobject.readComponents(text))
    elapsed = time.perf_counter() - start
    assert count > 0
    return elapsed


def import_seconds(path: Path, workdir: Path, trace: bool = False) -> tuple[float, float]:
    """netdesk importing the file into a fresh database: seconds, and (traced) peak MB.

    Measured in a fresh process whose ``__main__`` is light, as under ``netdesk import``: see
    bench/import_probe.py for why.
    """
    args = [sys.executable, "-m", "bench.import_probe", str(path), str(workdir)]
    if trace:
        args.append("--trace")
    out = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["created"] > 0, result
    return float(result["seconds"]), float(result["peak_mb"])


def raw_insert_seconds(count: int, workdir: Path) -> float:
    """The floor for bulk writes: plain sqlite3 executemany of the same contact rows."""
    rows = [
        (c.display_name(), c.given_name, c.family_name, c.organization, c.title, c.note)
        for c in contacts(count)
    ]
    path = workdir / f"raw-{time.monotonic_ns()}.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE c(id INTEGER PRIMARY KEY, n, g, f, o, t, note)")
    start = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO c(n, g, f, o, t, note) VALUES (?, ?, ?, ?, ?, ?)", rows)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def bulk_insert_seconds(contacts: list[ContactData], workdir: Path) -> float:
    """netdesk's Core bulk insert of the same rows, indexes and search index included."""
    from netdesk.store.bulk import insert_contacts
    from netdesk.store.db import open_database

    db = open_database(workdir / f"bulk-{time.monotonic_ns()}.sqlite")
    start = time.perf_counter()
    with db.engine.begin() as conn:
        insert_contacts(conn, contacts, "ES")
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def fts_latencies(db_path: Path, words: list[str]) -> list[float]:
    """The floor for search: the bare FTS5 prefix match of each keystroke, in raw sqlite3."""
    from netdesk.store.fts import match_expression

    conn = sqlite3.connect(db_path)
    timings = []
    for word in words:
        for end in range(1, len(word) + 1):
            expression = match_expression(word[:end])
            start = time.perf_counter()
            conn.execute(
                "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ? LIMIT 256", (expression,)
            ).fetchall()
            timings.append((time.perf_counter() - start) * 1000)
    conn.close()
    return timings


def today_view_ms(db_path: Path, runs: int = 10) -> float:
    from netdesk.app.cadence import KeepInTouch
    from netdesk.app.touchpoints import FollowUps
    from netdesk.store.db import open_database

    db = open_database(db_path)
    today = dt.date(2026, 11, 22)
    followups, keep = FollowUps(db), KeepInTouch(db)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        # exactly what MainWindow.refresh asks for the Today view
        followups.agenda(today, 7, 200)
        keep.count_due(today)
        keep.due(today, limit=200)
        timings.append((time.perf_counter() - start) * 1000)
    db.close()
    return statistics.median(timings)


def window_probe(kind: str, db_path: Path | None = None) -> dict[str, float]:
    args = [sys.executable, "-m", "bench.window_probe", kind]
    if db_path is not None:
        args.append(str(db_path))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def search_latencies(db_path: Path, words: list[str]) -> list[float]:
    """Milliseconds from a keystroke's query to the list model holding its first page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netdesk.app.contacts import ContactBook
    from netdesk.store.db import open_database
    from netdesk.ui.contacts.contact_model import ContactTableModel

    db = open_database(db_path)
    model = ContactTableModel(ContactBook(db))
    timings = []
    for word in words:
        for end in range(1, len(word) + 1):
            start = time.perf_counter()
            model.set_query(word[:end])
            timings.append((time.perf_counter() - start) * 1000)
    db.close()
    return timings


def due_latency_ms(db_path: Path, runs: int = 20) -> tuple[float, int, float]:
    from netdesk.app.touchpoints import FollowUps
    from netdesk.store.db import open_database

    db = open_database(db_path)
    followups = FollowUps(db)
    today = dt.date(2026, 11, 22)
    followups.due(today, 7)  # warm the cache as a running app has it
    timings = []
    count = 0
    for _ in range(runs):
        start = time.perf_counter()
        count = len(followups.due(today, 7))
        timings.append((time.perf_counter() - start) * 1000)
    db.close()
    raw = sqlite3.connect(db_path)
    floor = []
    for _ in range(runs):
        start = time.perf_counter()
        raw.execute(
            "SELECT t.id, t.contact_id, c.full_name, t.kind, t.intent, t.due_date, t.status, "
            "e.name, t.note FROM touchpoint t JOIN contact c ON c.id = t.contact_id "
            "LEFT JOIN event e ON e.id = t.event_id WHERE t.status = 'planned' "
            "AND t.due_date <= ? ORDER BY t.due_date, t.id",
            ((today + dt.timedelta(days=7)).isoformat(),),
        ).fetchall()
        floor.append((time.perf_counter() - start) * 1000)
    raw.close()
    return statistics.median(timings), count, statistics.median(floor)


def write_cards(path: Path, count: int) -> Path:
    if not path.exists():
        write_vcards(path, count)
    return path


def command_seconds(argv: list[str], runs: int = 5) -> float:
    """Median wall time of a whole process, start to exit (what a script calling it pays)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def netdesk_command_seconds(db_path: Path, *args: str, runs: int = 5) -> float:
    return command_seconds([sys.executable, "-m", "netdesk", "--db", str(db_path), *args], runs)


def bare_interpreter_seconds(runs: int = 5) -> float:
    """The floor for a command: this Python starting, importing sqlite3 and exiting."""
    return command_seconds([sys.executable, "-c", "import sqlite3"], runs)
