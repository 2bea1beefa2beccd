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
from netdesk.domain.validation import web_address

VCardVersion = Literal["3.0", "4.0"]

__all__ = ["VCardVersion", "kept_lines", "sync_version", "write_vcard", "write_vcards"]

# Kind words written as TYPE values, per version: RFC 2426 §3.2–3.3 for 3.0, RFC 6350 §5.6 and
# §6.4.1 for 4.0. Any other kind ("other", "main", "Assistant", "@work") becomes an Apple-style
# X-ABLabel on an item group, which Apple, Google, Thunderbird and DAVx5 all read as the label.
_TYPE_WORDS: dict[str, dict[str, frozenset[str]]] = {
    "3.0": {
        "EMAIL": frozenset({"home", "work", "internet", "x400"}),
        "TEL": frozenset(
            {
                "home", "work", "cell", "voice", "fax", "pager", "video", "msg", "car", "isdn",
                "bbs", "modem", "pcs",
            }
        ),
        "ADR": frozenset({"home", "work", "dom", "intl", "postal", "parcel"}),
        "URL": frozenset(),  # 3.0 defines no parameter for URL
    },
    "4.0": {
        "EMAIL": frozenset({"home", "work"}),
        "TEL": frozenset(
            {"home", "work", "cell", "voice", "fax", "pager", "video", "text", "textphone"}
        ),
        "ADR": frozenset({"home", "work"}),
        "URL": frozenset({"home", "work"}),
    },
}  # fmt: skip
# The properties of each version (RFC 2426 §3 with the extensions registered for 3.0 — IMPP,
# RFC 4770; FBURL, CALADRURI, CALURI, RFC 2739 — and RFC 6350 §6 with RFC 6474 and RFC 6715).
# An export writes any other kept property under an X- name, so its data is not lost and the
# file stays valid for its version; sync writes kept lines back as they came.
_PROPERTIES: dict[str, frozenset[str]] = {
    "3.0": frozenset(
        {
            "FN", "N", "NICKNAME", "PHOTO", "BDAY", "ADR", "LABEL", "TEL", "EMAIL", "MAILER",
            "TZ", "GEO", "TITLE", "ROLE", "LOGO", "AGENT", "ORG", "CATEGORIES", "NOTE",
            "PRODID", "REV", "SORT-STRING", "SOUND", "UID", "URL", "CLASS", "KEY", "NAME",
            "PROFILE", "SOURCE", "IMPP", "FBURL", "CALADRURI", "CALURI",
        }
    ),
    "4.0": frozenset(
        {
            "SOURCE", "KIND", "XML", "FN", "N", "NICKNAME", "PHOTO", "BDAY", "ANNIVERSARY",
            "GENDER", "ADR", "TEL", "EMAIL", "IMPP", "LANG", "TZ", "GEO", "TITLE", "ROLE",
            "LOGO", "ORG", "MEMBER", "RELATED", "CATEGORIES", "NOTE", "PRODID", "REV", "SOUND",
            "UID", "CLIENTPIDMAP", "URL", "KEY", "FBURL", "CALADRURI", "CALURI", "BIRTHPLACE",
            "DEATHPLACE", "DEATHDATE", "EXPERTISE", "HOBBY", "INTEREST", "ORG-DIRECTORY",
        }
    ),
}  # fmt: skip
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
        self.type_words = _TYPE_WORDS[version]
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
    ) -> str:
        """A property with a kind: TYPE words when standard, else an Apple-style item label.
        Returns the item group it used ("" for none)."""
        words = kind.split()  # "Work" (a label someone typed) stays a label, exactly
        allowed = self.type_words.get(name, frozenset())
        known = bool(words) and all(w in allowed for w in words)
        types = list(words) if known else []
        params: list[tuple[str, str]] = []
        if pref and self.version == "3.0" and name != "URL":
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
            return group
        self.add(name, value, params)
        return ""

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
    if partial and version == "4.0":
        return f"--{partial.group(1)}{partial.group(2)}", []
    if partial:
        # 3.0 has no date without a year; Apple's address book, which keeps yearless
        # birthdays, writes a placeholder leap year and says to leave it out.
        return f"{_NO_YEAR}-{partial.group(1)}-{partial.group(2)}", [
            ("X-APPLE-OMIT-YEAR", _NO_YEAR)
        ]
    if full and version == "4.0":
        return "".join(full.groups()), []
    if full or version == "3.0":
        return escape_text(text), []
    return escape_text(text), [("VALUE", "text")]  # 4.0 allows a free-text birthday


