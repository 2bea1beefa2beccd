"""What netdesk learns from the user's mail and calendars: interactions, never message bodies.

An :class:`Interaction` is one personal message or held meeting with one contact. Its ``key``
says which message or occurrence it came from (a Message-ID, an account+folder+UID, or a
calendar UID with its occurrence), so a message seen again — in another folder, in a re-scan,
after a crash halfway through a scan — is logged once. :class:`MailSource` remembers the mail
accounts and local folders to scan, and :class:`FolderState` how far each IMAP folder was read.
Passwords are never here: they live in the keyring (netdesk.system.secrets).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from netdesk.store.models import Base, utcnow


class Interaction(Base):
    __tablename__ = "interaction"
    __table_args__ = (
        UniqueConstraint("key", "contact_id"),
        Index("ix_interaction_contact_date", "contact_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String)  # email, meeting
    direction: Mapped[str] = mapped_column(String)  # sent, received, both
    subject: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String, default="")  # e.g. "imap:work/INBOX", "ics:…"
    key: Mapped[str] = mapped_column(String)
    # The scan that logged it, so the window can say what one scan found.
    scan_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AutoCompletion(Base):
    """A planned follow-up that a scanned mail or meeting marked done, so it can be undone."""

    __tablename__ = "auto_completion"

    touchpoint_id: Mapped[int] = mapped_column(
        ForeignKey("touchpoint.id", ondelete="CASCADE"), primary_key=True
    )
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL"), nullable=True, index=True
    )
    scan_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    # What it said before, so undo puts it back exactly.
    previous_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # Set when the user undid it: a later scan of the same mail does not complete it again.
    undone: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))


class MailSource(Base):
    """A mailbox or calendar to scan: an IMAP account, a local mail folder or an .ics file."""

    __tablename__ = "mail_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    kind: Mapped[str] = mapped_column(String)  # imap, local, ics, caldav
    path: Mapped[str] = mapped_column(Text, default="")  # local folder / .ics file
    host: Mapped[str] = mapped_column(String, default="")
    port: Mapped[int] = mapped_column(Integer, default=993)
    security: Mapped[str] = mapped_column(String, default="tls")  # tls, starttls
    username: Mapped[str] = mapped_column(String, default="")
    # JSON list: extra IMAP folders, or the CalDAV calendars picked (empty: the defaults)
    folders: Mapped[str] = mapped_column(Text, default="[]")
    last_scan_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_result: Mapped[str] = mapped_column(Text, default="")  # JSON report, or an error
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class FolderState(Base):
    """How far an IMAP folder was read: UIDs above ``last_uid`` are new while UIDVALIDITY holds."""

    __tablename__ = "mail_folder_state"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("mail_source.id", ondelete="CASCADE"), primary_key=True
    )
    folder: Mapped[str] = mapped_column(String, primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(Integer)
    last_uid: Mapped[int] = mapped_column(Integer, default=0)


class Correspondent(Base):
    """Someone the user exchanges personal mail with who is not a contact: a suggestion."""

    __tablename__ = "correspondent"

    address: Mapped[str] = mapped_column(String, primary_key=True)  # lower case
    name: Mapped[str] = mapped_column(String, default="")
    sent: Mapped[int] = mapped_column(Integer, default=0)
    received: Mapped[int] = mapped_column(Integer, default=0)
    last_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))


class ScanRun(Base):
    """One scan of one source: when, and what it found (the JSON report)."""

    __tablename__ = "scan_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String)  # mail, calendar
    source: Mapped[str] = mapped_column(String, default="")
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    report: Mapped[str] = mapped_column(Text, default="{}")


__all__ = ["AutoCompletion", "Correspondent", "FolderState", "Interaction", "MailSource", "ScanRun"]
