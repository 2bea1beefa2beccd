"""Follow-ups published as CalDAV to-dos (VTODO), and completions brought back.

netdesk owns the to-dos it publishes: planned follow-ups are written (UID
``touchpoint-<id>@netdesk``), done ones are marked COMPLETED, skipped or deleted ones are removed.
The one change read back is a to-do completed (or cancelled) in another task app, which marks
the follow-up done (or skipped) here. A to-do deleted elsewhere is published again at the next
sync: follow-ups are only ever closed from netdesk or by completing them, never lost.

Each to-do carries ``X-NETDESK-SOURCE`` with this database's id, so a to-do already on the
server with the same name (a lost state after a broken connection) is adopted only when it came
from this database and never overwrites one published by another netdesk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from icalendar import Calendar, Todo
from sqlalchemy import delete, select

from netdesk import __version__
from netdesk.app.agenda import KIND_TITLES, todo_uid
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.store.db import Database
from netdesk.store.models import Contact, Event, Touchpoint
from netdesk.store.sync_models import TaskState
from netdesk.sync.dav import ICAL_TYPE, DavClient, PreconditionFailed, norm_href
from netdesk.sync.davxml import DavConnectionError, DavError
from netdesk.sync.report import Progress, SyncProgress, SyncReport

INSTANCE_KEY = "sync.instance_id"
SOURCE = "X-NETDESK-SOURCE"


@dataclass(frozen=True)
class _Item:
    id: int
    contact: str
    kind: str
    intent: str
    status: str
    due: dt.date | None
    done: dt.date | None
    note: str
    event: str | None
    created: dt.datetime


@dataclass(frozen=True)
class _TaskRow:
    touchpoint_id: int | None
    href: str
    etag: str | None
    synced_hash: str


def instance_id(db: Database) -> str:
    """This database's id, made once; it marks the to-dos this database published."""
    settings = SettingsStore(db)
    value = settings.get(INSTANCE_KEY)
    if not isinstance(value, str) or not value:
        value = uuid.uuid4().hex
        settings.set(INSTANCE_KEY, value)
    return value


def todo_text(item: _Item, source: str) -> str:
    """The VTODO of one follow-up; the same follow-up always gives the same text."""
    calendar = Calendar()
    calendar.add("prodid", f"-//netdesk//netdesk {__version__}//EN")
    calendar.add("version", "2.0")
    todo = Todo()
    todo.add("uid", todo_uid(item.id))
    todo.add("dtstamp", item.created.replace(tzinfo=dt.UTC))
    title = KIND_TITLES.get(item.kind, "{kind}: {contact}")
    todo.add("summary", title.format(contact=item.contact, kind=item.kind.replace("_", " ")))
    if item.due is not None:
        todo.add("due", item.due)
    if item.status == "done":
        todo.add("status", "COMPLETED")
        done = item.done or item.due or item.created.date()
        todo.add("completed", dt.datetime.combine(done, dt.time(12), dt.UTC))
        todo.add("percent-complete", 100)
    else:
        todo.add("status", "NEEDS-ACTION")
    todo.add("categories", [item.intent])
    description = "\n".join(p for p in (f"From {item.event}" if item.event else "", item.note) if p)
    if description:
        todo.add("description", description)
    todo.add(SOURCE, source)
    calendar.add_component(todo)
    return bytes(calendar.to_ical()).decode("utf-8")


# What netdesk says in a to-do; everything else on it (alarms, priority, other apps' X-
# properties, links) belongs to whoever added it and is kept when netdesk updates the to-do.
_MANAGED = ("DTSTAMP", "SUMMARY", "DUE", "STATUS", "COMPLETED", "PERCENT-COMPLETE",
            "CATEGORIES", "DESCRIPTION", SOURCE)  # fmt: skip


