"""Mail fixtures: a real Dovecot per test, the trust of its certificate, an in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.mail.dovecot import DovecotServer, available
from tests.sync.conftest import MemoryKeyring, memory_keyring, radicale  # noqa: F401


@pytest.fixture
def dovecot(monkeypatch: pytest.MonkeyPatch) -> Iterator[DovecotServer]:
    reason = available()
    if reason:
        pytest.skip(reason)
    server = DovecotServer()
    server.start()
    # netdesk checks certificates as always; the test server's is trusted like a system CA.
    monkeypatch.setenv("SSL_CERT_FILE", str(server.cert))
    yield server
    server.cleanup()
