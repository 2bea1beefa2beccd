"""netdesk's benchmark suite: every figure beside its floor, measured in the same run.

    .venv/bin/python -m bench.run            # the full suite (~3 minutes on two cores)
    .venv/bin/python -m bench.run --quick    # smaller data, for a smoke test

Results go to bench/results/<time>.json and are compared with the previous run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import datagen, loop_gaps, measure, sync_stall

RESULTS = Path(__file__).resolve().parent / "results"


def row(  # noqa: PLR0917 - one positional per table column
    name: str,
    value: float,
    unit: str,
    floor: float | None,
    floor_name: str,
    target: str,
    ok: bool | None,
) -> dict[str, Any]:
    return {
        "name": name,
        "value": round(value, 4),
        "unit": unit,
        "floor": None if floor is None else round(floor, 4),
        "floor_name": floor_name,
        "ratio": None if not floor else round(value / floor, 2),
        "target": target,
        "ok": ok,
    }


def suite(quick: bool, repeat: int) -> list[dict[str, Any]]:
    work = Path(tempfile.mkdtemp(prefix="netdesk-bench-"))
    try:
        return _measure(work, quick, repeat)
    finally:  # ~700 MB of generated cards and databases a full run
        shutil.rmtree(work, ignore_errors=True)


def _measure(work: Path, quick: bool, repeat: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    big = 20_000 if quick else 100_000
    import_sizes = (1_000, 5_000) if quick else (1_000, 10_000)

    for size in import_sizes:
        cards = measure.write_cards(work / f"cards-{size}.vcf", size)
        floor = statistics.median(measure.vobject_parse_seconds(cards) for _ in range(repeat))
        ours = statistics.median(measure.import_seconds(cards, work)[0] for _ in range(repeat))
        rows.append(
            row(
                f"import {size:,} cards",
                ours,
                "s",
                floor,
                "vobject parse alone",
                "<= 1.0x",
                ours <= floor,
            )
        )
    small = measure.write_cards(work / "cards-mem-small.vcf", 2_000)
    large = measure.write_cards(work / "cards-mem-large.vcf", 20_000)
    mem_small = measure.import_seconds(small, work, trace=True)[1]
    mem_large = measure.import_seconds(large, work, trace=True)[1]
    rows.append(
        row(
            "import memory, 20,000 vs 2,000 cards",
            mem_large,
            "MB",
            mem_small,
            "same import of 2,000 cards",
            "report",
            None,  # the issue sets no import-memory target; printed to watch its growth
        )
    )

    contacts = datagen.contacts(10_000)
    ours = statistics.median(measure.bulk_insert_seconds(contacts, work) for _ in range(repeat))
    floor = statistics.median(measure.raw_insert_seconds(10_000, work) for _ in range(repeat))
    rows.append(
        row(
            "bulk insert 10,000 contacts",
            ours,
            "s",
            floor,
            "raw sqlite3 executemany",
            "report",
            None,
        )
    )

    db_path = work / f"contacts-{big}.sqlite"
    started = time.perf_counter()
    datagen.build_database(db_path, big, dt.date(2026, 11, 22)).close()
    print(
        f"  (built {big:,} contacts with 10 touchpoints each in "
        f"{time.perf_counter() - started:.0f} s)",
        file=sys.stderr,
    )

    # Back-to-back pairs, bare then netdesk, fifteen at least: starts on this machine drift by
    # tens of ms within a minute (its page cache is kept small), so the ratio of the two
    # medians moved from 1.23 to 1.51 between two runs of the same code, and once ranked two
    # versions the wrong way round. Each pair's own ratio cancels the drift; their median is
    # what the target is judged on. The medians stay in their own row, comparable run to run.
    bare: list[dict[str, float]] = []
    ours_w: list[dict[str, float]] = []
    for _ in range(max(repeat, 15)):
        bare.append(measure.window_probe("bare"))
        ours_w.append(measure.window_probe("netdesk", db_path))
    floor_s = statistics.median(b["seconds"] for b in bare)
    ours_s = statistics.median(o["seconds"] for o in ours_w)
    rows.append(
        row(
            f"window start, {big:,} contacts, to list painted",
            ours_s,
            "s",
            floor_s,
            "bare PySide6 window, empty table",
            "report",
            None,
        )
    )
    pairs = zip(ours_w, bare, strict=True)
    paired = statistics.median(o["seconds"] / b["seconds"] for o, b in pairs)
    rows.append(
        row(
            f"window start / bare window, median of {len(bare)} back-to-back pairs",
            paired,
            "x",
            None,
            "each pair: the bare window, then netdesk",
            "<= 1.3x",
            paired <= 1.3,
        )
    )
    floor_rss = statistics.median(b["rss_mb"] for b in bare)
    ours_rss = statistics.median(o["rss_mb"] for o in ours_w)
    rows.append(
        row(
            f"window memory, {big:,} contacts",
            ours_rss,
            "MB RSS",
            floor_rss,
            "bare PySide6 window",
            "< 150 MB",
            ours_rss < 150,
        )
    )

    words = ["garcia", "madrid", "laura", "6123", "northwind", "consult", "ana lopez"]
    timings = sorted(measure.search_latencies(db_path, words))
    floors = sorted(measure.fts_latencies(db_path, words))
    median = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    rows.append(
        row(
            "search per keystroke, median",
            median,
            "ms",
            statistics.median(floors),
            "bare FTS5 MATCH",
            "<= 10x",
            median <= 10 * statistics.median(floors),
        )
    )
    rows.append(
        row(
            "search per keystroke, p95",
            p95,
            "ms",
            floors[int(len(floors) * 0.95) - 1],
            "bare FTS5 MATCH, p95",
            "<= 10x",
            p95 <= 10 * floors[int(len(floors) * 0.95) - 1],
        )
    )

    due_ms, due_count, due_floor = measure.due_latency_ms(db_path)
    rows.append(
        row(
            f"due in 7 days ({due_count} items), 1,000,000 touchpoints",
            due_ms,
            "ms",
            due_floor,
            "same SELECT in raw sqlite3",
            "<= 1.2x",
            due_ms <= 1.2 * due_floor,
        )
    )
    today_ms = measure.today_view_ms(db_path)
    rows.append(
        row(
            "Today view refresh (due + reconnect)",
            today_ms,
            "ms",
            due_floor,
            "raw due SELECT",
            "<= 1.2x",
            today_ms <= 1.2 * due_floor,
        )
    )

    import_gap = loop_gaps.import_gap_ms(
        measure.write_cards(work / f"cards-{import_sizes[-1]}.vcf", import_sizes[-1]), work
    )
    rows.append(
        row(
            "largest event-loop stall during import",
            import_gap,
            "ms",
            10.0,
            "the 10 ms timer",
            "< 100 ms",
            import_gap < 100,
        )
    )
    search_gap = loop_gaps.search_gap_ms(db_path, words)
    rows.append(
        row(
            "largest event-loop stall while typing a search",
            search_gap,
            "ms",
            10.0,
            "the 10 ms timer",
            "< 50 ms",
            search_gap < 50,
        )
    )
    scroll_gap = loop_gaps.scroll_and_sort_gap_ms(db_path)
    rows.append(
        row(
            "largest event-loop stall sorting by each column and scrolling",
            scroll_gap,
            "ms",
            10.0,
            "the 10 ms timer",
            "< 50 ms",
            scroll_gap < 50,
        )
    )
    # Command line: the whole process, as a script or a status-bar widget runs it (#19)
    bare_s = measure.bare_interpreter_seconds()
    for label, args in (
        ("due --json", ("due", "--json")),
        ("contacts --search", ("contacts", "--search", "garcia", "--json")),
        ("events --json", ("events", "--json")),
        ("interactions", ("interactions", "--json")),
    ):
        wall = measure.netdesk_command_seconds(db_path, *args)
        rows.append(
            row(
                f"netdesk {label}, {big:,} contacts (process start to exit)",
                wall * 1000,
                "ms",
                bare_s * 1000,
                "python -c 'import sqlite3'",
                "< 150 ms and <= 8x",
                wall < 0.150 and wall <= 8 * bare_s,
            )
        )
    cards = work / f"cards-{import_sizes[-1]}.vcf"
    cli_import = measure.netdesk_command_seconds(
        work / "cli-import.sqlite", "import", str(cards), runs=1
    )
    parse = statistics.median(measure.vobject_parse_seconds(cards) for _ in range(repeat))
    rows.append(
        row(
            f"netdesk import {import_sizes[-1]:,} cards (process start to exit)",
            cli_import,
            "s",
            parse,
            "vobject parse alone",
            "<= 0.8x",
            cli_import <= 0.8 * parse,
        )
    )
    sync = sync_stall.sync_stall(2_000, work)
    for label, gap in (
        ("first upload", sync.first_gap_ms),
        ("incremental", sync.second_gap_ms),
    ):
        rows.append(
            row(
                f"largest event-loop stall during sync of 2,000 contacts, {label}",
                gap,
                "ms",
                10.0,
                "the 10 ms timer",
                "< 50 ms",
                gap < 50,
            )
        )
    return rows


def print_table(rows: list[dict[str, Any]], previous: dict[str, Any] | None) -> None:
    before = {r["name"]: r["value"] for r in (previous or {}).get("rows", [])}
    # The ratio to a floor measured in the same run moves less with the machine's hour than
    # the value does: "no feature got slower" is read from both.
    ratio_before = {r["name"]: r.get("ratio") for r in (previous or {}).get("rows", [])}
    header = (
        f"{'measure':58} {'value':>10} {'floor':>10} {'ratio':>7} {'target':>22}  ok  vs last"
        "  ratio vs last"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        floor = "" if r["floor"] is None else f"{r['floor']:.4g}"
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}x"
        ok = {True: "yes", False: "NO", None: "-"}[r["ok"]]
        last = before.get(r["name"])
        delta = "" if not last else f"{(r['value'] - last) / last * 100:+.0f}%"
        last_ratio = ratio_before.get(r["name"])
        ratio_delta = (
            ""
            if not last_ratio or r["ratio"] is None
            else f"{(r['ratio'] - last_ratio) / last_ratio * 100:+.0f}%"
        )
        value = f"{r['value']:.4g} {r['unit']}"
        print(
            f"{r['name']:58} {value:>10} {floor:>10} {ratio:>7} {r['target']:>22}  {ok:3} "
            f"{delta:7} {ratio_delta}"
        )


def compile_sources() -> None:
    """Write netdesk's bytecode first, as installing a package does (pip compiles it): with
    PYTHONDONTWRITEBYTECODE set — as on the machines the project is built on — a checkout's
    every process would otherwise compile each module it imports (~30 ms of a command line
    call), which no installed copy pays."""
    import compileall

    import netdesk

    compileall.compile_dir(Path(netdesk.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    compile_sources()
    rows = suite(args.quick, args.repeat)
    RESULTS.mkdir(exist_ok=True)
    latest = RESULTS / "latest.json"
    previous = json.loads(latest.read_text()) if latest.exists() else None
    result = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "quick": args.quick,
        "rows": rows,
    }
    print_table(rows, previous)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"{stamp}.json").write_text(json.dumps(result, indent=2))
    latest.write_text(json.dumps(result, indent=2))
    print(f"\nwritten to {RESULTS / (stamp + '.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
