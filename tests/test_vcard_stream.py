"""Reading a vCard file a block at a time, in worker processes for big files.

Whatever the blocks and however many processes read them, the cards, their numbers, warnings
and errors are exactly what reading the whole file at once gives.
"""

from __future__ import annotations

import dataclasses
import io
import multiprocessing
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netdesk.interop.vcard_lines import card_blocks
from netdesk.interop.vcard_reader import CardResult, read_block, read_vcards
from netdesk.interop.vcard_stream import (
    ENV_WORKERS,
    PARALLEL_BYTES,
    read_vcard_path,
    worker_count,
)

BEGIN_LINE = re.compile(rb"(?i)^(?:[\w-]*\.)?BEGIN[ \t]*:[ \t]*VCARD")


def quirky_file(count: int) -> bytes:
    """Cards as real exports mix them: CRLF and LF, QP soft breaks, folds, junk, a card left
    open right before the next one, an END with no BEGIN, a Latin-1-free UTF-8 body."""
    parts: list[bytes] = []
    for i in range(count):
        kind = i % 7
        if kind == 0:
            parts.append(
                b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:P\xc3\xa9rez;Luc\xc3\xada\r\n"
                b"TEL;CELL;VOICE:+34 600 %06d\r\n"
                b"NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9 =\r\n con leche %d\r\nEND:VCARD\r\n"
                % (i, i)
            )
        elif kind == 1:
            parts.append(
                b"BEGIN:VCARD\nVERSION:3.0\nFN:Folded %d\nNOTE:a long note that is\n  folded\n"
                b"EMAIL;TYPE=INTERNET,WORK:p%d@example.org\nEND:VCARD\n" % (i, i)
            )
        elif kind == 2:
            parts.append(b"junk between cards\r\n")
            parts.append(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Open %d\r\n" % i)  # never closed
        elif kind == 3:
            parts.append(b"BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:\r\nEND:VCARD\r\n")  # rejected
        elif kind == 4:
            parts.append(b"VERSION:3.0\r\nFN:No begin %d\r\nEND:VCARD\r\n" % i)
        else:
            parts.append(
                b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana %d\r\nitem1.TEL:+34 611 %06d\r\n"
                b"item1.X-ABLabel:_$!<Mobile>!$_\r\nCATEGORIES:a,b\\,c\r\nEND:VCARD\r\n" % (i, i)
            )
    return b"".join(parts)


def as_tuples(results: list[CardResult]) -> list[tuple[object, ...]]:
    return [dataclasses.astuple(r) for r in results]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.integers(min_value=1, max_value=64))
def test_blocks_rejoin_and_each_later_block_starts_a_card(raw: bytes, size: int) -> None:
    blocks = list(card_blocks(io.BytesIO(raw), size))
    assert b"".join(blocks) == raw
    for block in blocks[1:]:
        assert BEGIN_LINE.match(block), block[:20]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=16, max_value=2048))
def test_cards_read_block_by_block_are_the_cards_of_the_whole_file(count: int, size: int) -> None:
    raw = quirky_file(count)
    whole = list(read_vcards(raw))
    blocks = list(card_blocks(io.BytesIO(raw), size))
    assert len(blocks) >= len(raw) // (size + 400)  # cut at nearly every card when small
    rebuilt: list[CardResult] = []
    for index, block in enumerate(blocks):
        results = read_block(block, "utf-8", followed=index < len(blocks) - 1)
        for r in results:
            r.position += len(rebuilt)
        rebuilt.extend(results)
    assert as_tuples(rebuilt) == as_tuples(whole)


