"""Filling the playbook's message templates and handing them to the user's mail program."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from netdesk.app.playbook import FollowUpPlaybook
from netdesk.domain.contact_data import ContactData

PLACEHOLDERS = (
    "first_name",
    "last_name",
    "full_name",
    "organization",
    "event",
    "event_date",
    "my_name",
)


SPANISH_MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str

    def mailto(self) -> str:
        """A mailto: URL with subject and body, encoded as RFC 6068 asks."""
        query = f"subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"
        return f"mailto:{quote(self.to, safe='@')}?{query}"

    def as_text(self) -> str:
        return f"{self.subject}\n\n{self.body}" if self.subject else self.body


class _Lenient(dict[str, str]):
    """Unknown placeholders stay as typed, so a typo in a template never breaks composing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, str]) -> str:
    try:
        return string.Formatter().vformat(template, (), _Lenient(values))
    except (ValueError, IndexError):
        return template  # unbalanced braces: show the text as written


def format_date(day: dt.date | None, language: str) -> str:
    if day is None:
        return ""
    if language == "es":
        months = SPANISH_MONTHS
        return f"{day.day} de {months[day.month - 1]}"
    return f"{day.day} {day.strftime('%B')}"


def compose(
    playbook: FollowUpPlaybook,
    kind: str,
    contact: ContactData,
    *,
    language: str,
    my_name: str,
    event: str | None = None,
    event_date: dt.date | None = None,
) -> Message:
    """The message for a touchpoint of ``kind``, from the playbook step of that kind."""
    step = next((s for s in playbook.steps if s.kind == kind), None)
    subject_t = body_t = ""
    if step is not None:
        subject_t = step.subject.get(language) or step.subject.get("en", "")
        body_t = step.body.get(language) or step.body.get("en", "")
    first = contact.given_name or contact.display_name().split(" ")[0]
    values = {
        "first_name": first,
        "last_name": contact.family_name,
        "full_name": contact.display_name(),
        "organization": contact.organization,
        "event": event or "",
        "event_date": format_date(event_date, language),
        "my_name": my_name,
    }
    to = next((e.value for e in contact.emails if e.pref), "") or (
        contact.emails[0].value if contact.emails else ""
    )
    return Message(to=to, subject=fill(subject_t, values), body=fill(body_t, values))
