"""Reading business cards: vCard 2.1, 3.0 and 4.0 as phones and mail programs really write them.

vobject is the parser, one card at a time. vobject's own reader stops at the first card it cannot
handle (QP soft breaks, corrupt base64, undeclared charsets), losing every card after it, so the
byte-level work comes first (vcard_lines): the file is split into cards, each card into logical
lines, and each line is cleaned into text vobject's grammar accepts, its value decoded from
quoted-printable and the right charset. vobject's content-line parser (vobject.base.parseLine)
then splits every line into name, group, parameters and value, and _Builder maps those to
ContactData. Value escapes are undone here, not by vobject's text behaviour: 2.1 escapes only
"\\;", and vobject's decoding keeps only what comes before an unescaped comma. Components are not
transformed (readOne's transform=True chokes on a corrupt base64 photo).

One broken card is reported with its number and reason while the rest of the file imports; a
damaged photo or a junk line costs a warning, never the contact.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from vobject import base as vobject_base

from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)
from netdesk.domain.validation import CONTROL, web_address
from netdesk.interop.vcard_lines import (
    RawCard,
    clean_line,
    file_encoding,
    logical_lines,
    split_cards,
    split_structured,
    unescape,
)

NO_IDENTITY = "card has no name, organisation, e-mail or phone"
UNNAMED = "Unnamed contact"
NOT_READABLE = "no line of the card is a vCard property vobject can read"
_ENCODING_WORDS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
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
# Lines that make the card rather than say something about the person; rewritten on export.
_STRUCTURE = frozenset({"BEGIN", "END", "VERSION", "PRODID", "REV", "PROFILE"})
_SAFE_PARAM = re.compile(r'^[^";:,]*$')


def content_line(prop: Line) -> str:
    """The property as one unfolded content line, with its group and parameters."""
    head = f"{prop.group}.{prop.name}" if prop.group else prop.name
    for key, values in prop.params.items():
        shown = [v if _SAFE_PARAM.match(v) else '"' + v.replace('"', "'") + '"' for v in values]
        head += f";{key}={','.join(shown)}" if shown else f";{key}"
    return f"{head}:{prop.value}"


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


@dataclass(slots=True)
class CardResult:
    position: int  # 1-based position of the card in the file
    contact: ContactData | None  # None when the card was rejected
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    # Filled by a ``check`` given to read_block (the importer's, in its reading processes):
    # whether the card went through it, and its phones' (match key, search digits) by value.
    checked: bool = False
    phone_keys: dict[str, tuple[str, str]] = field(default_factory=dict)


# What a caller may run on each card where it is read (a worker process, for a big file), so
# that work leaves the thread that writes: a top-level function or a partial of one.
CardCheck = Callable[[CardResult], None]


@dataclass(slots=True)
class Line:
    """One content line as vobject's parser splits it."""

    group: str  # lower case, "" when none
    name: str  # upper case
    params: dict[str, list[str]]  # upper-case keys; bare 2.1 words under TYPE or ENCODING
    value: str  # still escaped as the card's version escapes

    def param(self, key: str) -> str:
        values = self.params.get(key)
        return values[0] if values else ""

    @property
    def types(self) -> list[str]:
        return [t.lower() for t in self.params.get("TYPE", ()) if t]


def read_vcard_file(path: Path) -> Iterator[CardResult]:
    """The cards of a file, read a block at a time; an unreadable file raises OSError."""
    from netdesk.interop.vcard_stream import read_vcard_path

    return read_vcard_path(path)


def read_vcards(raw: bytes) -> Iterator[CardResult]:
    """Every card in ``raw``, in order. Never raises on bad input."""
    yield from read_block(raw, file_encoding(raw))


def read_block(
    raw: bytes, charset: str, followed: bool = False, check: CardCheck | None = None
) -> list[CardResult]:
    """The cards of ``raw`` (a whole file, or a block of one from card_blocks), numbered from
    1 within it, each passed through ``check`` when given. A top-level function, so worker
    processes can run it."""
    results = []
    for card in split_cards(raw, followed):
        try:
            result = _read_card(card, charset)
            if check is not None and result.contact is not None:
                check(result)
            results.append(result)
        except Exception as exc:  # a reader bug must cost one card, not the file
            results.append(CardResult(card.position, None, error=f"card could not be read ({exc})"))
    return results


