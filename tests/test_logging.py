"""The log file: private, rotated, and free of passwords, tokens and contact cards."""

from __future__ import annotations

import base64
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from netdesk.system import logs
from netdesk.system.logs import PrivateRotatingFileHandler, redact, setup_logging

VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana García\r\nEMAIL:ana.garcia@example.org\r\n"
    "TEL:+34 600 123 456\r\nEND:VCARD"
)


@pytest.fixture(autouse=True)
def _clean_root() -> Iterator[None]:
    """Leave the root logger as the test found it."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def ours() -> list[PrivateRotatingFileHandler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, PrivateRotatingFileHandler)]


def flush() -> None:
    for handler in ours():
        handler.flush()


def test_secrets_and_cards_are_redacted_in_the_file(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    blob = base64.b64encode(os.urandom(1536)).decode()  # 2 KB of base64
    folded = "\r\n ".join(blob[i : i + 74] for i in range(0, len(blob), 74))  # as in a vCard
    log = logging.getLogger("netdesk.sync")
    log.info("login user=ana password=hunter2 region=ES")
    log.info('settings {"password": "s3cr3t pass", "rate": 90}')
    log.warning("GET /carddav\nAuthorization: Basic YW5hOmh1bnRlcjI=\nAccept: text/vcard")
    log.info("server said: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig ok")
    log.info("imported card %s from %s", VCARD, "phone.vcf")
    log.info("photo %s end", blob)
    log.info("folded photo %s end", folded)
    log.info("fetched https://ana:topsecret@dav.example.org/cards")
    try:
        raise ValueError("bad password=in-traceback")
    except ValueError:
        log.exception("failed with token=abc123")
    flush()
    text = path.read_text(encoding="utf-8")
    for secret in (
        "hunter2",
        "s3cr3t",
        "YW5hOmh1bnRlcjI",
        "eyJhbGciOiJIUzI1NiJ9",
        "Ana García",
        "ana.garcia@example.org",
        "600 123 456",
        blob[:40],
        blob[-40:],
        folded[800:840],
        "topsecret",
        "in-traceback",
        "abc123",
    ):
        assert secret not in text, secret
    # What is left stays readable, so the log is still useful.
    assert "login user=ana password=[redacted] region=ES" in text
    assert '"rate": 90' in text
    assert "Authorization: [redacted]\nAccept: text/vcard" in text
    assert "imported card [vCard redacted] from phone.vcf" in text
    assert "photo [base64 redacted, 2048 chars] end" in text
    assert "folded photo [base64 redacted, 2048 chars] end" in text
    assert "https://ana:[redacted]@dav.example.org/cards" in text
    assert "ValueError: bad password=[redacted]" in text


def test_ordinary_text_is_left_alone() -> None:
    plain = (
        "opened /home/someone/.local/share/netdesk/netdesk.sqlite with 1200 contacts; "
        "basic information about Donaudampfschifffahrtsgesellschaftskapitän and more"
    )
    assert redact(plain) == plain
    assert redact("an unterminated BEGIN:VCARD\nFN:Ana") == "an unterminated [vCard redacted]"


def test_file_and_folder_are_private(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    logging.getLogger("netdesk").warning("hello")
    flush()
    assert path == tmp_path / "logs" / "netdesk.log"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_rotation_past_the_size_keeps_files_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = setup_logging(tmp_path / "logs")
    handler = ours()[0]
    assert handler.maxBytes == logs.MAX_BYTES == 1_000_000
    assert handler.backupCount + 1 == logs.FILES == 5
    line = "x" * 1000
    log = logging.getLogger("netdesk.bulk")
    for _ in range(logs.MAX_BYTES // 1000 * 6):  # enough for more than five files
        log.info(line)
    flush()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["netdesk.log", *(f"netdesk.log.{n}" for n in range(1, 5))]
    for name in files:
        size = (path.parent / name).stat().st_size
        assert size <= logs.MAX_BYTES
        assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600
    assert (path.parent / "netdesk.log.1").stat().st_size > logs.MAX_BYTES - 2000


def test_setup_twice_adds_one_handler(tmp_path: Path) -> None:
    first = setup_logging(tmp_path / "logs")
    second = setup_logging(tmp_path / "logs", level=logging.DEBUG)
    assert first == second
    assert len(ours()) == 1
    assert logging.getLogger().level == logging.DEBUG
    logging.getLogger("netdesk").info("once")
    flush()
    assert first.read_text(encoding="utf-8").count("once") == 1
    moved = setup_logging(tmp_path / "elsewhere")
    assert len(ours()) == 1 and Path(ours()[0].baseFilename) == moved.absolute()


def test_default_folder_is_the_user_log_folder(tmp_path: Path) -> None:
    from netdesk.system import paths

    path = setup_logging()
    assert path == paths.log_dir() / "netdesk.log"
    assert str(path).startswith(str(tmp_path))  # the isolated test home, not the real one
