"""Dates as spreadsheets and address-book exports spell them, read into netdesk's ISO form."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

__all__ = ["parse_date", "plain_text"]


def plain_text(text: str) -> str:
    """Lower-case, accents and punctuation removed: "Teléfono móvil" → "telefono movil"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())


_MONTHS = (
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "ene feb mar abr may jun jul ago sep oct nov dic",
)
_YEAR_FIRST = re.compile(r"^(\d{4})([-/.]?)(\d{1,2})\2(\d{1,2})(?:[T ].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:\s+de)?\s+([^\W\d_]{3,})\.?,?(?:\s+de)?\s+(\d{4})$")
_MONTH_DAY = re.compile(r"^([^\W\d_]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$")


def _month(word: str) -> int:
    key = plain_text(word)[:3]
    return next((names.split().index(key) + 1 for names in _MONTHS if key in names.split()), 0)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        if year == 0:
            dt.date(2000, month, day)  # a leap year, so 29 February is fine
            return f"--{month:02d}-{day:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str, month_first: bool = False) -> str | None:
    """A birthday in any common spelling → "YYYY-MM-DD" or "--MM-DD"; None if not a date.

    ``month_first`` settles 03/04/1980 (Outlook writes US dates); a number over 12 decides alone.
    """
    t = text.strip()
    if m := _NO_YEAR.match(t):
        return _iso(0, int(m.group(1)), int(m.group(2)))
    if m := _YEAR_FIRST.match(t):
        return _iso(int(m.group(1)), int(m.group(3)), int(m.group(4))) if int(m.group(1)) else None
    if m := _NUMERIC.match(t):
        a, b, year = (int(g) for g in m.groups())
        if len(m.group(3)) == 2:
            year += 1900 if year > dt.date.today().year % 100 else 2000
        month, day = (a, b) if (month_first and a <= 12) or b > 12 else (b, a)
        return _iso(year, month, day) if year else None
    for pattern, day, month in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if m := pattern.match(t):  # "15 Mar 2023", "15 de marzo de 1980", "March 15, 1980"
            year = int(m.group(3))
            return _iso(year, _month(m.group(month)), int(m.group(day))) if year else None
    return None
