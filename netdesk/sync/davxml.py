"""The XML side of WebDAV: request bodies, multistatus parsing and what the client returns.

Kept apart from the HTTP code in netdesk.sync.dav so each stays small and the parsing can be
tested without a server. Bodies are built with ElementTree, so tokens and hrefs are escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urljoin, urlsplit

# The collections netdesk makes when an account has none (here, not in netdesk.sync.dav, so
# the window can list accounts without loading the HTTP client).
ADDRESSBOOK_NAME = "netdesk-contacts/"
TASKS_NAME = "netdesk-tasks/"

DAV = "DAV:"
CARDDAV = "urn:ietf:params:xml:ns:carddav"
CALDAV = "urn:ietf:params:xml:ns:caldav"

for _prefix, _uri in (("d", DAV), ("card", CARDDAV), ("cal", CALDAV)):
    ET.register_namespace(_prefix, _uri)


def q(ns: str, name: str) -> str:
    """An ElementTree (Clark) name."""
    return f"{{{ns}}}{name}"


GETETAG = q(DAV, "getetag")
RESOURCETYPE = q(DAV, "resourcetype")
DISPLAYNAME = q(DAV, "displayname")
SYNC_TOKEN = q(DAV, "sync-token")
PRINCIPAL = q(DAV, "current-user-principal")
ADDRESSBOOK_HOME = q(CARDDAV, "addressbook-home-set")
CALENDAR_HOME = q(CALDAV, "calendar-home-set")
COMPONENTS = q(CALDAV, "supported-calendar-component-set")


class DavError(Exception):
    """A request failed; the message is plain enough to show to the user as it is."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class DavConnectionError(DavError):
    """The server could not be reached or the connection broke during a request."""


class PreconditionFailed(DavError):
    """412: the item changed (or appeared) on the server since its ETag was read."""


class InvalidSyncToken(DavError):
    """The server no longer accepts the stored sync token; a full listing is needed."""


def norm_href(href: str, base: str = "") -> str:
    """An href as a canonical absolute path, so the same item always compares equal."""
    path = urlsplit(urljoin(base, href) if base else href).path
    return quote(unquote(path), safe="/:@!$&'()*+,;=-._~")


@dataclass(frozen=True)
class DavResponse:
    """One <response> of a multistatus: its href, status and the properties found (200)."""

    href: str
    status: int
    props: Mapping[str, ET.Element] = field(default_factory=dict)

    def text(self, name: str) -> str | None:
        elem = self.props.get(name)
        return None if elem is None else (elem.text or "").strip()

    def has(self, name: str, child: str) -> bool:
        elem = self.props.get(name)
        return elem is not None and elem.find(child) is not None

    def href_in(self, name: str, base: str) -> str | None:
        """The URL inside an href-valued property such as current-user-principal."""
        elem = self.props.get(name)
        href = elem.findtext(q(DAV, "href")) if elem is not None else None
        return urljoin(base, href.strip()) if href and href.strip() else None


@dataclass(frozen=True)
class Collection:
    url: str
    name: str
    kind: str  # "addressbook" or "calendar"
    components: frozenset[str] = frozenset()
    sync_token: str | None = None

    def takes_tasks(self) -> bool:
        # No component set means the calendar takes every kind of component (RFC 4791 §5.2.3).
        return self.kind == "calendar" and (not self.components or "VTODO" in self.components)


@dataclass
class Discovery:
    principal_url: str | None = None
    addressbook_home: str | None = None
    calendar_home: str | None = None
    addressbooks: list[Collection] = field(default_factory=list)
    calendars: list[Collection] = field(default_factory=list)


@dataclass(frozen=True)
class Changes:
    """What differs since a sync token: changed items with their ETags, and deleted hrefs.

    ``complete`` means ``changed`` lists every item, so anything known but not listed is gone.
    """

    changed: dict[str, str | None]
    deleted: set[str]
    token: str | None
    complete: bool


def _status_code(text: str | None) -> int:
    match = re.match(r"HTTP/\S+\s+(\d{3})", (text or "").strip())
    return int(match.group(1)) if match else 200


