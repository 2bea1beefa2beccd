"""ContactData to and from plain JSON values, for undo records that must survive a restart."""

from __future__ import annotations

import base64
from dataclasses import asdict
from typing import Any

from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)


def to_json(data: ContactData) -> dict[str, Any]:
    raw = asdict(data)
    raw["photo"] = base64.b64encode(data.photo).decode("ascii") if data.photo else None
    return raw


def from_json(raw: dict[str, Any]) -> ContactData:
    values = dict(raw)
    photo = values.pop("photo", None)
    emails = [EmailAddress(**e) for e in values.pop("emails", [])]
    phones = [PhoneNumber(**p) for p in values.pop("phones", [])]
    addresses = [PostalAddress(**a) for a in values.pop("addresses", [])]
    urls = [WebAddress(**u) for u in values.pop("urls", [])]
    known = set(ContactData.__dataclass_fields__)
    data = ContactData(**{k: v for k, v in values.items() if k in known})
    data.emails, data.phones, data.addresses, data.urls = emails, phones, addresses, urls
    data.photo = base64.b64decode(photo) if photo else None
    return data
