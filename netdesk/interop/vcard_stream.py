"""Reading a vCard file of any size: a block of cards at a time, big files in worker processes.

Reading a card (byte-level clean-up, vobject's content-line parser, the mapping to ContactData)
is pure Python, about 0.12 ms per card, so a 10,000-card export takes over a second on one core
before anything is written. Files large enough to be worth it are cut into blocks at
BEGIN:VCARD lines (card_blocks) and the blocks are read by worker processes while the caller,
typically the importer writing the previous cards to the database, goes on. Small files are read
in-process, so importing a handful of cards never pays for starting a process.

Workers are started with the 'spawn' method: the importer runs on a worker thread of a Qt
program, and forking a process that has Qt's threads is unsafe. Only a few blocks are in flight at
any time, so memory stays at a few blocks whatever the file's size; closing the iterator (an
import cancelled from the window) cancels what is queued and stops the workers, and workers whose
program was killed exit by themselves. A frozen program must call multiprocessing.freeze_support()
(packaging/bundle_main.py does).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from netdesk.interop.vcard_lines import BLOCK_BYTES, card_blocks, guess_encoding
from netdesk.interop.vcard_reader import CardCheck, CardResult, read_block

# Below this size a file is read in-process: ~1,500 cards of a typical phone export, which read
# in about 0.2 s, less than starting the workers costs (0.3-0.5 s).
PARALLEL_BYTES = 512 * 1024
# The importing thread writes while the workers parse; on two cores two workers keep it fed, and
# more would only compete with it for the CPU.
MAX_WORKERS = 2
# Blocks (~190 cards each) the importing thread reads itself while the workers start.
LOCAL_BLOCKS = 3
ENV_WORKERS = "NETDESK_IMPORT_WORKERS"  # "0": always read in-process (debugging, profiling)


def worker_count(size: int) -> int:
    """How many worker processes should read a file of ``size`` bytes; 0 means in-process."""
    configured = os.environ.get(ENV_WORKERS, "").strip()
    if configured.isdigit():
        return int(configured) if size >= PARALLEL_BYTES else 0
    cores = os.cpu_count() or 1
    # One core: a worker would only take turns with the importing thread.
    return min(cores, MAX_WORKERS) if size >= PARALLEL_BYTES and cores > 1 else 0


def _blocks(path: Path, size: int) -> Iterator[bytes]:
    with path.open("rb") as stream:
        yield from card_blocks(stream, size)


def _with_followed(blocks: Iterator[bytes]) -> Iterator[tuple[bytes, bool]]:
    """Each block, and whether another one (so another card) follows it."""
    previous: bytes | None = None
    for block in blocks:
        if previous is not None:
            yield previous, True
        previous = block
    if previous is not None:
        yield previous, False


def read_vcard_path(
    path: Path,
    workers: int | None = None,
    block_bytes: int = BLOCK_BYTES,
    check: CardCheck | None = None,
) -> Iterator[CardResult]:
    """Every card of the file at ``path``, in order and numbered from 1, as read_vcards reads
    them, each passed through ``check`` where it was read (read_block); an unreadable file
    raises OSError. ``workers`` overrides worker_count."""
    charset = guess_encoding(lambda: _blocks(path, block_bytes))
    count = worker_count(path.stat().st_size) if workers is None else workers
    blocks = _with_followed(_blocks(path, block_bytes))
    results = (
        _in_workers(blocks, charset, count, check) if count else _in_process(blocks, charset, check)
    )
    offset = 0
    try:
        for block_results in results:
            for result in block_results:
                result.position += offset
                yield result
            offset += len(block_results)
    finally:
        results.close()  # closed early (a cancelled import): stop the workers now


def _in_process(
    blocks: Iterator[tuple[bytes, bool]], charset: str, check: CardCheck | None
) -> Generator[list[CardResult], None, None]:
    for block, followed in blocks:
        yield read_block(block, charset, followed, check)


def _start_worker() -> None:
    """Set up a worker process.

    It runs at a lower priority: the window's thread and the thread writing the cards (the
    import's bottleneck) come first when the cores are busy. And it ends with the program that
    started it: a program that is killed cannot tell its workers to stop, and they would wait
    for blocks forever (each holds its own copy of the queue's pipe, so it never sees it close).
    """
    if hasattr(os, "nice"):
        os.nice(5)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True).start()


def _end_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _in_workers(
    blocks: Iterator[tuple[bytes, bool]], charset: str, workers: int, check: CardCheck | None
) -> Generator[list[CardResult], None, None]:
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
    pending: deque[Future[list[CardResult]]] = deque()
    try:
        # Starting a worker takes ~0.3 s; meanwhile the first blocks are read here, so the
        # caller has cards to write from the start.
        local = list(islice(blocks, LOCAL_BLOCKS))
        for block, followed in islice(blocks, 2 * workers):
            pending.append(pool.submit(read_block, block, charset, followed, check))
        for block, followed in local:
            yield read_block(block, charset, followed, check)
        for block, followed in blocks:
            pending.append(pool.submit(read_block, block, charset, followed, check))
            if len(pending) > 2 * workers:  # a few blocks in flight, never the whole file
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        # Also on cancel: queued blocks are dropped; a block being read finishes (~50 ms).
        pool.shutdown(wait=True, cancel_futures=True)
