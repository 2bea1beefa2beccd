"""The real Secret Service: a private D-Bus session with an unlocked GNOME Keyring.

Needs ``dbus-daemon`` and ``gnome-keyring-daemon`` (Debian: apt-get install gnome-keyring dbus);
skipped with that reason when they are missing. Every process started here is stopped here.
"""

from __future__ import annotations

import os
import selectors
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.sync

DAEMONS = ("dbus-daemon", "gnome-keyring-daemon")
TIMEOUT = 15.0
UNLOCK_PASSWORD = "test-login-keyring"
SECRET = "pw-Secret-Service-4711"

WAIT_FOR_SERVICE = """
import time
import secretstorage
deadline = time.monotonic() + 10
while True:
    try:
        with secretstorage.dbus_init() as conn:
            if secretstorage.check_service_availability(conn):
                break
    except Exception:
        pass
    if time.monotonic() > deadline:
        raise SystemExit("the Secret Service did not appear on the bus")
    time.sleep(0.1)
"""


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _first_line(process: subprocess.Popen[bytes], timeout: float) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise RuntimeError("dbus-daemon printed no address")
    return process.stdout.readline().decode().strip()


@pytest.fixture
def secret_service(tmp_path: Path) -> Iterator[dict[str, str]]:
    missing = [name for name in DAEMONS if shutil.which(name) is None]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed (apt-get install gnome-keyring dbus)")
    pytest.importorskip("secretstorage", reason="keyring's Secret Service backend needs it")
    home = tmp_path / "session"
    runtime = home / "run"
    runtime.mkdir(parents=True, mode=0o700)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    env.pop("PYTHON_KEYRING_BACKEND", None)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    started = [bus]
    try:
        env["DBUS_SESSION_BUS_ADDRESS"] = _first_line(bus, TIMEOUT)
        daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--components=secrets", "--unlock"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        started.append(daemon)
        assert daemon.stdin is not None
        daemon.stdin.write(UNLOCK_PASSWORD.encode())
        daemon.stdin.close()
        run_python(WAIT_FOR_SERVICE, env)
        yield env
    finally:
        for process in reversed(started):
            _stop(process)


def run_python(code: str, env: dict[str, str]) -> str:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_password_round_trip_through_gnome_keyring(secret_service: dict[str, str]) -> None:
    store = f"""
        from keyring.backends.SecretService import Keyring
        from netdesk.system.secrets import PasswordStore
        store = PasswordStore(Keyring())
        print(store.describe())
        print(store.get("home"))
        store.set("home", {SECRET!r})
        print(store.get("home"))
    """
    assert run_python(store, secret_service).splitlines() == [
        "GNOME Keyring (Secret Service)",
        "None",
        SECRET,
    ]
    # Another process, with the backend keyring picks by itself: the saved password is there.
    read_back = """
        from netdesk.system.secrets import PasswordStore
        store = PasswordStore()
        print(store.available(), "Secret Service" in store.describe())
        print(store.get("home"))
        print(store.delete("home"), store.get("home"), store.delete("home"))
    """
    assert run_python(read_back, secret_service).splitlines() == [
        "True True",
        SECRET,
        "True None False",
    ]


def test_the_keyring_file_holds_no_plain_password(secret_service: dict[str, str]) -> None:
    run_python(
        f"""
        from keyring.backends.SecretService import Keyring
        from netdesk.system.secrets import PasswordStore
        PasswordStore(Keyring()).set("home", {SECRET!r})
        """,
        secret_service,
    )
    files = [p for p in Path(secret_service["XDG_DATA_HOME"]).rglob("*") if p.is_file()]
    assert any(p.suffix == ".keyring" for p in files)  # it was saved to disk, encrypted
    assert [p for p in files if SECRET.encode() in p.read_bytes()] == []
