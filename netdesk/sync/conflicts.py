"""Settling a sync conflict field by field, on this computer, in a way that can be undone.

A conflict (netdesk.sync.state) holds the card as this computer had it and as the server had it.
:func:`open_conflicts` lays the two side by side per field; :func:`merge` builds the contact
from the side the user picked for each field ("both" keeps every value of a multi-valued one);
:func:`resolve_here` saves it and leaves the card's sync state pointing at the server version
the user saw, so the next sync uploads the choice over that version's ETag. No password or
network is needed to choose. If the server copy changed again meanwhile, that upload is refused
and the next sync records a fresh conflict: nothing is overwritten unseen.
:func:`undo_resolution` puts the contact, the sync state and the conflict back.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from netdesk.app.contacts import ContactBook
from netdesk.domain.contact_data import ContactData, PostalAddress
from netdesk.domain.match_keys import default_region
from netdesk.domain.merge import merge_contact
from netdesk.store.db import Database
from netdesk.store.sync_models import Account, SyncConflict
from netdesk.sync.engine import card_hash, parse_card
from netdesk.sync.state import CardState, CardStore

Side = Literal["local", "remote", "both"]

SCALAR_FIELDS = (
    "full_name",
    "prefix",
    "given_name",
    "additional_names",
    "family_name",
    "suffix",
    "nickname",
    "organization",
    "department",
    "title",
    "role",
    "birthday",
)
# Fields that hold several values (a note holds paragraphs): these may keep "both" sides.
MULTI_FIELDS = ("emails", "phones", "addresses", "urls", "tags", "note")
FIELDS = (*SCALAR_FIELDS, *MULTI_FIELDS, "photo")


@dataclass(frozen=True)
class FieldVersions:
    """One field on both sides, as lines to show (every value of a multi-valued field)."""

    key: str
    local: tuple[str, ...]
    remote: tuple[str, ...]
    differs: bool

    @property
    def multi(self) -> bool:
        return self.key in MULTI_FIELDS


@dataclass(frozen=True)
class OpenConflict:
    id: int
    account: str
    contact_id: int | None
    local: ContactData  # the contact as it is here now (edits since the conflict included)
    remote: ContactData  # the server's version the conflict recorded
    remote_etag: str | None  # which server version that is
    fields: tuple[FieldVersions, ...]  # fields set on at least one side

    @property
    def name(self) -> str:
        return self.local.display_name() or self.remote.display_name()

    @property
    def differing(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.differs)


@dataclass(frozen=True)
class Resolution:
    """What :func:`resolve_here` changed, kept so that :func:`undo_resolution` can restore it."""

    account_id: int
    href: str
    contact_id: int
    created: bool  # the contact had been deleted here, so the resolution made it again
    before: ContactData | None
    state: CardState | None
    chosen: ContactData
    local_vcard: str
    remote_vcard: str
    remote_etag: str | None


# -- showing -----------------------------------------------------------------------------------
def _address_line(a: PostalAddress) -> str:
    parts = [a.po_box, a.extended, a.street, a.postal_code, a.city, a.region, a.country]
    text = ", ".join(p.strip() for p in parts if p and p.strip()) or a.label.strip()
    return f"{text} ({a.kind})" if a.kind else text


def lines(data: ContactData, key: str) -> tuple[str, ...]:
    """The field's values as the user reads them, one line per value."""
    if key == "emails":
        return tuple(f"{e.value} ({e.kind})" if e.kind else e.value for e in data.emails)
    if key == "phones":
        return tuple(f"{p.value} ({p.kind})" if p.kind else p.value for p in data.phones)
    if key == "urls":
        return tuple(f"{u.value} ({u.kind})" if u.kind else u.value for u in data.urls)
    if key == "addresses":
        return tuple(_address_line(a) for a in data.addresses if not a.is_empty())
    if key == "tags":
        return tuple(data.tags)
    if key == "photo":
        if data.photo is None:
            return ()
        return (f"{data.photo_mime or 'image'}, {max(1, len(data.photo) // 1024)} KB",)
    value = getattr(data, key) or ""
    return tuple(value.strip().splitlines()) if value.strip() else ()


def _value(data: ContactData, key: str) -> object:
    if key == "photo":
        return (data.photo, data.photo_mime if data.photo is not None else None)
    if key == "addresses":
        return [a for a in data.addresses if not a.is_empty()]
    value = getattr(data, key)
    return value.strip() if isinstance(value, str) else (value or None)


def compare(local: ContactData, remote: ContactData) -> tuple[FieldVersions, ...]:
    rows = []
    for key in FIELDS:
        mine, theirs = lines(local, key), lines(remote, key)
        if mine or theirs:
            differs = _value(local, key) != _value(remote, key)
            rows.append(FieldVersions(key, mine, theirs, differs))
    return tuple(rows)


def open_conflicts(db: Database) -> list[OpenConflict]:
    """Every open conflict whose two versions can be read, oldest first."""
    found = []
    with db.session() as session:
        names: dict[int, str] = {i: n for i, n in session.execute(select(Account.id, Account.name))}
        rows = list(session.scalars(select(SyncConflict).order_by(SyncConflict.id)))
    for row in rows:
        store = CardStore(db, row.account_id)
        local = store.local(row.contact_id) or parse_card(row.local_vcard)
        remote = parse_card(row.remote_vcard)
        if local is None or remote is None:
            continue
        found.append(
            OpenConflict(
                row.id,
                names.get(row.account_id, ""),
                row.contact_id,
                local,
                remote,
                row.remote_etag,
                compare(local, remote),
            )
        )
    return found


