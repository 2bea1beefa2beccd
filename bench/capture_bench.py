"""Cards from photos: accuracy per field and time per photo, each beside a floor of this run.

    .venv/bin/python -m bench.capture_bench            # 60 paper cards, 20 QR photos
    .venv/bin/python -m bench.capture_bench --quick    # 12 and 5

Paper cards are drawn and photographed by bench/card_photos.py (seeds 1000 on, Spanish and
English, five layouts, turned up to 15°, seen at an angle, uneven light, blur, JPEG 60–88);
QR photos are 12-megapixel photos of badges holding vCard 2.1/3.0/4.0, MeCard and BIZCARD.

Floors: Pillow's bare decode of the same 12 MP JPEG (for QR), and Tesseract (the same model,
already loaded) reading the same card flat and straight as printed (for paper cards): what the
machine needs before any finding, straightening or field parsing.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import phonenumbers
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.card_photos import draw_card, paper_card_photo, person, qr_photo
from bench.run import print_table, row

KINDS = ["vcard21", "vcard3", "vcard4", "mecard", "bizcard"]
FIELDS = ("email", "phone", "full name", "organisation", "title")
TARGETS = {"email": 0.95, "phone": 0.95, "full name": 0.90, "organisation": 0.85, "title": 0.75}


def _e164(value: str) -> str:
    try:
        number = phonenumbers.parse(value, "ES")
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def qr_rows(count: int, work: Path) -> list[dict[str, Any]]:
    from netdesk.capture.photo import read_photo

    times, floors, decoded, exact = [], [], 0, 0
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        data, truth = qr_photo(2000 + i, kind, size=(4000, 3000))
        path = work / f"qr-{i}.jpg"
        path.write_bytes(data)
        start = time.perf_counter()
        Image.open(io.BytesIO(data)).load()
        floors.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = read_photo(path, "ES", ocr=False)
        times.append(time.perf_counter() - start)
        if result.cards:
            decoded += 1
            contact = result.cards[0].contact
            exact += (
                contact.full_name == truth.full_name
                and contact.organization == truth.organization
                and contact.title == truth.title
                and [e.value for e in contact.emails] == truth.emails
                and [_e164(p.value) for p in contact.phones] == truth.phones[:1]
            )
    median, worst = statistics.median(times), max(times)
    return [
        row(
            "QR photos decoded (12 MP)",
            decoded / count * 100,
            "%",
            None,
            "",
            "100 %",
            decoded == count,
        ),
        row(
            "QR contacts with every field exact",
            exact / count * 100,
            "%",
            None,
            "",
            "100 %",
            exact == count,
        ),
        row(
            "QR photo, 12 MP, median",
            median,
            "s",
            statistics.median(floors),
            "Pillow decode of the JPEG",
            "< 1 s",
            median < 1.0,
        ),
        row(
            "QR photo, 12 MP, slowest",
            worst,
            "s",
            max(floors),
            "Pillow decode of the JPEG",
            "< 1 s",
            worst < 1.0,
        ),
    ]


def paper_rows(count: int, work: Path) -> list[dict[str, Any]]:
    import tesserocr

    from netdesk.capture.ocr import _primary_language, tessdata
    from netdesk.capture.photo import read_photo

    engine = tesserocr.PyTessBaseAPI(path=f"{tessdata()}/", lang=_primary_language())

    right = dict.fromkeys(FIELDS, 0)
    times, floors = [], []
    for i in range(count):
        seed = 1000 + i
        data, truth = paper_card_photo(seed)
        path = work / f"card-{i}.jpg"
        path.write_bytes(data)
        start = time.perf_counter()
        result = read_photo(path, "ES")
        times.append(time.perf_counter() - start)
        # The floor: Tesseract alone on the same card, flat, as printed, at the same width.
        import random

        rng = random.Random(seed)
        printed = draw_card(person(rng), rng).convert("L").resize((1000, 571))
        start = time.perf_counter()
        engine.SetImage(printed)
        engine.GetUTF8Text()
        floors.append(time.perf_counter() - start)
        if not result.cards:
            continue
        contact = result.cards[0].contact
        right["email"] += [e.value for e in contact.emails] == truth.emails
        right["phone"] += sorted(_e164(p.value) for p in contact.phones) == sorted(truth.phones)
        right["full name"] += contact.full_name == truth.full_name
        right["organisation"] += contact.organization == truth.organization
        right["title"] += contact.title == truth.title
    rows = [
        row(
            f"paper cards: {field} exact",
            right[field] / count * 100,
            "%",
            None,
            "",
            f">= {TARGETS[field] * 100:.0f} %",
            right[field] / count >= TARGETS[field],
        )
        for field in FIELDS
    ]
    median, worst = statistics.median(times), max(times)
    rows += [
        row(
            "paper card photo, median",
            median,
            "s",
            statistics.median(floors),
            "Tesseract on the flat printed card",
            "< 3 s",
            median < 3.0,
        ),
        row(
            "paper card photo, slowest",
            worst,
            "s",
            max(floors),
            "Tesseract on the flat printed card",
            "< 3 s",
            worst < 3.0,
        ),
    ]
    return rows


def photos_gap_ms(photos: list[Path], work: Path) -> tuple[float, float]:
    """(largest event-loop stall, seconds in all) while the window's worker thread imports
    ``photos``: a 10 ms timer ticks on the GUI thread meanwhile (bench/loop_gaps.py)."""
    from PySide6.QtWidgets import QApplication

    from bench.loop_gaps import GapMeter
    from netdesk.app.importer import ImportRequest, run_import
    from netdesk.store.db import open_database
    from netdesk.ui.tasks import Task

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(work / "photos-gap.sqlite")
    meter = GapMeter()
    task = Task(lambda: run_import(db, ImportRequest(photos), "ES"))
    task.finished.connect(app.quit)
    start = time.perf_counter()
    meter.start()
    task.start()
    app.exec()
    meter.timer.stop()
    db.close()
    return meter.largest * 1000, time.perf_counter() - start


def capture_rows(quick: bool, work: Path) -> list[dict[str, Any]]:
    from netdesk.capture.ocr import available_languages

    rows = qr_rows(5 if quick else 20, work)
    if available_languages():
        rows += paper_rows(12 if quick else 60, work)
        photos = sorted(work.glob("card-*.jpg"))[:40] + sorted(work.glob("qr-*.jpg"))[:10]
        gap, seconds = photos_gap_ms(photos, work)
        rows.append(
            row(
                f"largest event-loop stall while {len(photos)} photos are read",
                gap,
                "ms",
                10.0,
                "the 10 ms timer",
                "< 100 ms",
                gap < 100,
            )
        )
        rows.append(
            row(
                f"{len(photos)} photos imported on the worker thread",
                seconds,
                "s",
                None,
                "",
                "report",
                None,
            )
        )
    else:
        print("Tesseract is not installed: paper cards not measured", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    rows = capture_rows(args.quick, Path(tempfile.mkdtemp(prefix="netdesk-capture-")))
    print_table(rows, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
