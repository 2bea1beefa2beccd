"""A small WebDAV client on httpx with the CardDAV and CalDAV parts netdesk's sync needs.

It finds an account's address books and task calendars (RFC 6764 well-known URLs, the current
user principal and its home sets), creates what is missing, lists what changed (RFC 6578
sync-collection when the server keeps sync tokens, an ETag listing otherwise) and reads and
writes single items guarded by ETags, so a write never overwrites a change it has not seen.
Every failure is a :class:`DavError` whose message can be shown to the user as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import TracebackType
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from netdesk.sync.davxml import (
    ADDRESSBOOK_HOME,
    ADDRESSBOOK_NAME,
    CALENDAR_HOME,
    COMPONENTS,
    DAV,
    DISPLAYNAME,
    GETETAG,
    PRINCIPAL,
    RESOURCETYPE,
    SYNC_TOKEN,
    TASKS_NAME,
    Changes,
    Collection,
    DavConnectionError,
    DavError,
    DavResponse,
    Discovery,
    InvalidSyncToken,
    PreconditionFailed,
    as_collection,
    mkcalendar_tasks_body,
    mkcol_addressbook_body,
    multiget_body,
    norm_href,
    parse_multistatus,
    propfind_body,
    q,
    sync_collection_body,
)

VCARD_TYPE = "text/vcard; charset=utf-8"
ICAL_TYPE = "text/calendar; charset=utf-8"
MULTIGET_BATCH = 100
MAX_SYNC_ROUNDS = 100  # a server that truncates sync-collection gets this many follow-ups
_XML_HEADERS = {"Content-Type": "application/xml; charset=utf-8"}


def display_url(url: str) -> str:
    """The URL without any user name or password in it, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, ""))


def _reason(exc: Exception) -> str:
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", str(exc).strip()) or type(exc).__name__
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return "its certificate is not trusted"
    return text[:1].lower() + text[1:]


