"""Scanning mail and calendars: the use cases the window and the command line share.

Each scan is a generator that yields :class:`Progress` and returns a
:class:`~netdesk.app.interactions.ScanReport`, so the window runs it off the GUI thread with a
progress bar and Cancel (closing the generator stops it between batches: what was written
stays) and the command line simply runs it to the end. Nothing here reads a message body.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from netdesk.app.interactions import InteractionLog, ScanOptions, ScanReport, Touch, mail_direction
from netdesk.mail import headers as mail_headers
from netdesk.mail import imap
from netdesk.mail.calendar import CalendarError, Meeting, meetings, parse
from netdesk.mail.local import find_mailboxes
from netdesk.store.db import Database
from netdesk.store.mail_models import FolderState, MailSource
from netdesk.store.sync_models import Account
from netdesk.sync.dav import DavClient
from netdesk.sync.davxml import Collection, DavError

BATCH = 500


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # 0: not known yet
    what: str  # the mailbox or calendar being read


Scan = Generator[Progress, None, ScanReport]


def mail_touch(block: bytes, options: ScanOptions, fallback: str = "") -> Touch:
    """One message's header block as a touch (not yet matched to contacts)."""
    h = mail_headers.parse(block)
    key = f"mid:{h.message_id}" if h.message_id else fallback or mail_headers.fallback_key(block)
    if h.problem:
        return Touch(key, None, "email", "received", [], problem=h.problem)
    direction, others = mail_direction(h.sender, h.recipients, options)
    ignore = ""
    if h.automatic:
        ignore = "newsletter"
    elif len(h.recipients) > options.bulk_recipients:
        ignore = "bulk"
    touch = Touch(key, h.date, "email", direction, others, ignore=ignore)
    if not ignore:
        touch.subject = h.subject_field
        touch.name_of = h.name_of
    return touch


def meeting_touch(meeting: Meeting, options: ScanOptions) -> Touch:
    if meeting.problem or meeting.date is None:
        return Touch(meeting.key, None, "meeting", "both", [], problem=meeting.problem)
    status = dict(meeting.attendees)
    people = list(dict.fromkeys([meeting.organizer, *status] if meeting.organizer else status))
    ignore = ""
    if meeting.cancelled or any(status.get(me) == "DECLINED" for me in options.me):
        ignore = "cancelled"
    elif len(meeting.attendees) > options.meeting_attendees:
        ignore = "bulk"
    others = [a for a in people if a not in options.me and status.get(a) != "DECLINED"]
    touch = Touch(meeting.key, meeting.date, "meeting", "both", others, ignore=ignore)
    touch.subject = meeting.summary
    touch.name_of = lambda a: meeting.names.get(a, "")
    return touch


def _batches(touches: Iterable[Touch], size: int = BATCH) -> Iterable[list[Touch]]:
    batch: list[Touch] = []
    for touch in touches:
        batch.append(touch)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def scan_paths(
    db: Database,
    paths: list[Path],
    options: ScanOptions,
    *,
    since: dt.date | None = None,
    today: dt.date | None = None,
) -> Scan:
    """mbox files, folders of them (Thunderbird) and Maildir folders, read in place."""
    today = today or dt.date.today()
    boxes = [box for path in paths for box in find_mailboxes(path)]
    total = sum(box.size() for box in boxes)
    report = ScanReport("mail")
    base = 0
    for box in boxes:
        log = InteractionLog(
            db, options, kind="mail", source=f"{box.kind}:{box.label}", today=today
        )
        batch: list[Touch] = []
        where = 0
        for where, block in box.messages():
            touch = mail_touch(block, options)
            if since is None or touch.date is None or touch.date >= since:
                batch.append(touch)
            if len(batch) >= BATCH:
                log.write(batch)
                batch = []
                yield Progress(base + where, total, box.label)
        log.write(batch)
        base += box.size() if box.kind == "mbox" else where
        report.add(log.finish())
        yield Progress(base, total, box.label)
    return report


def _save_folder(source_id: int, batch: imap.FolderBatch) -> Callable[[Session], None]:
    def save(session: Session) -> None:
        stmt = sqlite_insert(FolderState).values(
            source_id=source_id,
            folder=batch.folder,
            uidvalidity=batch.uidvalidity,
            last_uid=batch.last_uid,
        )
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=["source_id", "folder"],
                set_={"uidvalidity": batch.uidvalidity, "last_uid": batch.last_uid},
            )
        )

    return save


