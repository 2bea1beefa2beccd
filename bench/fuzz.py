"""The longer fuzzing run: every property test of the readers and inputs with many more
random and mutated examples than the test suite uses.

    .venv/bin/python -m bench.fuzz                  # 5,000 examples per property
    .venv/bin/python -m bench.fuzz --examples 50000

Hypothesis keeps any failing example in .hypothesis/ and replays it first next time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROPERTY_TESTS = [
    "tests/test_vcard_reader.py",
    "tests/test_csv_reader.py",
    "tests/test_fuzz_inputs.py",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    args = parser.parse_args(argv)
    env = {**os.environ, "NETDESK_FUZZ_EXAMPLES": str(args.examples)}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "--hypothesis-profile=fuzz",
        "--hypothesis-show-statistics",
        "-k",
        "random or mutated or any_ or pieces or never",
        *PROPERTY_TESTS,
    ]
    print("running:", " ".join(command[2:]), f"with {args.examples} examples per property")
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
