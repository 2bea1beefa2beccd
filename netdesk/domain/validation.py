"""Checks on what the user typed, phrased for the field they typed it in."""

from __future__ import annotations

import datetime as dt
import re

from netdesk.domain.contact_data import ContactData

# Deliberately permissive: one @, something on each side, a dot in the domain, no spaces and
# no control characters (a NUL inside an address is junk, not an address).
_EMAIL = re.compile(r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f]+$")
# Characters no field of a contact may hold; the note keeps its line breaks and tabs.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PARTIAL_BIRTHDAY = re.compile(r"^--(\d{2})-(\d{2})$")
_HAS_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_HOST_LIKE = re.compile(r"^[^\s/:@]+\.[^\s/:@.]+[^\s]*$")


def web_address(value: str) -> str:
    """A web address as a URI: one written without a scheme ("www.example.com/team") gets
    http://, which every browser follows (and upgrades where the site asks). Anything else —
    already a URI, or not an address at all — comes back as it is, spaces collapsed."""
    text = " ".join(value.split())
    if text and not _HAS_SCHEME.match(text) and _HOST_LIKE.match(text):
        return "http://" + text
    return text


def is_valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))


def birthday_problem(value: str) -> str | None:
    """None when ``value`` is a full ISO date or a "--MM-DD" day without a year."""
    text = value.strip()
    partial = _PARTIAL_BIRTHDAY.match(text)
    try:
        if partial:
            dt.date(2000, int(partial.group(1)), int(partial.group(2)))  # 2000: leap year
        else:
            dt.date.fromisoformat(text)
    except ValueError:
        return "Use a date like 1980-03-22, or --03-22 when the year is unknown."
    return None


def contact_problems(data: ContactData) -> dict[str, str]:
    """Field name → what is wrong with it. Empty when the contact can be saved."""
    problems: dict[str, str] = {}
    has_name = any(
        v.strip() for v in (data.full_name, data.given_name, data.family_name, data.organization)
    )
    if not has_name:
        problems["full_name"] = "Enter a name or an organisation."
    bad = [e.value for e in data.emails if e.value.strip() and not is_valid_email(e.value)]
    if bad:
        problems["emails"] = f"“{bad[0]}” is not an e-mail address (expected name@example.com)."
    if data.birthday:
        problem = birthday_problem(data.birthday)
        if problem:
            problems["birthday"] = problem
    return problems
