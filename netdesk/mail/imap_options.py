"""The choices an IMAP account offers, apart from the client that uses them: the settings and
the account list read them at start-up without loading imapclient."""

from __future__ import annotations

SECURITY = ("tls", "starttls")
DEFAULT_PORTS = {"tls": 993, "starttls": 143}

__all__ = ["DEFAULT_PORTS", "SECURITY"]
