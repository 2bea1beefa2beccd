"""Reading business cards: vCard 2.1, 3.0 and 4.0 as phones and mail programs really write them.

Each card is read on its own (see vcard_lines for the byte-level work), so one broken card is
reported with its number and reason while the rest of the file still imports. A damaged photo or
a junk line costs a warning, never the contact. vobject is not used for reading: its parser stops
at the first card it cannot handle (QP soft breaks, corrupt base64, undeclared charsets), which
loses every card after it, and it is several times slower than this reader on large files.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)
from netdesk.interop.vcard_lines import (
    Property,
    RawCard,
    decode_value,
    file_encoding,
    logical_lines,
    parse_line,
    split_cards,
    split_structured,
    unescape,
)

NO_IDENTITY = "card has no name, organisation, e-mail or phone"
UNNAMED = "Unnamed contact"
# Instant-messaging properties kept as web addresses (URI scheme, label).
_IM = {
    "IMPP": ("", ""),
    "X-AIM": ("aim:", "AIM"),
    "X-GOOGLE-TALK": ("xmpp:", "Google Talk"),
    "X-GTALK": ("xmpp:", "Google Talk"),
    "X-JABBER": ("xmpp:", "Jabber"),
    "X-SKYPE": ("skype:", "Skype"),
    "X-SKYPE-USERNAME": ("skype:", "Skype"),
    "X-MSN": ("msnim:", "MSN"),
    "X-ICQ": ("icq:", "ICQ"),
    "X-YAHOO": ("ymsgr:", "Yahoo"),
    "X-SIP": ("sip:", "SIP"),
}
_SKIP_TYPES = {"pref", "voice", "internet", "x400", "x-internet", "postal", "parcel", "dom", "intl"}
# Apple's built-in labels (_$!<HomePage>!$_) in the words netdesk uses for kinds.
_APPLE_WORDS = {
    "assistantphone": "assistant",
    "homepage": "homepage",
    "home": "home",
    "work": "work",
    "other": "other",
    "mobile": "cell",
    "main": "main",
    "homefax": "home fax",
    "workfax": "work fax",
    "pager": "pager",
    "anniversary": "anniversary",
}
_APPLE_LABEL = re.compile(r"^_\$!<(.+)>!\$_$")
_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
)
_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$")
_PARTIAL = re.compile(r"^--(\d{2})-?(\d{2})$")


@dataclass
class CardResult:
    position: int  # 1-based position of the card in the file
    contact: ContactData | None  # None when the card was rejected
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def read_vcard_file(path: Path) -> Iterator[CardResult]:
    """The cards of a file; an unreadable file raises OSError for the caller to report."""
    return read_vcards(path.read_bytes())


def read_vcards(raw: bytes) -> Iterator[CardResult]:
    """Every card in ``raw``, in order. Never raises on bad input."""
    charset = file_encoding(raw)
    for card in split_cards(raw):
        try:
            yield _read_card(card, charset)
        except Exception as exc:  # a reader bug must cost one card, not the file
            yield CardResult(card.position, None, error=f"card could not be read ({exc})")


def _read_card(card: RawCard, charset: str) -> CardResult:
    warnings: list[str] = []
    if not card.opened:
        warnings.append("card has no BEGIN:VCARD; read from its VERSION line on")
    if not card.closed:
        warnings.append(
            "card is not closed (no END:VCARD)"
            + ("; a new card began inside it" if card.nested else "")
        )
    props: list[Property] = []
    for line in logical_lines(card.lines):
        prop = parse_line(line, charset)
        if prop is None:
            text = line[:40].decode("utf-8", errors="replace")
            warnings.append(f"skipped a line that is not a property: {text!r}")
            continue
        props.append(prop)
    version = next(
        (p.raw.decode("ascii", "replace").strip() for p in props if p.name == "VERSION"), "3.0"
    )
    labels = {
        p.group: _label(decode_value(p, charset))
        for p in props
        if p.group and p.name == "X-ABLABEL"
    }
    data = ContactData()
    builder = _Builder(data, version, charset, labels, warnings)
    for prop in props:
        builder.add(prop)
    if not data.display_name():
        # Nothing to call them by. A card that still carries something of them (a photo, an
        # address, a note) is kept under a placeholder name rather than lost; one with
        # nothing worth keeping is rejected.
        if data.photo is None and not data.addresses and not data.note.strip():
            return CardResult(card.position, None, warnings, NO_IDENTITY)
        data.full_name = UNNAMED
        warnings.append(f"card has no name; saved as “{UNNAMED}”")
    if not data.full_name.strip():
        data.full_name = data.display_name()
    return CardResult(card.position, data, warnings)


def _label(text: str) -> str:
    match = _APPLE_LABEL.match(text.strip())
    if match:
        word = match.group(1).strip()
        return _APPLE_WORDS.get(word.lower(), word)
    return text.strip()


class _Builder:
    def __init__(
        self,
        data: ContactData,
        version: str,
        charset: str,
        labels: dict[str, str],
        warnings: list[str],
    ) -> None:
        self.data = data
        self.version = version
        self.charset = charset
        self.labels = labels
        self.warnings = warnings
        self.notes: list[str] = []

    def text(self, prop: Property) -> str:
        return unescape(decode_value(prop, self.charset), self.version).strip()

    def parts(self, prop: Property) -> list[str]:
        raw = decode_value(prop, self.charset)
        return [unescape(p, self.version) for p in split_structured(raw)]

    def kind(self, prop: Property) -> tuple[str, bool]:
        types = prop.types
        pref = "pref" in types or prop.param("PREF") != ""
        words = [t for t in types if t not in _SKIP_TYPES]
        label = self.labels.get(prop.group, "") if prop.group else ""
        return (label or " ".join(words)), pref

    def add(self, prop: Property) -> None:
        if prop.name in _IM:
            self._im(prop)
            return
        handler = getattr(self, f"_{prop.name.lower().replace('-', '_')}", None)
        if handler is not None:
            handler(prop)

    def _im(self, prop: Property) -> None:
        scheme, label = _IM[prop.name]
        value = self.text(prop)
        if not value:
            return
        if scheme and ":" not in value.split("@", 1)[0]:
            value = scheme + value
        known = {u.value for u in self.data.urls}
        if value not in known:
            kind, _pref = self.kind(prop)
            self.data.urls.append(WebAddress(value, kind or label or "im"))

    def _x_android_custom(self, prop: Property) -> None:
        parts = self.parts(prop)
        if parts and parts[0].endswith("/nickname") and len(parts) > 1 and not self.data.nickname:
            self.data.nickname = parts[1].strip()

    # -- identity ----------------------------------------------------------------------------
    def _fn(self, prop: Property) -> None:
        if not self.data.full_name:
            self.data.full_name = self.text(prop)

    def _n(self, prop: Property) -> None:
        components = [*split_structured(decode_value(prop, self.charset)), "", "", "", "", ""]
        names = []
        for component in components[:5]:
            if self.version.startswith("2"):  # 2.1: a comma is just a comma
                names.append(unescape(component, self.version).strip())
            else:  # 3.0/4.0: unescaped commas separate several values of one component
                values = (
                    unescape(v, self.version).strip() for v in split_structured(component, ",")
                )
                names.append(" ".join(v for v in values if v))
        d = self.data
        d.family_name, d.given_name, d.additional_names, d.prefix, d.suffix = names

    def _nickname(self, prop: Property) -> None:
        if not self.data.nickname:
            values = self.text(prop)
            self.data.nickname = (
                values.split(",")[0].strip() if not self.version.startswith("2") else values
            )

    def _org(self, prop: Property) -> None:
        parts = [p.strip() for p in self.parts(prop)]
        if not self.data.organization and parts and parts[0]:
            self.data.organization = parts[0]
            self.data.department = " / ".join(p for p in parts[1:] if p)

    def _title(self, prop: Property) -> None:
        if not self.data.title:
            self.data.title = self.text(prop)

    def _role(self, prop: Property) -> None:
        if not self.data.role:
            self.data.role = self.text(prop)

    def _note(self, prop: Property) -> None:
        note = unescape(decode_value(prop, self.charset), self.version)  # spaces are the user's
        if note.strip():
            self.data.note = f"{self.data.note}\n\n{note}" if self.data.note else note

    def _uid(self, prop: Property) -> None:
        self.data.uid = self.text(prop)

    def _categories(self, prop: Property) -> None:
        raw = decode_value(prop, self.charset)
        for piece in split_structured(raw, ","):
            tag = unescape(piece, self.version).strip()
            if tag and tag not in self.data.tags:
                self.data.tags.append(tag)

    def _bday(self, prop: Property) -> None:
        value = self.text(prop)
        partial = _PARTIAL.match(value)
        full = _DATE.match(value)
        if partial:
            self.data.birthday = f"--{partial.group(1)}-{partial.group(2)}"
        elif full:
            self.data.birthday = f"{full.group(1)}-{full.group(2)}-{full.group(3)}"
        elif value:
            self.warnings.append(f"BDAY: “{value}” is not a date; birthday left empty")

    # -- channels ----------------------------------------------------------------------------
    def _email(self, prop: Property) -> None:
        value = self.text(prop)
        if value.lower().startswith("mailto:"):
            value = value[7:]
        if value:
            kind, pref = self.kind(prop)
            self.data.emails.append(EmailAddress(value, kind, pref))

    def _tel(self, prop: Property) -> None:
        value = self.text(prop)
        if value.lower().startswith("tel:"):
            value = value[4:]
        if value:
            kind, pref = self.kind(prop)
            self.data.phones.append(PhoneNumber(value, kind, pref))

    def _url(self, prop: Property) -> None:
        value = self.text(prop)
        if value:
            kind, _pref = self.kind(prop)
            self.data.urls.append(WebAddress(value, kind))

    def _adr(self, prop: Property) -> None:
        parts = [*[p.strip() for p in self.parts(prop)], "", "", "", "", "", "", ""][:7]
        kind, _pref = self.kind(prop)
        address = PostalAddress(kind, *parts)
        label = prop.param("LABEL")
        if label:  # RFC 6868 caret escapes (4.0), or backslash escapes some 3.0 writers use
            label = re.sub(
                r"\^(.)",
                lambda m: {"n": "\n", "'": '"', "^": "^"}.get(m.group(1), m.group(0)),
                label,
            )
            address.label = label.replace("\\n", "\n").replace("\\N", "\n")
        if not address.is_empty():
            self.data.addresses.append(address)

    # -- photo -------------------------------------------------------------------------------
    def _photo(self, prop: Property) -> None:
        if self.data.photo is not None:
            return
        raw = prop.raw.strip()
        encoding = prop.param("ENCODING").upper()
        value_type = prop.param("VALUE").lower()
        payload: bytes | None = None
        if raw[:5].lower() == b"data:":
            header, _, body = raw.partition(b",")
            if b";base64" not in header.lower():
                self.warnings.append("PHOTO: dropped, the data: URI is not base64")
                return
            payload = body
        elif encoding in ("B", "BASE64"):
            payload = raw
        elif value_type in ("uri", "url") or raw[:4].lower() in (b"http", b"file"):
            self.warnings.append("PHOTO: a link to a picture was not downloaded")
            return
        else:
            self.warnings.append("PHOTO: dropped, no encoding is declared")
            return
        try:
            data = base64.b64decode(re.sub(rb"\s+", b"", payload), validate=True)
        except (binascii.Error, ValueError):
            self.warnings.append("PHOTO: dropped, the image data is not valid base64")
            return
        mime = next((m for magic, m in _IMAGE_MAGIC if data.startswith(magic)), None)
        if mime is None and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            mime = "image/webp"
        if mime is None:
            self.warnings.append("PHOTO: dropped, the data is not a picture")
            return
        self.data.photo = data
        self.data.photo_mime = mime
