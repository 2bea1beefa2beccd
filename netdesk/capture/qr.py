"""QR codes (and the other 2-D codes zxing-cpp reads) on badges and digital business cards.

zxing-cpp finds every code in the photo, rotated or skewed, in a few hundred milliseconds on a
12-megapixel photo. What a code holds decides what it becomes: a vCard (2.1, 3.0 or 4.0, read by
netdesk's own vCard reader with all its repairs), a MeCard or a BIZCARD is a contact; a link,
Wi-Fi settings, a calendar entry, a phone number alone or plain text is not, and is reported
for what it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)

if TYPE_CHECKING:
    from PIL import Image


@dataclass
class CodeFinding:
    """One decoded code: a contact, or what else it was."""

    kind: str  # vcard, mecard, bizcard, url, profile, wifi, calendar, tel, email, sms, geo, text
    text: str
    contacts: list[ContactData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # a contact code that could not be read

    @property
    def is_contact(self) -> bool:
        return self.kind in ("vcard", "mecard", "bizcard")


# Sites whose links are a person's profile: offered to the user as a contact to fill in.
_PROFILE_HOSTS = re.compile(
    r"(?i)^https?://(?:[\w-]+\.)*(?:linkedin\.com/in/|xing\.com/profile/|about\.me/|"
    r"github\.com/[\w-]+/?$|twitter\.com/|x\.com/|instagram\.com/|t\.me/|wa\.me/|calendly\.com/)"
)


def decode_codes(image: Image.Image) -> list[str]:
    """The text of every 2-D code in ``image``, in reading order, each once."""
    import zxingcpp

    formats = zxingcpp.barcode_formats_from_str("QRCode,MicroQRCode,DataMatrix,Aztec")
    texts: list[str] = []
    for result in zxingcpp.read_barcodes(image, formats=formats, try_rotate=True):
        if result.valid and result.text and result.text not in texts:
            texts.append(result.text)
    return texts


def classify(text: str) -> CodeFinding:
    """What a code's payload is, and the contact it holds if it holds one."""
    stripped = text.strip().lstrip("\ufeff")
    upper = stripped[:16].upper()
    if re.match(r"(?is)^\s*(?:[\w-]+\.)?BEGIN\s*:\s*VCARD", stripped):
        return _vcard(stripped)
    if upper.startswith("MECARD:"):
        return _mecard(stripped)
    if upper.startswith("BIZCARD:"):
        return _bizcard(stripped)
    if upper.startswith("WIFI:"):
        return CodeFinding("wifi", stripped)
    if "BEGIN:VEVENT" in stripped.upper() or upper.startswith("BEGIN:VCALENDAR"):
        return CodeFinding("calendar", stripped)
    lowered = stripped.lower()
    if lowered.startswith(("http://", "https://", "www.")):
        return CodeFinding("profile" if _PROFILE_HOSTS.match(stripped) else "url", stripped)
    for prefix, kind in (
        ("tel:", "tel"),
        ("mailto:", "email"),
        ("matmsg:", "email"),
        ("smsto:", "sms"),
        ("sms:", "sms"),
        ("geo:", "geo"),
    ):
        if lowered.startswith(prefix):
            return CodeFinding(kind, stripped)
    return CodeFinding("text", stripped)


def _vcard(text: str) -> CodeFinding:
    from netdesk.interop.vcard_reader import read_vcards

    finding = CodeFinding("vcard", text)
    raw = text.replace("\r\n", "\n").replace("\n", "\r\n")
    if not raw.endswith("\r\n"):
        raw += "\r\n"
    if not re.search(r"(?im)^END\s*:\s*VCARD", raw):
        raw += "END:VCARD\r\n"  # codes cut short by their size often lose only this line
        finding.warnings.append("the code's vCard had no END:VCARD line")
    for card in read_vcards(raw.encode("utf-8")):
        if card.contact is not None:
            finding.contacts.append(card.contact)
            finding.warnings.extend(card.warnings)
        elif card.error:
            finding.error = card.error
    if not finding.contacts and finding.error is None:
        finding.error = "the code holds a vCard with nothing netdesk can read"
    return finding


