"""One scan of everything the user connected: mail accounts, local mail folders, .ics files
and the CalDAV calendars picked — what Tools → Scan now and the schedule run.

A source that cannot be read (a server down, a password refused, a folder gone) is reported by
name and the others are still scanned. Passwords are handed in (the window reads them from the
keyring on its own thread); this module never stores one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

from netdesk.app import mail_scan, strength
from netdesk.app.interactions import ScanOptions, ScanReport
from netdesk.app.mail_scan import Progress
from netdesk.app.mail_sources import MailSources, caldav_picks, note_last_scan
from netdesk.mail.calendar import CalendarError
from netdesk.mail.imap import ImapError
from netdesk.mail.local import MailPathError
from netdesk.store.db import Database
from netdesk.sync import accounts


@dataclass
class ScanAll:
    mail: ScanReport = field(default_factory=lambda: ScanReport("mail"))
    calendar: ScanReport = field(default_factory=lambda: ScanReport("calendar"))

    @property
    def logged(self) -> int:
        return self.mail.logged + self.calendar.logged

    @property
    def completed(self) -> int:
        return self.mail.touchpoints_completed + self.calendar.touchpoints_completed

    @property
    def errors(self) -> list[str]:
        return self.mail.errors + self.calendar.errors

    @property
    def scan_ids(self) -> list[int]:
        return self.mail.scan_ids + self.calendar.scan_ids


def scan_all(
    db: Database, passwords: dict[str, str], today: dt.date | None = None
) -> Generator[Progress, None, ScanAll]:
    """``passwords``: "imap:NAME" → password for IMAP accounts, NAME → for CalDAV accounts."""
    today = today or dt.date.today()
    result = ScanAll()
    options = ScanOptions.from_settings(db)
    sources = MailSources(db)
    for source in sources.all():
        report = ScanReport("mail" if source.kind != "ics" else "calendar")
        try:
            if source.kind == "imap":
                password = passwords.get(f"imap:{source.name}")
                if not password:
                    raise ImapError(
                        f"{source.name}: no saved password (enter it in Settings → Accounts)"
                    )
                report = yield from mail_scan.scan_imap(db, source, password, options, today=today)
            elif source.kind == "local":
                report = yield from mail_scan.scan_paths(
                    db, [Path(source.path)], options, today=today
                )
            else:
                report = yield from mail_scan.scan_ics(db, Path(source.path), options, until=today)
        except (ImapError, MailPathError, CalendarError, OSError) as exc:
            report.errors.append(
                f"{source.name}: {exc}" if source.name not in str(exc) else str(exc)
            )
        sources.note_result(source.name, report)
        (result.calendar if report.kind == "calendar" else result.mail).add(report)
    picks = caldav_picks(db)
    for account in accounts.accounts(db):
        if account.name not in picks:
            continue
        password = passwords.get(account.name)
        if not password:
            result.calendar.errors.append(f"{account.name}: no saved password")
            continue
        report = yield from mail_scan.scan_caldav(
            db,
            account,
            password,
            options.with_me(account.username),
            until=today,
            calendars=picks[account.name] or None,
        )
        result.calendar.add(report)
    strength.refresh_all(db, today)
    note_last_scan(db, result.logged, result.completed, len(result.errors))
    return result