_NO_YEAR = "1604"


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
    label = address.label.replace("\r\n", "\n").replace("\r", "\n").strip()
    if card.version == "4.0":
        # The printable label rides on the ADR as its LABEL parameter (RFC 6350 §6.3.1), with
        # RFC 6868 caret encoding.
        extra = []
        if label:
            encoded = label.replace("^", "^^").replace('"', "^'").replace("\n", "^n")
            extra.append(("LABEL", f'"{encoded}"'))
        card.add_typed("ADR", _compound(parts), address.kind, False, extra)
        return
    # 3.0 has a LABEL property of its own (RFC 2426 §3.2.2): the same group or TYPE as its ADR
    # ties the two together for readers.
    group = card.add_typed("ADR", _compound(parts), address.kind, False)
    if label:
        if group:
            card.add("LABEL", escape_text(label), group=group)
        else:
            words = address.kind.split()
            params = [("TYPE", ",".join(words))] if words else []
            card.add("LABEL", escape_text(label), params)


def _add_photo(card: _Card, photo: bytes, mime: str | None) -> None:
    kind = _image_mime(photo, mime)
    data = base64.b64encode(photo).decode("ascii")
    if card.version == "4.0":
        card.add("PHOTO", f"data:{kind};base64,{data}")
    else:
        card.add("PHOTO", data, [("ENCODING", "b"), ("TYPE", kind.split("/")[1].upper())])


_GROUP = re.compile(r"^([A-Za-z0-9-]+)\.")
_ITEM = re.compile(r"^item(\d+)$", re.IGNORECASE)
_LINE_NAME = re.compile(r"^((?:[A-Za-z0-9-]+\.)?)([A-Za-z0-9-]+)")


# AGENT (obsolete, dropped by 4.0): its inline card is a vCard inside a value, which no address
# book reads back and no validator checks; an export keeps it as X-AGENT.
_NOT_KEPT_BY_NAME = frozenset({"AGENT"})
_UTC_OFFSET = re.compile(r"^[+-]\d{2}:?\d{2}$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def kept_lines(contact: ContactData, version: VCardVersion, strict: bool = True) -> list[str]:
    """The card's unmodelled lines for a ``version`` card. Not strict (sync): exactly as they
    came. Strict (export): a card's own version keeps its lines as they are unless the version
    does not define the property; from another version (a 4.0 card written as 3.0), where the
    same name may take other values and parameters, every property but an X- one. A property
    not kept by its name is written under an X- name (``ANNIVERSARY`` becomes
    ``X-ANNIVERSARY``), so no data is lost and the file stays valid for its version."""
    if not strict:
        return list(contact.extra)
    same_version = contact.version == version
    known = _PROPERTIES[version]
    kept = []
    for line in contact.extra:
        match = _LINE_NAME.match(line)
        if match is None:
            continue
        name = match.group(2).upper()
        keep_name = same_version and name in known and name not in _NOT_KEPT_BY_NAME
        if name == "TZ" and version == "3.0":  # 3.0's TZ is a UTC offset such as -05:00
            keep_name = keep_name and bool(_UTC_OFFSET.match(line.split(":", 1)[-1]))
        renamed = f"{match.group(1)}X-{line[match.end(1) :]}"
        chosen = line if name.startswith("X-") or keep_name else renamed
        kept.append(chosen if same_version else _without_21_parameters(chosen))
    return kept


_CHARSET_OR_8BIT = re.compile(r";(?:CHARSET=[^;:]*|ENCODING=(?:8BIT|7BIT))(?=[;:])", re.I)
_BASE64_21 = re.compile(r";ENCODING=(?:BASE64|B)(?=[;:])", re.I)


def _without_21_parameters(line: str) -> str:
    """A kept line of a 2.1 card in 3.0/4.0 syntax: no CHARSET or 8BIT (the text is UTF-8
    now), base64 as ENCODING=b with its value in one piece (2.1 let it hold spaces)."""
    head, sep, value = line.partition(":")
    head = _CHARSET_OR_8BIT.sub("", head + ":")[:-1]
    if _BASE64_21.search(head + ":"):
        head = _BASE64_21.sub(";ENCODING=b", head + ":")[:-1]
        value = "".join(value.split())
    return head + sep + value


def sync_version(contact: ContactData) -> VCardVersion:
    """The version to send an edited card back in: its own (4.0 stays 4.0)."""
    return "4.0" if contact.version == "4.0" else "3.0"


def write_vcard(contact: ContactData, version: VCardVersion = "3.0", strict: bool = True) -> str:
    """One contact as a vCard (CRLF line endings, folded, escaped), with the lines netdesk does
    not model: as they came for sync (``strict=False``), valid for ``version`` for an export."""
    extra = kept_lines(contact, version, strict)
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
        value = web_address(url.value)
        if not value or any(value == v or value.endswith(":" + v) for v in im_values):
            continue
        if _URI.match(value):
            card.add_typed("URL", value, url.kind, False)
        else:  # "homepage", "www.my site.com": not a URI, so not a URL; netdesk reads it back
            card.add_typed("X-NETDESK-URL", escape_text(value), url.kind, False)
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