def parse_lines(card: RawCard, charset: str, warnings: list[str]) -> list[Line]:
    """The card's logical lines, cleaned at the byte level and parsed by vobject."""
    lines: list[Line] = []
    for raw in logical_lines(card.lines):
        text = clean_line(raw, charset)
        if text is None:
            shown = raw[:40].decode("utf-8", errors="replace")
            warnings.append(f"skipped a line that is not a property: {shown!r}")
            continue
        try:
            name, params, value, group = vobject_base.parseLine(text)
        except vobject_base.VObjectError as exc:
            warnings.append(f"skipped a line vobject cannot read: {_reason(exc)}")
            continue
        by_key: dict[str, list[str]] = {}
        for key, *values in params:  # (usually none or one)
            if values:
                word, found = key.upper(), values
            elif key.upper() in _ENCODING_WORDS:  # vCard 2.1 bare parameter: an encoding…
                word, found = "ENCODING", [key.upper()]
            else:  # …or a type
                word, found = "TYPE", [key]
            if word == "TYPE":
                found = [t.strip() for v in found for t in v.split(",")]
            by_key.setdefault(word, []).extend(v for v in found if v)
        lines.append(Line((group or "").lower(), name.upper(), by_key, value))
    return lines


def _reason(exc: Exception) -> str:
    """vobject's message without the line number prefix and with the line cut short."""
    text = " ".join(str(getattr(exc, "msg", exc)).split())
    return text if len(text) <= 80 else text[:79] + "…"


def _read_card(card: RawCard, charset: str) -> CardResult:
    warnings: list[str] = []
    if not card.opened:
        warnings.append("card has no BEGIN:VCARD; read from its VERSION line on")
    if not card.closed:
        warnings.append(
            "card is not closed (no END:VCARD)"
            + ("; a new card began inside it" if card.nested else "")
        )
    props = parse_lines(card, charset, warnings)
    if not props and any(line.strip() for line in card.lines):
        return CardResult(card.position, None, warnings, NOT_READABLE)
    version = next((p.value.strip() for p in props if p.name == "VERSION"), "3.0")
    labels = {p.group: _label_text(p.value) for p in props if p.group and p.name == "X-ABLABEL"}
    data = ContactData(version=version if version in ("2.1", "3.0", "4.0") else "")
    builder = _Builder(data, version, labels, warnings)
    for prop in props:
        builder.add(prop)
    builder.attach_labels()
    builder.keep_unmodelled(props)
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


