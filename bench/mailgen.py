"""Generated mailboxes and calendars for the mail tests and benchmarks: as varied as real
ones — threads, encoded names and subjects, newsletters, bulk sends, Bcc, broken dates,
recurring and cancelled meetings. Nothing here is anyone's real mail.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.header import Header
from pathlib import Path

ME = "me@mydesk.example"


@dataclass
class Message:
    sender: str
    to: list[str]
    subject: str = "Hello"
    date: dt.datetime | None = dt.datetime(2026, 11, 10, 9, 30, tzinfo=dt.UTC)
    cc: list[str] = field(default_factory=list)
    bcc: list[str] = field(default_factory=list)
    message_id: str | None = None
    extra: list[str] = field(default_factory=list)  # raw header lines
    raw_date: str | None = None  # a Date header as written (for broken ones)
    body: str = "Body text that netdesk never reads.\n"

    def header_lines(self) -> list[str]:
        lines = [f"From: {self.sender}"]
        if self.to:
            lines.append("To: " + ",\r\n ".join(self.to))
        if self.cc:
            lines.append("Cc: " + ", ".join(self.cc))
        if self.bcc:
            lines.append("Bcc: " + ", ".join(self.bcc))
        if self.raw_date is not None:
            lines.append(f"Date: {self.raw_date}")
        elif self.date is not None:
            lines.append("Date: " + self.date.strftime("%a, %d %b %Y %H:%M:%S %z"))
        lines.append(f"Subject: {self.subject}")
        if self.message_id:
            lines.append(f"Message-ID: <{self.message_id}>")
        lines.extend(self.extra)
        return lines

    def as_bytes(self) -> bytes:
        head = "\r\n".join(self.header_lines())
        return (head + "\r\n\r\n" + self.body.replace("\n", "\r\n")).encode("utf-8")


def encoded(name: str, address: str) -> str:
    """A display name as RFC 2047 encoded words, as mail programs write non-ASCII names."""
    return f"{Header(name, 'utf-8').encode()} <{address}>"


def write_mbox(path: Path, messages: list[Message]) -> Path:
    with path.open("wb") as fh:
        for m in messages:
            stamp = (m.date or dt.datetime(2026, 1, 1)).strftime("%a %b %d %H:%M:%S %Y")
            fh.write(f"From MAILER-DAEMON {stamp}\n".encode())
            data = m.as_bytes().replace(b"\r\n", b"\n")
            # mboxrd: a body line starting with "From " is escaped
            data = data.replace(b"\nFrom ", b"\n>From ")
            fh.write(data)
            fh.write(b"\n\n")
    return path


def write_maildir(folder: Path, messages: list[Message]) -> Path:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for i, m in enumerate(messages):
        sub = "cur" if i % 2 else "new"
        name = f"{1700000000 + i}.M{i}P1.host" + (":2,S" if sub == "cur" else "")
        (folder / sub / name).write_bytes(m.as_bytes())
    return folder


def bulk_mbox(path: Path, count: int, contacts: list[str], seed: int = 7) -> Path:
    """A large mbox of varied messages for the scale benchmark, written streaming."""
    rng = random.Random(seed)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    with path.open("wb") as fh:
        for i in range(count):
            kind = rng.random()
            who = (
                rng.choice(contacts)
                if rng.random() < 0.3
                else f"stranger{rng.randint(1, 5000)}@web.example"
            )
            when = start + dt.timedelta(minutes=7 * i)
            if kind < 0.25:
                m = Message(
                    "News <news@shop.example>",
                    [ME],
                    subject=f"Offer {i}",
                    extra=["List-Unsubscribe: <mailto:u@shop.example>", "Precedence: bulk"],
                )
            elif kind < 0.55:
                m = Message(ME, [who], subject=f"Re: project {i % 300}")
            else:
                m = Message(encoded("José Núñez", who), [ME], subject=f"=?utf-8?q?Caf=C3=A9_{i}?=")
            m.date = when
            m.message_id = f"{i}.{seed}@gen.example"
            m.extra = [
                *m.extra,
                "Received: from mx.example by mx2.example; " + when.strftime("%a, %d %b %Y"),
                "X-Mailer: gen",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
            ]
            m.body = "Line of body text.\n" * rng.randint(3, 40)
            stamp = when.strftime("%a %b %d %H:%M:%S %Y")
            fh.write(f"From gen {stamp}\n".encode())
            fh.write(m.as_bytes().replace(b"\r\n", b"\n"))
            fh.write(b"\n\n")
    return path


def ics(events: list[str]) -> str:
    body = "".join(events)
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//netdesk tests//EN\r\n{body}END:VCALENDAR\r\n"
    )


def vevent(
    uid: str,
    start: str,
    *,
    summary: str = "Coffee",
    organizer: str | None = ME,
    attendees: list[tuple[str, str]] | None = None,
    extra: list[str] | None = None,
) -> str:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T000000Z"]
    if start:
        lines.append(start if ":" in start else f"DTSTART:{start}")
    lines.append(f"SUMMARY:{summary}")
    if organizer:
        lines.append(f"ORGANIZER:mailto:{organizer}")
    for address, partstat in attendees or []:
        params = f";PARTSTAT={partstat}" if partstat else ""
        lines.append(f"ATTENDEE{params}:mailto:{address}")
    lines.extend(extra or [])
    lines.append("END:VEVENT")
    return "\r\n".join(lines) + "\r\n"


def iter_messages(count: int) -> Iterator[Message]:
    for i in range(count):
        yield Message(ME, [f"p{i}@x.example"], message_id=f"m{i}@gen")
