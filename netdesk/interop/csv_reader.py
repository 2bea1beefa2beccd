"""Reading contacts from CSV exports: LinkedIn, Google, Outlook, netdesk's own, or user-mapped.

Each program names its columns differently, so every header becomes a *spec* (which field it
fills, which repeated item it belongs to, with what kind) and one row builder serves all layouts.
An unknown layout raises CsvFormatUnknown so the window can ask the user to map the columns;
whatever the bytes, nothing else is raised: bad rows come back as CsvRow errors or warnings.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)
from netdesk.interop.csv_dates import parse_date, plain_text
from netdesk.interop.csv_writer import (
    ADDRESS_PARTS,
    NETDESK_SCALARS,
    TAG_SEPARATOR,
    restore_defused,
)
from netdesk.interop.data_uri import picture_from_uri

NO_IDENTITY = "row has no name, organisation, e-mail or phone"


@dataclass
class CsvRow:
    """One data row; the same shape as the vCard reader's CardResult so the importer is shared."""

    position: int  # 1-based data row number, not counting the header or a preamble
    contact: ContactData | None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class CsvLayout:
    encoding: str
    delimiter: str
    header_index: int  # 0-based CSV record index of the header row (after any preamble)
    headers: list[str]
    kind: str | None  # "linkedin", "google", "outlook", "netdesk" or None when unknown


class CsvFormatUnknown(Exception):
    """The columns match no known export; the window shows a column-mapping dialog."""

    def __init__(self, headers: list[str], delimiter: str, encoding: str) -> None:
        super().__init__("the CSV columns were not recognised")
        self.headers = headers
        self.delimiter = delimiter
        self.encoding = encoding


# A spec says what one column fills: (field, group, part, kind). Scalars leave group/part empty;
# e-mails, phones, URLs and addresses gather their columns by group ("email2", "home" …).
Spec = tuple[str, str, str, str]


def _pairs(text: str) -> dict[str, str]:
    """ "a=b; c=d" → {"a": "b", "c": "d"}: keeps the many small lookup tables short to read."""
    pairs = (item.split("=", 1) for item in text.split(";") if "=" in item)
    return {key.strip(): value.strip() for key, value in pairs}


_SCALARS = frozenset(field for _, field in NETDESK_SCALARS) - {
    "note", "birthday", "tags", "photo", "extra"
}  # fmt: skip
_LISTED = frozenset({"email", "phone", "url"})

# header (lower-cased) → "field" or "field:kind"; the kind "*" marks the preferred phone.
_COMMON = _pairs(
    "name=full_name; full name=full_name; display name=full_name; first name=given_name; "
    "given name=given_name; middle name=additional_names; additional name=additional_names; "
    "last name=family_name; family name=family_name; name prefix=prefix; name suffix=suffix; "
    "suffix=suffix; nickname=nickname; company=organization; organization name=organization; "
    "organisation=organization; department=department; organization department=department; "
    "title=title; job title=title; organization title=title; position=title; profession=role; "
    "occupation=role; notes=note; note=note; birthday=birthday; labels=tags; categories=tags; "
    "group membership=tags; connected on=connected_on; email address=email; e-mail address=email; "
    "url=url; web page=url; website=url; personal web page=url:home; business web page=url:work; "
    "primary phone=phone:*; home phone=phone:home; home phone 2=phone:home; pager=phone:pager; "
    "mobile phone=phone:cell; business phone=phone:work; business phone 2=phone:work; "
    "company main phone=phone:work; car phone=phone:car; business fax=phone:work fax; "
    "home fax=phone:home fax; other fax=phone:fax; other phone=phone:other; isdn=phone:isdn; "
    "assistant's phone=phone:Assistant; callback=phone:Callback; radio phone=phone:Radio; "
    "telex=phone:Telex; tty/tdd phone=phone:textphone"
)
_NETDESK = {header.lower(): field for header, field in NETDESK_SCALARS}
# Outlook's "Title" is Mr./Ms. ("Job Title" is the job); LinkedIn's URL is the profile.
_OVERRIDES = {"outlook": {"title": "prefix"}, "linkedin": {"url": "url:LinkedIn"}}

