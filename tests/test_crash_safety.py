"""An import killed with SIGKILL at twenty-odd moments leaves a sound database: integrity ok,
what was stored before intact, and the interrupted batch fully present or fully absent."""

from __future__ import annotations

from pathlib import Path

from bench.kill_test import counts, full_run, kill_at, moments, prepare

CARDS = 3000  # bench/kill_test.py runs 20,000
KILLS = 28


def test_sigkill_during_import_never_leaves_half_a_batch(tmp_path: Path) -> None:
    seeded, big, work = prepare(tmp_path, CARDS)
    assert not Path(f"{seeded}-wal").exists()
    seeded_count = counts(seeded)[1]
    duration, full_count = full_run(seeded, big, work)
    assert full_count == seeded_count + CARDS
    outcomes = [kill_at(seeded, big, work, m) for m in moments(duration, KILLS)]
    assert len(outcomes) >= 20
    for out in outcomes:
        assert out.integrity == "ok", out
        assert out.seeded_intact, out
        assert (out.contacts, out.batches) in ((seeded_count, 1), (full_count, 2)), out
    # Some kills really landed while the batch was being written (frames in the log, nothing
    # committed), not only before the import started or after it ended.
    assert sum(o.mid_write for o in outcomes) >= 2, outcomes
    assert any(o.contacts == seeded_count for o in outcomes)
