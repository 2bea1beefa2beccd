"""Run in a fresh process: netdesk importing one vCard file into a fresh database.

    python -m bench.import_probe CARDS WORKDIR [--trace]

The import parses big files in worker processes started with 'spawn', and a spawned worker
first imports the parent's ``__main__``. Under ``python -m bench.run`` that is the whole suite
(PySide6, SQLAlchemy, the data generator: ~0.6 s per worker); under ``netdesk import`` it is a
three-line script. So the import is timed here, in a process whose ``__main__`` is as light as
the command line's, not inside the suite.

Prints one JSON line: {"seconds": ..., "peak_mb": ..., "worker_rss_mb": ..., "created": ...};
peak_mb is tracemalloc's peak in this process (with --trace), worker_rss_mb the largest
resident size a worker process reached.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    import gc
    import json
    import resource
    import time
    import tracemalloc
    from pathlib import Path

    from netdesk.app.importer import ImportRequest, import_all
    from netdesk.store.db import open_database

    cards, workdir = Path(argv[0]), Path(argv[1])
    trace = "--trace" in argv
    # Warm up as a running program is: modules loaded, phone metadata read. A few cards are
    # read in-process, so the workers' start-up is still part of the timed import.
    warm = workdir / "warm-up.vcf"
    warm.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Warm Up\r\nTEL:+34 600 000 000\r\n"
        "EMAIL:warm@example.org\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    import_all(
        open_database(workdir / f"warm-{time.monotonic_ns()}.sqlite"), ImportRequest([warm]), "ES"
    )
    db = open_database(workdir / f"import-{time.monotonic_ns()}.sqlite")
    gc.collect()
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    report = import_all(db, ImportRequest([cards]), "ES")
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    db.close()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "peak_mb": peak / 1e6,
                "worker_rss_mb": children,
                "created": report.created,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
