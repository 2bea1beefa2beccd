"""A message's header block → the few facts netdesk logs, fast and without a crash on bad input.

Only the header fields below are looked at; the rest of the block (and the body, which is never
read) is skipped. Addresses are compared in lower case; display names and subjects are decoded
from RFC 2047 encoded words only when they are shown or stored, because most messages are
dismissed (newsletters, strangers) before that.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
from dataclasses import dataclass, field
from email.header import decode_header, make_header

# What netdesk reads of a message; IMAP fetches exactly these (BODY.PEEK[HEADER.FIELDS (…)]).
FIELDS = (
    "from",
    "to",
    "cc",
    "bcc",
    "date",
    "subject",
    "message-id",
    "list-id",
    "list-unsubscribe",
    "precedence",
    "auto-submitted",
)
_WANTED = frozenset(f.encode() for f in FIELDS)
_LISTS = frozenset((b"to", b"cc", b"bcc"))
# An addr-spec as people write it; quoted local parts are rare enough to miss in a count.
_ADDRESS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_ANGLE = re.compile(r"<\s*([^<>\s]+@[^<>\s]+?)\s*>")


@dataclass(slots=True)
class MailHeaders:
    """What one message says about who wrote to whom, and when."""

    sender: str  # lower-case address, "" when there is none
    sender_field: str  # the From field as written (for the display name)
    recipients: list[str]  # lower-case addresses of To, Cc and Bcc, each once
    recipient_fields: str  # To, Cc and Bcc as written (for display names)
    date: dt.date | None
    subject_field: str
    message_id: str
    automatic: bool  # a mailing list, a newsletter or a machine's mail
    problem: str = ""  # why the message is malformed, "" when it is not
    names: dict[str, str] = field(default_factory=dict)

    @property
    def subject(self) -> str:
        return decode_words(self.subject_field)

    def name_of(self, address: str) -> str:
        """The display name written beside ``address`` in From/To/Cc, decoded ("" if none)."""
        if not self.names:
            for name, addr in email.utils.getaddresses([self.sender_field, self.recipient_fields]):
                if addr and name:
                    self.names.setdefault(addr.lower(), decode_words(name))
        return self.names.get(address, "")


def decode_words(value: str) -> str:
    """RFC 2047 encoded words decoded; a broken one is kept as written."""
    if "=?" not in value:
        return " ".join(value.split())
    try:
        return " ".join(str(make_header(decode_header(value))).split())
    except (ValueError, LookupError, UnicodeError):
        return " ".join(value.split())


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def split_fields(block: bytes) -> dict[bytes, bytes]:
    """The wanted fields of a header block, unfolded; To/Cc/Bcc repeated are joined."""
    fields: dict[bytes, bytes] = {}
    current: bytes | None = None
    for line in block.split(b"\n"):
        if line[:1] in (b" ", b"\t"):
            if current is not None:
                fields[current] += b" " + line.strip()
            continue
        colon = line.find(b":")
        if colon <= 0:
            if not line.strip():
                break  # the end of the header block
            current = None
            continue
        name = line[:colon].rstrip().lower()
        if name not in _WANTED:
            current = None
            continue
        value = line[colon + 1 :].strip()
        if name in fields:
            if name in _LISTS:
                fields[name] += b", " + value
            current = None if name not in _LISTS else name
            continue
        fields[name] = value
        current = name
    return fields


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is not None:
        try:
            when = when.astimezone()
        except (OverflowError, OSError, ValueError):
            return None
    if not 1970 <= when.year <= 9999:
        return None
    return when.date()


def sender_address(value: str) -> str:
    found = _ANGLE.search(value)
    if found:
        return found.group(1).strip(".").lower()
    plain = _ADDRESS.search(value)
    return plain.group(0).strip(".").lower() if plain else ""


def addresses(value: str) -> list[str]:
    """Every address in an address list, lower case, each once, in order."""
    return list(dict.fromkeys(a.strip(".").lower() for a in _ADDRESS.findall(value)))


def is_automatic(fields: dict[bytes, bytes]) -> bool:
    """Mailing lists, newsletters and machines: List-Id, List-Unsubscribe, Precedence
    bulk/list/junk, Auto-Submitted other than "no" (RFC 3834)."""
    if b"list-id" in fields or b"list-unsubscribe" in fields:
        return True
    if fields.get(b"precedence", b"").strip().lower() in (b"bulk", b"list", b"junk"):
        return True
    auto = fields.get(b"auto-submitted")
    return auto is not None and not auto.strip().lower().startswith(b"no")


def parse(block: bytes) -> MailHeaders:
    """The header block of one message (anything after its first blank line is ignored)."""
    fields = split_fields(block)
    sender_field = _text(fields.get(b"from", b""))
    recipient_fields = ", ".join(_text(fields[k]) for k in (b"to", b"cc", b"bcc") if k in fields)
    automatic = is_automatic(fields)
    date_field = _text(fields.get(b"date", b""))
    # A newsletter is set aside as such: its date is not needed (nor parsed).
    date = None if automatic else _date(date_field)
    sender = sender_address(sender_field)
    problem = ""
    if automatic:
        pass
    elif not sender:
        problem = "no From address"
    elif date is None:
        problem = f"bad Date {date_field!r}" if date_field else "no Date"
    mid = _text(fields.get(b"message-id", b"")).strip()
    found = _ANGLE.search(mid)
    return MailHeaders(
        sender=sender,
        sender_field=sender_field,
        recipients=addresses(recipient_fields),
        recipient_fields=recipient_fields,
        date=date,
        subject_field=_text(fields.get(b"subject", b"")),
        message_id=found.group(1) if found else mid.strip("<> "),
        automatic=automatic,
        problem=problem,
    )


def fallback_key(block: bytes) -> str:
    """A key for a message without a Message-ID: the same header block gives the same key."""
    return "hdr:" + hashlib.sha1(block, usedforsecurity=False).hexdigest()