class ConflictChanged(Exception):
    """A sync brought a newer server version into the conflict after the user looked at it."""


_UNCHECKED = object()


# -- choosing ----------------------------------------------------------------------------------
def merge(
    local: ContactData,
    remote: ContactData,
    choices: Mapping[str, Side],
    region: str | None = None,
) -> ContactData:
    """This computer's version, with each field in ``choices`` taken from the side chosen.

    "both" keeps every distinct value of a multi-valued field (this computer's first); for a
    single-valued field it means this computer's value.
    """
    result = copy.deepcopy(local)
    for key, side in choices.items():
        if key not in FIELDS:
            raise ValueError(f"no contact field {key!r}")
        if side == "remote":
            if key == "photo":
                result.photo, result.photo_mime = remote.photo, remote.photo_mime
            else:
                setattr(result, key, copy.deepcopy(getattr(remote, key)))
        elif side == "both" and key in MULTI_FIELDS:
            mine, theirs = ContactData(), ContactData()
            setattr(mine, key, copy.deepcopy(getattr(local, key)))
            setattr(theirs, key, copy.deepcopy(getattr(remote, key)))
            both = merge_contact(mine, theirs, region or default_region())
            setattr(result, key, getattr(both, key))
        elif side not in ("local", "both"):
            raise ValueError(f"choose 'local', 'remote' or 'both', not {side!r}")
    return result


def resolve_here(
    db: Database, conflict_id: int, chosen: ContactData, seen_etag: object = _UNCHECKED
) -> Resolution:
    """Save ``chosen`` for the conflict's contact and close the conflict; the next sync sends it.

    ``seen_etag`` is the server version the user chose against (OpenConflict.remote_etag): when
    a sync has put a newer one into the conflict since, ConflictChanged is raised. Raises
    LookupError for a conflict no longer open and ValidationError for a contact that cannot be
    saved; in all three cases nothing changed.
    """
    with db.session() as session:
        row = session.get(SyncConflict, conflict_id)
        if row is None:
            raise LookupError(f"no sync conflict with id {conflict_id}")
        if seen_etag is not _UNCHECKED and seen_etag != row.remote_etag:
            raise ConflictChanged("the server's version changed since it was shown")
        account_id, href, contact_id = row.account_id, row.href, row.contact_id
        local_vcard, remote_vcard, remote_etag = row.local_vcard, row.remote_vcard, row.remote_etag
    store = CardStore(db, account_id)
    state = store.state(href)
    before = store.local(contact_id)
    remote = parse_card(remote_vcard)
    data = copy.deepcopy(chosen)
    data.uid = (
        (state.uid if state else "")
        or data.uid
        or (before.uid if before else "")
        or (remote.uid if remote else "")
    )
    book = ContactBook(db)
    created = before is None or contact_id is None
    if created:
        contact_id = book.create(data)
    else:
        assert contact_id is not None
        book.update(contact_id, data)
    saved = store.local(contact_id)
    assert saved is not None
    if remote is not None:
        remote.uid = data.uid
        # the server's version is the base: what differs from it is uploaded at the next sync
        base = card_hash(saved) if card_hash(data) == card_hash(remote) else card_hash(remote)
    else:
        base = state.synced_hash if state else ""
    store.save(href, contact_id=contact_id, etag=remote_etag, synced_hash=base, uid=data.uid)
    store.drop_conflicts(conflict_id=conflict_id)
    return Resolution(
        account_id,
        href,
        contact_id,
        created,
        before,
        state,
        data,
        local_vcard,
        remote_vcard,
        remote_etag,
    )


def undo_resolution(db: Database, done: Resolution) -> int | None:
    """Put the contact and its sync state back and reopen the conflict; returns its new id.

    None when the account is gone (then only the contact is put back).
    """
    book = ContactBook(db)
    if done.created:
        book.delete([done.contact_id])
    elif done.before is not None:
        book.update(done.contact_id, done.before)
    store = CardStore(db, done.account_id)
    with db.session() as session:
        if session.get(Account, done.account_id) is None:
            return None
    if done.state is None:
        store.drop(done.href)
    else:
        s = done.state
        store.save(
            s.href, contact_id=s.contact_id, etag=s.etag, synced_hash=s.synced_hash, uid=s.uid
        )
    store.drop_conflicts(href=done.href)
    with db.session() as session:
        row = SyncConflict(
            account_id=done.account_id,
            contact_id=None if done.created else done.contact_id,
            href=done.href,
            local_vcard=done.local_vcard,
            remote_vcard=done.remote_vcard,
            remote_etag=done.remote_etag,
        )
        session.add(row)
        session.flush()
        return row.id


__all__ = [
    "FIELDS",
    "MULTI_FIELDS",
    "ConflictChanged",
    "FieldVersions",
    "OpenConflict",
    "Resolution",
    "Side",
    "compare",
    "lines",
    "merge",
    "open_conflicts",
    "resolve_here",
    "undo_resolution",
]