class DavClient:
    """A WebDAV session with one server and one user; close it (or use ``with``) when done."""

    def __init__(
        self,
        url: str,
        username: str,
        password: str,
        *,
        timeout: float = 15.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self.timeout = timeout
        self._http = httpx.Client(
            auth=httpx.BasicAuth(username, password),
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": "netdesk"},
        )

    def __enter__(self) -> DavClient:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def absolute(self, href: str) -> str:
        return urljoin(self.url, href)

    # -- transport ---------------------------------------------------------------------------
    def request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        follow: bool = False,
    ) -> httpx.Response:
        """Send one request; connection trouble becomes DavConnectionError in plain words."""
        url = self.absolute(url)
        try:
            return self._http.request(
                method, url, content=body, headers=dict(headers or {}), follow_redirects=follow
            )
        except httpx.TimeoutException:
            raise DavConnectionError(
                f"cannot reach {display_url(url)}: no answer within {self.timeout:g} seconds"
            ) from None
        except httpx.ConnectError as exc:
            raise DavConnectionError(f"cannot reach {display_url(url)}: {_reason(exc)}") from exc
        except httpx.TransportError as exc:
            raise DavConnectionError(
                f"lost the connection to {display_url(url)}: {_reason(exc)}"
            ) from exc

    def _checked(
        self,
        method: str,
        url: str,
        ok: Iterable[int],
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        follow: bool = False,
    ) -> httpx.Response:
        """Send a request and turn any status outside ``ok`` into a DavError."""
        resp = self.request(method, url, body=body, headers=headers, follow=follow)
        if resp.status_code in set(ok):
            return resp
        where = display_url(str(resp.url))
        code = resp.status_code
        if code == 401:
            raise DavError(f"{where} refused the user name or password", code)
        if code == 412:
            raise PreconditionFailed(f"{where} changed on the server meanwhile", code)
        raise DavError(f"{method} {where} failed: {code} {resp.reason_phrase}".rstrip(), code)

    def _multistatus(
        self, method: str, url: str, body: bytes, depth: int, *, follow: bool = False
    ) -> tuple[list[DavResponse], str | None, str]:
        headers = {"Depth": str(depth), "Content-Type": "application/xml; charset=utf-8"}
        resp = self._checked(method, url, (207,), body=body, headers=headers, follow=follow)
        base = str(resp.url)
        responses, token = parse_multistatus(resp.content, base)
        return responses, token, base

    def propfind(
        self, url: str, props: Iterable[str], depth: int = 0, *, follow: bool = False
    ) -> list[DavResponse]:
        return self._multistatus("PROPFIND", url, propfind_body(props), depth, follow=follow)[0]

    # -- discovery ---------------------------------------------------------------------------
    def discover(self) -> Discovery:
        """Find the principal, its home sets and the collections in them.

        Tries the URL as given (a server root, a principal or a collection), then the
        well-known URLs of RFC 6764 on the same host.
        """
        found = Discovery()
        wanted = [PRINCIPAL, RESOURCETYPE, ADDRESSBOOK_HOME, CALENDAR_HOME]
        direct: list[Collection] = []
        for candidate in (self.url, "/.well-known/carddav", "/.well-known/caldav"):
            try:
                responses, _, base = self._multistatus(
                    "PROPFIND", candidate, propfind_body(wanted), 0, follow=True
                )
            except DavConnectionError:
                raise
            except DavError as exc:
                if exc.status == 401:
                    raise
                continue
            for resp in responses:
                self._note_homes(found, resp, base)
                found.principal_url = found.principal_url or resp.href_in(PRINCIPAL, base)
                collection = as_collection(resp, self.absolute(resp.href))
                direct.extend([collection] if collection else [])
            if found.principal_url or found.addressbook_home or found.calendar_home or direct:
                break
        if found.principal_url and not (found.addressbook_home and found.calendar_home):
            for resp in self.propfind(found.principal_url, wanted[2:], 0):
                self._note_homes(found, resp, found.principal_url)
        if not (found.addressbook_home or found.calendar_home or direct):
            raise DavError(f"no CardDAV or CalDAV account found at {display_url(self.url)}")
        collections = list(direct)
        for home in dict.fromkeys(h for h in (found.addressbook_home, found.calendar_home) if h):
            collections.extend(self.list_collections(home))
        unique = {c.url: c for c in collections}.values()
        found.addressbooks = [c for c in unique if c.kind == "addressbook"]
        found.calendars = [c for c in unique if c.kind == "calendar"]
        return found

    @staticmethod
    def _note_homes(found: Discovery, resp: DavResponse, base: str) -> None:
        found.addressbook_home = found.addressbook_home or resp.href_in(ADDRESSBOOK_HOME, base)
        found.calendar_home = found.calendar_home or resp.href_in(CALENDAR_HOME, base)

    def list_collections(self, home: str) -> list[Collection]:
        """The address books and calendars directly inside ``home``."""
        props = [RESOURCETYPE, DISPLAYNAME, SYNC_TOKEN, COMPONENTS]
        home_path = norm_href(home, self.url)
        result: list[Collection] = []
        for resp in self.propfind(home, props, 1):
            collection = as_collection(resp, self.absolute(resp.href))
            if resp.href != home_path and collection is not None:
                result.append(collection)
        return result

    def create_addressbook(self, url: str, name: str = "netdesk") -> None:
        body = mkcol_addressbook_body(name)
        self._checked("MKCOL", url, (201,), body=body, headers=_XML_HEADERS)

    def create_task_calendar(self, url: str, name: str = "netdesk follow-ups") -> None:
        body = mkcalendar_tasks_body(name)
        self._checked("MKCALENDAR", url, (201,), body=body, headers=_XML_HEADERS)

    def choose_collections(self, found: Discovery, *, create: bool) -> tuple[str, str]:
        """The address book and task calendar to sync with, created when missing and allowed.

        Prefers collections netdesk made before (another computer may have made them), then
        any address book and a to-do-only calendar; "" where there is none.
        """
        books = sorted(found.addressbooks, key=lambda c: not c.url.endswith(ADDRESSBOOK_NAME))
        book = books[0].url if books else ""
        if not book and create and found.addressbook_home:
            book = urljoin(found.addressbook_home, ADDRESSBOOK_NAME)
            self.create_addressbook(book)
        takers = [c for c in found.calendars if c.takes_tasks()]
        tasks = [c for c in takers if c.url.endswith(TASKS_NAME) or c.components == {"VTODO"}]
        tasks.sort(key=lambda c: not c.url.endswith(TASKS_NAME))
        calendar = tasks[0].url if tasks else ""
        if not calendar and create and found.calendar_home:
            calendar = urljoin(found.calendar_home, TASKS_NAME)
            self.create_task_calendar(calendar)
        if not calendar and takers:
            calendar = takers[0].url
        return book, calendar

    # -- listing changes ---------------------------------------------------------------------
    def etags(self, collection: str) -> dict[str, str | None]:
        """Every member of the collection and its ETag (PROPFIND, depth 1)."""
        own = norm_href(collection, self.url)
        is_collection = q(DAV, "collection")
        return {
            r.href: r.text(GETETAG)
            for r in self.propfind(collection, [GETETAG, RESOURCETYPE], 1)
            if r.href != own and r.status // 100 == 2 and not r.has(RESOURCETYPE, is_collection)
        }

    def sync_token(self, collection: str) -> str | None:
        for resp in self.propfind(collection, [SYNC_TOKEN], 0):
            return resp.text(SYNC_TOKEN) or None
        return None

    def sync_collection(self, collection: str, token: str) -> Changes:
        """RFC 6578 REPORT; an empty ``token`` asks for everything (a complete listing)."""
        own = norm_href(collection, self.url)
        changed: dict[str, str | None] = {}
        deleted: set[str] = set()
        current = token
        for _ in range(MAX_SYNC_ROUNDS):
            body = sync_collection_body(current)
            try:
                responses, new_token, _ = self._multistatus("REPORT", collection, body, 1)
            except DavError as exc:
                if token and exc.status in (400, 403, 409):
                    raise InvalidSyncToken(str(exc), exc.status) from exc
                raise
            truncated = False
            for resp in responses:
                if resp.href == own:
                    truncated = truncated or resp.status == 507
                elif resp.status == 404:
                    deleted.add(resp.href)
                    changed.pop(resp.href, None)
                else:
                    changed[resp.href] = resp.text(GETETAG)
                    deleted.discard(resp.href)
            current = new_token or current
            if not truncated or not new_token:
                break
        return Changes(changed, deleted, current or None, complete=not token)

    def changes(self, collection: str, token: str | None) -> Changes:
        """Changes since ``token`` by sync-collection when the server offers sync tokens, else
        a complete ETag listing. A rejected token falls back to a complete listing."""
        offered = token is not None
        if not offered:
            try:
                offered = self.sync_token(collection) is not None
            except DavConnectionError:
                raise
            except DavError:
                offered = False
        if offered:
            try:
                return self.sync_collection(collection, token or "")
            except InvalidSyncToken:
                return self.sync_collection(collection, "")
            except DavConnectionError:
                raise
            except DavError as exc:
                if exc.status == 401:
                    raise
        return Changes(self.etags(collection), set(), None, complete=True)

    # -- items -------------------------------------------------------------------------------
    def multiget(
        self, collection: str, hrefs: Iterable[str], kind: str
    ) -> dict[str, tuple[str | None, str]]:
        """href → (ETag, text) of the items that still exist; kind is "vcard" or "ical"."""
        wanted = list(dict.fromkeys(hrefs))
        result: dict[str, tuple[str | None, str]] = {}
        for start in range(0, len(wanted), MULTIGET_BATCH):
            body, data = multiget_body(kind, wanted[start : start + MULTIGET_BATCH])
            for resp in self._multistatus("REPORT", collection, body, 1)[0]:
                elem = resp.props.get(data)
                if resp.status // 100 == 2 and elem is not None and elem.text:
                    result[resp.href] = (resp.text(GETETAG), elem.text)
        return result

    def get(self, href: str) -> tuple[str, str | None]:
        resp = self._checked("GET", href, (200,))
        return resp.text, resp.headers.get("ETag")

    def put(
        self,
        href: str,
        text: str,
        content_type: str,
        *,
        etag: str | None = None,
        create: bool = False,
    ) -> str | None:
        """Write an item: ``create`` only if absent, else only over ``etag``; the new ETag."""
        headers = {"Content-Type": content_type}
        if create:
            headers["If-None-Match"] = "*"
        elif etag:
            headers["If-Match"] = etag
        resp = self._checked("PUT", href, (200, 201, 204), body=text.encode(), headers=headers)
        new_etag: str | None = resp.headers.get("ETag")
        return new_etag

    def delete(self, href: str, etag: str | None = None) -> bool:
        """Delete an item (only over ``etag`` when given); False when it was already gone."""
        headers = {"If-Match": etag} if etag else {}
        resp = self._checked("DELETE", href, (200, 204, 404), headers=headers)
        return resp.status_code != 404


__all__ = [
    "ICAL_TYPE",
    "VCARD_TYPE",
    "Changes",
    "Collection",
    "DavClient",
    "DavConnectionError",
    "DavError",
    "DavResponse",
    "Discovery",
    "InvalidSyncToken",
    "PreconditionFailed",
    "display_url",
    "norm_href",
]
