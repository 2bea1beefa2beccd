"""The log file: small, private and free of secrets and contact data.

Logs get attached to bug reports, so anything that could be a password, a token or a person's
card is replaced before a record is written, whatever logger it came from.
"""

from __future__ import annotations

import io
import logging
import os
import re
from contextlib import suppress
from logging.handlers import RotatingFileHandler
from pathlib import Path

from netdesk.system import paths

LOG_NAME = "netdesk.log"
MAX_BYTES = 1_000_000
FILES = 5  # the live file plus four rotated ones
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
BASE64_MIN = 80  # shorter runs are ordinary words, ids and paths

_VCARD = re.compile(r"BEGIN:VCARD\b.*?(?:END:VCARD|\Z)", re.IGNORECASE | re.DOTALL)
_AUTH_HEADER = re.compile(r"\b((?:proxy-)?authorization\s*[:=]\s*)[^\r\n]+", re.IGNORECASE)
_BEARER = re.compile(r"\b(bearer)\s+[A-Za-z0-9._~+/=-]{8,}", re.IGNORECASE)
_SECRET = re.compile(
    r"""(["']?\b(?:password|passwd|pwd|passphrase|secret|token|access_token|api[_-]?key)\b["']?"""
    r"""\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&}\]]+)""",
    re.IGNORECASE,
)
_URL_PASSWORD = re.compile(r"(://[^/\s:@]+:)[^@\s/]+@")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}(?:\s{1,4}[A-Za-z0-9+/]{16,})*={0,2}")


def _base64(match: re.Match[str]) -> str:
    run = match.group(0)
    size = sum(c.isalnum() or c in "+/" for c in run)
    encoded = any(c.isdigit() or c in "+/" for c in run)  # long plain words have none of these
    return f"[base64 redacted, {size} chars]" if size >= BASE64_MIN and encoded else run


def redact(text: str) -> str:
    """Text with secrets and personal payloads replaced; the rest left readable."""
    text = _VCARD.sub("[vCard redacted]", text)
    text = _AUTH_HEADER.sub(r"\1[redacted]", text)
    text = _BEARER.sub(r"\1 [redacted]", text)
    text = _SECRET.sub(r"\1[redacted]", text)
    text = _URL_PASSWORD.sub(r"\1[redacted]@", text)
    return _BASE64.sub(_base64, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message, traceback and stack before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # bad %-arguments: keep both parts, still redacted
            message = f"{record.msg} {record.args}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files only the user can read (mode 0600), rotated ones included."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.close(fd)
        with suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
        return super()._open()


def setup_logging(log_dir: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the root logger to a private, redacted, rotating file; return the file's path.

    Calling it again only updates the level (or moves the file when ``log_dir`` changes), so it
    is safe to call from both the window and the command line.
    """
    folder = log_dir if log_dir is not None else paths.log_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with suppress(OSError):
        os.chmod(folder, 0o700)
    path = folder / LOG_NAME
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            if Path(handler.baseFilename) == path.absolute():
                return path
            root.removeHandler(handler)
            handler.close()
    handler = PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=FILES - 1, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    return path


__all__ = ["RedactingFilter", "redact", "setup_logging"]
