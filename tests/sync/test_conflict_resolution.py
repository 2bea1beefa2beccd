"""Settling conflicts field by field on this computer (netdesk.sync.conflicts), with Radicale."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber
from netdesk.sync import accounts
from netdesk.sync.conflicts import Side, compare, merge, open_conflicts, resolve_here
from netdesk.sync.conflicts import undo_resolution as undo

Device = Any

HERE = ContactData(
    full_name="Ada Lovelace",
    title="Mathematician",
    emails=[EmailAddress("ada@example.org"), EmailAddress("ada@home.org", "home")],
    phones=[PhoneNumber("+34 600 000 001", "cell")],
    tags=["maths"],
    note="Met at the Society",
)
THERE = ContactData(
    full_name="Ada Lovelace",
    title="Analyst",
    emails=[EmailAddress("ada@example.org"), EmailAddress("ada@engine.org", "work")],
    tags=["maths", "engines"],
    note="Wrote the first program",
)


@pytest.mark.parametrize(
    ("choices", "title", "emails", "tags", "note"),
    [
        ({}, "Mathematician", ["ada@example.org", "ada@home.org"], ["maths"], "Met at the Society"),
        (
            {"title": "remote", "emails": "remote", "tags": "remote", "note": "remote"},
            "Analyst",
            ["ada@example.org", "ada@engine.org"],
            ["maths", "engines"],
            "Wrote the first program",
        ),
        (
            {"title": "both", "emails": "both", "tags": "both", "note": "both"},
            "Mathematician",  # "both" of a single value keeps this computer's
            ["ada@example.org", "ada@home.org", "ada@engine.org"],
            ["maths", "engines"],
            "Met at the Society\n\nWrote the first program",
        ),
        (
            {"title": "remote", "emails": "local", "tags": "both"},
            "Analyst",
            ["ada@example.org", "ada@home.org"],
            ["maths", "engines"],
            "Met at the Society",
        ),
    ],
)
def test_merge_takes_each_field_from_the_side_chosen(
    choices: dict[str, Side], title: str, emails: list[str], tags: list[str], note: str
) -> None:
    merged = merge(HERE, THERE, choices, "ES")
    assert (merged.title, [e.value for e in merged.emails], merged.tags, merged.note) == (
        title,
        emails,
        tags,
        note,
    )
    assert merged.phones == HERE.phones  # not chosen: this computer's
    assert HERE.title == "Mathematician" and THERE.title == "Analyst"  # inputs untouched


def test_merge_refuses_unknown_fields_and_sides() -> None:
    with pytest.raises(ValueError, match="no contact field"):
        merge(HERE, THERE, {"password": "remote"})
    with pytest.raises(ValueError, match="choose"):
        merge(HERE, THERE, {"title": "neither"})  # type: ignore[dict-item]


def test_compare_marks_only_what_differs() -> None:
    rows = {f.key: f for f in compare(HERE, THERE)}
    assert {k for k, f in rows.items() if f.differs} == {
        "title",
        "emails",
        "phones",
        "tags",
        "note",
    }
    assert not rows["full_name"].differs
    assert rows["phones"].local == ("+34 600 000 001 (cell)",) and rows["phones"].remote == ()
    assert "birthday" not in rows  # empty on both sides: not shown


def conflict(make_device: Callable[..., Device]) -> tuple[Device, Device, int]:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    laptop.add("Ada Lovelace", title="Countess")
    laptop.sync()
    desktop.sync()
    for device, title in ((desktop, "Analyst"), (laptop, "Mathematician")):
        cid = device.id_of("Ada Lovelace")
        data = device.book.get(cid)
        data.title = title
        device.book.update(cid, data)
        device.sync()
    [found] = open_conflicts(laptop.db)
    assert (found.local.title, found.remote.title, found.differing) == (
        "Mathematician",
        "Analyst",
        ("title",),
    )
    return laptop, desktop, found.id


def title(device: Device) -> str:
    value: str = device.book.get(device.id_of("Ada Lovelace")).title
    return value


def test_a_resolution_is_saved_without_the_network_and_sent_at_the_next_sync(
    make_device: Callable[..., Device],
) -> None:
    laptop, desktop, conflict_id = conflict(make_device)
    laptop.server.stop()  # choosing needs no server
    chosen = laptop.book.get(laptop.id_of("Ada Lovelace"))
    chosen.title = "Analyst & mathematician"
    resolve_here(laptop.db, conflict_id, chosen)
    assert accounts.open_conflicts(laptop.db) == []
    assert title(laptop) == "Analyst & mathematician"
    laptop.server.start()
    assert laptop.sync().uploaded == 1
    assert desktop.sync().downloaded == 1
    assert title(desktop) == "Analyst & mathematician"


def test_a_server_copy_changed_again_makes_a_new_conflict_not_an_overwrite(
    make_device: Callable[..., Device],
) -> None:
    laptop, desktop, conflict_id = conflict(make_device)
    chosen = laptop.book.get(laptop.id_of("Ada Lovelace"))  # keep this computer's
    resolve_here(laptop.db, conflict_id, chosen)
    cid = desktop.id_of("Ada Lovelace")
    data = desktop.book.get(cid)
    data.title = "Enchantress of numbers"
    desktop.book.update(cid, data)
    desktop.sync()
    report = laptop.sync()
    assert report.uploaded == 0 and len(report.conflicts) == 1
    [again] = open_conflicts(laptop.db)
    assert (again.local.title, again.remote.title) == ("Mathematician", "Enchantress of numbers")
    assert desktop.sync().downloaded == 0
    assert title(desktop) == "Enchantress of numbers"


def test_undo_puts_the_contact_and_the_conflict_back(make_device: Callable[..., Device]) -> None:
    laptop, _desktop, conflict_id = conflict(make_device)
    remote = open_conflicts(laptop.db)[0].remote
    done = resolve_here(laptop.db, conflict_id, remote)
    assert title(laptop) == "Analyst"
    reopened = undo(laptop.db, done)
    assert title(laptop) == "Mathematician"
    [back] = open_conflicts(laptop.db)
    assert (back.id, back.local.title, back.remote.title) == (reopened, "Mathematician", "Analyst")
    report = laptop.sync()  # still a conflict: the laptop's version is not pushed
    assert (report.uploaded, report.conflicts) == (0, [reopened])


def test_a_contact_deleted_here_meanwhile_comes_back_with_the_choice(
    make_device: Callable[..., Device],
) -> None:
    laptop, desktop, conflict_id = conflict(make_device)
    laptop.book.delete([laptop.id_of("Ada Lovelace")])
    [found] = open_conflicts(laptop.db)  # the version it had is still shown
    assert found.local.title == "Mathematician"
    done = resolve_here(laptop.db, conflict_id, merge(found.local, found.remote, {}))
    assert done.created and title(laptop) == "Mathematician"
    laptop.sync()
    desktop.sync()
    assert title(desktop) == "Mathematician"
    assert laptop.names() == {"Ada Lovelace"} == desktop.names()
