"""Kill an import with SIGKILL at many moments; the database must stay sound and the batch
must be all there or not there at all.

    .venv/bin/python -m bench.kill_test [--cards 20000] [--kills 40]

tests/test_crash_safety.py runs the same functions with a smaller file in the test suite.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class KillOutcome:
    after_s: float
    integrity: str
    contacts: int
    batches: int
    seeded_intact: bool
    wal_bytes: int  # what the killed process left in the write-ahead log

    @property
    def mid_write(self) -> bool:
        """Killed while the batch was being written: log frames there, batch not committed."""
        return self.wal_bytes > 0 and self.batches == 1


def netdesk(db: Path, *args: str | Path) -> list[str]:
    return [sys.executable, "-m", "netdesk", "--db", str(db), *map(str, args)]


def snapshot(db: Path) -> list[tuple[object, ...]]:
    """Every seeded contact with its e-mails and phones, in a stable order."""
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(
            "SELECT c.id, c.full_name, c.organization, "
            "(SELECT group_concat(value, ',') FROM (SELECT value FROM contact_email e "
            " WHERE e.contact_id = c.id ORDER BY value)), "
            "(SELECT group_concat(value, ',') FROM (SELECT value FROM contact_phone p "
            " WHERE p.contact_id = c.id ORDER BY value)) "
            "FROM contact c ORDER BY c.id"
        ).fetchall()


def counts(db: Path) -> tuple[str, int, int]:
    with closing(sqlite3.connect(db)) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        contacts = conn.execute("SELECT count(*) FROM contact").fetchone()[0]
        batches = conn.execute("SELECT count(*) FROM import_batch").fetchone()[0]
    return str(integrity), int(contacts), int(batches)


def prepare(work: Path, cards: int) -> tuple[Path, Path, Path]:
    """A seeded database (one earlier import) and a large file to import into it."""
    from bench import datagen

    seed_file, big_file = work / "seed.vcf", work / "big.vcf"
    datagen.write_vcards(seed_file, 30, seed=3)
    datagen.write_vcards(big_file, cards, seed=99)
    seeded = work / "seeded.sqlite"
    subprocess.run(netdesk(seeded, "import", seed_file), check=True, capture_output=True)
    return seeded, big_file, work


def fresh_copy(seeded: Path, target: Path) -> Path:
    """A copy of the seeded database through SQLite's backup API (no log files left behind)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with closing(sqlite3.connect(seeded)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target


def full_run(seeded: Path, big: Path, work: Path) -> tuple[float, int]:
    """How long a whole import takes, and how many contacts it leaves: the faster of two runs,
    so that a cold first start (bytecode compiled, files read from disk) does not stretch the
    kill moments past the batch's writing."""
    durations = []
    for _ in range(2):
        db = fresh_copy(seeded, work / "full.sqlite")
        start = time.perf_counter()
        subprocess.run(netdesk(db, "import", big), check=True, capture_output=True)
        durations.append(time.perf_counter() - start)
    return min(durations), counts(db)[1]


def kill_at(seeded: Path, big: Path, work: Path, after_s: float) -> KillOutcome:
    db = fresh_copy(seeded, work / "killed.sqlite")
    before = snapshot(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        netdesk(db, "import", big), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    time.sleep(after_s)
    process.send_signal(signal.SIGKILL)
    process.wait()
    wal = Path(f"{db}-wal")
    wal_bytes = wal.stat().st_size if wal.exists() else 0
    integrity, contacts, batches = counts(db)
    seeded_now = [row for row in snapshot(db) if row[0] <= before[-1][0]]
    return KillOutcome(after_s, integrity, contacts, batches, seeded_now == before, wal_bytes)


def moments(duration: float, kills: int) -> list[float]:
    """A few right at the start, most spread evenly over 5-95 % of a full run, and two about
    when the batch commits (between the commit and the process's exit)."""
    early = [0.0, 0.01, 0.03]
    late = [duration * 0.97, duration * 1.0]
    rest = max(kills - len(early) - len(late), 2)
    spread = [duration * (0.05 + 0.9 * i / (rest - 1)) for i in range(rest)]
    return early + spread + late


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--kills", type=int, default=40)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="netdesk-kill-") as tmp:
        seeded, big, work = prepare(Path(tmp), args.cards)
        seeded_count = counts(seeded)[1]
        duration, full_count = full_run(seeded, big, work)
        print(f"full import of {args.cards} cards: {duration:.1f} s, {full_count} contacts")
        bad = mid_write = 0
        for moment in moments(duration, args.kills):
            out = kill_at(seeded, big, work, moment)
            whole = (out.contacts, out.batches) in ((seeded_count, 1), (full_count, 2))
            ok = out.integrity == "ok" and out.seeded_intact and whole
            bad += not ok
            state = "batch absent" if out.contacts == seeded_count else "batch complete"
            if out.mid_write:
                state += f" (killed mid-write, {out.wal_bytes} bytes of log)"
            print(f"kill at {moment:6.2f} s: integrity {out.integrity}, {state}, ok={ok}")
            mid_write += out.mid_write
        print(f"{args.kills} kills ({mid_write} mid-write), {bad} problems")
        return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