_NUMBERED = re.compile(r"^(e-mail|email|phone|address|website|url|organization) (\d+)\s*-?\s*(.*)$")
_OUTLOOK_ADDRESS = re.compile(
    r"^(home|business|other) (street(?: [23])?|city|state|postal code|country|address po box)$"
)
_ITEM_PARTS = _pairs("=value; value=value; address=value; type=kind; label=kind; kind=kind")
_ITEM_PARTS |= {"preferred": "pref"}
_ADDRESS_SUBS = {suffix.lower(): attr for suffix, attr in ADDRESS_PARTS}
_ADDRESS_SUBS |= _pairs("type=kind; label=kind; extended address=extended")
_OUTLOOK_PARTS = {"state": "region", "postal code": "postal_code", "address po box": "po_box"}
_ORG_PARTS = {"name": "organization", "title": "title", "department": "department"}

# Kind words as Google and Outlook spell them → netdesk's vCard-style kinds.
_KIND_WORDS = _pairs(
    "mobile=cell; cell=cell; business=work; work mobile=work cell; business fax=work fax; "
    "other fax=fax; home page=home; homepage=home; work fax=work fax; work pager=work pager"
)
_KIND_WORDS |= {w: w for w in ("home", "work", "other", "fax", "pager", "main", "home fax")}


def _norm(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").strip().strip('"').lower().split())


def _spec(header: str, kind: str) -> Spec | None:
    """What ``header`` fills in a file of layout ``kind`` (None: the column is ignored)."""
    h = _norm(header)
    numbered = _NUMBERED.match(h)
    if numbered:
        base, n, sub = numbered.groups()
        name = {"e-mail": "email", "website": "url"}.get(base, base)
        if name == "organization":
            target = _ORG_PARTS.get(sub)
            return (target, "", "", "") if target else None
        if kind == "outlook" and sub != "address":
            return None  # "E-mail 2 Type" is SMTP/EX, "Display Name" a copy of the name
        part = (_ADDRESS_SUBS if name == "address" else _ITEM_PARTS).get(sub)
        return (name, f"{name}{n}", part, "") if part else None
    if kind == "netdesk":
        scalar = _NETDESK.get(h)
        return (scalar, "", "", "") if scalar else None
    outlook_address = _OUTLOOK_ADDRESS.match(h) if kind == "outlook" else None
    if outlook_address:
        where, sub = outlook_address.groups()
        part = _OUTLOOK_PARTS.get(sub, sub.split()[0])
        return ("address", where, part, {"business": "work"}.get(where, where))
    target = _OVERRIDES.get(kind, {}).get(h) or _COMMON.get(h)
    return _target_spec(target, h) if target else None


def _target_spec(target: str, group: str) -> Spec:
    """The spec for a "field:kind" target; e-mails, phones and URLs get their own ``group``."""
    name, _, item_kind = target.partition(":")
    if name in _LISTED:
        return (name, group, "value", item_kind)
    return (name, "", "", item_kind)


def _layout_kind(headers: list[str]) -> str | None:
    h = {_norm(x) for x in headers}
    if {"name", "given name", "family name", "organisation", "tags"} <= h:
        return "netdesk"
    if {"first name", "last name", "connected on"} <= h:
        return "linkedin"
    if any(x.endswith(" - value") for x in h) or {"given name", "group membership"} <= h:
        return "google"
    outlook_only = {"e-mail address", "mobile phone", "business phone", "home phone", "job title"}
    if {"first name", "last name"} <= h and h & outlook_only:
        return "outlook"
    return None


def _decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding name); never fails — undecodable bytes become U+FFFD."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", "replace"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", "replace"), "utf-16"
    for encoding, zeros in (("utf-16-le", raw[1:512:2]), ("utf-16-be", raw[0:512:2])):
        if len(zeros) >= 4 and zeros.count(0) > len(zeros) * 0.7:  # UTF-16 without a BOM
            return raw.decode(encoding, "replace"), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace"), "cp1252"


