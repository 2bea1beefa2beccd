"""Turning the files a user drops on netdesk into numbered cards, whatever their format."""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from netdesk.app.import_checks import check_card
from netdesk.domain.contact_data import ContactData
from netdesk.interop.vcard_lines import card_blocks

_VCARD_BEGIN = re.compile(rb"(?im)^[ \t]*(?:[\w-]+\.)?BEGIN[ \t]*:[ \t]*VCARD")


@dataclass
class CapturedFrom:
    """For a card read from a photo: the card's image and how sure the reading is."""

    image: bytes | None  # JPEG of the card (OCR) or the photo (QR), kept with the contact
    source: str  # "ocr" or "qr"
    needs_review: bool  # OCR'd: stored "to review" until the user confirms it
    unsure: list[str] = field(default_factory=list)  # fields OCR was unsure of
    text: str = ""  # what OCR read


@dataclass
class IncomingCard:
    file: str
    position: int  # 1-based card (or CSV row) number within the file; 0 = the file itself
    contact: ContactData | None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    captured: CapturedFrom | None = None
    # Already through import_checks.check_card where it was read, with its phones' keys.
    checked: bool = False
    phone_keys: dict[str, tuple[str, str]] = field(default_factory=dict)


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


def is_photo(path: Path) -> bool:
    """Whether ``path`` is a photo (by its name, or its first bytes when the name says nothing)."""
    from netdesk.capture.images import is_image_path, sniff_image

    if is_image_path(path):
        return True
    if path.suffix.lower() in {".vcf", ".vcard", ".csv", ".tsv", ".txt"}:
        return False
    try:
        if not path.is_file():
            return False
        with path.open("rb") as stream:
            return sniff_image(stream.read(16))
    except OSError:
        return False


def read_photo_cards(path: Path, region: str) -> tuple[list[IncomingCard], dict[str, Any]]:
    """The cards on a photo as incoming cards, and the photo's entry in the import report."""
    from netdesk.capture.photo import read_photo

    name = str(path)
    photo = read_photo(path, region)
    cards: list[IncomingCard] = []
    for position, card in enumerate(photo.cards, start=1):
        captured = CapturedFrom(
            photo.image, card.source, card.needs_review, list(card.unsure), card.text
        )
        warnings = list(card.warnings) + photo.warnings
        cards.append(IncomingCard(name, position, card.contact, warnings, captured=captured))
    for extra, error in enumerate(photo.errors, start=len(cards) + 1):
        cards.append(IncomingCard(name, extra, None, error=error))
    if not photo.cards and photo.error:
        error = photo.error
        if photo.not_contacts:
            found = "; ".join(n.describe() for n in photo.not_contacts)
            error = f"no contact on the photo (its code is {found})"
        cards.append(IncomingCard(name, 0, None, error=error))
    return cards, photo.to_json()


def estimate_cards(path: Path) -> int:
    """A quick count for the progress bar (no parsing), reading the file a block at a time."""
    if is_photo(path):
        return 1
    try:
        with path.open("rb") as stream:
            head = stream.read(65536)
            stream.seek(0)
            if is_csv(path, head):
                return max(
                    sum(block.count(b"\n") for block in iter(partial(stream.read, 1 << 20), b"")), 1
                )
            return max(sum(len(_VCARD_BEGIN.findall(block)) for block in card_blocks(stream)), 1)
    except OSError:
        return 1


def read_cards(
    path: Path, csv_mapping: dict[str, str] | None = None, region: str | None = None
) -> Generator[IncomingCard, None, None]:
    """Every card in ``path``; a file that cannot be read at all yields one card-0 error.
    Given the ``region``, a vCard file's cards come through import_checks.check_card."""
    name = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(65536)
    except OSError as exc:
        yield IncomingCard(name, 0, None, error=f"cannot read the file: {exc.strerror or exc}")
        return
    if is_csv(path, head):
        yield from _read_csv(path, csv_mapping)
        return
    from netdesk.interop.vcard_stream import read_vcard_path

    codec = _wide_unicode(head)
    if codec is not None:
        yield from _read_wide(path, codec)
        return
    found = False
    try:
        # vCard files are streamed: large ones are parsed in worker processes, a block at a time
        check = None if region is None else partial(check_card, region)
        for card in read_vcard_path(path, check=check):
            found = True
            yield IncomingCard(
                name,
                card.position,
                card.contact,
                card.warnings,
                card.error,
                checked=card.checked,
                phone_keys=card.phone_keys,
            )
    except OSError as exc:
        yield IncomingCard(name, 0, None, error=f"cannot read the file: {exc.strerror or exc}")
        return
    if not found:
        empty = not head.strip()
        error = "the file is empty" if empty else "no business cards found (no BEGIN:VCARD)"
        yield IncomingCard(name, 0, None, error=error)


# Byte order marks of the wide encodings some address books export in (Windows, old Outlook).
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _wide_unicode(head: bytes) -> str | None:
    return next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)


def _read_wide(path: Path, codec: str) -> Iterator[IncomingCard]:
    """A UTF-16 or UTF-32 vCard file (with its byte order mark), read as the UTF-8 it says."""
    from netdesk.interop.vcard_reader import read_vcards

    name = str(path)
    try:
        text = path.read_bytes().decode(codec)
    except OSError as exc:
        yield IncomingCard(name, 0, None, error=f"cannot read the file: {exc.strerror or exc}")
        return
    except UnicodeDecodeError as exc:
        yield IncomingCard(name, 0, None, error=f"the file is not valid {codec.upper()}: {exc}")
        return
    found = False
    for card in read_vcards(text.encode("utf-8")):
        found = True
        yield IncomingCard(name, card.position, card.contact, card.warnings, card.error)
    if not found:
        yield IncomingCard(name, 0, None, error="no business cards found (no BEGIN:VCARD)")


def _read_csv(path: Path, csv_mapping: dict[str, str] | None) -> Iterator[IncomingCard]:
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield IncomingCard(name, 0, None, error=f"cannot read the file: {exc.strerror or exc}")
        return
    if not raw.strip():
        yield IncomingCard(name, 0, None, error="the file is empty")
        return
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