def _label_text(text: str) -> str:
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
        labels: dict[str, str],
        warnings: list[str],
    ) -> None:
        self.data = data
        self.version = version
        self.labels = labels
        self.warnings = warnings
        self.notes: list[str] = []
        self.modelled_groups: set[str] = set()
        self.address_groups: list[str] = []  # the group of each address read, "" for none
        self.pending_labels: list[tuple[str, str, str]] = []  # LABEL: group, kind, text

    def text(self, prop: Line) -> str:
        return unescape(prop.value, self.version).strip()

    def parts(self, prop: Line) -> list[str]:
        return [unescape(p, self.version) for p in split_structured(prop.value)]

    def kind(self, prop: Line) -> tuple[str, bool]:
        types = prop.types
        pref = "pref" in types or prop.param("PREF") != ""
        words = [t for t in types if t not in _SKIP_TYPES]
        label = self.labels.get(prop.group, "") if prop.group else ""
        return (label or " ".join(words)), pref

    def add(self, prop: Line) -> None:
        if prop.name in _IM:
            self._im(prop)
            return
        handler = getattr(self, f"_{prop.name.lower().replace('-', '_')}", None)
        if handler is not None:
            handler(prop)
            if prop.group:
                self.modelled_groups.add(prop.group)

    def keep_unmodelled(self, props: list[Line]) -> None:
        """Every property netdesk does not model, as its content line, for writing back: X-
        fields, 4.0 properties, IM handles (also shown as links), and the labels of groups
        whose members are kept this way."""
        for prop in props:
            if prop.name in _STRUCTURE or (
                prop.name == "X-ABLABEL" and prop.group in self.modelled_groups
            ):
                continue
            modelled = prop.name not in _IM and hasattr(
                self, f"_{prop.name.lower().replace('-', '_')}"
            )
            if not modelled:  # control characters are junk here as in any field
                self.data.extra.append(CONTROL.sub("", content_line(prop)).replace("\n", " "))

    def _im(self, prop: Line) -> None:
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

    def _x_android_custom(self, prop: Line) -> None:
        parts = self.parts(prop)
        if parts and parts[0].endswith("/nickname") and len(parts) > 1 and not self.data.nickname:
            self.data.nickname = parts[1].strip()

    # -- identity ----------------------------------------------------------------------------
    def _fn(self, prop: Line) -> None:
        if not self.data.full_name:
            self.data.full_name = self.text(prop)

    def _n(self, prop: Line) -> None:
        if "\\" not in prop.value and "," not in prop.value:  # nothing escaped, one value each
            d = self.data
            d.family_name, d.given_name, d.additional_names, d.prefix, d.suffix = [
                c.strip() for c in [*prop.value.split(";"), "", "", "", "", ""][:5]
            ]
            return
        components = [*split_structured(prop.value), "", "", "", "", ""]
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

    def _nickname(self, prop: Line) -> None:
        if not self.data.nickname:
            values = self.text(prop)
            self.data.nickname = (
                values.split(",")[0].strip() if not self.version.startswith("2") else values
            )

    def _org(self, prop: Line) -> None:
        parts = [p.strip() for p in self.parts(prop)]
        if not self.data.organization and parts and parts[0]:
            self.data.organization = parts[0]
            self.data.department = " / ".join(p for p in parts[1:] if p)

    def _title(self, prop: Line) -> None:
        if not self.data.title:
            self.data.title = self.text(prop)

    def _role(self, prop: Line) -> None:
        if not self.data.role:
            self.data.role = self.text(prop)

    def _note(self, prop: Line) -> None:
        note = unescape(prop.value, self.version)  # spaces are the user's
        if note.strip():
            self.data.note = f"{self.data.note}\n\n{note}" if self.data.note else note

    def _uid(self, prop: Line) -> None:
        self.data.uid = self.text(prop)

    def _categories(self, prop: Line) -> None:
        for piece in split_structured(prop.value, ","):
            tag = unescape(piece, self.version).strip()
            if tag and tag not in self.data.tags:
                self.data.tags.append(tag)

    def _bday(self, prop: Line) -> None:
        value = self.text(prop)
        partial = _PARTIAL.match(value)
        full = _DATE.match(value)
        if full and prop.param("X-APPLE-OMIT-YEAR") == full.group(1):  # Apple's yearless day
            self.data.birthday = f"--{full.group(2)}-{full.group(3)}"
        elif partial:
            self.data.birthday = f"--{partial.group(1)}-{partial.group(2)}"
        elif full:
            self.data.birthday = f"{full.group(1)}-{full.group(2)}-{full.group(3)}"
        elif value:
            self.warnings.append(f"BDAY: “{value}” is not a date; birthday left empty")

    # -- channels ----------------------------------------------------------------------------
    def _email(self, prop: Line) -> None:
        value = self.text(prop)
        if value.lower().startswith("mailto:"):
            value = value[7:]
        if value:
            kind, pref = self.kind(prop)
            self.data.emails.append(EmailAddress(value, kind, pref))

    def _tel(self, prop: Line) -> None:
        value = self.text(prop)
        if value.lower().startswith("tel:"):
            value = value[4:]
        if value:
            kind, pref = self.kind(prop)
            self.data.phones.append(PhoneNumber(value, kind, pref))

    def _x_netdesk_url(self, prop: Line) -> None:
        """A web address that is not a URI ("homepage"), as netdesk's own export writes it."""
        self._url(prop)

    def _url(self, prop: Line) -> None:
        value = web_address(self.text(prop))
        if value:
            kind, _pref = self.kind(prop)
            self.data.urls.append(WebAddress(value, kind))

    def _adr(self, prop: Line) -> None:
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
            label = label.replace("\\n", "\n").replace("\\N", "\n").replace("\r\n", "\n")
            address.label = label.replace("\r", "\n")
        if not address.is_empty():
            self.data.addresses.append(address)
            self.address_groups.append(prop.group)

    def _label(self, prop: Line) -> None:
        """vCard 3.0's printed address label (RFC 2426 §3.2.2): attached, once every ADR is
        read, to its ADR — the same group, else the same TYPE, else the first without one."""
        text = unescape(prop.value, self.version).strip()
        if text:
            self.pending_labels.append((prop.group, self.kind(prop)[0], text))

    def attach_labels(self) -> None:
        addresses = self.data.addresses
        for group, kind, text in self.pending_labels:
            free = [i for i, a in enumerate(addresses) if not a.label]
            same_group = [i for i in free if group and self.address_groups[i] == group]
            same_kind = [i for i in free if addresses[i].kind == kind]
            candidates = same_group or same_kind or free
            chosen = candidates[0] if candidates else None
            if chosen is None:
                addresses.append(PostalAddress(kind, label=text))
                self.address_groups.append(group)
            else:
                addresses[chosen].label = text

    # -- photo -------------------------------------------------------------------------------
    def _photo(self, prop: Line) -> None:
        if self.data.photo is not None:
            return
        raw = prop.value.strip().encode("ascii", errors="replace")
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