def _records(text: str, delimiter: str) -> Iterator[list[str] | None]:
    """CSV records; None for one the csv module rejects (e.g. a field over its size limit)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    failures = 0
    while failures < 100:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error:
            failures += 1
            yield None
            continue
        failures = 0
        yield record


def _is_blank(record: list[str] | None) -> bool:
    return not record or not any(cell.strip() for cell in record)


def _header_index(records: list[list[str] | None]) -> int | None:
    """The header record: a known layout's, else the first after blanks and a "Notes:" preamble."""
    known = next((i for i, record in enumerate(records) if record and _layout_kind(record)), None)
    if known is not None:
        return known
    filled = [i for i, record in enumerate(records) if not _is_blank(record)]
    if filled and (records[filled[0]] or [""])[0].strip().lower().startswith("notes:"):
        # LinkedIn: "Notes:", an explanatory paragraph, a blank line, then the header.
        gap = next((i for i in range(filled[0], len(records)) if _is_blank(records[i])), None)
        filled = [i for i in filled if gap is not None and i > gap]
    return filled[0] if filled else None


def _sniff(raw: bytes) -> tuple[CsvLayout, str]:
    text, encoding = _decode(raw)
    best: tuple[tuple[bool, int], CsvLayout] | None = None
    for delimiter in (",", ";", "\t"):
        records = list(itertools.islice(_records(text, delimiter), 40))
        index = _header_index(records)
        headers = [h.strip() for h in (records[index] or [])] if index is not None else []
        kind = _layout_kind(headers)
        score = (kind is not None, sum(1 for h in headers if h))
        layout = CsvLayout(encoding, delimiter, index if index is not None else 0, headers, kind)
        if best is None or score > best[0]:
            best = (score, layout)
    assert best is not None
    return best[1], text


def sniff(raw: bytes) -> CsvLayout:
    """Encoding, delimiter, header row and the recognised layout of a CSV file."""
    return _sniff(raw)[0]


def _kind(raw: str) -> tuple[str, bool]:
    """(kind, preferred) from a Google/Outlook type such as "* Work" or "Mobile"."""
    text = raw.strip()
    pref = text.startswith("*")
    text = text.lstrip("*").strip()
    return _KIND_WORDS.get(text.lower(), text), pref


def _split_tags(value: str, kind: str | None) -> list[str]:
    if kind == "netdesk":
        parts = value.split(TAG_SEPARATOR)
    elif kind == "google":
        parts = [p for p in value.split(":::") if p.strip().lower() != "* mycontacts"]
        parts = [p.strip().lstrip("*") for p in parts]
    else:
        parts = re.split(r"[;,]|:::", value)
    return [p.strip() for p in parts if p.strip()]


def _items(cells: dict[str, str], verbatim: bool) -> list[tuple[str, str, bool]]:
    """(value, kind, pref) triples of one e-mail/phone/URL group; Google packs several with :::."""
    if verbatim:
        pref = cells.get("pref", "").strip().lower() in {"yes", "true", "1", "x", "pref"}
        return [(cells.get("value", ""), cells.get("kind", ""), pref)]
    values = [v.strip() for v in cells.get("value", "").split(":::")]
    kinds = cells.get("kind", "").split(":::")
    out = []
    for i, value in enumerate(values):
        kind, pref = _kind(kinds[min(i, len(kinds) - 1)])
        out.append((value, kind, pref and i < len(kinds)))
    return out


def _address(cells: dict[str, str], kind: str | None) -> PostalAddress:
    if kind != "netdesk":
        cells["kind"] = _kind(cells.get("kind", ""))[0]
    address = PostalAddress(**cells)
    if kind == "google" and (address.street or address.city or address.postal_code):
        address.label = ""  # Google's "Formatted" just repeats the parts
    return address


