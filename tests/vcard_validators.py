"""Independent validators for the vCards netdesk writes, installed for the tests only.

vCard 3.0: the ``vcard`` package (RFC 2426 validator). It reads RFC 2426's grammar on decoded
text where the RFC defines it on octets, and reads a few rules more strictly than the RFC, so
each card is prepared first, and each step says which RFC text allows what it undoes:

- the card is handed over as its UTF-8 octets, one character per octet (``latin-1``): the
  RFC's NON-ASCII range is %x80-FF (§4), which is what UTF-8 text is made of (octet 0x85 is
  handed over as 0x86, the same class, because Python's splitlines ends a line at U+0085);
- groups are taken off each line: RFC 2425 §5.8.2 lets any content line carry a group
  (``item1.TEL``), the validator only knows a group on the whole card; the group's own syntax
  is checked here;
- X- parameters are taken off: RFC 2425 §5.8.2's param-name is ``x-name / iana-token`` on
  every property, the validator refuses any parameter on BDAY and URL;
- IMPP (RFC 4770) and FBURL, CALADRURI, CALURI (RFC 2739), extensions registered for vCard
  3.0, are checked as X- properties (the validator knows only RFC 2426's own names);
- SOURCE without parameters, as in RFC 2426 §2.1.4's own example, is given its default
  ``VALUE=uri``.

Every error is a problem; of its warnings, those on TYPE values are problems too. Lines are
also checked here for CRLF endings and for at most 75 octets.

vCard 4.0: ``vcard4-ts`` (RFC 6350) under Node, installed from tests/validators/package.json.
Every error it reports is a problem, and so is every warning but its comma warnings where
RFC 6350 §3.3 allows the comma: inside a URI value (``data:image/png;base64,…``, ``geo:1,2``)
and inside a quoted parameter value (QSAFE-CHAR).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from pathlib import Path

_HERE = Path(__file__).resolve().parent / "validators"
_GROUP = re.compile(r"^([A-Za-z0-9-]+)\.(?=[A-Za-z])")
_REGISTERED_30 = {"IMPP", "FBURL", "CALADRURI", "CALURI"}


def cards_of(text: str) -> list[str]:
    """The cards of a file's text (BEGIN and END on lines of their own), with CRLF endings."""
    cards: list[str] = []
    current: list[str] = []
    for line in text.split("\r\n"):
        current.append(line)
        if line.upper() == "END:VCARD":
            cards.append("\r\n".join(current) + "\r\n")
            current = []
    return cards


def _split_head(line: str) -> tuple[str, str]:
    """A content line's name-and-parameters part and its value (the first colon outside
    quotes separates them)."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i], line[i + 1 :]
    return line, ""


def _split_params(head: str) -> list[str]:
    pieces, current, quoted = [], [], False
    for ch in head:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
    pieces.append("".join(current))
    return pieces


def _prepared_30(card: str, problems: list[str]) -> str:
    physical = card.encode("utf-8").split(b"\r\n")[:-1]
    if b"\n" in b"".join(physical) or b"\r" in b"".join(physical):
        problems.append("a line does not end with CRLF")
    for raw in physical:
        if len(raw) > 75:
            problems.append(f"line longer than 75 octets: {raw[:40]!r}")
    logical: list[str] = []
    for raw in physical:
        text = raw.decode("latin-1").replace("\x85", "\x86")
        if text.startswith((" ", "\t")) and logical:
            logical[-1] += text[1:]
        else:
            logical.append(text)
    out = []
    for grouped in logical:
        group = _GROUP.match(grouped)
        head, value = _split_head(grouped[group.end() :] if group else grouped)
        name, *params = _split_params(head)
        params = [p for p in params if not p.upper().startswith("X-")]
        if name.upper() in _REGISTERED_30:
            name = "X-" + name
        if name.upper() == "SOURCE" and not params:
            params = ["VALUE=uri"]
        out.append(";".join([name, *params]) + ":" + value)
    return "\r\n".join(out) + "\r\n"


def strict_30_problems(text: str) -> list[str]:
    """What the RFC 2426 validator finds wrong in each card of ``text`` (empty: all valid)."""
    from vcard.vcard_errors import VCardError
    from vcard.vcard_validator import VCard

    problems: list[str] = []
    for card in cards_of(text):
        found: list[str] = []
        prepared = _prepared_30(card, found)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                VCard(prepared)
            except VCardError as error:
                found.append(" ".join(str(error).split()))
        found += [str(w.message) for w in caught if str(w.message).startswith("Possible invalid")]
        first = card.split("\r\n")[2] if card.count("\r\n") > 2 else card
        problems += [f"{first}: {p}" for p in found]
    return problems


def vcard4_validator_missing() -> str | None:
    """Why the 4.0 validator cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "Node.js is not installed (the vCard 4.0 validator, vcard4-ts, runs under it)"
    if not (_HERE / "node_modules" / "vcard4-ts").is_dir():
        return "vcard4-ts is not installed: run npm ci --prefix tests/validators"
    return None


def vcard4_problems(text: str) -> list[str]:
    """What vcard4-ts reports for each card of ``text`` (empty: all valid)."""
    cards = cards_of(text)
    done = subprocess.run(
        ["node", str(_HERE / "check_vcard4.mjs")],
        input=json.dumps(cards),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    problems: list[str] = []
    for card, found in zip(cards, json.loads(done.stdout), strict=True):
        first = card.split("\r\n")[2] if card.count("\r\n") > 2 else card
        for nag in found:
            allowed = (nag["key"] == "VALUE_UNESCAPED_COMMA" and nag.get("property") in _URI_4) or (
                nag["key"] == "PARAM_UNESCAPED_COMMA" and '=\\"' in nag["text"]
            )
            if nag["error"] or not allowed:
                problems.append(f"{first}: {nag['key']}: {nag['text']}")
    return problems


# Properties whose value is a URI in vCard 4.0 (RFC 6350), where a comma is part of the value.
_URI_4 = {
    "PHOTO",
    "LOGO",
    "SOUND",
    "GEO",
    "URL",
    "KEY",
    "IMPP",
    "SOURCE",
    "MEMBER",
    "FBURL",
    "CALADRURI",
    "CALURI",
    "RELATED",
    "UID",
    "TZ",
}