def scan_imap(
    db: Database,
    source: MailSource,
    password: str,
    options: ScanOptions,
    *,
    since: dt.date | None = None,
    today: dt.date | None = None,
    connect: Callable[[imap.ImapAccount, str], imap.IMAPClient] = imap.connect,
) -> Scan:
    """The account's INBOX, Sent and picked folders, from where the last scan stopped. A lost
    connection ends the scan with an error in the report; what was read is kept."""
    today = today or dt.date.today()
    account = imap.ImapAccount(source.host, source.port, source.security, source.username)
    options = options.with_me(source.username)
    with db.session() as session:
        states = {
            s.folder: (s.uidvalidity, s.last_uid)
            for s in session.query(FolderState).filter_by(source_id=source.id)
        }
    report = ScanReport("mail")
    client = connect(account, password)
    log: InteractionLog | None = None
    try:
        folders = imap.folders_to_scan(client, json.loads(source.folders or "[]"))
        for folder in folders:
            log = InteractionLog(
                db, options, kind="mail", source=f"imap:{source.name}/{folder}", today=today
            )
            validity, last = states.get(folder, (None, 0))
            for batch in imap.read_folder(client, folder, validity, last):
                touches = [
                    mail_touch(
                        block, options, f"imap:{source.name}/{folder}/{batch.uidvalidity}/{uid}"
                    )
                    for uid, block in batch.messages
                ]
                if since is not None:
                    touches = [t for t in touches if t.date is None or t.date >= since]
                log.write(touches, also=_save_folder(source.id, batch))
                yield Progress(log.report.seen, 0, f"{source.name}/{folder}")
            report.add(log.finish())
            log = None
    except (OSError, imap.IMAPClientError) as exc:
        message = (
            f"{account.where()}: the connection was lost ({imap.describe(exc)}); "
            "the next scan carries on from where this one stopped"
        )
        if log is not None:
            report.add(log.finish(message))
        else:
            report.errors.append(message)
    finally:
        imap.close(client)
    return report


def scan_calendar_text(
    db: Database,
    data: bytes | str,
    label: str,
    options: ScanOptions,
    *,
    until: dt.date,
    since: dt.date | None = None,
    log: InteractionLog | None = None,
) -> Scan:
    """One calendar (a file's or one CalDAV object's text); occurrences up to ``until`` held."""
    own = log is None
    log = log or InteractionLog(db, options, kind="calendar", source=label, today=until)
    cal = parse(data, label)
    for batch in _batches(meeting_touch(m, options) for m in meetings(cal, until, since)):
        log.write(batch)
        yield Progress(log.report.seen, 0, label)
    return log.finish() if own else log.report


def scan_ics(
    db: Database,
    path: Path,
    options: ScanOptions,
    *,
    until: dt.date,
    since: dt.date | None = None,
) -> Scan:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise CalendarError(f"{path}: no such file") from exc
    except OSError as exc:
        raise CalendarError(f"{path}: cannot be read ({exc.strerror})") from exc
    return (
        yield from scan_calendar_text(
            db, data, f"ics:{path.name}", options, until=until, since=since
        )
    )


def event_calendars(client: DavClient) -> list[Collection]:
    """The calendars of a CalDAV account that hold events (not only to-dos)."""
    found = client.discover()
    return [c for c in found.calendars if not c.components or "VEVENT" in c.components]


def scan_caldav(
    db: Database,
    account: Account,
    password: str,
    options: ScanOptions,
    *,
    until: dt.date,
    calendars: list[str] | None = None,
    since: dt.date | None = None,
    client: DavClient | None = None,
) -> Scan:
    """The account's event calendars (those picked, else all), read with REPORT multiget."""
    own = client is None
    dav = client or DavClient(account.url, account.username, password)
    report = ScanReport("calendar")
    try:
        chosen = [
            c
            for c in event_calendars(dav)
            if not calendars or c.url in calendars or c.name in calendars
        ]
        for cal in chosen:
            label = f"caldav:{account.name}/{cal.name or cal.url}"
            log = InteractionLog(db, options, kind="calendar", source=label, today=until)
            hrefs = list(dav.etags(cal.url))
            for start in range(0, len(hrefs), 100):
                for href, (_, data) in dav.multiget(
                    cal.url, hrefs[start : start + 100], "ical"
                ).items():
                    try:
                        yield from scan_calendar_text(
                            db, data, label, options, until=until, since=since, log=log
                        )
                    except CalendarError as exc:
                        log.report.errors.append(f"{href}: {exc}")
            report.add(log.finish())
    except DavError as exc:
        report.errors.append(f"{account.name}: {exc}")
    finally:
        if own:
            dav.close()
    return report
