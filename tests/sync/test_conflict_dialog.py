"""The conflict dialog: a real conflict between two devices through Radicale, resolved per field
in the window, undone and redone, and synced to the server and the other device."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber
from netdesk.sync import accounts
from netdesk.sync.dav import DavClient
from netdesk.sync.engine import parse_card
from netdesk.system.secrets import PasswordStore
from netdesk.ui.features.sync.conflict_dialog import ConflictDialog
from netdesk.ui.shell.main_window import MainWindow
from tests.sync.test_sync_window import open_window
from tests.ui.conftest import focus, when_dialog_opens
from tests.ui.test_accessibility import unnamed

pytestmark = pytest.mark.sync

Device = Any

PHONE = "+34 600 000 001"


def edit(device: Device, **fields: Any) -> None:
    cid = device.id_of("Ada Lovelace")
    data = device.book.get(cid)
    for name, value in fields.items():
        setattr(data, name, value)
    device.book.update(cid, data)


def ada(device: Device) -> ContactData:
    data: ContactData = device.book.get(device.id_of("Ada Lovelace"))
    return data


def server_card(device: Device) -> ContactData:
    account = device.account_row()
    with DavClient(account.url, device.server.username, device.server.password) as dav:
        hrefs = list(dav.etags(account.addressbook_url))
        assert len(hrefs) == 1
        text, _etag = dav.get(hrefs[0])
    card = parse_card(text)
    assert card is not None
    return card


def emails(data: ContactData) -> list[str]:
    return [e.value for e in data.emails]


def laptop_window_with_conflict(
    make_device: Callable[..., Device], qtbot: QtBot, tmp_path: Any
) -> tuple[Device, Device, MainWindow]:
    """Ada changed on the desktop (synced) and on the laptop; F5 in the laptop's window."""
    laptop, desktop = make_device("laptop"), make_device("desktop")
    laptop.add(
        "Ada Lovelace", title="Countess", emails=[EmailAddress("ada@example.org")], tags=["maths"]
    )
    laptop.sync()
    desktop.sync()
    edit(
        desktop,
        title="Analyst",
        emails=[EmailAddress("ada@example.org"), EmailAddress("ada@engine.org", "work")],
        note="Wrote the first program",
    )
    desktop.sync()
    edit(
        laptop,
        title="Mathematician",
        emails=[EmailAddress("ada@example.org"), EmailAddress("ada@home.org", "home")],
        phones=[PhoneNumber(PHONE, "cell")],
    )
    PasswordStore().set("home", laptop.server.password)
    window = open_window(qtbot, laptop, tmp_path)
    menu = window.context.parts["sync_menu"]  # type: ignore[attr-defined]
    assert not menu.conflicts_action.isEnabled()  # nothing to resolve before the sync
    focus(qtbot, window, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert menu.status.text().startswith("Synced "), menu.status.text()
    return laptop, desktop, window


def in_dialog(qtbot: QtBot, act: Callable[[ConflictDialog], None]) -> list[BaseException]:
    """Run ``act`` on the conflict dialog once it opens; it is closed whatever happens."""
    errors: list[BaseException] = []

    def run(dialog: QDialog) -> None:
        try:
            assert isinstance(dialog, ConflictDialog)
            act(dialog)
        except BaseException as exc:  # re-raised by the test once exec() returned
            errors.append(exc)
        finally:
            if dialog.isVisible():
                dialog.reject()

    when_dialog_opens(qtbot, run)
    return errors


def test_resolving_field_by_field_reaches_both_devices_and_the_server(
    make_device: Callable[..., Device], memory_keyring: Any, qtbot: QtBot, tmp_path: Any
) -> None:
    laptop, desktop, window = laptop_window_with_conflict(make_device, qtbot, tmp_path)
    menu = window.context.parts["sync_menu"]  # type: ignore[attr-defined]
    assert menu.conflicts_button.isVisible()
    assert menu.conflicts_button.text().startswith("1 sync conflict")
    assert menu.conflicts_action.isEnabled()
    seen: dict[str, Any] = {}

    def resolve(dialog: ConflictDialog) -> None:
        assert dialog.model.rowCount() == 1
        assert dialog.model.text(0, 0) == "Ada Lovelace — home"
        seen["shown"] = {
            key: (mine.text(), theirs.text()) for key, (mine, theirs) in dialog.value_labels.items()
        }
        seen["marked"] = {k: label.text() for k, label in dialog.field_labels.items()}
        seen["bold"] = {k: label.font().bold() for k, label in dialog.field_labels.items()}
        seen["offered"] = {k: sorted(b) for k, b in dialog.choice_buttons.items()}
        # title and notes from the server by mouse; e-mails: both, with the arrow keys
        qtbot.mouseClick(dialog.choice_buttons["title"]["remote"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.choice_buttons["note"]["remote"], Qt.MouseButton.LeftButton)
        local_emails = dialog.choice_buttons["emails"]["local"]
        focus(qtbot, dialog, local_emails)
        qtbot.keyClick(local_emails, Qt.Key.Key_Right)
        qtbot.keyClick(dialog.choice_buttons["emails"]["remote"], Qt.Key.Key_Right)
        seen["choices"] = dialog.choices()
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        seen["after"] = (dialog.model.rowCount(), dialog.empty.isVisible(), dialog.status.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    errors = in_dialog(qtbot, resolve)
    menu.conflicts_action.trigger()  # Tools → Resolve sync conflicts…
    if errors:
        raise errors[0]

    shown = seen["shown"]
    assert shown["title"] == ("Mathematician", "Analyst")
    assert shown["emails"] == (
        "ada@example.org\nada@home.org (home)",
        "ada@example.org\nada@engine.org (work)",
    )
    assert PHONE in shown["phones"][0] and shown["phones"][1] == "—"
    assert shown["note"] == ("—", "Wrote the first program")
    assert shown["full_name"] == ("Ada Lovelace", "Ada Lovelace")
    assert shown["tags"] == ("maths", "maths")
    assert seen["marked"]["title"].startswith("≠") and seen["bold"]["title"]
    assert not seen["marked"]["full_name"].startswith("≠") and not seen["bold"]["full_name"]
    assert seen["offered"] == {
        "title": ["local", "remote"],
        "emails": ["both", "local", "remote"],
        "phones": ["both", "local", "remote"],
        "note": ["both", "local", "remote"],
    }
    assert seen["choices"] == {
        "title": "remote",
        "emails": "both",
        "phones": "local",
        "note": "remote",
    }
    count, empty, status = seen["after"]
    assert (count, empty) == (0, True)
    assert "next sync" in status

    def merged(data: ContactData) -> tuple[str, list[str], list[str], str]:
        return data.title, emails(data), [p.value for p in data.phones], data.note

    expected = (
        "Analyst",
        ["ada@example.org", "ada@home.org", "ada@engine.org"],
        [PHONE],
        "Wrote the first program",
    )
    assert merged(ada(laptop)) == expected
    assert not menu.conflicts_button.isVisible() and not menu.conflicts_action.isEnabled()

    # Ctrl+Z brings the conflict and the laptop's version back; Ctrl+Shift+Z resolves again
    focus(qtbot, window, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ada(laptop).title == "Mathematician"
    assert len(accounts.open_conflicts(laptop.db)) == 1
    assert menu.conflicts_action.isEnabled() and menu.conflicts_button.isVisible()
    qtbot.keyClick(
        window.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert merged(ada(laptop)) == expected
    assert accounts.open_conflicts(laptop.db) == []

    qtbot.keyClick(window.table, Qt.Key.Key_F5)  # the choice goes to the server
    assert "1 sent" in menu.status.text(), menu.status.text()
    assert desktop.sync().downloaded == 1
    assert merged(ada(desktop)) == expected
    assert merged(server_card(laptop)) == expected
    assert accounts.open_conflicts(desktop.db) == []
    again = laptop.sync()
    assert (again.uploaded, again.downloaded, again.conflicts) == (0, 0, [])


def test_keep_all_from_server_from_the_status_bar_with_enter(
    make_device: Callable[..., Device], memory_keyring: Any, qtbot: QtBot, tmp_path: Any
) -> None:
    laptop, desktop, window = laptop_window_with_conflict(make_device, qtbot, tmp_path)
    menu = window.context.parts["sync_menu"]  # type: ignore[attr-defined]
    seen: dict[str, Any] = {}

    def keep_server(dialog: ConflictDialog) -> None:
        seen["unnamed"] = unnamed(dialog)
        qtbot.mouseClick(dialog.all_remote, Qt.MouseButton.LeftButton)
        seen["choices"] = dialog.choices()
        qtbot.keyClick(dialog.all_remote, Qt.Key.Key_Return)  # Enter applies
        seen["empty"] = dialog.empty.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    errors = in_dialog(qtbot, keep_server)
    qtbot.mouseClick(menu.conflicts_button, Qt.MouseButton.LeftButton)  # "1 sync conflict"
    if errors:
        raise errors[0]
    assert seen["unnamed"] == []
    assert set(seen["choices"].values()) == {"remote"}
    assert set(seen["choices"]) == {"title", "emails", "phones", "note"}
    assert seen["empty"]

    server_version = (
        "Analyst",
        ["ada@example.org", "ada@engine.org"],
        [],
        "Wrote the first program",
    )

    def version(data: ContactData) -> tuple[str, list[str], list[Any], str]:
        return data.title, emails(data), data.phones, data.note

    assert version(ada(laptop)) == server_version
    report = laptop.sync()
    assert report.conflicts == []
    desktop.sync()
    assert version(ada(desktop)) == server_version
    assert version(server_card(laptop)) == server_version
    assert laptop.sync().uploaded == 0 and desktop.sync().downloaded == 0


def test_without_conflicts_the_dialog_says_so(
    make_device: Callable[..., Device], memory_keyring: Any, qtbot: QtBot, tmp_path: Any
) -> None:
    laptop = make_device("laptop")
    laptop.add("Ada Lovelace")
    laptop.sync()
    window = open_window(qtbot, laptop, tmp_path)
    menu = window.context.parts["sync_menu"]  # type: ignore[attr-defined]
    assert not menu.conflicts_action.isEnabled()
    assert not menu.conflicts_button.isVisible()
    dialog = ConflictDialog(laptop.db, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.empty.isVisible()
    assert "No sync conflicts" in dialog.empty.text()
    assert not dialog.apply_button.isEnabled()
    assert not dialog.list.isVisible()
    assert unnamed(dialog) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_newer_server_version_arriving_while_choosing_is_shown_not_overwritten(
    make_device: Callable[..., Device], qtbot: QtBot
) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    laptop.add("Ada Lovelace", title="Countess")
    laptop.sync()
    desktop.sync()
    edit(desktop, title="Analyst")
    desktop.sync()
    edit(laptop, title="Mathematician")
    laptop.sync()
    dialog = ConflictDialog(laptop.db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.value_labels["title"][1].text() == "Analyst"
    qtbot.mouseClick(dialog.choice_buttons["title"]["local"], Qt.MouseButton.LeftButton)
    edit(desktop, title="Enchantress of numbers")  # meanwhile: another edit, and a sync here
    desktop.sync()
    laptop.sync()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "newer version" in dialog.status.text()
    assert dialog.value_labels["title"][1].text() == "Enchantress of numbers"
    assert len(accounts.open_conflicts(laptop.db)) == 1
    qtbot.waitUntil(dialog.choice_buttons["title"]["remote"].isVisible)
    qtbot.mouseClick(dialog.choice_buttons["title"]["remote"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.empty.isVisible()
    assert ada(laptop).title == "Enchantress of numbers"
    laptop.sync()
    assert ada(desktop).title == "Enchantress of numbers" == server_card(laptop).title
