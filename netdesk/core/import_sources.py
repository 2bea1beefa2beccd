"""Turning the files a user drops on netdesk into numbered cards, whatever their format."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from netdesk.domain.contact_data import ContactData
from netdesk.interop.vcard_lines import slices

_VCARD_BEGIN = re.compile(rb"(?im)^[ \t]*(?:[\w-]+\.)?BEGIN[ \t]*:[ \t]*VCARD")


@dataclass
class IncomingCard:
    file: str
    position: int  # 1-based card (or CSV row) number within the file; 0 = the file itself
    contact: ContactData | None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


class NeedsColumnMapping(Exception):
    """A CSV whose columns netdesk does not recognise; the window asks the user to map them."""

    def __init__(self, path: Path, headers: list[str]) -> None:
        super().__init__(f"{path.name}: the CSV columns were not recognised")
        self.path = path
        self.headers = headers


def is_csv(path: Path, head: bytes) -> bool:
    if _VCARD_BEGIN.search(head):
        return False
    return path.suffix.lower() in {".csv", ".tsv", ".txt"}


def estimate_cards(path: Path) -> int:
    """A quick count for the progress bar (no parsing)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return 1
    if is_csv(path, raw[:65536]):
        return max(raw.count(b"\n"), 1)
    return max(sum(len(_VCARD_BEGIN.findall(piece)) for piece in slices(raw)), 1)


def read_cards(path: Path, csv_mapping: dict[str, str] | None = None) -> Iterator[IncomingCard]:
    """Every card in ``path``; a file that cannot be read at all yields one card-0 error."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield IncomingCard(name, 0, None, error=f"cannot read the file: {exc.strerror or exc}")
        return
    if not raw.strip():
        yield IncomingCard(name, 0, None, error="the file is empty")
        return
    if is_csv(path, raw[:65536]):
        from netdesk.interop.csv_reader import CsvFormatUnknown, read_csv

        try:
            rows = list(read_csv(raw, csv_mapping))
        except CsvFormatUnknown as exc:
            if csv_mapping is None:
                raise NeedsColumnMapping(path, list(exc.headers)) from exc
            yield IncomingCard(name, 0, None, error="the CSV columns could not be mapped")
            return
        for row in rows:
            yield IncomingCard(name, row.position, row.contact, list(row.warnings), row.error)
        return
    from netdesk.interop.vcard_reader import read_vcards

    found = False
    for card in read_vcards(raw):
        found = True
        yield IncomingCard(name, card.position, card.contact, list(card.warnings), card.error)
    if not found:
        yield IncomingCard(name, 0, None, error="no business cards found (no BEGIN:VCARD)")
