"""An IMAP account, read-only and headers only, with imapclient.

Folders are opened with EXAMINE (read-only), so no flag ever changes; only the header fields
netdesk needs are fetched, with ``BODY.PEEK[HEADER.FIELDS (…)]``. Each folder is read from the
UID after the last one seen while its UIDVALIDITY holds, so a re-scan of an unchanged mailbox
asks the server for one STATUS-like SELECT per folder and fetches nothing.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

__all__ = ["DEFAULT_PORTS", "SECURITY", "IMAPClient", "IMAPClientError", "ImapAccount", "ImapError"]

from netdesk.mail.headers import FIELDS
from netdesk.mail.imap_options import DEFAULT_PORTS, SECURITY

FETCH_BATCH = 500
TIMEOUT = 30.0
_HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS ({})]".format(" ".join(f.upper() for f in FIELDS))
# Where providers keep sent mail when the server does not mark it \Sent (RFC 6154).
SENT_NAMES = (
    "Sent",
    "Sent Items",
    "Sent Messages",
    "Sent Mail",
    "INBOX.Sent",
    "INBOX/Sent",
    "[Gmail]/Sent Mail",
    "Enviados",
    "Elementos enviados",
    "INBOX.Enviados",
)


class ImapError(Exception):
    """A failure the user can act on; the message names the server and the reason."""


@dataclass(frozen=True)
class ImapAccount:
    host: str
    port: int
    security: str
    username: str

    def where(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class FolderBatch:
    folder: str
    uidvalidity: int
    last_uid: int
    messages: list[tuple[int, bytes]]  # (UID, header block)


def connect(account: ImapAccount, password: str, timeout: float = TIMEOUT) -> IMAPClient:
    """Logged in over TLS (implicit, or STARTTLS), the certificate checked."""
    if account.security not in SECURITY:
        raise ImapError(f"security must be tls or starttls, not {account.security!r}")
    context = ssl.create_default_context()
    try:
        client = IMAPClient(
            account.host,
            port=account.port,
            ssl=account.security == "tls",
            ssl_context=context,
            timeout=timeout,
        )
        if account.security == "starttls":
            client.starttls(context)
    except ssl.SSLError as exc:
        raise ImapError(
            f"{account.where()}: the secure connection failed ({exc.reason or exc})"
        ) from exc
    except (OSError, IMAPClientError) as exc:
        raise ImapError(f"{account.where()}: could not connect ({describe(exc)})") from exc
    try:
        client.login(account.username, password)
    except LoginError as exc:
        _close(client)
        raise ImapError(
            f"{account.where()}: the server refused the user name or password "
            f"for {account.username!r}"
        ) from exc
    except (OSError, IMAPClientError) as exc:
        _close(client)
        raise ImapError(f"{account.where()}: could not log in ({describe(exc)})") from exc
    return client


def describe(exc: BaseException) -> str:
    """A socket or protocol error in a few words."""
    if isinstance(exc, socket.timeout | TimeoutError):
        return "no answer in time"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    text = getattr(exc, "strerror", None) or str(exc)
    return text or type(exc).__name__


def _close(client: IMAPClient) -> None:
    """Log out; a connection that is already gone is simply dropped."""
    try:
        client.logout()
    except (OSError, IMAPClientError, ssl.SSLError):
        with contextlib.suppress(OSError, IMAPClientError):
            client.shutdown()


def close(client: IMAPClient) -> None:
    _close(client)


def folders_to_scan(client: IMAPClient, extra: list[str]) -> list[str]:
    """INBOX, the Sent folder (SPECIAL-USE \\Sent, else a usual name) and the user's picks."""
    listed = client.list_folders()
    names = [name for _, _, name in listed]
    sent = [name for flags, _, name in listed if b"\\Sent" in flags]
    if not sent:
        lower = {n.lower(): n for n in names}
        sent = [lower[s.lower()] for s in SENT_NAMES if s.lower() in lower][:1]
    inbox = [n for n in names if n.upper() == "INBOX"] or ["INBOX"]
    chosen = inbox + sent + [f for f in extra if f in names]
    return list(dict.fromkeys(chosen))


def all_folders(client: IMAPClient) -> list[str]:
    return [name for flags, _, name in client.list_folders() if b"\\Noselect" not in flags]


def read_folder(
    client: IMAPClient, folder: str, uidvalidity: int | None, last_uid: int
) -> Iterator[FolderBatch]:
    """Header blocks of the messages new since (uidvalidity, last_uid), in UID order."""
    info: dict[bytes, Any] = client.select_folder(folder, readonly=True)
    validity = int(info.get(b"UIDVALIDITY", 0))
    if validity != uidvalidity:
        last_uid = 0  # the folder was recreated: its UIDs mean other messages now
    uidnext = info.get(b"UIDNEXT")
    exists = int(info.get(b"EXISTS", 0))
    if exists == 0 or (uidnext is not None and int(uidnext) <= last_uid + 1):
        if validity != uidvalidity:
            yield FolderBatch(folder, validity, last_uid, [])
        return
    uids = sorted(u for u in client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)
    for start in range(0, len(uids), FETCH_BATCH):
        chunk = uids[start : start + FETCH_BATCH]
        data = client.fetch(chunk, [_HEADER_ITEM])
        messages: list[tuple[int, bytes]] = []
        for uid in chunk:
            item = data.get(uid, {})
            block = next((v for k, v in item.items() if k.startswith(b"BODY[HEADER")), None)
            if isinstance(block, bytes):
                messages.append((uid, block))
        yield FolderBatch(folder, validity, chunk[-1], messages)
    if not uids and validity != uidvalidity:
        yield FolderBatch(folder, validity, last_uid, [])
