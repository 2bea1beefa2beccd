"""Writing contacts as vCard 3.0 or 4.0 text that other address books accept.

A small serialiser of our own rather than vobject's: it lets us control folding, escaping and the
``itemN.X-ABLabel`` grouping exactly, so a free-text kind such as "Assistant" or "@work" survives a
round trip through netdesk's reader and still reads sensibly in Apple, Google or Thunderbird.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from typing import Literal

from netdesk.domain.contact_data import ContactData, PostalAddress

VCardVersion = Literal["3.0", "4.0"]

__all__ = ["VCardVersion", "write_vcard", "write_vcards"]

# Kind words that are written as TYPE values; any other kind becomes an X-ABLabel on an item group.
_TYPE_WORDS: dict[str, frozenset[str]] = {
    "EMAIL": frozenset({"home", "work", "internet", "other"}),
    "TEL": frozenset(
        {
            "home",
            "work",
            "cell",
            "voice",
            "fax",
            "pager",
            "video",
            "text",
            "textphone",
            "msg",
            "car",
            "isdn",
            "bbs",
            "modem",
            "pcs",
            "main",
            "other",
        }
    ),
    "ADR": frozenset({"home", "work", "dom", "intl", "postal", "parcel", "other"}),
    "URL": frozenset({"home", "work", "other"}),
}

_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PARTIAL_DATE = re.compile(r"^--(\d{2})-?(\d{2})$")
_MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """Escape one TEXT value (RFC 6350 §3.4): backslash, comma, semicolon and newlines."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _compound(parts: Iterable[str]) -> str:
    """A structured value (N, ADR, ORG): each component escaped, joined by bare semicolons."""
    return ";".join(escape_text(p) for p in parts)


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 sequence (RFC 6350 §3.2)."""
    if len(line.encode("utf-8", "replace")) <= _MAX_OCTETS:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8", "replace"))
        if size + width > _MAX_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def _image_mime(photo: bytes, declared: str | None) -> str:
    if declared and declared.lower().startswith("image/"):
        return declared.lower()
    if photo.startswith(b"\x89PNG"):
        return "image/png"
    if photo.startswith(b"GIF8"):
        return "image/gif"
    return "image/jpeg"


class _Card:
    """Collects the content lines of one card; knows the version's parameter conventions."""

    def __init__(self, version: VCardVersion, first_item: int = 0) -> None:
        self.version = version
        self.lines: list[str] = []
        self._items = first_item  # groups the kept lines use are not reused

    def add(
        self, name: str, value: str, params: Iterable[tuple[str, str]] = (), group: str = ""
    ) -> None:
        head = f"{group}.{name}" if group else name
        for key, val in params:
            head += f";{key}={val}"
        self.lines.append(fold(f"{head}:{value}"))

    def add_typed(
        self,
        name: str,
        value: str,
        kind: str,
        pref: bool,
        extra: Iterable[tuple[str, str]] = (),
    ) -> None:
        """A property with a kind: TYPE words when standard, else an Apple-style item label."""
        words = kind.split()
        known = bool(words) and all(w in _TYPE_WORDS[name] for w in words)
        types = list(words) if known else []
        params: list[tuple[str, str]] = []
        if pref and self.version == "3.0":
            types.append("pref")
        if types:
            params.append(("TYPE", ",".join(types)))
        if pref and self.version == "4.0":
            params.append(("PREF", "1"))
        params.extend(extra)
        if kind.strip() and not known:
            self._items += 1
            group = f"item{self._items}"
            self.add(name, value, params, group)
            self.add("X-ABLabel", escape_text(kind.strip()), group=group)
        else:
            self.add(name, value, params)

    def text(self) -> str:
        body = [
            "BEGIN:VCARD",
            f"VERSION:{self.version}",
            *self.lines,
            "END:VCARD",
        ]
        return "\r\n".join(body) + "\r\n"


def _birthday(value: str, version: VCardVersion) -> tuple[str, list[tuple[str, str]]]:
    text = value.strip()
    full = _FULL_DATE.match(text)
    partial = _PARTIAL_DATE.match(text)
    if partial:
        return f"--{partial.group(1)}{partial.group(2)}", []
    if full and version == "4.0":
        return "".join(full.groups()), []
    if full or version == "3.0":
        return escape_text(text), []
    return escape_text(text), [("VALUE", "text")]  # 4.0 allows a free-text birthday


def _add_address(card: _Card, address: PostalAddress) -> None:
    parts = (
        address.po_box,
        address.extended,
        address.street,
        address.city,
        address.region,
        address.postal_code,
        address.country,
    )
    extra: list[tuple[str, str]] = []
    if address.label.strip():
        # The printable label rides on the ADR as its LABEL parameter (RFC 6350 §6.3.1), which
        # keeps it tied to its address; 3.0 readers such as vobject accept the same parameter.
        label = address.label.replace("\r\n", "\n").replace("\r", "\n")
        if card.version == "4.0":  # RFC 6868 caret encoding
            label = label.replace("^", "^^").replace('"', "^'").replace("\n", "^n")
        else:
            label = label.replace('"', "'").replace("\n", "\\n")
        extra.append(("LABEL", f'"{label}"'))
    card.add_typed("ADR", _compound(parts), address.kind, False, extra)


