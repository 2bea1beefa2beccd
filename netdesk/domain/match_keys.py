"""Match keys: the forms of e-mails and phones under which two cards count as the same person."""

from __future__ import annotations

import contextlib
import locale
import re

import phonenumbers

_NON_DIGITS = re.compile(r"\D+")


def email_key(value: str) -> str:
    return value.strip().lower()


def _locale_name() -> str | None:
    return locale.getlocale()[0]


def _ctype_name() -> str | None:
    return locale.setlocale(locale.LC_CTYPE)


def default_region() -> str:
    """The phone region for numbers written without a country code, from the user's locale."""
    for getter in (_locale_name, _ctype_name):
        try:
            name = getter()
        except (ValueError, locale.Error):
            continue
        if name and "_" in name:
            region = name.split("_", 1)[1][:2].upper()
            if region.isalpha() and len(region) == 2:
                return region
    return "US"


# Keys already worked out, by (value, region): a parse costs ~30 µs, and an import asks for
# each number's keys several times (finding duplicates, writing the rows). A plain dict rather
# than lru_cache, so keys computed in the import's reading processes can be put in it.
_KNOWN: dict[tuple[str, str], tuple[str, str]] = {}
_KNOWN_MOST = 65536


def phone_keys(value: str, region: str) -> tuple[str, str]:
    """The match key and the search digits of a phone number (see _parse_phone); remembered."""
    found = _KNOWN.get((value, region))
    if found is None:
        found = _parse_phone(value, region)
        if len(_KNOWN) >= _KNOWN_MOST:
            _KNOWN.clear()
        _KNOWN[(value, region)] = found
    return found


def learn_phone_keys(known: dict[str, tuple[str, str]], region: str) -> None:
    """Remember keys ``phone_keys`` worked out elsewhere (a reading process) for ``region``."""
    if len(_KNOWN) + len(known) > _KNOWN_MOST:
        _KNOWN.clear()
    for value, keys in known.items():
        _KNOWN[(value, region)] = keys


def forget_phone_keys() -> None:
    _KNOWN.clear()


def _parse_phone(value: str, region: str) -> tuple[str, str]:
    """The match key and the search digits of a phone number, from a single parse.

    Match key: E.164 when the number parses for the region, else its bare digits (5 or more),
    else "". Search digits: the digits as written, plus the national number without its
    country code, so "600123" finds "+34 600 12 34 56".
    """
    text = value.strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
    text = text.split(";", 1)[0]
    digits = _NON_DIGITS.sub("", text)
    if len(digits) < 5:
        return "", digits
    try:
        number = phonenumbers.parse(text, region or None)
    except phonenumbers.NumberParseException:
        number = None
    if (number is None or not phonenumbers.is_possible_number(number)) and text.lstrip(
        " ("
    ).startswith("00"):
        # "0034 600…": the international prefix most of the world dials, whatever the region.
        with contextlib.suppress(phonenumbers.NumberParseException):
            number = phonenumbers.parse("+" + digits[2:], None)
    if number is None:
        return digits, digits
    national = str(number.national_number)
    search = digits if national == digits else f"{digits} {national}"
    if phonenumbers.is_possible_number(number):
        key = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return str(key), search
    return digits, search


def phone_key(value: str, region: str) -> str:
    return phone_keys(value, region)[0]
