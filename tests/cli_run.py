"""Running the real command line on a test's database, as a user's shell would."""

from __future__ import annotations

import subprocess
import sys

from netdesk.store.db import Database


def netdesk(db: Database, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db.path), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
