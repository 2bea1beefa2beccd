"""Photos through the real import: QR badges and paper cards made and photographed here
(turned, at an angle, unevenly lit, blurred, JPEG), bad files beside good ones, undo."""

from __future__ import annotations

import io
import json
import random
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from PIL import Image

from bench.card_photos import draw_badge, draw_card, paper_card_photo, person, photograph, qr_photo
from netdesk.app.contacts import ContactBook
from netdesk.app.import_undo import undo_import
from netdesk.app.importer import EventChoice, ImportRequest, import_all
from netdesk.capture.ocr import available_languages
from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.db import Database

needs_tesseract = pytest.mark.skipif(
    not available_languages(),
    reason="Tesseract OCR is not installed (Debian: tesseract-ocr tesseract-ocr-spa)",
)


def cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netdesk", "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def e164(value: str) -> str:
    return phonenumbers.format_number(
        phonenumbers.parse(value, "ES"), phonenumbers.PhoneNumberFormat.E164
    )


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` but holds almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("kind", ["vcard21", "vcard3", "vcard4", "mecard", "bizcard"])
def test_a_photographed_qr_badge_becomes_its_contact_exactly(
    kind: str, tmp_path: Path, db: Database
) -> None:
    data, truth = qr_photo(7 + len(kind), kind, size=(4000, 3000))  # a 12-megapixel photo
    photo = tmp_path / "badge.jpg"
    photo.write_bytes(data)
    report = import_all(db, ImportRequest(files=[photo]), "ES")
    assert report.images == [{"file": str(photo), "source": "qr", "found": 1, "not_contacts": []}]
    [record] = ContactBook(db).as_records()
    assert record["full_name"] == truth.full_name
    assert record["organization"] == truth.organization
    assert record["title"] == truth.title
    assert record["emails"][0] == truth.emails[0]
    assert e164(record["phones"][0]) == truth.phones[0]
    assert record["needs_review"] is False  # a QR code is exact: nothing to review


def test_several_codes_in_one_photo_and_codes_that_are_not_contacts(
    tmp_path: Path, db: Database
) -> None:
    rng = random.Random(3)
    first, second = person(rng, "es"), person(rng, "en")
    from bench.card_photos import qr_payload

    two = tmp_path / "two.png"
    badge = draw_badge([qr_payload(first, "vcard3"), qr_payload(second, "mecard")], rng)
    two.write_bytes(photograph(badge, rng, size=(2400, 1800), angle=8))
    link = tmp_path / "link.webp"
    Image.open(io.BytesIO(photograph(draw_badge(["https://expo.example/agenda"], rng), rng))).save(
        link, "WEBP"
    )
    wifi = tmp_path / "wifi.jpg"
    wifi.write_bytes(photograph(draw_badge(["WIFI:T:WPA;S:Expo Hall;P:pw;;"], rng), rng))

    report = import_all(db, ImportRequest(files=[two, link, wifi]), "ES")
    names = sorted(r["full_name"] for r in ContactBook(db).as_records())
    assert names == sorted([first.full_name, second.full_name])
    by_file = {Path(i["file"]).name: i for i in report.images}
    assert by_file["two.png"]["found"] == 2 and by_file["two.png"]["source"] == "qr"
    assert by_file["link.webp"]["found"] == 0
    assert by_file["link.webp"]["not_contacts"] == [
        {"kind": "url", "text": "https://expo.example/agenda"}
    ]
    assert by_file["wifi.jpg"]["not_contacts"][0]["kind"] == "wifi"
    rejected = {Path(o.file).name: o.reason for o in report.rejected}
    assert "link to https://expo.example/agenda" in rejected["link.webp"]
    assert "Wi-Fi settings" in rejected["wifi.jpg"]
    assert report.created == 2


def test_bad_files_are_named_with_their_reason_and_the_rest_is_imported(
    tmp_path: Path, db: Database
) -> None:
    ContactBook(db).create(
        ContactData(full_name="Already Here", emails=[EmailAddress("here@x.es")])
    )
    good, truth = qr_photo(11, "vcard3")
    files = {
        "good.jpg": good,
        "corrupt.jpg": good[: len(good) // 3],
        "notes.jpg": b"these are my notes, not a photo\n" * 20,
        "empty.png": b"",
        "bomb.png": png_header_only(12_000, 12_000),
        "panorama.png": png_header_only(20_000, 10_000),
    }
    blank = io.BytesIO()
    Image.new("RGB", (1200, 900), (128, 128, 128)).save(blank, "JPEG")
    files["blank.jpg"] = blank.getvalue()
    paths = []
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
        paths.append(tmp_path / name)

    report = import_all(db, ImportRequest(files=paths), "ES")
    reasons = {Path(o.file).name: o.reason for o in report.rejected}
    assert set(reasons) == set(files) - {"good.jpg"}
    assert "damaged or cut short" in reasons["corrupt.jpg"]
    assert "not an image" in reasons["notes.jpg"]
    assert "empty" in reasons["empty.png"]
    assert "too large" in reasons["bomb.png"]
    assert "200 megapixels" in reasons["panorama.png"]
    assert "no QR code" in reasons["blank.jpg"]
    names = sorted(r["full_name"] for r in ContactBook(db).as_records())
    assert names == sorted(["Already Here", truth.full_name])


def test_command_line_json_report_and_exit_code(tmp_path: Path) -> None:
    db_path = tmp_path / "cli.sqlite"
    good, truth = qr_photo(21, "mecard")
    (tmp_path / "badge.jpg").write_bytes(good)
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    done = cli(
        db_path,
        "import",
        str(tmp_path / "badge.jpg"),
        str(tmp_path / "broken.png"),
        "--event",
        "Expo",
        "--event-date",
        "2026-12-01",
        "--json",
    )
    assert done.returncode == 3, done.stderr  # some imported, some rejected
    report: dict[str, Any] = json.loads(done.stdout)
    assert report["created"] == 1
    assert report["images"] == [
        {"file": str(tmp_path / "badge.jpg"), "source": "qr", "found": 1, "not_contacts": []},
        {"file": str(tmp_path / "broken.png"), "source": "none", "found": 0, "not_contacts": []},
    ]
    assert report["rejected"][0]["file"] == str(tmp_path / "broken.png")
    assert report["touchpoints_planned"] == 3  # the playbook, exactly as for a vCard
    listed = json.loads(cli(db_path, "contacts", "--json").stdout)
    assert [(c["full_name"], c["needs_review"], c["events"]) for c in listed] == [
        (truth.full_name, False, ["Expo"])
    ]
    dry = cli(db_path, "import", str(tmp_path / "badge.jpg"), "--dry-run", "--json")
    again = json.loads(dry.stdout)  # the same person again, nothing new: as for a vCard
    assert (again["created"], again["merged"], again["unchanged"]) == (0, 0, 1)


@needs_tesseract
def test_a_paper_card_is_read_marked_to_review_and_keeps_its_image(
    tmp_path: Path, db: Database
) -> None:
    rng = random.Random(5)
    truth = person(rng, "es")
    photo = tmp_path / "card.jpg"
    photo.write_bytes(photograph(draw_card(truth, rng, layout="left"), rng, angle=-9))
    report = import_all(db, ImportRequest(files=[photo], event=EventChoice(name="Feria")), "ES")
    assert report.images[0]["source"] == "ocr" and report.images[0]["found"] == 1
    [record] = ContactBook(db).as_records()
    assert record["full_name"] == truth.full_name  # accents kept
    assert record["emails"][0] == truth.emails[0]
    assert sorted(e164(p) for p in record["phones"]) == sorted(truth.phones)
    assert record["organization"] == truth.organization
    assert record["needs_review"] is True
    with db.engine.connect() as conn:
        kept = conn.exec_driver_sql(
            "SELECT contact_id, source, file, image, text FROM card_image"
        ).one()
    assert kept[0] == record["id"] and kept[1] == "ocr" and kept[2] == "card.jpg"
    assert Image.open(io.BytesIO(kept[3])).size[0] >= 800  # the straightened card, readable
    assert truth.emails[0] in kept[4]
    assert record["has_photo"] is False  # the card image is kept beside, not as the photo

    assert report.batch_id is not None
    undo_import(db, report.batch_id)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM card_image").scalar() == 0
    assert ContactBook(db).as_records() == []


@needs_tesseract
def test_exif_orientation_is_honoured(tmp_path: Path, db: Database) -> None:
    """A phone stores the pixels sideways and says so in EXIF: the card still reads."""
    data, truth = paper_card_photo(31, "es", angle=4)
    sideways = Image.open(io.BytesIO(data)).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    photo = tmp_path / "phone.jpg"
    sideways.save(photo, "JPEG", quality=90, exif=exif)
    import_all(db, ImportRequest(files=[photo]), "ES")
    [record] = ContactBook(db).as_records()
    # Read upright: e-mail and phones exact. (Accents on names are measured by the benchmark;
    # the OCR model may read an ü as u, which is not what this test is about.)
    assert record["emails"][0] == truth.emails[0]
    assert sorted(e164(p) for p in record["phones"]) == sorted(truth.phones)
    assert skeleton(record["full_name"]) == skeleton(truth.full_name)


def skeleton(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def test_heic_photos_are_read(tmp_path: Path, db: Database) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    data, truth = qr_photo(41, "vcard3")
    photo = tmp_path / "IMG_0001.HEIC"
    try:
        Image.open(io.BytesIO(data)).save(photo, format="HEIF", quality=90)
    except (KeyError, OSError, ValueError) as exc:
        pytest.skip(f"this pillow-heif cannot write HEIC to make the test photo: {exc}")
    report = import_all(db, ImportRequest(files=[photo]), "ES")
    assert report.images[0]["source"] == "qr"
    assert [r["full_name"] for r in ContactBook(db).as_records()] == [truth.full_name]


def test_without_ocr_models_paper_cards_say_so_and_qr_codes_still_work(
    tmp_path: Path, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netdesk.capture import ocr

    monkeypatch.setattr(ocr, "available_languages", lambda: ())
    paper, _truth = paper_card_photo(91, "es")
    badge, badge_truth = qr_photo(92, "vcard3")
    (tmp_path / "paper.jpg").write_bytes(paper)
    (tmp_path / "badge.jpg").write_bytes(badge)
    report = import_all(
        db, ImportRequest(files=[tmp_path / "paper.jpg", tmp_path / "badge.jpg"]), "ES"
    )
    [rejected] = report.rejected
    assert rejected.file == str(tmp_path / "paper.jpg")
    assert "Tesseract's models" in rejected.reason
    assert "tesseract-ocr-script-latn" in rejected.reason
    assert [r["full_name"] for r in ContactBook(db).as_records()] == [badge_truth.full_name]
