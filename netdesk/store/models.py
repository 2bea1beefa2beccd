"""The database schema as typed SQLAlchemy models.

Children (e-mails, phones, …) live in their own tables so that duplicate matching and search can
use indexes; every child row belongs to exactly one contact and goes with it (ON DELETE CASCADE).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The Core table behind a model, typed as such for bulk statements."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


contact_tag = Table(
    "contact_tag",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)


# The day a contact's keep-in-touch cadence counts from: the last touch, else the day added.
SINCE_SQL = "coalesce(last_touch, date(created_at))"


class Contact(Base):
    __tablename__ = "contact"
    __table_args__ = (
        # The list is sorted by name without case; this index lets SQLite read the first page
        # in order instead of sorting 100,000 rows.
        Index("ix_contact_name_nocase", text("full_name COLLATE NOCASE"), "id"),
        # Keep in touch: contacts in the order their cadence runs out, with what the Today view
        # shows of them, so the most overdue are read from the index alone.
        Index(
            "ix_contact_reconnect_due",
            "reconnect_due",
            "id",
            "full_name",
            "last_touch",
            "cadence_days",
            "tier",
            sqlite_where=text("reconnect_due IS NOT NULL"),
        ),
        # The name of a contact by id without reading its (wide) row: due lists join on it.
        Index("ix_contact_id_name", "id", "full_name"),
        # The few contacts waiting for review, without scanning the table.
        Index("ix_contact_needs_review", "needs_review", sqlite_where=text("needs_review")),
        # Sorting by strength, strongest or weakest first, unscored last (migration 0008).
        Index("ix_contact_strength_down", text("coalesce(strength, -1)"), "id"),
        Index("ix_contact_strength_up", text("coalesce(strength, 101)"), "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String, default="")
    given_name: Mapped[str] = mapped_column(String, default="")
    family_name: Mapped[str] = mapped_column(String, default="")
    additional_names: Mapped[str] = mapped_column(String, default="")
    prefix: Mapped[str] = mapped_column(String, default="")
    suffix: Mapped[str] = mapped_column(String, default="")
    nickname: Mapped[str] = mapped_column(String, default="")
    organization: Mapped[str] = mapped_column(String, default="", index=True)
    department: Mapped[str] = mapped_column(String, default="")
    title: Mapped[str] = mapped_column(String, default="")
    role: Mapped[str] = mapped_column(String, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    birthday: Mapped[str | None] = mapped_column(String(10), nullable=True)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    photo_mime: Mapped[str | None] = mapped_column(String, nullable=True)
    uid: Mapped[str] = mapped_column(String, default="", index=True)
    tier: Mapped[str | None] = mapped_column(String(8), nullable=True)
    cadence_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Denormalised for the list view; kept current by the services that write touchpoints.
    last_touch: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    next_follow_up: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    # When the cadence runs out (None: no cadence); kept by SQLite triggers, see migration 0004.
    reconnect_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    primary_email: Mapped[str] = mapped_column(String, default="")
    primary_phone: Mapped[str] = mapped_column(String, default="")
    # Read from a photo by OCR and not yet confirmed by the user (see netdesk.capture).
    needs_review: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("0"), nullable=False
    )
    # Relationship strength 0-100 from mail, meetings and follow-ups (netdesk.app.strength);
    # stored so the list can sort by it, refreshed after each scan and once a day.
    strength: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    # The card's lines netdesk does not model (JSON list) and its vCard version, written back
    # unchanged when the contact goes out again (netdesk.interop.vcard_writer).
    vcard_extra: Mapped[str | None] = mapped_column(Text, nullable=True, deferred=True)
    vcard_version: Mapped[str | None] = mapped_column(String(3), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    emails: Mapped[list[ContactEmail]] = relationship(
        cascade="all, delete-orphan", order_by="ContactEmail.position", passive_deletes=True
    )
    phones: Mapped[list[ContactPhone]] = relationship(
        cascade="all, delete-orphan", order_by="ContactPhone.position", passive_deletes=True
    )
    addresses: Mapped[list[ContactAddress]] = relationship(
        cascade="all, delete-orphan", order_by="ContactAddress.position", passive_deletes=True
    )
    urls: Mapped[list[ContactUrl]] = relationship(
        cascade="all, delete-orphan", order_by="ContactUrl.position", passive_deletes=True
    )
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tag, order_by="Tag.name")


class ContactEmail(Base):
    __tablename__ = "contact_email"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String, default="")
    pref: Mapped[bool] = mapped_column(Boolean, default=False)
    # lower-cased value for duplicate matching
    match_key: Mapped[str] = mapped_column(String, default="", index=True)


class ContactPhone(Base):
    __tablename__ = "contact_phone"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String, default="")
    pref: Mapped[bool] = mapped_column(Boolean, default=False)
    # E.164 when phonenumbers understands it, else the digits; used for duplicate matching
    match_key: Mapped[str] = mapped_column(String, default="", index=True)
    # the digits as written, so search finds "600123" inside "600 12 34 56"
    digits: Mapped[str] = mapped_column(String, default="")


class ContactAddress(Base):
    __tablename__ = "contact_address"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String, default="")
    po_box: Mapped[str] = mapped_column(String, default="")
    extended: Mapped[str] = mapped_column(String, default="")
    street: Mapped[str] = mapped_column(String, default="")
    city: Mapped[str] = mapped_column(String, default="")
    region: Mapped[str] = mapped_column(String, default="")
    postal_code: Mapped[str] = mapped_column(String, default="")
    country: Mapped[str] = mapped_column(String, default="")
    label: Mapped[str] = mapped_column(String, default="")


class ContactUrl(Base):
    __tablename__ = "contact_url"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String, default="")


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)


class Event(Base):
    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, index=True)
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    place: Mapped[str] = mapped_column(String, default="")
    organiser: Mapped[str] = mapped_column(String, default="", index=True)
    cost: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    hours: Mapped[float] = mapped_column(default=0.0)
    notes: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(String, default="")  # comma separated, few per event
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EventContact(Base):
    """Who was met at which event."""

    __tablename__ = "event_contact"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # the import batch that recorded the meeting, so undoing the batch removes it again
    batch_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Touchpoint(Base):
    __tablename__ = "touchpoint"
    __table_args__ = (
        # A playbook step is scheduled once per contact and event, however often cards re-import.
        Index(
            "uq_touchpoint_playbook_step",
            "contact_id",
            "event_id",
            "playbook_step",
            unique=True,
            sqlite_where=Column("playbook_step").isnot(None),
        ),
        Index("ix_touchpoint_status_due", "status", "due_date"),
        # Everything a due list shows of a planned touchpoint, in due order: index pages only.
        Index(
            "ix_touchpoint_planned",
            "status",
            "due_date",
            "id",
            "contact_id",
            "kind",
            "intent",
            "event_id",
            "note",
            sqlite_where=text("status = 'planned'"),
        ),
        # last touch / next follow-up per contact: without it SQLite walks the status index
        Index("ix_touchpoint_contact_status", "contact_id", "status", "due_date"),
        # Strength counts each contact's done follow-ups of the last year from the index alone.
        Index(
            "ix_touchpoint_done",
            "contact_id",
            "done_date",
            "kind",
            sqlite_where=text("status = 'done'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String)  # thank_you, meeting, share_content, call, note …
    intent: Mapped[str] = mapped_column(String, default="give")  # give, connect, ask
    status: Mapped[str] = mapped_column(String, default="planned")  # planned, done, skipped
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    done_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    channel: Mapped[str] = mapped_column(String, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    playbook_step: Mapped[str | None] = mapped_column(String, nullable=True)
    # the import batch that scheduled it, so undoing the batch removes it again
    batch_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Referral(Base):
    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String)  # given, received
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True
    )
    other_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True
    )
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String, default="open")  # open, meeting, won, lost
    value: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ImportBatch(Base):
    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    files: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of file names
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), nullable=True
    )
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON counts
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class ImportChange(Base):
    """What one batch did to one contact, so the batch can be undone as a unit."""

    __tablename__ = "import_change"
    __table_args__ = (UniqueConstraint("batch_id", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String)  # created, merged
    before: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON snapshot for merged


class CardImage(Base):
    """The photographed card a contact was read from, kept beside (not instead of) its photo."""

    __tablename__ = "card_image"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    # The import that attached it, so undoing the import removes it from merged contacts too.
    batch_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    image: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    mime: Mapped[str] = mapped_column(String, default="image/jpeg")
    file: Mapped[str] = mapped_column(String, default="")  # the photo's file name
    source: Mapped[str] = mapped_column(String, default="ocr")  # ocr, qr
    text: Mapped[str] = mapped_column(Text, default="")  # what OCR read, line by line
    unsure: Mapped[str] = mapped_column(Text, default="[]")  # JSON: fields OCR was unsure of
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CapturedFile(Base):
    """A photo the watched folder has handed to an import: each is picked up once."""

    __tablename__ = "captured_file"

    path: Mapped[str] = mapped_column(String, primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    mtime_ns: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    picked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CadenceTier(Base):
    """The days of each keep-in-touch tier, mirrored from the ``tiers`` setting so that the
    triggers keeping ``contact.reconnect_due`` can read them (netdesk.app.cadence)."""

    __tablename__ = "cadence_tier"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    days: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


__all__ = [
    "Base",
    "CadenceTier",
    "CapturedFile",
    "CardImage",
    "Contact",
    "ContactAddress",
    "ContactEmail",
    "ContactPhone",
    "ContactUrl",
    "Event",
    "EventContact",
    "ImportBatch",
    "ImportChange",
    "Referral",
    "Setting",
    "Tag",
    "Touchpoint",
    "contact_tag",
    "table_of",
]