def _add_photo(card: _Card, photo: bytes, mime: str | None) -> None:
    kind = _image_mime(photo, mime)
    data = base64.b64encode(photo).decode("ascii")
    if card.version == "4.0":
        card.add("PHOTO", f"data:{kind};base64,{data}")
    else:
        card.add("PHOTO", data, [("ENCODING", "b"), ("TYPE", kind.split("/")[1].upper())])


# Properties vCard 3.0 does not have: kept lines of a 4.0 card are left out of a 3.0 one.
_ONLY_IN_4 = frozenset(
    {
        "KIND", "GENDER", "ANNIVERSARY", "LANG", "RELATED", "MEMBER", "XML", "CLIENTPIDMAP",
        "FBURL", "CALADRURI", "CALURI", "SOURCE",
    }
)  # fmt: skip
_GROUP = re.compile(r"^([A-Za-z0-9-]+)\.")
_ITEM = re.compile(r"^item(\d+)$", re.IGNORECASE)
_LINE_NAME = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)")


def kept_lines(contact: ContactData, version: VCardVersion) -> list[str]:
    """The card's unmodelled lines that belong in a ``version`` card: all of them in the
    card's own version; in another, those valid there."""
    if contact.version == version or (contact.version in ("2.1", "3.0") and version == "3.0"):
        return list(contact.extra)
    kept = []
    for line in contact.extra:
        match = _LINE_NAME.match(line)
        name = match.group(1).upper() if match else ""
        if version == "3.0" and name in _ONLY_IN_4:
            continue
        kept.append(line)
    return kept


def sync_version(contact: ContactData) -> VCardVersion:
    """The version to send an edited card back in: its own (4.0 stays 4.0)."""
    return "4.0" if contact.version == "4.0" else "3.0"


def write_vcard(contact: ContactData, version: VCardVersion = "3.0") -> str:
    """One contact as a vCard (CRLF line endings, folded, escaped), with the lines netdesk does
    not model written back as they came."""
    extra = kept_lines(contact, version)
    groups = {m.group(1) for line in extra if (m := _GROUP.match(line))}
    used = [int(m.group(1)) for g in groups if (m := _ITEM.match(g))]
    card = _Card(version, max(used, default=0))
    # an IM handle kept as its own line is not written a second time as a link
    im_values = {line.split(":", 1)[1] for line in extra if _is_im(line)}
    if contact.uid.strip():
        card.add("UID", escape_text(contact.uid.strip()))
    card.add("FN", escape_text(contact.display_name()))
    names = (
        contact.family_name,
        contact.given_name,
        contact.additional_names,
        contact.prefix,
        contact.suffix,
    )
    if version == "3.0" or any(n.strip() for n in names):
        card.add("N", _compound(names))
    if contact.nickname.strip():
        card.add("NICKNAME", escape_text(contact.nickname))
    if contact.organization.strip() or contact.department.strip():
        parts = [contact.organization]
        if contact.department.strip():
            parts.append(contact.department)
        card.add("ORG", _compound(parts))
    for name, value in (("TITLE", contact.title), ("ROLE", contact.role)):
        if value.strip():
            card.add(name, escape_text(value))
    if contact.birthday and contact.birthday.strip():
        value, params = _birthday(contact.birthday, version)
        card.add("BDAY", value, params)
    for email in contact.emails:
        if email.value.strip():
            card.add_typed("EMAIL", escape_text(email.value.strip()), email.kind, email.pref)
    for phone in contact.phones:
        if phone.value.strip():
            card.add_typed("TEL", escape_text(phone.value.strip()), phone.kind, phone.pref)
    for address in contact.addresses:
        if not address.is_empty():
            _add_address(card, address)
    for url in contact.urls:
        # A URI is not TEXT: nothing to escape, but a stray line break would end the line.
        value = " ".join(url.value.split())
        if value and not any(value == v or value.endswith(":" + v) for v in im_values):
            card.add_typed("URL", value, url.kind, False)
    tags = [escape_text(t.strip()) for t in contact.tags if t.strip()]
    if tags:
        card.add("CATEGORIES", ",".join(tags))
    if contact.note.strip():
        card.add("NOTE", escape_text(contact.note))
    if contact.photo:
        _add_photo(card, contact.photo, contact.photo_mime)
    card.lines.extend(fold(line) for line in extra)
    return card.text()


def _is_im(line: str) -> bool:
    match = _LINE_NAME.match(line)
    name = match.group(1).upper() if match else ""
    return name == "IMPP" or name in {
        "X-AIM", "X-GOOGLE-TALK", "X-GTALK", "X-JABBER", "X-SKYPE", "X-SKYPE-USERNAME",
        "X-MSN", "X-ICQ", "X-YAHOO", "X-SIP",
    }  # fmt: skip


def write_vcards(contacts: Iterable[ContactData], version: VCardVersion = "3.0") -> str:
    """Every contact, one card after another, as the text of a .vcf file."""
    return "".join(write_vcard(contact, version) for contact in contacts)
