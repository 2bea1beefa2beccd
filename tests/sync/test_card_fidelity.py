"""Sync keeps what other programs put on a card (#15, point 1): a vCard 4.0 card written on the
server by a plain HTTP client, with properties netdesk does not model, comes back after an
edit in netdesk and a sync in its own version with every one of them unchanged — only the
edited field differs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netdesk.interop.vcard_lines import physical_lines
from netdesk.interop.vcard_reader import read_vcards
from netdesk.interop.vcard_writer import sync_version, write_vcard

Device = Any

FOREIGN = [
    "KIND:individual",
    "GENDER:F",
    "ANNIVERSARY:20100612",
    "GEO:geo:41.3851,2.1734",
    "LANG;PREF=1:es",
    "RELATED;TYPE=friend:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af",
    "IMPP;PREF=1:xmpp:ana@jabber.example",
    "X-SOCIALPROFILE;TYPE=twitter:https://x.example/ana",
    "X-CUSTOM-FIELD;X-PARAM=kept:with\\, an escaped comma",
    "item1.X-SPOUSE:Pepe",
    "item1.X-ABLabel:_$!<Spouse>!$_",
    "CLIENTPIDMAP:1;urn:uuid:3df403f4-5924-4bb7-b077-3c711d9eb34b",
]


_FOREIGN_NAMES = {line.split(";")[0].split(":")[0].upper() for line in FOREIGN}


def _card(uid: str) -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"UID:{uid}",
        "FN:Ana Gil",
        "N:Gil;Ana;;;",
        "TITLE:Architect",
        "EMAIL;TYPE=work:ana@gil.example",
        *FOREIGN,
        "END:VCARD",
    ]
    return "\r\n".join(lines) + "\r\n"


def _unfolded(text: str) -> list[str]:
    return [line.decode("utf-8") for line in physical_lines(
        text.replace("\r\n ", "").encode("utf-8")
    ) if line]  # fmt: skip


def _same(line: str) -> str:
    """Property names and groups are case-insensitive (RFC 6350 §3.3)."""
    head, _, value = line.partition(":")
    return head.upper() + ":" + value


def test_an_edit_in_netdesk_keeps_every_property_of_another_program(
    make_device: Callable[..., Device],
) -> None:
    phone = make_device("phone")
    book_url = phone.account_row().addressbook_url
    href = f"{book_url}ana-gil.vcf"
    with phone.server.client() as http:
        put = http.put(href, content=_card("ana-gil"), headers={"Content-Type": "text/vcard"})
        assert put.status_code == 201
        # the card as the server keeps it (Radicale re-serialises: "1;urn" becomes "1\;urn")
        before = _unfolded(http.get(href).text)
    phone.sync()
    ana = phone.id_of("Ana Gil")
    data = phone.book.get(ana)
    assert data.version == "4.0"
    data.title = "Partner"
    phone.book.update(ana, data)
    report = phone.sync()
    assert report.uploaded == 1 and report.conflicts == []
    with phone.server.client() as http:
        back = http.get(href).text
    lines = _unfolded(back)
    assert "VERSION:4.0" in lines
    assert "TITLE:Partner" in lines and "TITLE:Architect" not in lines
    mine = {_same(line) for line in lines}
    unchanged = [line for line in before if not line.upper().startswith(("TITLE", "PRODID"))]
    assert [line for line in unchanged if _same(line) not in mine] == []
    assert len([x for x in before if x.split(":")[0].upper() in {"KIND", "GENDER", "GEO"}]) == 3
    # and a second device reading it sees the same card, foreign lines and all
    laptop = make_device("laptop")
    laptop.sync()
    copy = laptop.book.get(laptop.id_of("Ana Gil"))
    assert {_same(x) for x in copy.extra} >= {
        _same(x) for x in unchanged if x.split(";")[0].split(":")[0].upper() in _FOREIGN_NAMES
    }
    assert copy.title == "Partner"


simple = st.from_regex(r"[A-Z][A-Z0-9-]{0,10}", fullmatch=True)
# any text a valid card can hold: RFC 6350 §3.3 allows no control character in a value but tab
values_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\t"),
    min_size=1,
    max_size=30,
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(simple, min_size=1, max_size=5, unique=True),
    values=st.lists(values_text, min_size=5, max_size=5),
    version=st.sampled_from(["3.0", "4.0"]),
    title=simple,
)  # fmt: skip
def test_any_card_edited_in_one_field_comes_back_equal_but_that_field(
    names: list[str], values: list[str], version: str, title: str
) -> None:
    """Property-based, through the same writer sync uses: X- properties with any text, read,
    one field edited, written in the card's version and read again, are all still there."""
    extra = [
        f"X-{name.upper()}:" + value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
        for name, value in zip(names, values, strict=False)
    ]
    card = "\r\n".join(
        ["BEGIN:VCARD", f"VERSION:{version}", "FN:Somebody", "N:;Somebody;;;", *extra, "END:VCARD"]
    ) + "\r\n"  # fmt: skip
    (first,) = list(read_vcards(card.encode("utf-8")))
    assert first.contact is not None
    data = first.contact
    data.title = title
    written = write_vcard(data, sync_version(data), strict=False)
    (again,) = list(read_vcards(written.encode("utf-8")))
    assert again.contact is not None
    assert again.contact.extra == data.extra
    assert {_same(x) for x in again.contact.extra} == {_same(x) for x in extra}
    assert again.contact.title == title
    assert f"VERSION:{version}" in written
