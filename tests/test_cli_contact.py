"""``netdesk contact add|edit|show|delete``, ``netdesk log`` and ``netdesk settings`` (#16):
the window's use cases from a script, with the window's checks and messages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from netdesk.app.contacts import ContactBook
from netdesk.app.settings_store import SettingsStore
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from tests.cli_run import netdesk


def test_add_edit_show_and_delete_a_contact(db: Database) -> None:
    added = netdesk(
        db, "contact", "add", "--name", "Ana Gil", "--org", "Acme", "--email", "ana@acme.example",
        "--phone", "+34 600 000 001", "--tag", "golf", "--birthday=--03-22", "--json",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    record = json.loads(added.stdout)
    ana = record["id"]
    stored = ContactBook(db).get(ana)
    assert (stored.full_name, stored.organization, stored.birthday) == (
        "Ana Gil",
        "Acme",
        "--03-22",
    )
    assert [e.value for e in stored.emails] == ["ana@acme.example"]
    assert stored.tags == ["golf"]

    edited = netdesk(
        db, "contact", "edit", "ana gil", "--title", "CEO", "--org", "", "--remove-tag", "golf",
        "--email", "a2@acme.example", "--remove-phone", "600 000 001",
    )  # fmt: skip
    assert edited.stdout == f"changed contact {ana} (Ana Gil)\n", edited.stderr
    stored = ContactBook(db, "ES").get(ana)
    assert (stored.title, stored.organization, stored.tags, stored.phones) == ("CEO", "", [], [])
    assert [e.value for e in stored.emails] == ["ana@acme.example", "a2@acme.example"]

    shown = netdesk(db, "contact", "show", str(ana))
    assert shown.stdout.splitlines()[0] == f"Ana Gil (id {ana})"
    assert "  title:        CEO" in shown.stdout.splitlines()
    assert json.loads(netdesk(db, "contact", "show", "Ana", "--json").stdout)["title"] == "CEO"

    deleted = netdesk(db, "contact", "delete", "Ana Gil")
    assert deleted.stdout.startswith(f"deleted contact {ana} (Ana Gil)\n  a backup was made first")
    assert ContactBook(db).summaries() == []
    backup = Path(deleted.stdout.split("netdesk restore ")[1].strip())
    assert "pre-delete" in backup.name


def test_bad_fields_are_refused_naming_the_field_and_nothing_is_stored(db: Database) -> None:
    nameless = netdesk(db, "contact", "add", "--phone", "1")
    assert nameless.returncode == 1
    assert nameless.stderr == (
        "netdesk: the contact was not saved: full_name: Enter a name or an organisation.\n"
    )
    bad = netdesk(db, "contact", "add", "--name", "Bo", "--email", "bo@")
    assert "emails: “bo@” is not an e-mail address" in bad.stderr
    assert netdesk(db, "contact", "add", "--name", "Bo", "--birthday", "1980-02-30").returncode == 1
    assert ContactBook(db).summaries() == []
    missing = netdesk(db, "contact", "show", "Nobody")
    assert missing.returncode != 0 and "no contact named or numbered 'Nobody'" in missing.stderr


def test_log_records_a_done_touchpoint(db: Database) -> None:
    ana = ContactBook(db).create(ContactData(full_name="Ana Gil"))
    logged = netdesk(
        db, "log", "Ana Gil", "--kind", "call", "--intent", "connect", "--date", "2026-11-30",
        "--note", "about the fair", "--json",
    )  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    entry = json.loads(logged.stdout)
    state = FollowUps(db).state(entry["id"])
    assert (state.status, state.done_date) == ("done", dt.date(2026, 11, 30))
    assert (entry["contact_id"], entry["kind"], entry["intent"]) == (ana, "call", "connect")
    future = netdesk(
        db, "log", str(ana), "--kind", "call", "--intent", "give", "--date", "2999-01-01"
    )
    assert future.returncode == 1 and "is in the future" in future.stderr
    wrong = netdesk(db, "log", str(ana), "--kind", "lunch", "--intent", "give")
    assert wrong.returncode == 2 and "invalid choice: 'lunch'" in wrong.stderr


def test_settings_get_and_set_go_through_the_windows_store(db: Database) -> None:
    assert netdesk(db, "settings", "set", "phone_region", "es").stdout == "phone_region = ES\n"
    assert SettingsStore(db).get("phone_region") == "ES"
    assert netdesk(db, "settings", "get", "phone_region").stdout == "ES\n"
    netdesk(db, "settings", "set", "my_addresses", "me@a.example, me@b.example")
    assert SettingsStore(db).get("my_addresses") == ["me@a.example", "me@b.example"]
    assert json.loads(netdesk(db, "settings", "get", "mail_bulk_recipients", "--json").stdout) == 10
    everything = netdesk(db, "settings", "get", "--json")
    assert json.loads(everything.stdout)["phone_region"] == "ES"
    bad = netdesk(db, "settings", "set", "meeting_max_attendees", "many")
    assert (bad.returncode, bad.stderr) == (
        2,
        "netdesk: meeting_max_attendees: 'many' is not a whole number\n",
    )
    unknown = netdesk(db, "settings", "set", "colour", "red")
    assert (
        unknown.returncode == 2 and "'colour' is not a setting; the settings are:" in unknown.stderr
    )
    assert SettingsStore(db).get("meeting_max_attendees") is None