def _fields(body: str) -> list[tuple[str, str]]:
    """MeCard-style ``KEY:value;`` pairs, with ``\\;``, ``\\:``, ``\\,`` and ``\\\\`` escapes."""
    pairs: list[tuple[str, str]] = []
    key = ""
    value: list[str] = []
    in_value = False
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            (value if in_value else []).append(body[i + 1])
            i += 2
            continue
        if not in_value and ch == ":":
            in_value = True
        elif not in_value:
            key += ch
        elif ch == ";":
            pairs.append((key.strip().upper(), "".join(value).strip()))
            key, value, in_value = "", [], False
        else:
            value.append(ch)
        i += 1
    if key.strip() and in_value:
        pairs.append((key.strip().upper(), "".join(value).strip()))
    return pairs


def _mecard(text: str) -> CodeFinding:
    finding = CodeFinding("mecard", text)
    data = ContactData()
    for key, value in _fields(text.split(":", 1)[1]):
        if not value:
            continue
        if key == "N":
            family, _, given = value.partition(",")
            data.family_name, data.given_name = family.strip(), given.strip()
            if not data.given_name and not data.full_name:
                data.full_name = family.strip()
        elif key in {"SOUND", "NICKNAME"}:
            data.nickname = data.nickname or value
        elif key in {"TEL", "TEL-AV"}:
            data.phones.append(PhoneNumber(value))
        elif key == "EMAIL":
            data.emails.append(EmailAddress(value))
        elif key == "URL":
            data.urls.append(WebAddress(value))
        elif key == "ADR":
            data.addresses.append(_address(value))
        elif key == "ORG":
            data.organization = value
        elif key == "TITLE":
            data.title = value
        elif key in {"NOTE", "MEMO"}:
            data.note = value
        elif key == "BDAY" and re.fullmatch(r"\d{8}", value):
            data.birthday = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    if not data.full_name:
        data.full_name = " ".join(p for p in (data.given_name, data.family_name) if p)
    return _finish(finding, data)


def _bizcard(text: str) -> CodeFinding:
    finding = CodeFinding("bizcard", text)
    data = ContactData()
    for key, value in _fields(text.split(":", 1)[1]):
        if not value:
            continue
        if key == "N":
            data.given_name = value
        elif key == "X":
            data.family_name = value
        elif key == "T":
            data.title = value
        elif key == "C":
            data.organization = value
        elif key == "A":
            data.addresses.append(_address(value))
        elif key in {"B", "M"}:
            data.phones.append(PhoneNumber(value, "cell" if key == "M" else "work"))
        elif key == "F":
            data.phones.append(PhoneNumber(value, "fax"))
        elif key == "E":
            data.emails.append(EmailAddress(value))
    data.full_name = " ".join(p for p in (data.given_name, data.family_name) if p)
    return _finish(finding, data)


def _address(value: str) -> PostalAddress:
    parts = [p.strip() for p in value.split(",")]
    if len(parts) >= 7:  # MeCard: PO box, extended, street, city, region, code, country
        return PostalAddress(
            po_box=parts[0],
            extended=parts[1],
            street=parts[2],
            city=parts[3],
            region=parts[4],
            postal_code=parts[5],
            country=parts[6],
        )
    return PostalAddress(street=value.strip())


def _finish(finding: CodeFinding, data: ContactData) -> CodeFinding:
    from netdesk.domain.validation import contact_problems

    if not (data.full_name or data.organization or data.emails or data.phones):
        finding.error = f"the {finding.kind} code holds no name, e-mail or phone"
        return finding
    if not data.full_name:
        data.full_name = data.organization or (data.emails[0].value if data.emails else "")
    problems = contact_problems(data)
    finding.warnings.extend(f"{name}: {why}" for name, why in problems.items())
    finding.contacts.append(data)
    return finding


__all__ = ["CodeFinding", "classify", "decode_codes"]
