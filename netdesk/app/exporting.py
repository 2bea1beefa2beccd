"""Exporting contacts as vCard 3.0/4.0 or CSV — one way for the window and the command line.

``export_steps`` writes a file as the user expects of a save: streamed, contact by contact
(progress every STEP), into a private temporary file beside the target that replaces it only
when complete, so a failed or cancelled export never leaves half a file or touches an existing
one; the result is readable by the user alone (0600). ``write_contacts`` streams to any open
text stream (the command line's standard output). CSV files start with a byte-order mark, so
spreadsheet programs read them as UTF-8.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from sqlalchemy import select

from netdesk.app.contacts import search_filter
from netdesk.domain.contact_data import ContactData
from netdesk.store.contact_rows import to_data, whole_contacts
from netdesk.store.db import Database
from netdesk.store.models import Contact


def contacts_data(
    db: Database, query: str = "", ids: Sequence[int] | None = None
) -> Iterator[ContactData]:
    stmt = (
        select(Contact)
        .options(*whole_contacts())
        .order_by(Contact.full_name.collate("NOCASE"), Contact.id)
    )
    where = search_filter(query)
    if where is not None:
        stmt = stmt.where(where)
    if ids is not None:
        stmt = stmt.where(Contact.id.in_(list(ids)))
    with db.session() as session:
        for contact in session.scalars(stmt):
            yield to_data(contact)


STEP = 500  # contacts read per progress report
FORMATS = ("vcard", "vcard4", "csv")


@dataclass(frozen=True)
class ExportProgress:
    done: int
    total: int


def write_contacts(
    db: Database,
    fmt: str,
    out: TextIO,
    *,
    query: str = "",
    ids: Sequence[int] | None = None,
) -> Generator[int, None, int]:
    """Write the contacts (matching ``query``, or ``ids``, or all) to ``out``; yields how many
    so far every STEP contacts, returns the count. vCards are written one by one; a CSV's
    columns depend on the widest contact, so its rows are written at the end."""
    from netdesk.interop.csv_writer import write_csv
    from netdesk.interop.vcard_writer import write_vcard

    if fmt not in FORMATS:
        raise ValueError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    version: Literal["3.0", "4.0"] = "4.0" if fmt == "vcard4" else "3.0"
    collected: list[ContactData] = []
    chunks: list[Sequence[int] | None] = (
        [None] if ids is None else [ids[i : i + STEP] for i in range(0, len(ids), STEP)]
    )
    count = 0
    for chunk in chunks:
        for data in contacts_data(db, query, chunk):
            if fmt == "csv":
                collected.append(data)
            else:
                out.write(write_vcard(data, version))
            count += 1
            if count % STEP == 0:
                yield count
    if fmt == "csv":
        out.write(write_csv(collected))
    return count


def _private_temp(target: Path) -> Path:
    """A new file beside ``target`` that only the user can read (mkstemp creates it 0600)."""
    fd, name = tempfile.mkstemp(prefix=".netdesk-export-", suffix=".partial", dir=target.parent)
    os.close(fd)
    return Path(name)


def export_steps(
    db: Database,
    fmt: str,
    target: Path,
    *,
    query: str = "",
    ids: Sequence[int] | None = None,
    total: int = 0,
) -> Generator[ExportProgress, None, int]:
    """Write the contacts to ``target`` (see the module docstring); yields progress, returns
    the count. OSError says which file could not be written and why."""
    if fmt not in FORMATS:
        raise ValueError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    try:
        temp = _private_temp(target)
    except OSError as exc:
        raise OSError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        with temp.open("w", encoding=encoding, newline="") as fh:
            steps = write_contacts(db, fmt, fh, query=query, ids=ids)
            while True:
                try:
                    done = next(steps)
                except StopIteration as stop:
                    count: int = stop.value
                    break
                yield ExportProgress(done, max(total, done))
        os.replace(temp, target)
        os.chmod(target, 0o600)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OSError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    yield ExportProgress(count, count)
    return count


def run_to_end(steps: Generator[object, None, int]) -> int:
    """Drive a generator of progress to its end; its result (the command line shows none)."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return int(stop.value)


def export_text(db: Database, fmt: str, query: str = "", ids: Sequence[int] | None = None) -> str:
    """The export as one string (tests, and small exports)."""
    out = io.StringIO(newline="")
    run_to_end(write_contacts(db, fmt, out, query=query, ids=ids))
    return out.getvalue()


__all__ = [
    "FORMATS",
    "STEP",
    "ExportProgress",
    "contacts_data",
    "export_steps",
    "export_text",
    "run_to_end",
    "write_contacts",
]
