"""Dates, numbers and amounts as the interface's locale writes them.

Everything reads QLocale() — the default locale that netdesk.ui.i18n sets for the chosen
language. The "C" locale (no locale at all, as in tests and scripts) writes ISO 8601 dates and
plain numbers, so output stays unambiguous where no language was chosen. Short dates always carry
four-digit years: "3/4/26" is a puzzle, "3/4/2026" is a date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale

if TYPE_CHECKING:  # only annotations: decimal costs ~1.5 ms before the first paint
    from decimal import Decimal

# Symbols that say which currency they are in any locale; others are shown by ISO code.
SYMBOLS = {"EUR": "€", "GBP": "£", "JPY": "¥", "USD": "US$", "INR": "₹", "KRW": "₩"}
ZERO_DECIMALS = {"JPY", "KRW", "CLP", "ISK"}
_TWO_DIGIT_YEAR = re.compile(r"(?<!y)yy(?!y)")


def plain_html(text: str) -> str:
    """Our own words for a rich-text label: what html.escape does to text outside attributes,
    without loading html and html.entities (~2 ms) before the window's first paint (#19)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def _plain(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.C


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date pattern with a four-digit year (for QDateEdit too)."""
    loc = _locale(locale)
    if _plain(loc):
        return "yyyy-MM-dd"
    return _pattern(loc.dateFormat(QLocale.FormatType.ShortFormat))


@cache
def _pattern(short: str) -> str:
    return _TWO_DIGIT_YEAR.sub("yyyy", short)


def time_format(locale: QLocale | None = None) -> str:
    loc = _locale(locale)
    return "HH:mm" if _plain(loc) else loc.timeFormat(QLocale.FormatType.ShortFormat)


def format_date(value: dt.date | None, locale: QLocale | None = None) -> str:
    """A date in the short form of the locale; "" for no date."""
    if value is None:
        return ""
    loc = _locale(locale)
    if _plain(loc):
        return value.isoformat()
    return loc.toString(QDate(value.year, value.month, value.day), date_format(loc))


def format_long_date(value: dt.date, locale: QLocale | None = None) -> str:
    """A date spelled out: "Friday, 20 November 2026" / "viernes, 20 de noviembre de 2026"."""
    loc = _locale(locale)
    if _plain(loc):
        return value.isoformat()
    return loc.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat)


def format_datetime(value: dt.datetime, locale: QLocale | None = None) -> str:
    """Date and time to the minute, in local time when ``value`` knows its time zone."""
    if value.tzinfo is not None:
        value = value.astimezone()
    from PySide6.QtCore import QDateTime, QTime  # not before the first paint: ~0.3 ms (#19)

    loc = _locale(locale)
    moment = QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )
    return loc.toString(moment, f"{date_format(loc)} {time_format(loc)}")


def format_number(
    value: float | int | Decimal, decimals: int = 0, locale: QLocale | None = None
) -> str:
    """A number with the locale's decimal mark and digit grouping."""
    loc = _locale(locale)
    if isinstance(value, int) and decimals == 0:
        return loc.toString(value)
    return loc.toString(float(value), "f", decimals)


def currency_symbol(currency: str, locale: QLocale | None = None) -> str:
    """The locale's own symbol for its currency; a telling symbol or the ISO code otherwise."""
    loc = _locale(locale)
    code = currency.strip().upper()
    if not _plain(loc) and code == loc.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode):
        return loc.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
    return SYMBOLS.get(code, code)


def format_money(
    amount: float | int | Decimal, currency: str, locale: QLocale | None = None
) -> str:
    """An amount as the locale writes money: "€1,234.50" in English, "1234,50 €" in Spanish."""
    loc = _locale(locale)
    code = currency.strip().upper()
    decimals = 0 if code in ZERO_DECIMALS else 2
    if _plain(loc):
        return f"{float(amount):.{decimals}f} {code}"
    return loc.toCurrencyString(float(amount), currency_symbol(code, loc), decimals)
