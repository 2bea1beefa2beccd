"""The watched folder: photos a phone syncs there are read once each; a replaced photo again;
one still arriving waits; the window picks them up off the GUI thread, undoably."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from bench.card_photos import qr_photo
from netdesk.app import capture_folder
from netdesk.app.capture_folder import new_photos, pick_up
from netdesk.app.contacts import ContactBook
from netdesk.app.importer import ImportReport
from netdesk.store.db import Database


def run(db: Database, folder: Path) -> ImportReport | None:
    steps = pick_up(db, folder, "ES")
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]


def settled(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    old = time.time() - 60
    os.utime(path, (old, old))
    return path


def test_each_photo_is_read_once_and_a_replaced_one_again(tmp_path: Path, db: Database) -> None:
    folder = tmp_path / "Camera"
    first, first_truth = qr_photo(61, "vcard3")
    second, second_truth = qr_photo(62, "mecard")
    settled(folder / "IMG_1.jpg", first)
    settled(folder / "2026" / "IMG_2.jpg", second)  # subfolders too, as phones sync them
    (folder / "notes.txt").write_text("not a photo", encoding="utf-8")

    report = run(db, folder)
    assert report is not None and report.created == 2
    assert sorted(r["full_name"] for r in ContactBook(db).as_records()) == sorted(
        [first_truth.full_name, second_truth.full_name]
    )
    assert new_photos(db, folder) == []
    assert run(db, folder) is None  # nothing new: nothing read, no empty batch

    third, third_truth = qr_photo(63, "vcard4")
    settled(folder / "IMG_1.jpg", third)  # the same name, another photo
    os.utime(folder / "IMG_1.jpg", (time.time() - 30, time.time() - 30))
    again = run(db, folder)
    assert again is not None and again.created == 1
    assert third_truth.full_name in {r["full_name"] for r in ContactBook(db).as_records()}


def test_a_photo_still_arriving_waits_for_the_next_look(
    tmp_path: Path, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    data, _truth = qr_photo(64, "vcard3")
    (folder / "IMG_9.jpg").write_bytes(data)  # written just now
    assert new_photos(db, folder) == []
    monkeypatch.setattr(capture_folder, "SETTLE_SECONDS", 0.0)
    assert new_photos(db, folder) == [folder / "IMG_9.jpg"]


def test_a_missing_folder_is_nothing_to_do(tmp_path: Path, db: Database) -> None:
    assert new_photos(db, tmp_path / "not-there") == []
    assert run(db, tmp_path / "not-there") is None