def test_worker_processes_read_what_one_process_reads(tmp_path: Path) -> None:
    raw = quirky_file(700)
    path = tmp_path / "quirky.vcf"
    path.write_bytes(raw)
    whole = list(read_vcards(raw))
    assert len(whole) == 700
    assert sum(r.contact is None for r in whole) == 100  # the NOTE-only cards
    assert any("a new card began inside it" in w for r in whole for w in r.warnings)
    in_process = list(read_vcard_path(path, workers=0, block_bytes=4096))
    in_workers = list(read_vcard_path(path, workers=2, block_bytes=4096))
    assert as_tuples(in_process) == as_tuples(whole)
    assert as_tuples(in_workers) == as_tuples(whole)
    assert multiprocessing.active_children() == []  # the workers are gone


def test_closing_early_stops_the_workers(tmp_path: Path) -> None:
    path = tmp_path / "many.vcf"
    path.write_bytes(quirky_file(3000))
    cards = read_vcard_path(path, workers=2, block_bytes=4096)
    first = next(cards)
    assert first.position == 1 and first.contact is not None
    assert multiprocessing.active_children()  # reading in worker processes
    cards.close()  # what cancelling an import does
    assert multiprocessing.active_children() == []


def test_small_files_are_read_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_WORKERS, raising=False)
    assert worker_count(PARALLEL_BYTES - 1) == 0
    monkeypatch.setenv(ENV_WORKERS, "2")
    assert worker_count(PARALLEL_BYTES - 1) == 0
    assert worker_count(PARALLEL_BYTES) == 2
    monkeypatch.setenv(ENV_WORKERS, "0")
    assert worker_count(50 * PARALLEL_BYTES) == 0


KILLED_READER = """
import sys, time
from pathlib import Path
from multiprocessing import active_children
from netdesk.interop.vcard_stream import read_vcard_path

if __name__ == "__main__":
    cards = read_vcard_path(Path(sys.argv[1]), workers=2, block_bytes=4096)
    next(cards)
    print(" ".join(str(p.pid) for p in active_children()), flush=True)
    time.sleep(60)  # killed here, mid-import
"""


def test_workers_end_when_the_importing_program_is_killed(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "many.vcf"
    path.write_bytes(quirky_file(3000))
    script = tmp_path / "reader.py"
    script.write_text(KILLED_READER, encoding="utf-8")
    reader = subprocess.Popen(
        [sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True
    )
    assert reader.stdout is not None
    pids = [int(p) for p in reader.stdout.readline().split()]
    assert len(pids) >= 2  # two workers (and multiprocessing's resource tracker)
    reader.send_signal(signal.SIGKILL)  # no chance to shut its workers down
    reader.wait()

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True

    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [p for p in pids if alive(p)] == []


def test_the_importers_check_runs_where_the_cards_are_read(tmp_path: Path) -> None:
    """check_card in the workers: the cards come back cleaned, with the warnings and the phone
    keys the importing thread would have worked out itself."""
    from functools import partial

    from netdesk.app.import_checks import check_card, clean_incoming
    from netdesk.domain.match_keys import forget_phone_keys, phone_keys

    dirty = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Be\x07lle %d\r\nTEL:0034 600 %06d\r\nEND:VCARD\r\n"
    raw = quirky_file(400) + b"".join(dirty % (i, i) for i in range(50))
    path = tmp_path / "dirty.vcf"
    path.write_bytes(raw)
    expected = list(read_vcards(raw))
    for result in expected:
        if result.contact is not None:
            result.warnings.extend(clean_incoming(result.contact))
    forget_phone_keys()
    checked = list(
        read_vcard_path(path, workers=2, block_bytes=4096, check=partial(check_card, "ES"))
    )
    assert [(r.position, r.contact, r.warnings, r.error) for r in checked] == [
        (r.position, r.contact, r.warnings, r.error) for r in expected
    ]
    assert sum("control characters removed from the name" in r.warnings for r in checked) == 50
    assert all(r.checked == (r.contact is not None) for r in checked)
    for result in checked:
        if result.contact is not None:
            assert result.phone_keys == {
                p.value: phone_keys(p.value, "ES") for p in result.contact.phones
            }
    assert checked[-1].phone_keys == {
        "0034 600 000049": ("+34600000049", "0034600000049 600000049")
    }
