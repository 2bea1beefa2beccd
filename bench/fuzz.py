"""The longer fuzzing run: every property test of the readers and inputs (vCard and CSV files,
stored settings, command-line arguments) with many more random and mutated examples than the
test suite uses.

    .venv/bin/python -m bench.fuzz                   # 5,000 examples per property
    .venv/bin/python -m bench.fuzz --examples 20000

Hypothesis keeps any failing example in .hypothesis/ and replays it first next time. This module
is also the pytest plugin (``-p bench.fuzz``) that raises each property's example count, even
where the test itself names a smaller one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
PROPERTY_TESTS = [
    "tests/test_vcard_reader.py",
    "tests/test_csv_reader.py",
    "tests/test_fuzz_inputs.py",
]
EXAMPLES_ENV = "NETDESK_FUZZ_EXAMPLES"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep only the property tests, each with the fuzzing run's example count."""
    examples = int(os.environ.get(EXAMPLES_ENV, "5000"))
    kept, dropped = [], []
    for item in items:
        test: Any = getattr(item, "obj", None)
        if getattr(test, "is_hypothesis_test", False):
            current = test._hypothesis_internal_use_settings
            test._hypothesis_internal_use_settings = settings(
                current, max_examples=examples, deadline=None
            )
            kept.append(item)
        else:
            dropped.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples per property")
    args = parser.parse_args(argv)
    if args.examples < 1:
        parser.error("--examples must be at least 1")
    env = {**os.environ, EXAMPLES_ENV: str(args.examples), "QT_QPA_PLATFORM": "offscreen"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "bench.fuzz",
        "-p",
        "no:cacheprovider",
        "-v",
        "--hypothesis-show-statistics",
        *PROPERTY_TESTS,
    ]
    print(f"fuzzing the property tests in {', '.join(PROPERTY_TESTS)}")
    print(f"{args.examples} examples per property; command: {' '.join(command[2:])}", flush=True)
    start = time.perf_counter()
    code = subprocess.call(command, cwd=ROOT, env=env)
    verdict = "no failures" if code == 0 else f"FAILED (pytest exit code {code})"
    print(f"fuzzing finished in {time.perf_counter() - start:.0f} s: {verdict}")
    return code


if __name__ == "__main__":
    sys.exit(main())
