"""An import killed with SIGKILL at twenty-odd moments leaves a sound database: integrity ok,
what was stored before intact, and the interrupted batch fully present or fully absent."""

from __future__ import annotations

from pathlib import Path

from bench.kill_test import counts, full_run, kill_at, moments, prepare

CARDS = 1500  # bench/kill_test.py runs 20,000
KILLS = 22


def test_sigkill_during_import_never_leaves_half_a_batch(tmp_path: Path) -> None:
    seeded, big, work = prepare(tmp_path, CARDS)
    seeded_count = counts(seeded)[1]
    duration, full_count = full_run(seeded, big, work)
    assert full_count == seeded_count + CARDS
    outcomes = [kill_at(seeded, big, work, m) for m in moments(duration, KILLS)]
    assert len(outcomes) >= 20
    for out in outcomes:
        assert out.integrity == "ok", out
        assert out.seeded_intact, out
        assert (out.contacts, out.batches) in ((seeded_count, 1), (full_count, 2)), out
    # The kills landed both before and after the commit, so both outcomes were really tested.
    assert {o.contacts for o in outcomes} == {seeded_count, full_count}
