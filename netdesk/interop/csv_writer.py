"""Writing contacts as CSV in netdesk's own column layout.

The layout is spreadsheet-friendly (one row per contact, numbered columns for repeated items) and
complete: ``csv_reader`` recognises it as kind "netdesk", so export → import keeps every field —
the photo as a ``data:`` URI, and the lines of a synced card netdesk does not model (with the
card's version) one per line in a cell of their own. Cells that a spreadsheet would run as
formulas are written as text (``defuse``), and read back exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from netdesk.domain.contact_data import ContactData, PostalAddress
from netdesk.interop.data_uri import picture_uri

__all__ = [
    "ADDRESS_PARTS",
    "FORMULA_STARTS",
    "NETDESK_SCALARS",
    "TAG_SEPARATOR",
    "defuse",
    "netdesk_headers",
    "restore_defused",
    "write_csv",
]

TAG_SEPARATOR = " ; "

# (column suffix, PostalAddress attribute) in the order the columns appear.
ADDRESS_PARTS: tuple[tuple[str, str], ...] = (
    ("kind", "kind"),
    ("PO box", "po_box"),
    ("extended", "extended"),
    ("street", "street"),
    ("city", "city"),
    ("region", "region"),
    ("postal code", "postal_code"),
    ("country", "country"),
    ("formatted", "label"),
)

# (header, ContactData attribute) of the single-valued columns, in the order they appear; the
# first eleven lead the row, the rest close it after the repeated e-mail/phone/address/URL columns.
NETDESK_SCALARS: tuple[tuple[str, str], ...] = (
    ("Name", "full_name"),
    ("Given name", "given_name"),
    ("Family name", "family_name"),
    ("Additional names", "additional_names"),
    ("Prefix", "prefix"),
    ("Suffix", "suffix"),
    ("Nickname", "nickname"),
    ("Organisation", "organization"),
    ("Department", "department"),
    ("Title", "title"),
    ("Role", "role"),
    ("Birthday", "birthday"),
    ("Tags", "tags"),
    ("Note", "note"),
    ("UID", "uid"),
    ("Photo", "photo"),
    ("vCard version", "version"),
    ("Other vCard lines", "extra"),
)
_LEADING = NETDESK_SCALARS[:11]
_TRAILING = NETDESK_SCALARS[11:]


def _cell(contact: ContactData, attribute: str) -> str:
    if attribute == "tags":
        return TAG_SEPARATOR.join(t.strip() for t in contact.tags if t.strip())
    if attribute == "photo":
        if not contact.photo:
            return ""
        return picture_uri(contact.photo, contact.photo_mime)
    if attribute == "extra":
        return "\n".join(contact.extra)
    value = getattr(contact, attribute)
    return value if isinstance(value, str) else ""


def netdesk_headers(emails: int, phones: int, addresses: int, urls: int) -> list[str]:
    """The header row for the given number of e-mail, phone, address and URL slots."""
    headers = [name for name, _ in _LEADING]
    for i in range(1, emails + 1):
        headers += [f"E-mail {i}", f"E-mail {i} kind", f"E-mail {i} preferred"]
    for i in range(1, phones + 1):
        headers += [f"Phone {i}", f"Phone {i} kind", f"Phone {i} preferred"]
    for i in range(1, addresses + 1):
        headers += [f"Address {i} {suffix}" for suffix, _ in ADDRESS_PARTS]
    for i in range(1, urls + 1):
        headers += [f"URL {i}", f"URL {i} kind"]
    headers += [name for name, _ in _TRAILING]
    return headers


def _pad(cells: list[str], slots: int, width: int) -> list[str]:
    return cells + [""] * (slots * width - len(cells))


def _address_cells(address: PostalAddress) -> list[str]:
    return [str(getattr(address, attr)) for _, attr in ADDRESS_PARTS]


# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text: a leading ' before a formula's first
    character (and before a ' that one would otherwise be taken for); ``csv_reader`` removes it
    again when it reads netdesk's own export, so the round trip keeps the text exactly."""
    if cell.startswith(FORMULA_STARTS) or (cell[:1] == "'" and cell[1:2] in (*FORMULA_STARTS, "'")):
        return "'" + cell
    return cell


def restore_defused(cell: str) -> str:
    """The inverse of ``defuse``."""
    if cell[:1] == "'" and cell[1:2] in (*FORMULA_STARTS, "'"):
        return cell[1:]
    return cell


def write_csv(contacts: Iterable[ContactData]) -> str:
    """All contacts as CSV text (CRLF rows); save it as UTF-8 with a BOM so Excel reads accents."""
    rows = list(contacts)
    addresses_of = [[a for a in c.addresses if not a.is_empty()] for c in rows]
    n_emails = max([len(c.emails) for c in rows] + [1])
    n_phones = max([len(c.phones) for c in rows] + [1])
    n_addresses = max([len(a) for a in addresses_of] + [1])
    n_urls = max([len(c.urls) for c in rows] + [1])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(netdesk_headers(n_emails, n_phones, n_addresses, n_urls))
    for contact, addresses in zip(rows, addresses_of, strict=True):
        row = [_cell(contact, attribute) for _, attribute in _LEADING]
        emails: list[str] = []
        for email in contact.emails:
            emails += [email.value, email.kind, "yes" if email.pref else ""]
        phones: list[str] = []
        for phone in contact.phones:
            phones += [phone.value, phone.kind, "yes" if phone.pref else ""]
        places: list[str] = []
        for address in addresses:
            places += _address_cells(address)
        links: list[str] = []
        for url in contact.urls:
            links += [url.value, url.kind]
        row += _pad(emails, n_emails, 3)
        row += _pad(phones, n_phones, 3)
        row += _pad(places, n_addresses, len(ADDRESS_PARTS))
        row += _pad(links, n_urls, 2)
        row += [_cell(contact, attribute) for _, attribute in _TRAILING]
        writer.writerow([defuse(cell) for cell in row])
    return out.getvalue()
