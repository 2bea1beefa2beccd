"""Recognising people who are already in the book.

A *sure* match shares an e-mail (case-insensitive) or a phone number (normalised to E.164 for the
user's region) and is merged. A *suggestion* has a close name at the same organisation — two
"J. García" at one firm may be different people — and is left for the user to decide.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, select

from netdesk.domain.contact_data import ContactData
from netdesk.domain.match_keys import email_key, phone_key
from netdesk.store.models import Contact, ContactEmail, ContactPhone

NAME_SIMILARITY = 85.0


@dataclass(frozen=True)
class Match:
    contact_id: int
    sure: bool
    reason: str  # "same e-mail a@b.c", "same phone +34…", "similar name at Acme"


def keys_of(data: ContactData, region: str) -> tuple[set[str], set[str]]:
    emails = {email_key(e.value) for e in data.emails if "@" in e.value}
    phones = {k for k in (phone_key(p.value, region) for p in data.phones) if k}
    return emails, phones


@lru_cache(maxsize=65536)
def _normal(name: str) -> str:
    """Lower case, accents folded, spaces collapsed: "Lucía  Pérez" ~ "lucia perez"."""
    if name.isascii():
        return " ".join(name.lower().split())
    folded = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(plain.split())


class _People:
    """The people of one organisation: parallel lists for rapidfuzz, an index for updates."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.names: list[str] = []
        self._at: dict[int, int] = {}

    def put(self, contact_id: int, name: str) -> None:
        where = self._at.get(contact_id)
        if where is None:
            self._at[contact_id] = len(self.ids)
            self.ids.append(contact_id)
            self.names.append(name)
        else:
            self.names[where] = name

    def rename(self, provisional: dict[int, int]) -> None:
        for i, cid in enumerate(self.ids):
            if cid in provisional:
                real = provisional[cid]
                self.ids[i] = real
                self._at[real] = self._at.pop(cid)


class DuplicateFinder:
    """Looks up stored contacts by key; one instance serves one chunk of incoming cards."""

    def __init__(self, conn: Connection, region: str) -> None:
        self.conn = conn
        self.region = region
        self._email: dict[str, int] = {}
        self._phone: dict[str, int] = {}
        # organisation (normalised) → the people there, for fuzzy name suggestions
        self._by_org: dict[str, _People] = defaultdict(_People)

    def preload(self, cards: Iterable[ContactData]) -> None:
        """Fetch, in a few queries, every stored contact that could match these cards."""
        emails: set[str] = set()
        phones: set[str] = set()
        orgs: set[str] = set()
        for data in cards:
            e, p = keys_of(data, self.region)
            emails |= e
            phones |= p
            if data.organization.strip():
                orgs.add(data.organization.strip())
        for key, cid in self._lookup(ContactEmail.match_key, ContactEmail.contact_id, emails):
            self._email.setdefault(key, cid)
        for key, cid in self._lookup(ContactPhone.match_key, ContactPhone.contact_id, phones):
            self._phone.setdefault(key, cid)
        for org, cid, name in self._orgs(orgs):
            self._add_person(org, cid, name)

    def _add_person(self, org: str, contact_id: int, name: str) -> None:
        self._by_org[_normal(org)].put(contact_id, _normal(name))

    def _lookup(self, key_col: object, id_col: object, keys: set[str]) -> list[tuple[str, int]]:
        found: list[tuple[str, int]] = []
        ordered = sorted(keys)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            stmt = (
                select(key_col, id_col)  # type: ignore[call-overload]
                .where(key_col.in_(chunk))  # type: ignore[attr-defined]
                .order_by(id_col)
            )
            found.extend((str(k), int(c)) for k, c in self.conn.execute(stmt))
        return found

    def _orgs(self, orgs: set[str]) -> list[tuple[str, int, str]]:
        found: list[tuple[str, int, str]] = []
        ordered = sorted(orgs)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            stmt = select(Contact.organization, Contact.id, Contact.full_name).where(
                Contact.organization.in_(chunk)
            )
            found.extend((str(o), int(i), str(n)) for o, i, n in self.conn.execute(stmt))
        return found

    def remember(self, contact_id: int, data: ContactData) -> None:
        """Make a contact written in this batch findable by the cards that follow it."""
        emails, phones = keys_of(data, self.region)
        for key in emails:
            self._email.setdefault(key, contact_id)
        for key in phones:
            self._phone.setdefault(key, contact_id)
        if data.organization.strip():
            self._add_person(data.organization, contact_id, data.display_name())

    def resolve(self, provisional: dict[int, int]) -> None:
        """Replace the provisional (negative) ids of just-written contacts by their real ids."""
        for index in (self._email, self._phone):
            for key, cid in index.items():
                if cid in provisional:
                    index[key] = provisional[cid]
        for people in self._by_org.values():
            people.rename(provisional)

    def find(self, data: ContactData) -> Match | None:
        emails, phones = keys_of(data, self.region)
        for key in sorted(emails):
            if key in self._email:
                return Match(self._email[key], True, f"same e-mail {key}")
        for key in sorted(phones):
            if key in self._phone:
                return Match(self._phone[key], True, f"same phone {key}")
        org = _normal(data.organization)
        name = _normal(data.display_name())
        if org and name and name != org and org in self._by_org:
            people = self._by_org[org]
            best = process.extractOne(
                name, people.names, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_SIMILARITY
            )
            if best is not None:
                reason = f"similar name at {data.organization.strip()}"
                return Match(people.ids[best[2]], False, reason)
        return None
