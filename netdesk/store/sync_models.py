"""What the CardDAV/CalDAV sync remembers between runs.

Per server item the last synced ETag and a hash of the card as netdesk wrote it; comparing those
with the server and with the contact today tells which side changed. A state row whose contact is
gone (``contact_id`` NULL after a delete) is how a local deletion reaches the server. Passwords
are never stored here: they live in the keyring (netdesk.system.secrets).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from netdesk.store.models import Base, utcnow


class Account(Base):
    """A CardDAV/CalDAV server and the two collections netdesk syncs with on it."""

    __tablename__ = "sync_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    url: Mapped[str] = mapped_column(String)
    username: Mapped[str] = mapped_column(String, default="")
    addressbook_url: Mapped[str] = mapped_column(String, default="")
    calendar_url: Mapped[str] = mapped_column(String, default="")
    # RFC 6578 token of the address book after the last complete download of changes
    sync_token: Mapped[str | None] = mapped_column(String, nullable=True)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    interval_minutes: Mapped[int] = mapped_column(Integer, default=30)


class SyncState(Base):
    """One card on the server and the contact it mirrors, as of the last sync."""

    __tablename__ = "sync_state"
    __table_args__ = (UniqueConstraint("account_id", "href"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("sync_account.id", ondelete="CASCADE"), index=True
    )
    # NULL once the contact was deleted here: the card is then deleted on the server
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True
    )
    href: Mapped[str] = mapped_column(String)
    etag: Mapped[str | None] = mapped_column(String, nullable=True)
    synced_hash: Mapped[str] = mapped_column(String, default="")
    uid: Mapped[str] = mapped_column(String, default="")


class TaskState(Base):
    """One follow-up published as a VTODO, as of the last sync."""

    __tablename__ = "sync_task_state"
    __table_args__ = (UniqueConstraint("account_id", "href"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("sync_account.id", ondelete="CASCADE"), index=True
    )
    # NULL once the follow-up was deleted here: the VTODO is then deleted on the server
    touchpoint_id: Mapped[int | None] = mapped_column(
        ForeignKey("touchpoint.id", ondelete="SET NULL"), nullable=True, index=True
    )
    href: Mapped[str] = mapped_column(String)
    etag: Mapped[str | None] = mapped_column(String, nullable=True)
    synced_hash: Mapped[str] = mapped_column(String, default="")


class SyncConflict(Base):
    """A card both sides changed between two syncs: both versions kept until the user picks."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("sync_account.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True
    )
    href: Mapped[str] = mapped_column(String)
    local_vcard: Mapped[str] = mapped_column(Text, default="")
    remote_vcard: Mapped[str] = mapped_column(Text, default="")
    # the server version's ETag, so resolving never overwrites a card changed again since
    remote_etag: Mapped[str | None] = mapped_column(String, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


__all__ = ["Account", "SyncConflict", "SyncState", "TaskState"]
