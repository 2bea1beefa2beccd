"""vCard at the byte level: blocks of cards, cards, logical lines, and lines cleaned for vobject.

Real files are not clean text. Folds can split a multi-byte character, quoted-printable soft
breaks continue on lines that start with a space (which is data), 2.1 files declare a CHARSET
per property or nothing at all, and a whole file may be Latin-1 or Shift_JIS. So everything up
to the value is done on bytes, each value is decoded on its own with the charset that applies to
it, and clean_line hands vobject a line its grammar accepts. Nothing here raises on any input.
"""

from __future__ import annotations

import binascii
import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

_BEGIN = re.compile(rb"^(?:[\w-]*\.)?BEGIN[ \t]*:[ \t]*VCARD[ \t]*$", re.IGNORECASE)
_END = re.compile(rb"^(?:[\w-]*\.)?END[ \t]*:[ \t]*VCARD[ \t]*$", re.IGNORECASE)
_VERSION = re.compile(rb"^(?:[\w-]*\.)?VERSION[ \t]*:", re.IGNORECASE)
_QP_PARAM = re.compile(rb"(?i)(?:^|;)(?:ENCODING=)?QUOTED-PRINTABLE(?:;|:|$)")
_B64_PARAM = re.compile(rb"(?i);(?:ENCODING=)?(?:BASE64|B)(?=[;:])")
# vobject's content-line grammar (vobject.base.patterns): names, parameter names and values.
_NAME = re.compile(r"(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+")
_PARAM_NAME = re.compile(r"[A-Za-z0-9_-]+")
_PARAM_VALUES = re.compile(r'(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*')
_HEAD = re.compile(
    r'(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+(?:;[A-Za-z0-9_-]+(?:=(?:"[^"]*"|[^";:,]*)'
    r'(?:,(?:"[^"]*"|[^";:,]*))*)?)*'
)
_DECODING_PARAM = re.compile(r"(?i)QUOTED-PRINTABLE|CHARSET")
_BASE64_LINE = re.compile(rb"^[A-Za-z0-9+/=]+$")
_FOLD = re.compile(rb"\r?\n[ \t]")
_KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]")


@dataclass
class RawCard:
    position: int
    lines: list[bytes]
    first_line: int  # 1-based line number of BEGIN in the file
    closed: bool = True
    nested: bool = False
    opened: bool = True  # False: the lines before an END:VCARD had no BEGIN:VCARD


SLICE_BYTES = 1 << 18


def slices(raw: bytes, size: int = SLICE_BYTES) -> Iterator[bytes]:
    """``raw`` in pieces of about ``size`` bytes, each ending just after a line break that no
    fold continues, so per-piece work gives the same result as whole-file work.

    Whole-file regex and split calls on a 10 MB export hold the GIL for 50 ms and more, which
    freezes the window while an import runs on a worker thread; pieces keep each call short.
    """
    start, end = 0, len(raw)
    while start < end:
        cut = raw.find(b"\n", start + size)
        while cut != -1 and raw[cut + 1 : cut + 2] in (b" ", b"\t"):
            cut = raw.find(b"\n", cut + 1)
        stop = end if cut == -1 else cut + 1
        yield raw[start:stop]
        start = stop


# "END:VCARDBEGIN:VCARD": two cards glued on one line by a careless concatenation.
_GLUED = re.compile(
    rb"(?i)((?:^|\n)(?:[\w-]*\.)?END[ \t]*:[ \t]*VCARD)[ \t]*((?:[\w-]*\.)?BEGIN[ \t]*:)"
)


def normalise_newlines(raw: bytes) -> bytes:
    text = raw.replace(b"\r\r\n", b"\n").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return _GLUED.sub(rb"\1\n\2", text)  # glued cards each on their own lines again


