"""Cards read from photos, reviewed in the window: the card beside its fields, unsure fields
marked, accept with corrections, reject, undo; the status bar says how many wait; the contact
view shows the card; a paper-card photo imported in the window opens the review by itself."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from bench.card_photos import CardTruth, draw_card, paper_card_photo, person, qr_photo
from netdesk.app import card_review
from netdesk.app.contacts import ContactBook
from netdesk.capture.ocr import available_languages
from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber
from netdesk.store.db import Database
from netdesk.store.models import CardImage
from netdesk.ui.features.capture.card_review_dialog import CardReviewDialog
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import when_dialog_opens
from tests.ui.languages import language  # noqa: F401  (a fixture)


def card_jpeg(seed: int) -> bytes:
    rng = random.Random(seed)
    out = io.BytesIO()
    draw_card(person(rng, "es"), rng, layout="left").save(out, "JPEG")
    return out.getvalue()


def waiting_card(db: Database, name: str, email: str, unsure: list[str], seed: int) -> int:
    contact_id = ContactBook(db).create(
        ContactData(
            full_name=name, emails=[EmailAddress(email)], phones=[PhoneNumber("+34 600 000 001")]
        )
    )
    card_review.set_waiting(db, contact_id, True)
    with db.session() as session:
        session.add(
            CardImage(
                contact_id=contact_id,
                image=card_jpeg(seed),
                file=f"IMG_{seed}.jpg",
                source="ocr",
                text=f"{name}\n{email}",
                unsure=json.dumps(unsure),
            )
        )
    return contact_id


def test_review_accepts_with_corrections_rejects_and_undoes(
    window: MainWindow,
    qtbot: QtBot,
    db: Database,
    language: Callable[[str], str],  # noqa: F811
) -> None:
    first = waiting_card(db, "Begoña Ibáñez", "begoGibanez.es@x.es", ["emails"], 1)
    second = waiting_card(db, "Nobody Real", "noise@x.es", ["full_name"], 2)
    window.contactsChanged.emit()  # as when the command line stored them meanwhile
    capture = window.context.parts["card_capture"]  # type: ignore[attr-defined]
    button = window.statusBar().findChild(QPushButton, "cardsToReview")
    assert button is not None and button.isVisibleTo(window)
    assert button.text() == "2 card(s) to review"  # the source text; translated below
    language("en")
    capture.update_count()
    assert button.text() == "2 cards to review"
    language("es")
    capture.update_count()
    assert button.text() == "2 tarjetas por revisar"
    language("en")

    dialog = capture.review()
    assert isinstance(dialog, CardReviewDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # as the window manager does; shortcuts go to the active window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    image = dialog.findChild(QLabel, "cardImage")
    assert image is not None and not image.pixmap().isNull()
    assert dialog.marked_fields() == ["emails"]
    assert "Card 1 of 2" in dialog.where.text()
    emails = dialog.findChild(QPlainTextEdit, "emails")
    assert emails is not None
    emails.setPlainText("bego@ibanez.es")
    emails.setFocus()
    qtbot.keyClick(emails, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert ContactBook(db).get(first).emails[0].value == "bego@ibanez.es"
    assert card_review.waiting(db) == [second]
    assert dialog.marked_fields() == ["family_name", "full_name", "given_name"]
    name = dialog.findChild(QLineEdit, "full_name")
    assert name is not None and name.text() == "Nobody Real"
    qtbot.keyClick(name, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert [c.full_name for c in ContactBook(db).summaries()] == ["Begoña Ibáñez"]
    assert card_review.waiting(db) == []
    qtbot.waitUntil(lambda: not button.isVisibleTo(window), timeout=3000)

    window.undo_stack.undo()  # the rejection
    assert card_review.waiting(db) == [second]
    assert ContactBook(db).get(second).full_name == "Nobody Real"
    assert card_review.card_image(db, second) is not None  # its card came back with it
    window.undo_stack.undo()  # the acceptance
    assert ContactBook(db).get(first).emails[0].value == "begoGibanez.es@x.es"
    assert card_review.waiting(db) == [first, second]


def test_an_invalid_correction_is_refused_next_to_the_field(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    waiting_card(db, "Ana Ruiz", "ana@ruiz.es", [], 3)
    dialog = window.context.parts["card_capture"].review()  # type: ignore[attr-defined]
    assert dialog is not None
    emails = dialog.findChild(QPlainTextEdit, "emails")
    assert emails is not None
    emails.setPlainText("ana(at)ruiz")
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "error_emails")
    assert error is not None and "not an e-mail address" in error.text()
    assert card_review.waiting_count(db) == 1
    dialog.reject()


def test_the_contact_view_shows_the_card_image(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    waiting_card(db, "Carla Núñez", "carla@x.es", [], 4)
    ContactBook(db).create(ContactData(full_name="Typed By Hand"))
    window.refresh()
    card = window.detail.findChild(QLabel, "detailCardImage")
    assert card is not None
    window.table.selectRow(0)  # Carla
    qtbot.waitUntil(lambda: card.isVisibleTo(window), timeout=3000)
    assert not card.pixmap().isNull()
    window.table.selectRow(1)  # typed by hand: no card
    qtbot.waitUntil(lambda: not card.isVisibleTo(window), timeout=3000)


def test_paste_with_no_image_on_the_clipboard_says_so(window: MainWindow, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText("just text")
    seen: list[str] = []

    def act(dialog: QDialog) -> None:
        seen.append(dialog.findChild(QLabel, "qt_msgbox_label").text())  # type: ignore[union-attr]
        dialog.accept()

    when_dialog_opens(qtbot, act)
    assert window.context.parts["card_capture"].paste() is None  # type: ignore[attr-defined]
    assert seen and "no image" in seen[0]


@pytest.mark.skipif(not available_languages(), reason="Tesseract OCR is not installed")
def test_a_photo_imported_in_the_window_opens_the_review(
    window: MainWindow, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    data, truth = paper_card_photo(77, "es")
    photo = tmp_path / "tarjeta.jpg"
    photo.write_bytes(data)
    # A screenshot on the clipboard goes the same way; here the file, as a drop would.
    QGuiApplication.clipboard().setImage(QImage())
    window.synchronous_tasks = True

    def confirm(dialog: QDialog) -> None:
        button = dialog.findChild(QPushButton, "importButton")
        if button is None:  # the progress of reading the photo: wait for the preview
            QTimer.singleShot(50, lambda: when_dialog_opens(qtbot, confirm))
            return
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, confirm)
    window.import_cards([photo])
    qtbot.waitUntil(lambda: card_review.waiting_count(db) == 1, timeout=20000)
    qtbot.waitUntil(
        lambda: (
            window.context.parts["card_capture"].dialog is not None  # type: ignore[attr-defined]
            and window.context.parts["card_capture"].dialog.isVisible()
        ),  # type: ignore[attr-defined]
        timeout=5000,
    )
    dialog = window.context.parts["card_capture"].dialog  # type: ignore[attr-defined]
    name = dialog.findChild(QLineEdit, "full_name")
    [waiting] = card_review.waiting(db)
    assert name is not None and name.text() == ContactBook(db).get(waiting).full_name
    emails = dialog.findChild(QPlainTextEdit, "emails")
    assert emails is not None and emails.toPlainText() == truth.emails[0]
    assert "tarjeta.jpg" in dialog.where.text()
    dialog.reject()


def test_the_window_picks_up_the_watched_folder_and_undoes_it(
    window: MainWindow, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    import os
    import time

    from bench.card_photos import qr_photo
    from netdesk.app.settings_store import SettingsStore

    folder = tmp_path / "Phone"
    folder.mkdir()
    data, truth = qr_photo(71, "vcard3")
    photo = folder / "IMG_71.jpg"
    photo.write_bytes(data)
    old = time.time() - 60
    os.utime(photo, (old, old))
    SettingsStore(db).set("capture_folder", str(folder))
    window.synchronous_tasks = True
    capture = window.context.parts["card_capture"]  # type: ignore[attr-defined]
    capture.pick_up()
    qtbot.waitUntil(lambda: capture.task is None, timeout=10000)
    assert [c.full_name for c in ContactBook(db).summaries()] == [truth.full_name]
    assert "Read 1 photo" in window.statusBar().currentMessage() or "1 new" in (
        window.statusBar().currentMessage()
    )
    capture.pick_up()  # nothing new: nothing happens
    qtbot.waitUntil(lambda: capture.task is None, timeout=10000)
    assert len(ContactBook(db).summaries()) == 1
    window.undo_stack.undo()
    assert ContactBook(db).summaries() == []
    capture.pick_up()  # undone photos stay picked up: not read again
    qtbot.waitUntil(lambda: capture.task is None, timeout=10000)
    assert ContactBook(db).summaries() == []


def test_settings_page_for_the_watched_folder(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from netdesk.app.settings_store import SettingsStore
    from netdesk.ui.features.capture.capture_settings import settings_page
    from netdesk.ui.shell.settings_dialog import SettingsDialog

    store = SettingsStore(db)
    qsettings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(store, qsettings)
    qtbot.addWidget(dialog)
    assert any(p.title.replace("&", "") == "Card photos" for p in dialog.extra_pages)
    page = settings_page(store, qsettings, dialog)
    page.folder.setText(str(tmp_path))
    page.save()
    assert store.get("capture_folder") == str(tmp_path)
    page.folder.setText(str(tmp_path / "later"))
    page.save()
    assert store.get("capture_folder") == str(tmp_path / "later")
    assert "not a folder yet" in page.error.text()
    assert page.ocr.text().startswith("Paper cards:")


def paste_qr_screenshot(
    window: MainWindow, qtbot: QtBot, seed: int, *, accept: bool
) -> tuple[Path, CardTruth]:
    """Put a photographed QR card on the clipboard, paste it, and import it (or cancel the
    import) in the preview; returns where the screenshot was written and the card."""
    data, truth = qr_photo(seed, "vcard3")
    QGuiApplication.clipboard().setImage(QImage.fromData(data))
    window.synchronous_tasks = True

    def answer(dialog: QDialog) -> None:
        button = dialog.findChild(QPushButton, "importButton")
        if button is None:  # the progress of reading the photo: wait for the preview
            QTimer.singleShot(50, lambda: when_dialog_opens(qtbot, answer))
        elif accept:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    when_dialog_opens(qtbot, answer)
    pasted = window.context.parts["card_capture"].paste()  # type: ignore[attr-defined]
    assert pasted is not None and pasted.suffix == ".png"
    return pasted, truth


def test_a_screenshot_pasted_from_the_clipboard_is_imported(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    pasted, truth = paste_qr_screenshot(window, qtbot, 81, accept=True)
    qtbot.waitUntil(lambda: len(ContactBook(db).summaries()) == 1, timeout=20000)
    assert ContactBook(db).summaries()[0].full_name == truth.full_name
    # The screenshot was written to a folder of its own; nothing of it is left behind.
    qtbot.waitUntil(lambda: not pasted.parent.exists(), timeout=5000)


def test_a_pasted_screenshot_whose_import_is_cancelled_leaves_nothing_behind(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    pasted, _truth = paste_qr_screenshot(window, qtbot, 82, accept=False)
    qtbot.waitUntil(lambda: not pasted.parent.exists(), timeout=20000)
    assert ContactBook(db).summaries() == []
