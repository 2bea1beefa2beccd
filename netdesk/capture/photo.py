"""One photo in, the business cards on it out: QR codes first, then the printed card by OCR.

``read_photo`` is what the importer calls for each image file. It never raises for a bad photo:
the result carries one sentence saying what was wrong, and the rest of the batch goes on.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from netdesk.capture.images import ImageError, jpeg_bytes, open_photo, sniff_image
from netdesk.capture.qr import CodeFinding, classify, decode_codes
from netdesk.domain.contact_data import ContactData

if TYPE_CHECKING:
    from PIL import Image

# Never read more than this from one file: far above any phone photo, far below a disk image.
MAX_FILE_BYTES = 256 * 1024 * 1024

_NOT_CONTACT_WORDS = {
    "url": "a link to {text}",
    "profile": "a profile link ({text}); add the person by hand if you want them",
    "wifi": "Wi-Fi settings, ignored",
    "calendar": "a calendar entry, ignored",
    "tel": "a phone number alone ({text})",
    "email": "an e-mail address alone ({text})",
    "sms": "a text-message link, ignored",
    "geo": "a map location, ignored",
    "text": "text: {text}",
}


@dataclass
class PhotoCard:
    """A contact read from the photo."""

    contact: ContactData
    source: str  # qr or ocr
    needs_review: bool
    unsure: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""  # what OCR read (empty for QR)


@dataclass
class NotContact:
    kind: str
    text: str

    def describe(self) -> str:
        text = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return _NOT_CONTACT_WORDS.get(self.kind, "{text}").format(text=text)


@dataclass
class PhotoResult:
    file: str
    source: str = "none"  # qr, ocr or none
    cards: list[PhotoCard] = field(default_factory=list)
    not_contacts: list[NotContact] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # codes that held a card we could not read
    error: str | None = None  # the photo itself could not be read, or nothing was found on it
    image: bytes | None = None  # the card (or photo) as JPEG, to keep with the contact
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "source": self.source,
            "found": len(self.cards),
            "not_contacts": [{"kind": n.kind, "text": n.text} for n in self.not_contacts],
        }


def _read_bytes(path: Path) -> bytes:
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ImageError("not a regular file")
    if info.st_size == 0:
        raise ImageError("the file is empty")
    if info.st_size > MAX_FILE_BYTES:
        raise ImageError(f"the file is too large for a photo ({info.st_size // 2**20} MB)")
    fd = os.open(path, os.O_RDONLY)
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


def read_photo(path: Path, region: str, *, ocr: bool = True) -> PhotoResult:
    """The contacts on the photo at ``path``; never raises for a bad or empty photo."""
    result = PhotoResult(file=str(path))
    try:
        data = _read_bytes(path)
        if not sniff_image(data[:16]):
            raise ImageError("not an image netdesk can read (JPEG, PNG, WebP or HEIC)")
        image = open_photo(data, path.name)
    except ImageError as exc:
        result.error = str(exc)
        return result
    except OSError as exc:
        result.error = f"cannot read the file: {exc.strerror or exc}"
        return result

    findings = [classify(text) for text in decode_codes(image)]
    for finding in findings:
        _take(result, finding)
    if result.cards:
        result.source = "qr"
        result.image = jpeg_bytes(image)
        return result
    if not ocr:
        result.error = result.error or "no QR code with a contact on the photo"
        return result
    return _ocr(result, image, region)


def _take(result: PhotoResult, finding: CodeFinding) -> None:
    if finding.is_contact:
        for contact in finding.contacts:
            result.cards.append(
                PhotoCard(contact, "qr", needs_review=False, warnings=list(finding.warnings))
            )
        if finding.error:
            result.errors.append(f"a {finding.kind} code could not be read: {finding.error}")
    else:
        result.not_contacts.append(NotContact(finding.kind, finding.text))


def _ocr(result: PhotoResult, image: Image.Image, region: str) -> PhotoResult:
    from netdesk.capture.card_text import fields_from_lines
    from netdesk.capture.ocr import OcrUnavailable, read_card

    try:
        read = read_card(image)
    except OcrUnavailable as exc:
        result.error = f"no QR code on the photo, and {exc}"
        return result
    fields = fields_from_lines(read.lines, region)
    contact = fields.contact
    if not (contact.full_name or contact.emails or contact.phones):
        what = "no QR code and no readable card text"
        if read.lines:
            what = "no QR code, and no name, e-mail or phone in the text read"
        result.error = f"{what} on the photo"
        return result
    if not contact.full_name:
        contact.full_name = contact.organization or contact.emails[0].value
        if "full_name" not in fields.unsure:
            fields.unsure.append("full_name")
    result.source = "ocr"
    result.image = jpeg_bytes(read.colour if read.colour is not None else read.card)
    if not read.found_card:
        result.warnings.append("no card edge found: the whole photo was read")
    result.cards.append(
        PhotoCard(contact, "ocr", needs_review=True, unsure=fields.unsure, text=fields.text)
    )
    return result


__all__ = ["NotContact", "PhotoCard", "PhotoResult", "read_photo"]
