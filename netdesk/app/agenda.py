"""The planned follow-ups as an iCalendar file of to-dos any calendar program opens."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Todo

from netdesk import __version__
from netdesk.app.due_list import DueTouchpoint

KIND_TITLES = {
    "thank_you": "Thank {contact}",
    "meeting": "Meet {contact}",
    "share_content": "Share something useful with {contact}",
    "call": "Call {contact}",
}


def todo_uid(touchpoint_id: int) -> str:
    return f"touchpoint-{touchpoint_id}@netdesk"


def agenda_ics(items: list[DueTouchpoint], stamp: dt.datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//netdesk//netdesk {__version__}//EN")
    calendar.add("version", "2.0")
    now = stamp or dt.datetime.now(dt.UTC)
    for item in items:
        todo = Todo()
        todo.add("uid", todo_uid(item.id))
        todo.add("dtstamp", now)
        title = KIND_TITLES.get(item.kind, "{kind}: {contact}")
        todo.add("summary", title.format(contact=item.contact, kind=item.kind.replace("_", " ")))
        todo.add("due", item.due)
        todo.add("status", "NEEDS-ACTION")
        todo.add("categories", [item.intent])
        description = f"From {item.event}" if item.event else ""
        if item.note:
            description = f"{description}\n{item.note}".strip()
        if description:
            todo.add("description", description)
        calendar.add_component(todo)
    data: bytes = calendar.to_ical()
    return data
