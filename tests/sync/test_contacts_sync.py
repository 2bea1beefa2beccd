"""Two netdesk databases ("laptop", "desktop") syncing contacts through one Radicale server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from netdesk.domain.contact_data import ContactData, EmailAddress
from netdesk.store.sync_models import SyncConflict, SyncState
from netdesk.sync import accounts
from netdesk.sync.dav import DavClient, DavConnectionError
from netdesk.sync.engine import SyncError
from netdesk.sync.report import SyncError as ReportSyncError

pytestmark = pytest.mark.sync

Device = Any  # the conftest's Device; conftest modules are not importable by name


def server_cards(device: Device) -> dict[str, str | None]:
    account = device.account_row()
    with DavClient(account.url, device.server.username, device.server.password) as dav:
        return dav.etags(account.addressbook_url)


def test_sync_error_is_one_class() -> None:
    assert SyncError is ReportSyncError


def test_create_on_laptop_appears_on_desktop(make_device: Callable[..., Device]) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    laptop.add("Ada Lovelace", emails=[EmailAddress("ada@example.org", "work")], title="Countess")
    laptop.add("Grace Hopper", organization="US Navy")
    report = laptop.sync()
    assert report.uploaded == 2
    assert len(server_cards(laptop)) == 2
    got = desktop.sync()
    assert got.downloaded == 2
    assert desktop.names() == {"Ada Lovelace", "Grace Hopper"}
    ada = desktop.book.get(desktop.id_of("Ada Lovelace"))
    assert [e.value for e in ada.emails] == ["ada@example.org"]
    assert ada.title == "Countess"
    assert ada.uid == laptop.book.get(laptop.id_of("Ada Lovelace")).uid != ""
    again = laptop.sync(), desktop.sync()  # nothing left to do on either side
    assert [(r.uploaded, r.downloaded) for r in again] == [(0, 0), (0, 0)]


def test_edit_on_desktop_appears_on_laptop(make_device: Callable[..., Device]) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    laptop.add("Ada Lovelace", title="Countess")
    laptop.sync()
    desktop.sync()
    cid = desktop.id_of("Ada Lovelace")
    data = desktop.book.get(cid)
    data.title = "Analyst"
    data.phones = []
    data.emails = [EmailAddress("ada@engine.org")]
    desktop.book.update(cid, data)
    assert desktop.sync().uploaded == 1
    assert laptop.sync().downloaded == 1
    ada = laptop.book.get(laptop.id_of("Ada Lovelace"))
    assert ada.title == "Analyst"
    assert [e.value for e in ada.emails] == ["ada@engine.org"]
    assert laptop.sync().uploaded == 0  # applying the server's card is not a local change


def test_deletions_propagate_both_ways(make_device: Callable[..., Device]) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    laptop.add("Ada Lovelace")
    laptop.add("Grace Hopper")
    laptop.sync()
    desktop.sync()
    laptop.book.delete([laptop.id_of("Ada Lovelace")])
    assert laptop.sync().deleted_there == 1
    assert desktop.sync().deleted_here == 1
    assert desktop.names() == {"Grace Hopper"}
    desktop.book.delete([desktop.id_of("Grace Hopper")])
    desktop.sync()
    assert laptop.sync().deleted_here == 1
    assert laptop.names() == set() == desktop.names()
    assert server_cards(laptop) == {}
    with laptop.db.session() as session:
        assert session.query(SyncState).count() == 0


def test_changed_there_and_deleted_here_keeps_the_change(
    make_device: Callable[..., Device],
) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    laptop.add("Ada Lovelace")
    laptop.sync()
    desktop.sync()
    cid = desktop.id_of("Ada Lovelace")
    data = desktop.book.get(cid)
    data.note = "met at the Analytical Society"
    desktop.book.update(cid, data)
    desktop.sync()
    laptop.book.delete([laptop.id_of("Ada Lovelace")])
    laptop.sync()
    assert laptop.names() == {"Ada Lovelace"}  # brought back with the other side's change
    assert laptop.book.get(laptop.id_of("Ada Lovelace")).note == "met at the Analytical Society"
    assert len(server_cards(laptop)) == 1


def _conflict(make_device: Callable[..., Device]) -> tuple[Device, Device, int]:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    laptop.add("Ada Lovelace", title="Countess")
    laptop.sync()
    desktop.sync()
    for device, title in ((laptop, "Mathematician"), (desktop, "Analyst")):
        cid = device.id_of("Ada Lovelace")
        data = device.book.get(cid)
        data.title = title
        device.book.update(cid, data)
    desktop.sync()
    report = laptop.sync()
    assert len(report.conflicts) == 1
    return laptop, desktop, report.conflicts[0]


def test_conflict_keeps_both_versions_and_the_local_contact(
    make_device: Callable[..., Device],
) -> None:
    laptop, _desktop, conflict_id = _conflict(make_device)
    assert laptop.book.get(laptop.id_of("Ada Lovelace")).title == "Mathematician"
    with laptop.db.session() as session:
        conflict = session.get(SyncConflict, conflict_id)
        assert conflict is not None
        assert "TITLE:Mathematician" in conflict.local_vcard
        assert "TITLE:Analyst" in conflict.remote_vcard
    again = laptop.sync()  # still open, not duplicated, and the local edit is not pushed
    assert again.conflicts == [conflict_id]
    assert again.uploaded == 0
    assert len(accounts.open_conflicts(laptop.db)) == 1


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("local", "Mathematician"), ("remote", "Analyst"), ("merged", "Analyst & mathematician")],
)
def test_resolve_conflict_applies_and_pushes(
    make_device: Callable[..., Device], choice: str, expected: str
) -> None:
    laptop, desktop, conflict_id = _conflict(make_device)
    chosen: str | ContactData = choice
    if choice == "merged":
        chosen = laptop.book.get(laptop.id_of("Ada Lovelace"))
        chosen.title = expected
    with laptop.engine() as engine:
        engine.resolve_conflict(conflict_id, chosen)
    assert accounts.open_conflicts(laptop.db) == []
    assert laptop.book.get(laptop.id_of("Ada Lovelace")).title == expected
    desktop.sync()
    assert desktop.book.get(desktop.id_of("Ada Lovelace")).title == expected
    assert (laptop.sync().uploaded, laptop.sync().downloaded) == (0, 0)
    assert len(server_cards(laptop)) == 1


def test_resolving_over_a_newer_server_copy_is_refused(
    make_device: Callable[..., Device],
) -> None:
    laptop, desktop, conflict_id = _conflict(make_device)
    cid = desktop.id_of("Ada Lovelace")
    data = desktop.book.get(cid)
    data.title = "Enchantress of numbers"
    desktop.book.update(cid, data)
    desktop.sync()
    with laptop.engine() as engine, pytest.raises(SyncError, match="changed on the server again"):
        engine.resolve_conflict(conflict_id, "local")
    assert desktop.sync().downloaded == 0  # the server kept the desktop's newer card
    assert desktop.book.get(cid).title == "Enchantress of numbers"


class KillingClient(DavClient):
    """Stops the server right before the n-th PUT: the connection drops mid-sync."""

    def __init__(self, device: Device, before_put: int) -> None:
        account = device.account_row()
        super().__init__(account.url, device.server.username, device.server.password)
        self.server = device.server
        self.before_put = before_put
        self.puts = 0

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        if method == "PUT":
            self.puts += 1
            if self.puts == self.before_put:
                self.server.stop()
        return super().request(method, url, **kwargs)


class AnswerLostClient(DavClient):
    """The n-th PUT reaches the server but its answer never arrives."""

    def __init__(self, device: Device, lose_put: int) -> None:
        account = device.account_row()
        super().__init__(account.url, device.server.username, device.server.password)
        self.lose_put = lose_put
        self.puts = 0

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response = super().request(method, url, **kwargs)
        if method == "PUT":
            self.puts += 1
            if self.puts == self.lose_put:
                raise DavConnectionError(f"lost the connection to {url}: reset by peer")
        return response


def test_server_killed_mid_sync_next_sync_finishes(make_device: Callable[..., Device]) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    names = {f"Contact {i}" for i in range(5)}
    for name in sorted(names):
        laptop.add(name)
    killer = KillingClient(laptop, before_put=3)
    with pytest.raises(SyncError, match=r"cannot reach http://127\.0\.0\.1:\d+/.*refused"):
        laptop.sync(killer)
    killer.close()
    assert "cannot reach" in (laptop.account_row().last_error or "")
    laptop.server.start()
    assert len(server_cards(laptop)) == 2  # the two PUTs before the crash
    report = laptop.sync()
    assert report.uploaded == 3
    assert laptop.account_row().last_error is None
    desktop.sync()
    assert desktop.names() == names == laptop.names()
    assert len(server_cards(laptop)) == 5
    assert (laptop.sync().uploaded, desktop.sync().downloaded) == (0, 0)


def test_answer_lost_after_put_is_not_duplicated(make_device: Callable[..., Device]) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")
    for i in range(3):
        laptop.add(f"Contact {i}")
    with pytest.raises(SyncError, match="lost the connection"):
        laptop.sync(AnswerLostClient(laptop, lose_put=2))
    laptop.sync()
    desktop.sync()
    assert len(server_cards(laptop)) == 3
    assert desktop.names() == laptop.names() == {"Contact 0", "Contact 1", "Contact 2"}
    assert len(laptop.book.summaries()) == 3


def test_server_side_edit_with_plain_http_arrives(make_device: Callable[..., Device]) -> None:
    laptop = make_device("laptop")
    laptop.add("Ada Lovelace", title="Countess")
    laptop.sync()
    (href, etag) = next(iter(server_cards(laptop).items()))
    with laptop.server.client() as http:
        url = laptop.server.url.rstrip("/") + href
        card = http.get(url).text
        assert "TITLE:Countess" in card
        edited = card.replace("TITLE:Countess", "TITLE:Programmer\r\nNOTE:edited elsewhere")
        put = http.put(
            url, content=edited, headers={"If-Match": str(etag), "Content-Type": "text/vcard"}
        )
        assert put.status_code in (201, 204)
    assert laptop.sync().downloaded == 1
    ada = laptop.book.get(laptop.id_of("Ada Lovelace"))
    assert (ada.title, ada.note) == ("Programmer", "edited elsewhere")


def test_card_added_and_deleted_by_another_app(make_device: Callable[..., Device]) -> None:
    laptop = make_device("laptop")
    laptop.sync()
    book = laptop.account_row().addressbook_url
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:other-app-1\r\nFN:Alan Turing\r\nEND:VCARD\r\n"
    with laptop.server.client() as http:
        assert http.put(book + "other-app-1.vcf", content=card).status_code == 201
        assert laptop.sync().downloaded == 1
        assert laptop.names() == {"Alan Turing"}
        assert http.delete(book + "other-app-1.vcf").status_code in (200, 204)
    assert laptop.sync().deleted_here == 1
    assert laptop.names() == set()


class NoTokenClient(DavClient):
    """A server without RFC 6578: the engine must fall back to ETag listings."""

    def sync_token(self, collection: str) -> str | None:
        return None

    def sync_collection(self, collection: str, token: str) -> Any:
        raise AssertionError("sync-collection must not be used without a token")


def test_etag_listing_when_the_server_has_no_sync_tokens(
    make_device: Callable[..., Device],
) -> None:
    laptop, desktop = make_device("laptop"), make_device("desktop")

    def client(device: Device) -> DavClient:
        account = device.account_row()
        return NoTokenClient(account.url, device.server.username, device.server.password)

    laptop.add("Ada Lovelace")
    laptop.add("Grace Hopper")
    laptop.sync(client(laptop))
    assert desktop.sync(client(desktop)).downloaded == 2
    laptop.book.delete([laptop.id_of("Grace Hopper")])
    laptop.sync(client(laptop))
    assert desktop.sync(client(desktop)).deleted_here == 1
    assert desktop.names() == {"Ada Lovelace"}
    assert desktop.account_row().sync_token is None


def test_undo_of_a_delete_reconnects_the_card(make_device: Callable[..., Device]) -> None:
    laptop = make_device("laptop")
    laptop.add("Ada Lovelace")
    laptop.sync()
    before = server_cards(laptop)
    snapshot = laptop.book.delete([laptop.id_of("Ada Lovelace")])
    laptop.book.restore(snapshot)
    report = laptop.sync()
    assert (report.uploaded, report.deleted_there) == (0, 0)
    assert set(server_cards(laptop)) == set(before)


def test_discovery_from_root_and_principal(make_device: Callable[..., Device]) -> None:
    first = make_device("laptop")  # creates the collections
    made = first.account_row()
    server = first.server
    for url in (server.url, f"{server.url}{server.username}/"):
        setup = accounts.discover(url, server.username, server.password, create=False)
        assert setup.addressbook_url == made.addressbook_url
        assert setup.calendar_url == made.calendar_url
        assert setup.discovery.principal_url == f"{server.url}{server.username}/"
        assert [c.url for c in setup.discovery.addressbooks] == [made.addressbook_url]


def test_missing_collections_are_created_only_when_allowed(
    make_device: Callable[..., Device], radicale: Any
) -> None:
    credentials = (radicale.url, radicale.username, radicale.password)
    with pytest.raises(SyncError, match="no address book or task calendar"):
        accounts.discover(*credentials, create=False)
    device = make_device("laptop")
    account = device.account_row()
    assert account.addressbook_url.endswith("/netdesk-contacts/")
    assert account.calendar_url.endswith("/netdesk-tasks/")
    setup = accounts.discover(*credentials, create=False)
    calendars = {c.url: c for c in setup.discovery.calendars}
    assert calendars[account.calendar_url].components == {"VTODO"}


def test_wrong_password_and_unreachable_server(make_device: Callable[..., Device]) -> None:
    laptop = make_device("laptop")
    account = laptop.account_row()
    with (
        DavClient(account.url, account.username, "wrong") as bad,
        pytest.raises(SyncError, match="refused the user name or password"),
    ):
        laptop.sync(bad)
    laptop.server.stop()
    with pytest.raises(SyncError) as caught:
        laptop.sync()
    message = str(caught.value)
    assert message.startswith(f"cannot reach {laptop.server.url}")
    assert "connection refused" in message
    assert laptop.account_row().last_error == message
    assert laptop.server.password not in message


def test_changes_reported_as_progress(make_device: Callable[..., Device]) -> None:
    laptop = make_device("laptop")
    for i in range(3):
        laptop.add(f"Contact {i}")
    seen: list[tuple[str, int, int]] = []
    with laptop.engine() as engine:
        engine.sync(lambda p: seen.append((p.stage, p.done, p.total)))
    assert ("uploads", 3, 3) in seen
    assert [d for s, d, _ in seen if s == "uploads"] == [1, 2, 3]
