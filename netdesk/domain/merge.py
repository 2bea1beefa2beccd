"""Merging two records of the same person without losing anything either of them says."""

from __future__ import annotations

import copy
import re

from netdesk.domain.contact_data import ContactData, PostalAddress
from netdesk.domain.match_keys import email_key, phone_key

_SCALARS = (
    "full_name",
    "given_name",
    "family_name",
    "additional_names",
    "prefix",
    "suffix",
    "nickname",
    "organization",
    "department",
    "title",
    "role",
    "uid",
)


def _address_key(a: PostalAddress) -> tuple[str, ...]:
    return tuple(
        " ".join(v.lower().split())
        for v in (a.po_box, a.extended, a.street, a.city, a.region, a.postal_code, a.country)
    )


# A national number written without its country code is the same phone as the international
# form that ends with it ("600 12 34 56" and "+34 600 12 34 56" when the region is not Spain).
_MIN_NATIONAL = 6


def _known_phone(key: str, seen: set[str]) -> bool:
    if key in seen:
        return True
    if not key.isdigit() and not key.startswith("+"):
        return False
    digits = key.lstrip("+")
    for other in seen:
        tail, full = (digits, other) if not key.startswith("+") else (other, key)
        national = tail.isdigit() and len(tail) >= _MIN_NATIONAL and full.startswith("+")
        if national and full[1:].endswith(tail) and len(full) - 1 - len(tail) <= 3:
            return True
    return False


_X_PREFIX = re.compile(r"^((?:[A-Za-z0-9-]+\.)?)X-", re.IGNORECASE)


def kept_line_key(line: str) -> tuple[str, str]:
    """What a kept vCard line says, whatever version wrote it: its group and name (without the
    X- an export adds where its version lacks the property) and its value (spaces aside, as in
    2.1's base64). ``ANNIVERSARY:2010`` and ``X-ANNIVERSARY:2010`` say the same."""
    head, _, value = line.partition(":")
    name = _X_PREFIX.sub(r"\1", head.split(";", 1)[0]).upper()
    return name, "".join(value.split())


def merge_contact(existing: ContactData, incoming: ContactData, region: str) -> ContactData:
    """``existing`` completed with everything new in ``incoming``.

    Names and titles already set are kept (the user may have corrected them); empty ones are
    filled. Every distinct e-mail, phone, address, web link and tag is kept; a note that adds
    something is appended.
    """
    merged = copy.deepcopy(existing)
    for name in _SCALARS:
        if not getattr(merged, name) and getattr(incoming, name):
            setattr(merged, name, getattr(incoming, name))
    if not merged.birthday and incoming.birthday:
        merged.birthday = incoming.birthday
    if merged.photo is None and incoming.photo is not None:
        merged.photo = incoming.photo
        merged.photo_mime = incoming.photo_mime

    seen_emails = {email_key(e.value) for e in merged.emails}
    for e in incoming.emails:
        if email_key(e.value) not in seen_emails:
            merged.emails.append(copy.copy(e))
            seen_emails.add(email_key(e.value))

    seen_phones = {phone_key(p.value, region) or p.value.strip() for p in merged.phones}
    for p in incoming.phones:
        key = phone_key(p.value, region) or p.value.strip()
        if not _known_phone(key, seen_phones):
            merged.phones.append(copy.copy(p))
            seen_phones.add(key)

    seen_addresses = {_address_key(a) for a in merged.addresses}
    for a in incoming.addresses:
        if _address_key(a) not in seen_addresses and not a.is_empty():
            merged.addresses.append(copy.copy(a))
            seen_addresses.add(_address_key(a))

    # What netdesk does not model, from both cards (written back with the merged contact).
    have = {kept_line_key(line) for line in merged.extra}
    new_lines = [line for line in incoming.extra if kept_line_key(line) not in have]
    merged.extra.extend(new_lines)
    if new_lines or merged.extra:  # the version says how to write those lines back
        merged.version = merged.version or incoming.version

    seen_urls = {u.value.strip().rstrip("/").lower() for u in merged.urls}
    for u in incoming.urls:
        key = u.value.strip().rstrip("/").lower()
        if key not in seen_urls:
            merged.urls.append(copy.copy(u))
            seen_urls.add(key)

    tags = {t.lower() for t in merged.tags}
    merged.tags.extend(t for t in incoming.tags if t.lower() not in tags)

    note = incoming.note.strip()
    if note and note not in merged.note:
        merged.note = f"{merged.note.rstrip()}\n\n{note}" if merged.note.strip() else note
    return merged