def parse_multistatus(content: bytes, base: str) -> tuple[list[DavResponse], str | None]:
    """The responses of a 207 body, and its top-level sync-token when there is one."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        raise DavError(f"the server sent a reply netdesk cannot read ({exc})") from exc
    responses: list[DavResponse] = []
    for resp in root.findall(q(DAV, "response")):
        href = (resp.findtext(q(DAV, "href")) or "").strip()
        props: dict[str, ET.Element] = {}
        for propstat in resp.findall(q(DAV, "propstat")):
            if _status_code(propstat.findtext(q(DAV, "status"))) // 100 != 2:
                continue
            prop = propstat.find(q(DAV, "prop"))
            for elem in prop if prop is not None else []:
                props[elem.tag] = elem
        status = _status_code(resp.findtext(q(DAV, "status")))
        responses.append(DavResponse(norm_href(href, base), status, props))
    token = root.findtext(SYNC_TOKEN)
    return responses, token.strip() if token else None


def as_collection(resp: DavResponse, url: str) -> Collection | None:
    """The address book or calendar a PROPFIND response describes, if it is one."""
    if resp.has(RESOURCETYPE, q(CARDDAV, "addressbook")):
        kind = "addressbook"
    elif resp.has(RESOURCETYPE, q(CALDAV, "calendar")):
        kind = "calendar"
    else:
        return None
    comps = resp.props.get(COMPONENTS)
    names = frozenset((c.get("name") or "").upper() for c in (comps if comps is not None else []))
    url = url if url.endswith("/") else url + "/"
    name = resp.text(DISPLAYNAME) or url.rstrip("/").rsplit("/", 1)[-1]
    return Collection(url, name, kind, names, resp.text(SYNC_TOKEN) or None)


# -- request bodies ---------------------------------------------------------------------------
def to_xml(root: ET.Element) -> bytes:
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def propfind_body(props: Iterable[str]) -> bytes:
    root = ET.Element(q(DAV, "propfind"))
    prop = ET.SubElement(root, q(DAV, "prop"))
    for name in props:
        ET.SubElement(prop, name)
    return to_xml(root)


def mkcol_addressbook_body(name: str) -> bytes:
    """Extended MKCOL (RFC 5689) of a CardDAV address book."""
    root = ET.Element(q(DAV, "mkcol"))
    prop = ET.SubElement(ET.SubElement(root, q(DAV, "set")), q(DAV, "prop"))
    kind = ET.SubElement(prop, RESOURCETYPE)
    ET.SubElement(kind, q(DAV, "collection"))
    ET.SubElement(kind, q(CARDDAV, "addressbook"))
    ET.SubElement(prop, DISPLAYNAME).text = name
    return to_xml(root)


def mkcalendar_tasks_body(name: str) -> bytes:
    """MKCALENDAR (RFC 4791) of a calendar that holds to-dos only."""
    root = ET.Element(q(CALDAV, "mkcalendar"))
    prop = ET.SubElement(ET.SubElement(root, q(DAV, "set")), q(DAV, "prop"))
    ET.SubElement(prop, DISPLAYNAME).text = name
    comps = ET.SubElement(prop, COMPONENTS)
    ET.SubElement(comps, q(CALDAV, "comp"), name="VTODO")
    return to_xml(root)


def sync_collection_body(token: str) -> bytes:
    """RFC 6578 sync-collection asking for the ETags of what changed since ``token``."""
    root = ET.Element(q(DAV, "sync-collection"))
    ET.SubElement(root, SYNC_TOKEN).text = token
    ET.SubElement(root, q(DAV, "sync-level")).text = "1"
    ET.SubElement(ET.SubElement(root, q(DAV, "prop")), GETETAG)
    return to_xml(root)


def multiget_body(kind: str, hrefs: Iterable[str]) -> tuple[bytes, str]:
    """An addressbook-multiget ("vcard") or calendar-multiget body, and the data property."""
    ns, report, data = (
        (CARDDAV, "addressbook-multiget", "address-data")
        if kind == "vcard"
        else (CALDAV, "calendar-multiget", "calendar-data")
    )
    root = ET.Element(q(ns, report))
    prop = ET.SubElement(root, q(DAV, "prop"))
    ET.SubElement(prop, GETETAG)
    ET.SubElement(prop, q(ns, data))
    for href in hrefs:
        ET.SubElement(root, q(DAV, "href")).text = href
    return to_xml(root), q(ns, data)


__all__ = [
    "CALDAV",
    "CARDDAV",
    "DAV",
    "Changes",
    "Collection",
    "DavConnectionError",
    "DavError",
    "DavResponse",
    "Discovery",
    "InvalidSyncToken",
    "PreconditionFailed",
    "as_collection",
    "norm_href",
    "parse_multistatus",
    "q",
]