def patched_todo(remote_text: str, ours: str) -> str:
    """``remote_text`` (the to-do as the server has it) with netdesk's properties replaced by
    those of ``ours``, and nothing else changed; ``ours`` if the remote text cannot be read."""
    try:
        remote = Calendar.from_ical(remote_text)
        mine = Calendar.from_ical(ours)
    except ValueError:
        return ours
    theirs = next(iter(remote.walk("VTODO")), None)
    new = next(iter(mine.walk("VTODO")), None)
    if theirs is None or new is None or str(theirs.get("UID")) != str(new.get("UID")):
        return ours
    for name in _MANAGED:
        theirs.pop(name, None)
    for name in _MANAGED:
        if name in new:
            theirs[name] = new[name]
    return bytes(remote.to_ical()).decode("utf-8")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def remote_outcome(text: str) -> tuple[str | None, dt.date | None, str | None]:
    """("done", date) for a completed to-do, ("skipped", None) for a cancelled one, else
    (None, None); plus the to-do's X-NETDESK-SOURCE."""
    try:
        calendar = Calendar.from_ical(text)
    except ValueError:
        return None, None, None
    for todo in calendar.walk("VTODO"):
        status = str(todo.get("STATUS", "")).upper()
        source = str(todo[SOURCE]) if SOURCE in todo else None
        completed = todo.get("COMPLETED")
        if status == "COMPLETED" or completed is not None:
            when = getattr(completed, "dt", None)
            if isinstance(when, dt.datetime):
                when = when.astimezone().date() if when.tzinfo else when.date()
            return "done", when if isinstance(when, dt.date) else None, source
        if status == "CANCELLED":
            return "skipped", None, source
        return None, None, source
    return None, None, None


class TaskSync:
    """One pass over the task calendar; see the module docstring for the rules."""

    def __init__(self, db: Database, account_id: int, client: DavClient, calendar: str) -> None:
        self.db = db
        self.account_id = account_id
        self.client = client
        self.calendar = calendar
        self.followups = FollowUps(db)
        self.source = instance_id(db)

    def run(self, report: SyncReport, notify: Progress) -> None:
        listing = self.client.etags(self.calendar)
        rows = self._rows()
        changed = [
            h for h, r in rows.items() if h in listing and (not r.etag or listing[h] != r.etag)
        ]
        if changed:
            for href, (etag, text) in self.client.multiget(self.calendar, changed, "ical").items():
                self._apply_remote(rows[href], etag, text, report)
        for href in set(rows) - set(listing):  # deleted there: publish again below
            self._drop(href)
        items = self._items()
        rows = self._rows()
        by_touchpoint = {r.touchpoint_id: r for r in rows.values() if r.touchpoint_id is not None}
        work: list[tuple[_Item | None, _TaskRow | None]] = [
            (item, by_touchpoint.get(item.id))
            for item in items.values()
            if item.status == "planned" or item.id in by_touchpoint
        ]
        work += [(None, r) for r in rows.values() if r.touchpoint_id not in items]
        for done, (item, row) in enumerate(work, 1):
            self._publish(item, row, report)
            notify(SyncProgress("tasks", done, len(work)))

    def _rows(self) -> dict[str, _TaskRow]:
        with self.db.session() as session:
            rows = session.scalars(select(TaskState).where(TaskState.account_id == self.account_id))
            return {r.href: _TaskRow(r.touchpoint_id, r.href, r.etag, r.synced_hash) for r in rows}

    def _items(self) -> dict[int, _Item]:
        """The touchpoints a sync publishes or updates: planned ones, and any already on the
        server. Plain rows, not ORM objects, and not the done history: loading every
        touchpoint (ten per contact) as objects made the collector's full passes, which hold
        the GIL, stall the window for over 100 ms during a sync of 2,000 contacts."""
        tp = Touchpoint
        synced = select(TaskState.touchpoint_id).where(
            TaskState.account_id == self.account_id, TaskState.touchpoint_id.isnot(None)
        )
        stmt = (
            select(
                tp.id,
                Contact.full_name,
                tp.kind,
                tp.intent,
                tp.status,
                tp.due_date,
                tp.done_date,
                tp.note,
                Event.name,
                tp.created_at,
            )
            .join(Contact, Contact.id == tp.contact_id)
            .outerjoin(Event, Event.id == tp.event_id)
            .where((tp.status == "planned") | tp.id.in_(synced))
        )
        with self.db.engine.connect() as conn:
            return {
                i: _Item(i, name, kind, intent, status, due, done, note, event, created)
                for i, name, kind, intent, status, due, done, note, event, created in conn.execute(
                    stmt
                )
            }

    def _save(self, href: str, touchpoint_id: int | None, etag: str | None, digest: str) -> None:
        with self.db.session() as session:
            row = session.scalar(
                select(TaskState).where(
                    TaskState.account_id == self.account_id, TaskState.href == href
                )
            )
            if row is None:
                row = TaskState(account_id=self.account_id, href=href)
                session.add(row)
            row.touchpoint_id, row.etag, row.synced_hash = touchpoint_id, etag, digest

    def _drop(self, href: str) -> None:
        with self.db.session() as session:
            session.execute(
                delete(TaskState).where(
                    TaskState.account_id == self.account_id, TaskState.href == href
                )
            )

    def _apply_remote(self, row: _TaskRow, etag: str | None, text: str, report: SyncReport) -> None:
        """A published to-do changed there: bring a completion or cancellation back here."""
        outcome, when, _source = remote_outcome(text)
        digest = row.synced_hash
        tp_id = row.touchpoint_id
        items = self._items() if tp_id is not None else {}
        item = items.get(tp_id) if tp_id is not None else None
        if item is not None and item.status == "planned" and outcome == "done":
            self.followups.mark_done(item.id, on=when or dt.date.today())
            report.tasks_completed += 1
            done_item = self._items()[item.id]
            digest = _hash(todo_text(done_item, self.source))  # what we would write: no echo
        elif item is not None and item.status == "planned" and outcome == "skipped":
            self.followups.skip(item.id)
        self._save(row.href, tp_id, etag, digest)

    def _publish(self, item: _Item | None, row: _TaskRow | None, report: SyncReport) -> None:
        if item is None or item.status == "skipped":
            if row is not None:
                try:
                    self.client.delete(row.href, row.etag)
                except PreconditionFailed:
                    return  # changed there since: read again at the next sync
                self._drop(row.href)
                report.tasks_removed += 1
            return
        text = todo_text(item, self.source)
        digest = _hash(text)
        if row is not None and row.synced_hash == digest:
            return
        href = row.href if row else norm_href(f"{todo_uid(item.id)}.ics", self.calendar)
        body = text
        if row is not None:  # an update: keep what other task apps added to the to-do
            try:
                remote_text, remote_etag = self.client.get(href)
            except DavConnectionError:
                raise
            except DavError:
                return  # gone or unreadable: the next sync sees it in the listing
            if row.etag and remote_etag and remote_etag != row.etag:
                return  # changed there since this sync read it: read again next time
            body = patched_todo(remote_text, text)
        try:
            etag = self.client.put(
                href, body, ICAL_TYPE, etag=row.etag if row else None, create=row is None
            )
        except PreconditionFailed:
            if row is None:
                self._adopt(item, href, text, report)
            return
        self._save(href, item.id, etag, digest)
        report.tasks_published += 1

    def _adopt(self, item: _Item, href: str, text: str, report: SyncReport) -> None:
        """A to-do of this name exists already: take it over only if this database wrote it."""
        remote_text, remote_etag = self.client.get(href)
        _outcome, _when, source = remote_outcome(remote_text)
        if source != self.source:
            report.skipped.append(
                f"to-do {todo_uid(item.id)} already exists on the server (another netdesk?)"
            )
            return
        self._save(href, item.id, remote_etag, "")
        rows = self._rows()
        self._apply_remote(rows[href], remote_etag, remote_text, report)