def _build(
    record: list[str], specs: list[Spec | None], kind: str | None, warnings: list[str]
) -> ContactData:
    """A ContactData from one record; problems with single cells become warnings."""
    data = ContactData()
    verbatim = kind == "netdesk"  # our own export: keep every cell exactly as written
    groups: dict[tuple[str, str], dict[str, str]] = {}
    for spec, cell in zip(specs, record, strict=False):
        if spec is None or not cell.strip():
            continue
        value = restore_defused(cell) if verbatim else cell.strip()
        name, group, part, item_kind = spec
        if name in _SCALARS:
            if not getattr(data, name):
                setattr(data, name, value)
        elif name == "note":
            data.note = f"{data.note}\n{value}" if data.note else value
        elif name == "tags":
            data.tags += [t for t in _split_tags(value, kind) if t not in data.tags]
        elif name == "birthday":
            if re.fullmatch(r"[0/.\-\s]+", value) or data.birthday:  # Outlook's "0/0/00"
                continue
            data.birthday = parse_date(value, month_first=kind == "outlook")
            if data.birthday is None:
                warnings.append(f"birthday “{value.strip()}” is not a date; left empty")
        elif name == "photo":
            picture = picture_from_uri(value)
            if picture is None:
                warnings.append("photo: not a picture as a base64 data: URI; left out")
            else:
                data.photo, data.photo_mime = picture
        elif name == "extra":
            data.extra = [line for line in value.splitlines() if line.strip()]
        elif name == "connected_on":
            since = parse_date(value) or value.strip()
            line = f"LinkedIn connection since {since}"
            data.note = f"{data.note}\n{line}" if data.note else line
        else:
            cells = groups.setdefault((name, group), {"kind": item_kind} if item_kind else {})
            cells[part] = f"{cells[part]}\n{value}" if part in cells else value
    for (name, _group), cells in groups.items():
        if name == "address":
            address = _address(cells, kind)
            if not address.is_empty():
                data.addresses.append(address)
            continue
        for value, item_kind, pref in _items(cells, verbatim):
            if not value.strip():
                continue
            if name == "email":
                data.emails.append(EmailAddress(value, item_kind, pref))
            elif name == "phone":
                # netdesk's own export is taken as written; elsewhere a phone must have digits
                junk = not re.search(r"\d", value) or value.lstrip().startswith(("=", "@"))
                if junk and not verbatim:
                    warnings.append(f"phone “{value.strip()}” is not a phone number; left out")
                    continue
                data.phones.append(PhoneNumber(value, item_kind, pref))
            else:
                data.urls.append(WebAddress(value, item_kind))
    if kind == "linkedin" and "LinkedIn" not in data.tags:
        data.tags.append("LinkedIn")
    return data


def _has_identity(data: ContactData) -> bool:
    names = (data.full_name, data.given_name, data.family_name, data.nickname, data.organization)
    return any(n.strip() for n in names) or bool(data.emails) or bool(data.phones)


# Mapping-dialog target → "field:kind" (address parts: "address:part"), in the dialog's order.
_TARGETS = _pairs(
    "full_name=full_name; given_name=given_name; additional_names=additional_names; "
    "family_name=family_name; prefix=prefix; suffix=suffix; nickname=nickname; "
    "organization=organization; department=department; title=title; role=role; email=email; "
    "work_email=email:work; home_email=email:home; phone=phone; mobile=phone:cell; "
    "work_phone=phone:work; home_phone=phone:home; fax=phone:fax; street=address:street; "
    "city=address:city; region=address:region; postal_code=address:postal_code; "
    "country=address:country; url=url; birthday=birthday; tags=tags; note=note"
)
MAPPABLE_FIELDS: tuple[str, ...] = (*_TARGETS, "ignore")


def _mapped_specs(headers: list[str], mapping: dict[str, str]) -> list[Spec | None]:
    unknown = sorted(set(mapping.values()) - set(MAPPABLE_FIELDS))
    if unknown:
        raise ValueError(f"unknown mapping target(s): {', '.join(unknown)}")
    by_norm = {_norm(k): v for k, v in mapping.items()}
    specs: list[Spec | None] = []
    for index, header in enumerate(headers):
        target = mapping.get(header) or by_norm.get(_norm(header)) or "ignore"
        if target == "ignore":
            specs.append(None)
            continue
        name, _, part = _TARGETS[target].partition(":")
        mapped = ("address", "mapped", part, "") if name == "address" else None
        specs.append(mapped or _target_spec(_TARGETS[target], f"column{index}"))
    return specs


