"""Follow-ups published as CalDAV to-dos, and completions made in another task app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from icalendar import Calendar

from netdesk.sync.dav import DavClient

pytestmark = pytest.mark.sync

Device = Any  # the conftest's Device


def server_todos(device: Device) -> dict[str, dict[str, Any]]:
    """UID → {"href", "etag", "text", "todo"} of every to-do in the task calendar."""
    account = device.account_row()
    with DavClient(account.url, device.server.username, device.server.password) as dav:
        listing = dav.etags(account.calendar_url)
        items = dav.multiget(account.calendar_url, listing, "ical")
    result: dict[str, dict[str, Any]] = {}
    for href, (etag, text) in items.items():
        for todo in Calendar.from_ical(text).walk("VTODO"):
            result[str(todo["UID"])] = {"href": href, "etag": etag, "text": text, "todo": todo}
    return result


def edit_on_server(device: Device, uid: str, edit: Callable[[str], str]) -> None:
    item = server_todos(device)[uid]
    with device.server.client() as http:
        response = http.put(
            device.server.url.rstrip("/") + item["href"],
            content=edit(item["text"]),
            headers={"If-Match": item["etag"], "Content-Type": "text/calendar"},
        )
    assert response.status_code in (201, 204), response.text


def test_planned_follow_ups_appear_as_todos(make_device: Callable[..., Device]) -> None:
    laptop = make_device("laptop")
    ada = laptop.add("Ada Lovelace")
    due = dt.date(2026, 12, 1)
    thank = laptop.followups.add(ada, "thank_you", due=due, note="for the notes on the engine")
    call = laptop.followups.add(ada, "call", due=due + dt.timedelta(days=7))
    laptop.followups.add(ada, "meeting", status="done", done_date=due)  # history: not published
    report = laptop.sync()
    assert report.tasks_published == 2
    todos = server_todos(laptop)
    assert set(todos) == {f"touchpoint-{thank}@netdesk", f"touchpoint-{call}@netdesk"}
    todo = todos[f"touchpoint-{thank}@netdesk"]["todo"]
    assert str(todo["SUMMARY"]) == "Thank Ada Lovelace"
    assert todo["DUE"].dt == due
    assert str(todo["STATUS"]) == "NEEDS-ACTION"
    assert "for the notes on the engine" in str(todo["DESCRIPTION"])
    assert laptop.sync().tasks_published == 0  # unchanged follow-ups are not written again


@pytest.mark.parametrize(
    ("completion", "expected"),
    [
        ("STATUS:COMPLETED\r\nCOMPLETED:20261120T120000Z", dt.date(2026, 11, 20)),
        ("STATUS:COMPLETED", None),  # no completion time: today
        ("STATUS:NEEDS-ACTION\r\nCOMPLETED:20261118T120000Z", dt.date(2026, 11, 18)),
    ],
)
def test_completing_a_todo_on_the_server_marks_it_done(
    make_device: Callable[..., Device], completion: str, expected: dt.date | None
) -> None:
    laptop = make_device("laptop")
    ada = laptop.add("Ada Lovelace")
    tp = laptop.followups.add(ada, "thank_you", due=dt.date(2026, 11, 25))
    laptop.sync()
    edit_on_server(
        laptop,
        f"touchpoint-{tp}@netdesk",
        lambda text: text.replace("STATUS:NEEDS-ACTION", completion, 1),
    )
    assert laptop.followups.state(tp).status == "planned"
    report = laptop.sync()
    assert report.tasks_completed == 1
    state = laptop.followups.state(tp)
    assert state.status == "done"
    assert state.done_date == (expected or dt.date.today())
    assert laptop.sync().tasks_published == 0  # no echo back to the server
    assert laptop.followups.state(tp).status == "done"


def test_local_changes_update_or_remove_the_todos(make_device: Callable[..., Device]) -> None:
    laptop = make_device("laptop")
    ada = laptop.add("Ada Lovelace")
    grace = laptop.add("Grace Hopper")
    done = laptop.followups.add(ada, "thank_you", due=dt.date(2026, 11, 25))
    skipped = laptop.followups.add(ada, "call", due=dt.date(2026, 11, 26))
    moved = laptop.followups.add(ada, "meeting", due=dt.date(2026, 11, 27))
    laptop.followups.add(grace, "call", due=dt.date(2026, 11, 28))
    laptop.sync()
    assert len(server_todos(laptop)) == 4
    laptop.followups.mark_done(done, on=dt.date(2026, 11, 24))
    laptop.followups.skip(skipped)
    laptop.followups.reschedule(moved, dt.date(2026, 12, 15))
    laptop.book.delete([grace])  # its follow-ups go with it
    report = laptop.sync()
    assert (report.tasks_published, report.tasks_removed) == (2, 2)
    todos = server_todos(laptop)
    assert set(todos) == {f"touchpoint-{done}@netdesk", f"touchpoint-{moved}@netdesk"}
    completed = todos[f"touchpoint-{done}@netdesk"]["todo"]
    assert str(completed["STATUS"]) == "COMPLETED"
    assert completed["COMPLETED"].dt.date() == dt.date(2026, 11, 24)
    assert todos[f"touchpoint-{moved}@netdesk"]["todo"]["DUE"].dt == dt.date(2026, 12, 15)


def test_a_todo_deleted_elsewhere_is_published_again(make_device: Callable[..., Device]) -> None:
    laptop = make_device("laptop")
    tp = laptop.followups.add(laptop.add("Ada Lovelace"), "call", due=dt.date(2026, 11, 25))
    laptop.sync()
    href = server_todos(laptop)[f"touchpoint-{tp}@netdesk"]["href"]
    with laptop.server.client() as http:
        assert http.delete(laptop.server.url.rstrip("/") + href).status_code in (200, 204)
    assert server_todos(laptop) == {}
    assert laptop.sync().tasks_published == 1
    assert set(server_todos(laptop)) == {f"touchpoint-{tp}@netdesk"}
    assert laptop.followups.state(tp).status == "planned"


def test_another_databases_todo_is_never_overwritten(make_device: Callable[..., Device]) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    ada = laptop.add("Ada Lovelace")
    tp = laptop.followups.add(ada, "thank_you", due=dt.date(2026, 11, 25))
    laptop.sync()
    # The desktop has its own follow-up with the same id (ids are per database).
    desktop_tp = desktop.followups.add(desktop.add("Zed Local"), "call", due=dt.date(2027, 1, 1))
    assert desktop_tp == tp
    report = desktop.sync()
    assert any(f"touchpoint-{tp}@netdesk" in s for s in report.skipped)
    todo = server_todos(laptop)[f"touchpoint-{tp}@netdesk"]["todo"]
    assert str(todo["SUMMARY"]) == "Thank Ada Lovelace"


def test_an_update_keeps_what_other_task_apps_added(make_device: Callable[..., Device]) -> None:
    """#15: a to-do another client extended (an alarm, a priority, its own X- property, a
    category) keeps all of it when netdesk moves or completes the follow-up."""
    laptop = make_device("laptop")
    ada = laptop.add("Ada Lovelace")
    tp = laptop.followups.add(ada, "call", due=dt.date(2026, 12, 1))
    laptop.sync()
    uid = f"touchpoint-{tp}@netdesk"
    extension = (
        "PRIORITY:1\r\nX-APPLE-SORT-ORDER:42\r\nLOCATION:Café Gijón\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Call Ada\r\nTRIGGER:-PT15M\r\n"
        "END:VALARM\r\nEND:VTODO"
    )
    edit_on_server(laptop, uid, lambda text: text.replace("END:VTODO", extension, 1))
    laptop.sync()  # reads the edit (nothing for netdesk in it)
    laptop.followups.reschedule(tp, dt.date(2026, 12, 9))
    assert laptop.sync().tasks_published == 1
    todo = server_todos(laptop)[uid]["todo"]
    assert todo["DUE"].dt == dt.date(2026, 12, 9)  # netdesk's change
    assert int(todo["PRIORITY"]) == 1  # and everything the other app added
    assert str(todo["X-APPLE-SORT-ORDER"]) == "42"
    assert str(todo["LOCATION"]) == "Café Gijón"
    (alarm,) = todo.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == "Call Ada"
    laptop.followups.mark_done(tp, on=dt.date(2026, 12, 8))
    laptop.sync()
    todo = server_todos(laptop)[uid]["todo"]
    assert (str(todo["STATUS"]), int(todo["PRIORITY"])) == ("COMPLETED", 1)
    assert len(todo.walk("VALARM")) == 1
