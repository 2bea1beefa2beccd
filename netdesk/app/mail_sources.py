"""The mailboxes and calendars netdesk scans: IMAP accounts, local mail folders, .ics files.

IMAP passwords go to the keyring under ``imap:NAME`` (never into the database), beside the
CardDAV accounts' passwords. The CalDAV calendars to scan are picked per sync account.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select

from netdesk.app.interactions import LAST_SCAN, ScanReport
from netdesk.app.settings_store import SettingsStore
from netdesk.mail.imap_options import DEFAULT_PORTS, SECURITY
from netdesk.store.db import Database
from netdesk.store.mail_models import MailSource

KINDS = ("imap", "local", "ics")
CALDAV_PICKS = "caldav_calendars"  # {sync account name: [calendar URL or name, …]}


class SourceError(ValueError):
    pass


def password_key(name: str) -> str:
    return f"imap:{name}"


@dataclass(frozen=True)
class SourceInfo:
    id: int
    name: str
    kind: str
    where: str  # host:port or the path
    username: str
    folders: list[str]
    last_scan_at: dt.datetime | None
    last_result: str


class MailSources:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[MailSource]:
        with self.db.session() as session:
            rows = list(session.scalars(select(MailSource).order_by(MailSource.name)))
            session.expunge_all()
            return rows

    def get(self, name: str) -> MailSource:
        with self.db.session() as session:
            row = session.scalar(select(MailSource).where(MailSource.name == name))
            if row is None:
                names = ", ".join(s.name for s in self.all()) or "none yet"
                raise LookupError(f"no mail account or folder named {name!r} (there are: {names})")
            session.expunge(row)
            return row

    def _add(self, source: MailSource) -> int:
        if not source.name.strip():
            raise SourceError("a mail account needs a name")
        with self.db.session() as session:
            if session.scalar(select(MailSource.id).where(MailSource.name == source.name)):
                raise SourceError(
                    f"there is already a mail account or folder named {source.name!r}"
                )
            session.add(source)
            session.flush()
            return source.id

    def add_imap(
        self,
        name: str,
        host: str,
        username: str,
        *,
        port: int | None = None,
        security: str = "tls",
        folders: list[str] | None = None,
    ) -> int:
        if security not in SECURITY:
            raise SourceError(f"security must be one of {', '.join(SECURITY)}, not {security!r}")
        if not host.strip():
            raise SourceError("an IMAP account needs a host")
        port = port or DEFAULT_PORTS[security]
        if not 0 < port < 65536:
            raise SourceError(f"{port} is not a port number (1-65535)")
        return self._add(
            MailSource(
                name=name.strip(),
                kind="imap",
                host=host.strip(),
                port=port,
                security=security,
                username=username.strip(),
                folders=json.dumps(folders or []),
            )
        )

    def add_path(self, name: str, path: Path, kind: str) -> int:
        if kind not in ("local", "ics"):
            raise SourceError(f"unknown kind {kind!r}")
        return self._add(MailSource(name=name.strip(), kind=kind, path=str(path.resolve())))

    def remove(self, name: str) -> None:
        self.get(name)
        with self.db.session() as session:
            session.execute(delete(MailSource).where(MailSource.name == name))

    def set_folders(self, name: str, folders: list[str]) -> None:
        with self.db.session() as session:
            row = session.scalar(select(MailSource).where(MailSource.name == name))
            if row is None:
                raise LookupError(f"no mail account named {name!r}")
            row.folders = json.dumps(folders)

    def note_result(self, name: str, report: ScanReport) -> None:
        """Remember when a source was scanned and what came of it (shown in Settings)."""
        summary = json.dumps(dict(report.as_json(), errors=report.errors))
        with self.db.session() as session:
            row = session.scalar(select(MailSource).where(MailSource.name == name))
            if row is not None:
                row.last_scan_at = dt.datetime.now()
                row.last_result = summary


def note_last_scan(db: Database, logged: int, completed: int, errors: int) -> None:
    """What the status bar says: when the last scan ran and what it found."""
    SettingsStore(db).set(
        LAST_SCAN,
        {
            "at": dt.datetime.now().isoformat(timespec="seconds"),
            "logged": logged,
            "completed": completed,
            "errors": errors,
        },
    )


def caldav_picks(db: Database) -> dict[str, list[str]]:
    value = SettingsStore(db).get(CALDAV_PICKS, {})
    return value if isinstance(value, dict) else {}


def set_caldav_picks(db: Database, account: str, calendars: list[str] | None) -> None:
    """The calendars of a sync account to scan ([] = all with events; None = do not scan)."""
    picks = caldav_picks(db)
    if calendars is None:
        picks.pop(account, None)
    else:
        picks[account] = calendars
    SettingsStore(db).set(CALDAV_PICKS, picks)


def sources_to_scan(db: Database) -> list[tuple[str, str]]:
    """(kind, name) of everything a full scan reads: "imap"/"local"/"ics" sources, "caldav"."""
    from netdesk.sync import accounts

    found = [(s.kind, s.name) for s in MailSources(db).all()]
    names = {a.name for a in accounts.accounts(db)}
    found.extend(("caldav", name) for name in caldav_picks(db) if name in names)
    return found
