"""The full editable record of one contact, independent of storage and file formats.

The vCard/CSV readers produce it, the contact dialog edits it, the store persists it and the
exporters write it back out, so every field a card can carry has exactly one home here.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EmailAddress:
    value: str
    kind: str = ""  # "home", "work", "other" or a free label ("@work")
    pref: bool = False


@dataclass
class PhoneNumber:
    value: str  # as written on the card; normalisation happens when matching
    kind: str = ""  # "cell", "work", "home", "fax", "work fax", "pager", a free label …
    pref: bool = False


@dataclass
class PostalAddress:
    kind: str = ""
    po_box: str = ""
    extended: str = ""
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    label: str = ""

    def is_empty(self) -> bool:
        return not any(
            (
                self.po_box,
                self.extended,
                self.street,
                self.city,
                self.region,
                self.postal_code,
                self.country,
                self.label,
            )
        )


@dataclass
class WebAddress:
    value: str
    kind: str = ""


@dataclass
class ContactData:
    full_name: str = ""
    given_name: str = ""
    family_name: str = ""
    additional_names: str = ""
    prefix: str = ""
    suffix: str = ""
    nickname: str = ""
    organization: str = ""
    department: str = ""
    title: str = ""
    role: str = ""
    note: str = ""
    birthday: str | None = None  # ISO "YYYY-MM-DD" or "--MM-DD" when the year is unknown
    emails: list[EmailAddress] = field(default_factory=list)
    phones: list[PhoneNumber] = field(default_factory=list)
    addresses: list[PostalAddress] = field(default_factory=list)
    urls: list[WebAddress] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    photo: bytes | None = None
    photo_mime: str | None = None
    uid: str = ""  # the card's UID when it had one; kept for sync and re-import
    # What netdesk does not model, kept so other programs lose nothing: the card's unfolded
    # content lines (X- fields, groups and their labels, vCard 4.0 properties, IMPP…) exactly
    # as read, and the version the card was written in (sync writes edits back in it).
    extra: list[str] = field(default_factory=list)
    version: str = ""

    def display_name(self) -> str:
        """FN, else a name built from N, else the organisation, the first e-mail, phone,
        nickname or web address — whatever the card offers first."""
        if self.full_name.strip():
            return self.full_name.strip()
        parts = [self.prefix, self.given_name, self.additional_names, self.family_name, self.suffix]
        built = " ".join(p.strip() for p in parts if p and p.strip())
        if built:
            return built
        if self.organization.strip():
            return self.organization.strip()
        for value in (
            *(e.value for e in self.emails),
            *(p.value for p in self.phones),
            self.nickname,
            *(u.value for u in self.urls),
        ):
            if value.strip():
                return value.strip()
        return ""
