"""Moving a ContactData in and out of the ORM rows of one contact."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, undefer
from sqlalchemy.orm.interfaces import LoaderOption

from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)
from netdesk.domain.match_keys import email_key, phone_keys
from netdesk.store.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactUrl,
    Tag,
)

SCALAR_FIELDS = (
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
    "note",
    "uid",
)


def tags_by_name(session: Session, names: list[str]) -> list[Tag]:
    wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    if not wanted:
        return []
    found = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    result = []
    for name in wanted:
        tag = found.get(name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        result.append(tag)
    return result


def apply_data(session: Session, contact: Contact, data: ContactData, region: str) -> None:
    """Make the rows of ``contact`` say exactly what ``data`` says."""
    contact.full_name = data.display_name()
    for name in SCALAR_FIELDS:
        setattr(contact, name, getattr(data, name) or "")
    contact.birthday = data.birthday or None
    contact.vcard_extra = json.dumps(data.extra, ensure_ascii=False) if data.extra else None
    contact.vcard_version = data.version or None
    contact.photo = data.photo
    contact.photo_mime = data.photo_mime if data.photo else None
    contact.emails = [
        ContactEmail(
            position=i, value=e.value, kind=e.kind, pref=e.pref, match_key=email_key(e.value)
        )
        for i, e in enumerate(data.emails)
        if e.value.strip()
    ]
    contact.phones = [
        _phone_row(i, p, region) for i, p in enumerate(data.phones) if p.value.strip()
    ]
    contact.addresses = [
        ContactAddress(
            position=i,
            kind=a.kind,
            po_box=a.po_box,
            extended=a.extended,
            street=a.street,
            city=a.city,
            region=a.region,
            postal_code=a.postal_code,
            country=a.country,
            label=a.label,
        )
        for i, a in enumerate(data.addresses)
        if not a.is_empty()
    ]
    contact.urls = [
        ContactUrl(position=i, value=u.value, kind=u.kind)
        for i, u in enumerate(data.urls)
        if u.value.strip()
    ]
    contact.tags = tags_by_name(session, data.tags)
    contact.primary_email = _primary([(e.value, e.pref) for e in data.emails])
    contact.primary_phone = _primary([(p.value, p.pref) for p in data.phones])


def _phone_row(position: int, phone: PhoneNumber, region: str) -> ContactPhone:
    key, digits = phone_keys(phone.value, region)
    return ContactPhone(
        position=position,
        value=phone.value,
        kind=phone.kind,
        pref=phone.pref,
        match_key=key,
        digits=digits,
    )


def _primary(values: list[tuple[str, bool]]) -> str:
    present = [(v.strip(), pref) for v, pref in values if v.strip()]
    for value, pref in present:
        if pref:
            return value
    return present[0][0] if present else ""


def whole_contacts() -> tuple[LoaderOption, ...]:
    """Loader options for reading contacts in full (``to_data``): every child row, the photo and
    the kept vCard lines in a few queries for the lot. Without them each contact's two
    deferred columns were a query each: 2,000 per first sync of 2,000 contacts, 200,000 per
    export of 100,000."""
    return (
        undefer(Contact.photo),
        undefer(Contact.vcard_extra),
        selectinload(Contact.emails),
        selectinload(Contact.phones),
        selectinload(Contact.addresses),
        selectinload(Contact.urls),
        selectinload(Contact.tags),
    )


def to_data(contact: Contact, *, heavy: bool = True) -> ContactData:
    """The contact's data. ``heavy=False`` leaves out the photo and the kept vCard lines, two
    deferred columns that would cost a query each per contact (a listing needs neither)."""
    data = ContactData(
        full_name=contact.full_name,
        birthday=contact.birthday,
        photo=contact.photo if heavy else None,
        photo_mime=contact.photo_mime if heavy else None,
        emails=[EmailAddress(e.value, e.kind, e.pref) for e in contact.emails],
        phones=[PhoneNumber(p.value, p.kind, p.pref) for p in contact.phones],
        addresses=[
            PostalAddress(
                kind=a.kind,
                po_box=a.po_box,
                extended=a.extended,
                street=a.street,
                city=a.city,
                region=a.region,
                postal_code=a.postal_code,
                country=a.country,
                label=a.label,
            )
            for a in contact.addresses
        ],
        urls=[WebAddress(u.value, u.kind) for u in contact.urls],
        tags=[t.name for t in contact.tags],
    )
    for name in SCALAR_FIELDS:
        setattr(data, name, getattr(contact, name) or "")
    data.version = contact.vcard_version or ""
    if heavy and contact.vcard_extra:
        try:
            kept = json.loads(contact.vcard_extra)
        except ValueError:
            kept = []
        data.extra = [str(line) for line in kept] if isinstance(kept, list) else []
    return data