def physical_lines(raw: bytes, size: int = SLICE_BYTES) -> Iterator[bytes]:
    """The file's lines without their endings (LF, CRLF, CR CR LF or CR), BOM removed."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    pieces = list(slices(raw, size)) or [b""]
    for index, piece in enumerate(pieces):
        text = normalise_newlines(piece)
        if index < len(pieces) - 1 and text.endswith(b"\n"):
            text = text[:-1]  # the break between two pieces is not an extra empty line
        yield from text.split(b"\n")


def file_encoding(raw: bytes) -> str:
    """The charset for values that declare none: UTF-8 when the file is, else a guess."""
    return guess_encoding(lambda: slices(raw))


def guess_encoding(pieces: Callable[[], Iterable[bytes]]) -> str:
    """The charset of a file given as pieces cut at line breaks no fold continues (``pieces``
    is called again for a second pass when the file is not UTF-8).

    Judged after unfolding, since folds may split a UTF-8 character in two.
    """
    try:
        for piece in pieces():
            _unfold(piece).decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    japanese = False
    try:
        for piece in pieces():
            # Japanese phone exports: the text holds kana or kanji once decoded as Shift_JIS.
            text = _unfold(piece).decode("shift_jis")
            japanese = japanese or bool(_KANA_KANJI.search(text))
    except UnicodeDecodeError:
        return "cp1252"
    return "shift_jis" if japanese else "cp1252"


def _unfold(piece: bytes) -> bytes:
    return _FOLD.sub(b"", piece.replace(b"\r\r\n", b"\n"))


BLOCK_BYTES = 1 << 16
# A BEGIN:VCARD line that split_cards will take as one (a stricter pattern than _BEGIN, so a
# cut made here is always at the start of a card).
_CUT = re.compile(
    rb"(?<=[\r\n])(?:[\w-]*\.)?BEGIN[ \t]*:[ \t]*VCARD[ \t]*(?=[\r\n])", re.IGNORECASE
)


def card_blocks(stream: BinaryIO, size: int = BLOCK_BYTES) -> Iterator[bytes]:
    """A file in blocks of about ``size`` bytes, each cut just before a BEGIN:VCARD line, so
    no card straddles two blocks and each block can be read on its own (even in another
    process). Only one block, plus one read, is held at a time.
    """
    buffer = bytearray()
    scanned = 0  # the buffer before this offset holds no cut
    while True:
        data = stream.read(size)
        buffer += data
        while len(buffer) > size or (not data and buffer):
            match = _CUT.search(buffer, max(size, scanned))
            if match is None:
                if data:
                    scanned = max(len(buffer) - 64, 0)  # a BEGIN line may be split by the read
                    break
                match_start = len(buffer)
            else:
                match_start = match.start()
            yield bytes(buffer[:match_start])
            del buffer[:match_start]
            scanned = 0
        if not data:
            return


def split_cards(raw: bytes, followed: bool = False) -> Iterator[RawCard]:
    """Physical lines grouped by BEGIN/END; junk between cards is skipped.

    ``followed``: ``raw`` is a block of a file (see card_blocks) and another card begins right
    after it, so a card left open at its end had a new card begin inside it.
    """
    current: RawCard | None = None
    orphans: list[bytes] = []  # lines outside any card; a card whose BEGIN is missing
    position = 0
    for number, line in enumerate(physical_lines(raw), start=1):
        stripped = line.strip()
        if current is None and not _BEGIN.match(stripped) and not _END.match(stripped):
            orphans.append(line)
            continue
        if _BEGIN.match(stripped):
            orphans = []
            position += 1
            if current is not None:
                current.closed = False
                current.nested = True
                yield current
            current = RawCard(position, [], number)
            continue
        if _END.match(stripped):
            if current is not None:
                yield current
                current = None
            elif any(_VERSION.match(o.strip()) for o in orphans):
                position += 1
                yield RawCard(position, orphans, number - len(orphans), opened=False)
            orphans = []
            continue
        if current is not None:
            current.lines.append(line)
    if current is not None:
        current.closed = False
        current.nested = followed
        yield current


def logical_lines(lines: list[bytes]) -> list[bytes]:
    """Unfold: leading white space continues a line; so does a QP value ending in '='."""
    result: list[bytes] = []
    qp_open = False
    b64_open = False
    for line in lines:
        if result and qp_open:
            result[-1] = result[-1][:-1] + line  # soft break: the leading space is data
            qp_open = result[-1].endswith(b"=")
            continue
        if result and line[:1] in (b" ", b"\t"):
            result[-1] += line[1:]
        elif result and b64_open and line and _BASE64_LINE.match(line.strip()):
            result[-1] += line.strip()  # 2.1 base64 continued without indentation
        elif not line.strip():
            b64_open = False
            continue
        else:
            result.append(line)
        head = result[-1].split(b":", 1)[0]
        qp_open = bool(_QP_PARAM.search(head)) and result[-1].endswith(b"=")
        b64_open = bool(_B64_PARAM.search(head + b":"))
    return result


def _split_params(text: str) -> list[str]:
    if '"' not in text:
        return text.split(";")
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _value_start(line: bytes) -> int:
    """Where the head (name and parameters) ends: the first colon outside double quotes."""
    colon = line.find(b":")
    quote = line.find(b'"')
    if 0 <= quote < colon:  # a quoted parameter value may hold a colon: walk the head
        quoted = False
        for i, byte in enumerate(line):
            if byte == 0x22:
                quoted = not quoted
            elif byte == 0x3A and not quoted:
                return i
        return -1
    return colon


def clean_line(line: bytes, charset: str = "utf-8") -> str | None:
    """One logical line as text that vobject's content-line grammar accepts; None when the line
    has no usable NAME:VALUE shape.

    The value is decoded here (quoted-printable undone, the declared or guessed charset
    applied), so ENCODING=QUOTED-PRINTABLE and CHARSET are dropped from the head. The head is
    tidied (blanks around ``;`` and ``=``, empty parameters) and any parameter that still does
    not fit the grammar is dropped: vobject's line regex backtracks exponentially on a head it
    cannot match (seconds for a 30-character line), so it is only ever given heads that fit.
    """
    colon = _value_start(line)
    if colon <= 0:
        return None
    head = line[:colon].decode(charset, errors="replace")
    if _HEAD.fullmatch(head) and not _DECODING_PARAM.search(head):  # most lines: nothing to do
        return head + ":" + decode_value(line[colon + 1 :], False, "", charset)
    pieces = _split_params(head)
    name = pieces[0].strip().removeprefix(".")  # ".FN": an empty group
    if _NAME.fullmatch(name) is None:
        return None
    kept = [name]
    qp = False
    declared = ""
    for raw_piece in pieces[1:]:
        key, eq, value = raw_piece.partition("=")
        key, value = key.strip(), value.strip()
        word = key.upper()
        if (word, value.upper()) in (("QUOTED-PRINTABLE", ""), ("ENCODING", "QUOTED-PRINTABLE")):
            qp = True
        elif word == "CHARSET" and eq:
            declared = value.strip('"').strip()
        elif not key:
            continue  # an empty parameter (";;" or a trailing ";")
        elif not eq:  # a bare 2.1 type; "MSG,WORK" would read as MSG alone, so name it TYPE
            words = [w.strip() for w in key.split(",") if w.strip()]
            if all(_PARAM_NAME.fullmatch(w) for w in words):
                kept.append(key if len(words) == 1 else "TYPE=" + ",".join(words))
        else:
            value = ",".join(v.strip() for v in value.split(",")) if '"' not in value else value
            if _PARAM_NAME.fullmatch(key) and _PARAM_VALUES.fullmatch(value):
                kept.append(f"{key}={value}")
    return ";".join(kept) + ":" + decode_value(line[colon + 1 :], qp, declared, charset)


def decode_value(data: bytes, qp: bool, declared: str, default_charset: str) -> str:
    """A value as text: quoted-printable undone and the right charset applied."""
    if qp:
        data = _qp(data)
    elif not declared:
        try:
            return data.decode(default_charset)
        except UnicodeDecodeError:
            pass
    charset = declared or default_charset
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = default_charset
    try:
        return data.decode(charset)
    except UnicodeDecodeError:
        if charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
            return data.decode(charset, errors="replace")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode(
                default_charset if default_charset != "utf-8" else "cp1252", errors="replace"
            )


def _qp(data: bytes) -> bytes:
    """Quoted-printable decoding that passes raw 8-bit bytes and stray '=' through."""
    out = bytearray()
    i = 0
    while i < len(data):
        byte = data[i]
        if (
            byte == 0x3D
            and i + 2 < len(data) + 0
            and re.match(rb"[0-9A-Fa-f]{2}", data[i + 1 : i + 3])
        ):
            out += binascii.unhexlify(data[i + 1 : i + 3])
            i += 3
            continue
        if byte == 0x3D and i == len(data) - 1:
            i += 1  # a trailing soft break
            continue
        out.append(byte)
        i += 1
    return bytes(out)


def unescape(value: str, version: str) -> str:
    """Remove vCard escapes: all of them in 3.0/4.0, only "\\;" in 2.1. Line breaks come out
    as one \\n whatever the card used (2.1's quoted-printable =0D=0A is CR LF)."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if "\\" not in value:
        return value
    if version.startswith("2"):
        return value.replace("\\;", ";")
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def split_structured(value: str, separator: str = ";") -> list[str]:
    """Split on separators that are not escaped; the pieces keep their other escapes."""
    if "\\" not in value:
        return value.split(separator)
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts
