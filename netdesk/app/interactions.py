"""Mails and meetings logged on contacts' timelines: what counts, and writing it down.

A scan turns each message or calendar occurrence into a :class:`Touch` (who, when, which way)
and hands them to an :class:`InteractionLog` in batches. The log decides what is personal —
not a newsletter or machine, not a bulk send, someone who is a contact — writes one
interaction per contact, never twice for the same message (its key), completes the playbook
(netdesk.app.auto_complete), keeps "last touch" current and collects frequent correspondents
who are not contacts yet. Each batch is one transaction: a scan cut off halfway keeps what it
wrote and the next scan carries on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, insert, select, text, update
from sqlalchemy.orm import Session

from netdesk.app import auto_complete, strength
from netdesk.app.settings_store import SettingsStore
from netdesk.mail.headers import decode_words
from netdesk.store.db import Database
from netdesk.store.mail_models import Interaction, ScanRun
from netdesk.store.models import ContactEmail, table_of

IGNORED = ("newsletter", "bulk", "unmatched", "malformed", "duplicate")
CHANNELS = ("email", "meeting")
DIRECTIONS = ("sent", "received", "both")
_IN = 500

# Settings (the ``setting`` table), with their defaults.
MY_ADDRESSES = "my_addresses"
EXCLUSIONS = "mail_exclusions"
BULK_RECIPIENTS = "mail_bulk_recipients"
MEETING_ATTENDEES = "meeting_max_attendees"
STORE_SUBJECTS = "mail_store_subjects"
COMPLETION_WINDOW = "mail_completion_window_days"
LAST_SCAN = "mail_last_scan"
SCAN_INTERVAL = "mail_scan_interval_minutes"  # the window's schedule; 0: never
DEFAULT_SCAN_INTERVAL = 60
DEFAULTS = {
    MY_ADDRESSES: [],
    EXCLUSIONS: [],
    BULK_RECIPIENTS: 10,
    MEETING_ATTENDEES: 8,
    STORE_SUBJECTS: True,
    COMPLETION_WINDOW: 14,
    SCAN_INTERVAL: DEFAULT_SCAN_INTERVAL,
}


def normalise_address(value: str) -> str:
    return value.strip().strip("<>").strip().lower()


@dataclass(frozen=True)
class ScanOptions:
    """What decides whether a message counts; read from the settings (plus ``--me``)."""

    me: frozenset[str] = frozenset()
    exclusions: frozenset[str] = frozenset()  # addresses, and domains as "example.com"
    bulk_recipients: int = 10
    meeting_attendees: int = 8
    store_subjects: bool = True
    completion_window: int = 14

    @classmethod
    def from_settings(cls, db: Database, extra_me: Iterable[str] = ()) -> ScanOptions:
        store = SettingsStore(db)

        def get(key: str) -> object:
            return store.get(key, DEFAULTS[key])

        def addresses(key: str) -> frozenset[str]:
            value = get(key)
            items = value if isinstance(value, list) else []
            return frozenset(normalise_address(str(a)).lstrip("@") for a in items if str(a).strip())

        def number(key: str) -> int:
            value = get(key)
            return value if isinstance(value, int) and value > 0 else int(str(DEFAULTS[key]))

        me = addresses(MY_ADDRESSES) | {normalise_address(a) for a in extra_me if a.strip()}
        return cls(
            me=frozenset(me),
            exclusions=addresses(EXCLUSIONS),
            bulk_recipients=number(BULK_RECIPIENTS),
            meeting_attendees=number(MEETING_ATTENDEES),
            store_subjects=bool(get(STORE_SUBJECTS)),
            completion_window=number(COMPLETION_WINDOW),
        )

    def with_me(self, *addresses: str) -> ScanOptions:
        extra = {normalise_address(a) for a in addresses if a and "@" in a}
        return ScanOptions(
            self.me | extra,
            self.exclusions,
            self.bulk_recipients,
            self.meeting_attendees,
            self.store_subjects,
            self.completion_window,
        )

    def excluded(self, address: str) -> bool:
        if address in self.exclusions:
            return True
        domain = address.rpartition("@")[2]
        while domain:
            if domain in self.exclusions:
                return True
            domain = domain.partition(".")[2]
        return False


@dataclass(slots=True)
class Touch:
    """One message or meeting occurrence, as a source read it."""

    key: str
    date: dt.date | None
    channel: str
    direction: str
    counterparts: list[str]  # the other people's addresses, lower case, without "me"
    subject: str = ""  # as written: RFC 2047 encoded words are decoded when it is stored
    ignore: str = ""  # a reason the source already knows: one of IGNORED, or "cancelled"
    problem: str = ""  # why it is malformed
    # address → the display name the message or event gives it (decoded only when needed)
    name_of: Callable[[str], str] | None = None


@dataclass
class ScanReport:
    kind: str  # "mail" or "calendar"
    seen: int = 0
    logged: int = 0
    ignored: Counter[str] = field(default_factory=Counter)
    touchpoints_completed: int = 0
    problems: list[str] = field(default_factory=list)  # the first few malformed items, why
    errors: list[str] = field(default_factory=list)  # sources that could not be read (whole)
    scan_ids: list[int] = field(default_factory=list)
    contacts: set[int] = field(default_factory=set)

    def add(self, other: ScanReport) -> None:
        self.seen += other.seen
        self.logged += other.logged
        self.ignored.update(other.ignored)
        self.touchpoints_completed += other.touchpoints_completed
        self.problems.extend(other.problems[: max(0, 20 - len(self.problems))])
        self.errors.extend(other.errors)
        self.scan_ids.extend(other.scan_ids)
        self.contacts |= other.contacts

    def as_json(self) -> dict[str, object]:
        ignored = {name: self.ignored.get(name, 0) for name in IGNORED}
        ignored.update({k: v for k, v in self.ignored.items() if k not in ignored})
        return {
            "messages" if self.kind == "mail" else "events": self.seen,
            "logged": self.logged,
            "ignored": ignored,
            "touchpoints_completed": self.touchpoints_completed,
        }


def mail_direction(
    sender: str, recipients: Sequence[str], options: ScanOptions
) -> tuple[str, list[str]]:
    """("sent", the recipients) when From is me, else ("received", [the sender])."""
    if sender in options.me:
        return "sent", [r for r in recipients if r not in options.me]
    return "received", [sender]


class InteractionLog:
    """Writes what one scan of one source found, a batch (one transaction) at a time."""

    def __init__(
        self, db: Database, options: ScanOptions, *, kind: str, source: str, today: dt.date
    ) -> None:
        self.db = db
        self.options = options
        self.source = source
        self.today = today
        self.report = ScanReport(kind)
        with db.session() as session:
            run = ScanRun(kind=kind, source=source)
            session.add(run)
            session.flush()
            self.scan_id = run.id
        self.report.scan_ids.append(self.scan_id)

    def write(
        self, touches: Sequence[Touch], also: Callable[[Session], None] | None = None
    ) -> None:
        """Log a batch; ``also`` writes in the same transaction (how far a folder was read)."""
        report = self.report
        report.seen += len(touches)
        wanted: list[Touch] = []
        for touch in touches:
            reason = self._ignored(touch)
            if reason:
                report.ignored[reason] += 1
                if reason == "malformed" and len(report.problems) < 20:
                    report.problems.append(f"{touch.key}: {touch.problem}")
            else:
                wanted.append(touch)
        with self.db.session() as session:
            conn = session.connection()
            if wanted:
                self._log(conn, wanted)
            if also is not None:
                also(session)

    def _ignored(self, touch: Touch) -> str:
        if touch.problem:
            return "malformed"
        if touch.ignore:
            return touch.ignore  # a newsletter's date is not even read
        if touch.date is None:
            touch.problem = "no date"
            return "malformed"
        limit = (
            self.options.bulk_recipients
            if touch.channel == "email"
            else self.options.meeting_attendees
        )
        if len(touch.counterparts) > limit:
            return "bulk"
        touch.counterparts = [a for a in touch.counterparts if not self.options.excluded(a)]
        return "" if touch.counterparts else "unmatched"

    def _log(self, conn: Connection, touches: list[Touch]) -> None:
        owners = _contacts_by_address(conn, {a for t in touches for a in t.counterparts})
        keys = list({t.key for t in touches})
        have: set[tuple[str, int]] = set()
        mail = table_of(Interaction)
        for start in range(0, len(keys), _IN):
            rows = conn.execute(
                select(mail.c.key, mail.c.contact_id).where(mail.c.key.in_(keys[start:][:_IN]))
            )
            have.update((k, c) for k, c in rows)
        strangers: list[tuple[Touch, str]] = []
        new_rows: list[dict[str, object]] = []
        for touch in touches:
            ids = sorted({c for a in touch.counterparts for c in owners.get(a, ())})
            if not ids:
                self.report.ignored["unmatched"] += 1
                if touch.channel == "email":
                    strangers.extend((touch, a) for a in touch.counterparts)
                continue
            fresh = [c for c in ids if (touch.key, c) not in have]
            if not fresh:
                self.report.ignored["duplicate"] += 1
                continue
            self.report.logged += 1
            for contact_id in fresh:
                have.add((touch.key, contact_id))
                new_rows.append(
                    {
                        "contact_id": contact_id,
                        "date": touch.date,
                        "channel": touch.channel,
                        "direction": touch.direction,
                        "subject": (
                            decode_words(touch.subject)[:500] if self.options.store_subjects else ""
                        ),
                        "source": self.source,
                        "key": touch.key,
                        "scan_id": self.scan_id,
                    }
                )
        if new_rows:
            after = conn.execute(select(func.coalesce(func.max(mail.c.id), 0))).scalar_one()
            conn.execute(insert(mail), new_rows)
            touched = {int(str(r["contact_id"])) for r in new_rows}
            self.report.touchpoints_completed += auto_complete.complete_from(
                conn, self.scan_id, self.options.completion_window, after
            )
            strength.store(conn, self.today, touched)
            self.report.contacts |= touched
        if strangers:
            _note_correspondents(conn, strangers)

    def finish(self, error: str = "") -> ScanReport:
        if error:
            self.report.errors.append(error)
        summary = dict(self.report.as_json(), errors=self.report.errors, source=self.source)
        with self.db.session() as session:
            session.execute(
                update(ScanRun)
                .where(ScanRun.id == self.scan_id)
                .values(finished_at=func.current_timestamp(), report=json.dumps(summary))
            )
        return self.report


def _contacts_by_address(conn: Connection, addresses: set[str]) -> dict[str, list[int]]:
    owners: dict[str, list[int]] = {}
    wanted = sorted(addresses)
    em = table_of(ContactEmail)
    for start in range(0, len(wanted), _IN):
        chunk = wanted[start : start + _IN]
        for key, contact_id in conn.execute(
            select(em.c.match_key, em.c.contact_id).where(em.c.match_key.in_(chunk))
        ):
            owners.setdefault(key, []).append(contact_id)
    return owners


_NOTE_CORRESPONDENT = text(
    "INSERT INTO correspondent (address, name, sent, received, last_date, dismissed)"
    " VALUES (:address, :name, :sent, :received, :last, 0)"
    " ON CONFLICT (address) DO UPDATE SET"
    " name = CASE WHEN excluded.name != '' THEN excluded.name ELSE correspondent.name END,"
    " sent = correspondent.sent + excluded.sent,"
    " received = correspondent.received + excluded.received,"
    " last_date = max(coalesce(correspondent.last_date, ''), excluded.last_date)"
)


def _note_correspondents(conn: Connection, strangers: list[tuple[Touch, str]]) -> None:
    """Count the batch's strangers per address in one statement; a display name is decoded
    once per address, and only for one not named yet."""
    tally: dict[str, dict[str, object]] = {}
    for touch, address in strangers:
        entry = tally.setdefault(
            address, {"address": address, "name": "", "sent": 0, "received": 0, "last": ""}
        )
        entry["sent" if touch.direction == "sent" else "received"] += 1  # type: ignore[operator]
        day = touch.date.isoformat() if touch.date else ""
        entry["last"] = max(str(entry["last"]), day)
        entry.setdefault("touch", touch)
    named = {
        address
        for (address,) in conn.execute(
            text(
                "SELECT address FROM correspondent WHERE name != ''"
                " AND address IN (SELECT value FROM json_each(:a))"
            ),
            {"a": json.dumps(list(tally))},
        )
    }
    rows = []
    for address, entry in tally.items():
        first = entry.pop("touch")
        assert isinstance(first, Touch)
        if address not in named and first.name_of is not None:
            entry["name"] = first.name_of(address)
        rows.append(entry)
    conn.execute(_NOTE_CORRESPONDENT, rows)
