"""Mail stored on this machine, read in place and never written: mbox files (one, or a folder
of them such as a Thunderbird profile's ``Mail`` and ``ImapMail``) and Maildir folders
(Evolution, KMail, mutt, Dovecot).

Only each message's header block is read. An mbox is mapped into memory by the OS and searched
for message starts, so a 5 GB mailbox costs its page cache, not Python memory; a Maildir message
file is read up to its first blank line.
"""

from __future__ import annotations

import configparser
import mmap
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEADER_LIMIT = 256 * 1024  # a header block longer than this is cut (and then usually malformed)
# Files beside Thunderbird's mbox files that are not mail.
NOT_MBOX = frozenset(
    {".msf", ".dat", ".json", ".sqlite", ".html", ".js", ".lock", ".idx", ".txt", ".ini", ".log"}
)


class MailPathError(Exception):
    """A path that cannot be read as mail; the message names it and says why."""


@dataclass(frozen=True)
class Mailbox:
    """One mbox file or Maildir folder found under what the user gave."""

    path: Path
    kind: str  # "mbox" or "maildir"
    label: str  # how the interaction's source names it

    def messages(self) -> Iterator[tuple[int, bytes]]:
        """(how far, header block) of each message in order; "how far" is in :meth:`size`'s
        unit."""
        if self.kind == "mbox":
            return mbox_headers(self.path)
        return enumerate(maildir_headers(self.path), 1)

    def size(self) -> int:
        """Bytes (mbox) or messages (Maildir): what progress counts in."""
        if self.kind == "mbox":
            return self.path.stat().st_size
        return sum(1 for sub in ("cur", "new") for _ in _entries(self.path / sub))


def _entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            yield from (e for e in it if not e.name.startswith("."))
    except FileNotFoundError:
        return


def is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def is_mbox(path: Path) -> bool:
    if path.suffix.lower() in NOT_MBOX:
        return False
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"From "
    except OSError:
        return False


def find_mailboxes(path: Path) -> list[Mailbox]:
    """The mbox files and Maildir folders at or under ``path``; an error names what is wrong."""
    try:
        if path.is_file():
            if not is_mbox(path):
                raise MailPathError(f"{path}: not an mbox file (it does not start with 'From ')")
            return [Mailbox(path, "mbox", path.name)]
        if not path.is_dir():
            raise MailPathError(f"{path}: no such file or folder")
    except PermissionError as exc:
        raise MailPathError(f"{path}: not allowed to read it ({exc.strerror})") from exc
    found: list[Mailbox] = []
    for root, dirs, files in os.walk(path):
        here = Path(root)
        dirs.sort()
        if is_maildir(here):
            found.append(Mailbox(here, "maildir", _label(path, here)))
            dirs[:] = [d for d in dirs if d not in ("cur", "new", "tmp")]
        for name in sorted(files):
            file = here / name
            if is_mbox(file):
                found.append(Mailbox(file, "mbox", _label(path, file)))
    if not found:
        raise MailPathError(f"{path}: no mbox files or Maildir folders in it")
    return found


def _label(root: Path, path: Path) -> str:
    rel = path.relative_to(root).as_posix()
    return root.name if rel == "." else f"{root.name}/{rel}"


def mbox_headers(path: Path) -> Iterator[tuple[int, bytes]]:
    """(offset of its end, header block) of each message in an mbox file, in order (the
    "From " line left out)."""
    with path.open("rb") as fh:
        if os.fstat(fh.fileno()).st_size == 0:
            return
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            start = 0 if data[:5] == b"From " else data.find(b"\nFrom ")
            while start != -1:
                if data[start : start + 1] == b"\n":
                    start += 1
                line_end = data.find(b"\n", start)
                if line_end == -1:
                    return
                head = line_end + 1
                nxt = data.find(b"\nFrom ", head)
                end = nxt if nxt != -1 else len(data)
                blank = data.find(b"\n\n", head, min(end, head + HEADER_LIMIT))
                crlf = data.find(b"\n\r\n", head, min(end, head + HEADER_LIMIT))
                stops = [p for p in (blank, crlf) if p != -1]
                stop = min(stops) + 1 if stops else min(end, head + HEADER_LIMIT)
                yield end, data[head:stop]
                start = nxt


def read_header_block(path: Path) -> bytes:
    """A message file's header block: read in chunks up to its first blank line."""
    chunks: list[bytes] = []
    size = 0
    with path.open("rb") as fh:
        while size < HEADER_LIMIT:
            chunk = fh.read(16384)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            joined = b"".join(chunks)
            for sep in (b"\n\n", b"\n\r\n"):
                at = joined.find(sep)
                if at != -1:
                    return joined[: at + 1]
    return b"".join(chunks)[:HEADER_LIMIT]


def maildir_headers(folder: Path) -> Iterator[bytes]:
    for sub in ("cur", "new"):
        for entry in sorted(_entries(folder / sub), key=lambda e: e.name):
            try:
                yield read_header_block(Path(entry.path))
            except (FileNotFoundError, IsADirectoryError):
                continue  # moved or deleted by the mail program while we read


def thunderbird_profiles(home: Path | None = None) -> list[Path]:
    """The mail folders (``Mail``, ``ImapMail``) of every Thunderbird profile on this machine:
    the usual install, Flatpak and Snap."""
    home = home or Path.home()
    bases = [
        home / ".thunderbird",
        home / ".var/app/org.mozilla.Thunderbird/.thunderbird",
        home / "snap/thunderbird/common/.thunderbird",
        home / ".mozilla-thunderbird",
    ]
    found: list[Path] = []
    for base in bases:
        ini = base / "profiles.ini"
        if not ini.is_file():
            continue
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(ini, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError):
            continue
        for section in parser.sections():
            raw = parser.get(section, "Path", fallback="")
            if not section.startswith("Profile") or not raw:
                continue
            relative = parser.get(section, "IsRelative", fallback="1") == "1"
            profile = base / raw if relative else Path(raw)
            found.extend(p for p in (profile / "Mail", profile / "ImapMail") if p.is_dir())
    return list(dict.fromkeys(found))