_GUESS_EXACT = _pairs(
    "name=full_name; full name=full_name; nombre completo=full_name; prefix=prefix; "
    "name prefix=prefix; tratamiento=prefix; suffix=suffix; name suffix=suffix; sufijo=suffix; "
    "middle name=additional_names; segundo nombre=additional_names; role=role; rol=role"
)
# Tried in order on the accent-free, lower-case header: "Teléfono móvil" is a mobile, not a phone.
_GUESS_RULES = _pairs(
    r"mobile=\b(mobile|movil|cell|celular)\b; fax=\bfax\b; email=mail|correo; "
    r"phone=phone|telefono|\btel\b|fono; birthday=birth|cumpleanos|nacimiento; "
    r"note=\bnotes?\b|\bnotas?\b|comment|comentario|observacion; "
    r"family_name=surname|last name|family|apellido; "
    r"given_name=first name|given|nombre de pila|^nombre$; nickname=nickname|apodo|alias; "
    r"department=department|departamento; organization=company|empresa|organi[sz]|compania; "
    r"title=job|cargo|puesto|position|title|titulo; url=\bweb\b|website|url|sitio|pagina; "
    r"postal_code=postal code|postcode|zip|codigo postal|^cp$; "
    r"city=city|ciudad|localidad|poblacion|town|municipio; "
    r"region=state|province|provincia|region|estado; country=country|pais; "
    r"street=street|calle|direccion|address|domicilio; "
    r"tags=tag|label|etiqueta|categor|group|grupo"
)


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """A first guess (English or Spanish header names) to pre-fill the column-mapping dialog."""
    guess: dict[str, str] = {}
    for header in headers:
        plain = plain_text(header)
        rules = (t for t, pattern in _GUESS_RULES.items() if re.search(pattern, plain))
        guess[header] = _GUESS_EXACT.get(plain) or next(rules, "ignore")
    if "family_name" not in guess.values():  # a lone "Nombre" is the whole name
        guess.update({h: "full_name" for h in guess if plain_text(h) == "nombre"})
    return guess


def _rows(text: str, layout: CsvLayout, specs: list[Spec | None]) -> Iterator[CsvRow]:
    records = _records(text, layout.delimiter)
    for _ in range(layout.header_index + 1):
        next(records, None)
    for position, record in enumerate(records, start=1):
        if record is None:
            yield CsvRow(position, None, [], "the row could not be read as CSV")
            continue
        if _is_blank(record):
            continue
        warnings = []
        if len(record) != len(specs):
            warnings.append(f"the row has {len(record)} fields, the header {len(specs)}")
        contact = _build(record, specs, layout.kind, warnings)
        ok = _has_identity(contact)
        yield CsvRow(position, contact if ok else None, warnings, None if ok else NO_IDENTITY)


def read_csv(raw: bytes, mapping: dict[str, str] | None = None) -> Iterator[CsvRow]:
    """Contacts from CSV bytes, one CsvRow per data row.

    Raises CsvFormatUnknown (at once, not on first iteration) when the layout is not recognised
    and no ``mapping`` (CSV header → one of MAPPABLE_FIELDS) is given, or the mapping uses none
    of the file's columns.
    """
    layout, text = _sniff(raw)
    if mapping is not None:
        specs = _mapped_specs(layout.headers, mapping)
        layout.kind = None  # a mapped file is read as a plain one, whatever it resembled
    else:
        kind = layout.kind
        specs = [_spec(header, kind) for header in layout.headers] if kind else []
    if not any(specs):
        raise CsvFormatUnknown(layout.headers, layout.delimiter, layout.encoding)
    return _rows(text, layout, specs)
