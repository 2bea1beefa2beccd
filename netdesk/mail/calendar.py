"""Meetings held, from an .ics file or the CalDAV calendars of a sync account.

Recurring events are expanded with ``recurring-ical-events`` (RRULE, RDATE, EXDATE and moved or
cancelled occurrences), and only occurrences up to "today" (``until``) were held. An event
with a broken or missing start is reported as malformed and the rest of the calendar is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

import icalendar
import recurring_ical_events

EPOCH = dt.date(1970, 1, 1)


class CalendarError(Exception):
    """A file or server answer that is not a calendar; the message says which and why."""


@dataclass
class Meeting:
    """One occurrence of an event, as the calendar says it went."""

    key: str
    date: dt.date | None
    summary: str = ""
    organizer: str = ""
    attendees: list[tuple[str, str]] = field(default_factory=list)  # (address, PARTSTAT)
    names: dict[str, str] = field(default_factory=dict)
    cancelled: bool = False
    problem: str = ""


def parse(data: bytes | str, label: str) -> icalendar.Calendar:
    try:
        cal = icalendar.Calendar.from_ical(data)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise CalendarError(f"{label}: not an iCalendar file ({exc})") from exc
    if not isinstance(cal, icalendar.Calendar):
        raise CalendarError(f"{label}: not an iCalendar file (no VCALENDAR)")
    return cal


def _address(value: object) -> str:
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.strip().lower() if "@" in text else ""


def _day(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.astimezone().date() if value.tzinfo else value.date()
    if isinstance(value, dt.date):
        return value
    raise ValueError(f"not a date: {value!r}")


def _broken(event: icalendar.cal.Component) -> str:
    errors = getattr(event, "errors", None) or []
    for name, reason in errors:
        if name in ("DTSTART", "DTEND", "RECURRENCE-ID", "RRULE", "EXDATE", "RDATE", "DURATION"):
            return f"{name}: {reason}"
    if event.get("DTSTART") is None:
        return "no DTSTART"
    try:
        _day(event.decoded("DTSTART"))
    except (ValueError, KeyError, TypeError, OverflowError) as exc:
        return f"DTSTART: {exc}"
    return ""


def meetings(
    cal: icalendar.Calendar, until: dt.date, since: dt.date | None = None
) -> Iterator[Meeting]:
    """Every occurrence from ``since`` (default: ever) up to and including ``until``."""
    good: list[icalendar.cal.Component] = []
    recurring: set[str] = set()
    for comp in list(cal.subcomponents):
        if comp.name != "VEVENT":
            continue
        uid = str(comp.get("UID", ""))
        problem = _broken(comp)
        if problem:
            cal.subcomponents.remove(comp)
            yield Meeting(key=f"ev:{uid}", date=None, problem=problem)
            continue
        if comp.get("RRULE") or comp.get("RDATE") or comp.get("RECURRENCE-ID"):
            recurring.add(uid)
        good.append(comp)
    if not good:
        return
    start = since or EPOCH
    try:
        found = recurring_ical_events.of(cal, skip_bad_series=True).between(
            start, until + dt.timedelta(days=1)
        )
    except Exception as exc:  # the library raises its own and icalendar's errors
        raise CalendarError(f"the calendar's repeating events could not be read ({exc})") from exc
    for event in found:
        meeting = _meeting(event, recurring)
        if meeting.date is None or start <= meeting.date <= until:
            yield meeting  # an event that began before ``since`` or is not over yet is left


def _meeting(event: icalendar.Event, recurring: set[str]) -> Meeting:
    uid = str(event.get("UID", ""))
    try:
        day = _day(event.decoded("DTSTART"))
    except (ValueError, KeyError, TypeError, OverflowError) as exc:
        return Meeting(key=f"ev:{uid}", date=None, problem=f"DTSTART: {exc}")
    key = f"ev:{uid}"
    if uid in recurring:
        rid = event.get("RECURRENCE-ID")
        when = rid.dt if rid is not None else event.decoded("DTSTART")
        key += "/" + (when.isoformat() if hasattr(when, "isoformat") else str(when))
    attendees: list[tuple[str, str]] = []
    names: dict[str, str] = {}
    raw = event.get("ATTENDEE") or []
    for att in raw if isinstance(raw, list) else [raw]:
        address = _address(att)
        if address:
            attendees.append((address, str(att.params.get("PARTSTAT", "")).upper()))
            if att.params.get("CN"):
                names.setdefault(address, str(att.params["CN"]))
    organizer_prop = event.get("ORGANIZER")
    organizer = _address(organizer_prop)
    if organizer and organizer_prop is not None and organizer_prop.params.get("CN"):
        names.setdefault(organizer, str(organizer_prop.params["CN"]))
    return Meeting(
        key=key,
        date=day,
        summary=str(event.get("SUMMARY", "")),
        organizer=organizer,
        attendees=attendees,
        names=names,
        cancelled=str(event.get("STATUS", "")).upper() == "CANCELLED",
    )
