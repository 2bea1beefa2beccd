"""The contact book: validation, search, delete and undo, the JSON records."""

from __future__ import annotations

import pytest

from netdesk.app.contacts import ContactBook, ValidationError
from netdesk.app.events import EventBook
from netdesk.domain.contact_data import ContactData, EmailAddress, PhoneNumber, PostalAddress
from netdesk.store.db import Database


@pytest.fixture
def book(db: Database) -> ContactBook:
    return ContactBook(db, region="ES")


def lucia() -> ContactData:
    return ContactData(
        given_name="Lucía",
        family_name="Pérez Gómez",
        organization="Estudio Arquitectura Norte",
        title="Socia",
        emails=[EmailAddress("lucia@norte.es", "work", True), EmailAddress("lu@gmail.com")],
        phones=[PhoneNumber("+34 600 12 34 56", "cell")],
        addresses=[PostalAddress(kind="work", street="Calle Mayor 1", city="Madrid")],
        note="Met at the chamber breakfast; interested in co-working.",
        tags=["architects", "madrid"],
        birthday="--03-22",
    )


def test_create_and_read_back_every_field(book: ContactBook) -> None:
    cid = book.create(lucia())
    got = book.get(cid)
    assert got.full_name == "Lucía Pérez Gómez"
    assert [e.value for e in got.emails] == ["lucia@norte.es", "lu@gmail.com"]
    assert got.emails[0].pref is True
    assert got.phones[0].value == "+34 600 12 34 56"
    assert got.addresses[0].street == "Calle Mayor 1"
    assert got.tags == ["architects", "madrid"]
    assert got.birthday == "--03-22"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (ContactData(), "full_name", "name or an organisation"),
        (
            ContactData(full_name="A", emails=[EmailAddress("not-an-address")]),
            "emails",
            "not an e-mail",
        ),
        (ContactData(full_name="A", birthday="1980-13-40"), "birthday", "Use a date"),
        (ContactData(full_name="A", birthday="--02-30"), "birthday", "Use a date"),
    ],
)
def test_invalid_contacts_are_refused_with_the_field_named(
    book: ContactBook, data: ContactData, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as info:
        book.create(data)
    assert message in info.value.problems[field]
    assert book.count() == 0


def test_organisation_alone_is_enough(book: ContactBook) -> None:
    cid = book.create(ContactData(organization="Cámara de Comercio"))
    assert book.get(cid).full_name == "Cámara de Comercio"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("luc", True),  # prefix of a given name
        ("lucia", True),  # accents folded
        ("perez gom", True),  # several words, each a prefix
        ("norte", True),  # organisation
        ("gmail", True),  # e-mail
        ("600123", True),  # phone digits without spaces
        ("co-working", True),  # notes
        ("architects", True),  # tags
        ("barcelona", False),
        ("", True),  # empty search lists everything
        ('"*(', True),  # punctuation only: treated as empty, never an FTS syntax error
    ],
)
def test_search(book: ContactBook, query: str, found: bool) -> None:
    cid = book.create(lucia())
    book.create(ContactData(full_name="Tomás Ruiz", organization="Bufete Ruiz"))
    ids = [s.id for s in book.summaries(query)]
    assert (cid in ids) is found


def test_search_follows_edits(book: ContactBook) -> None:
    cid = book.create(lucia())
    data = book.get(cid)
    data.organization = "Taller Sur"
    book.update(cid, data)
    assert [s.id for s in book.summaries("sur")] == [cid]
    assert book.summaries("arquitectura") == []


def test_delete_and_restore_brings_back_everything(book: ContactBook, db: Database) -> None:
    cid = book.create(lucia())
    other = book.create(ContactData(full_name="Tomás Ruiz"))
    event = EventBook(db).create("Chamber breakfast")
    EventBook(db).add_attendees(event, [cid])
    before = book.as_records()
    snap = book.delete([cid])
    assert [r["id"] for r in book.as_records()] == [other]
    assert book.summaries("lucia") == []
    book.restore(snap)
    assert book.as_records() == before
    assert [s.id for s in book.summaries("lucia")] == [cid]


def test_records_have_the_documented_fields(book: ContactBook, db: Database) -> None:
    cid = book.create(lucia())
    EventBook(db).add_attendees(EventBook(db).create("Chamber breakfast"), [cid])
    (record,) = book.as_records()
    assert record["id"] == cid
    assert record["full_name"] == "Lucía Pérez Gómez"
    assert record["given_name"] == "Lucía"
    assert record["family_name"] == "Pérez Gómez"
    assert record["organization"] == "Estudio Arquitectura Norte"
    assert record["title"] == "Socia"
    assert record["emails"] == ["lucia@norte.es", "lu@gmail.com"]
    assert record["phones"] == ["+34 600 12 34 56"]
    assert record["addresses"][0]["city"] == "Madrid"
    assert record["urls"] == []
    assert record["note"].startswith("Met at")
    assert record["birthday"] == "--03-22"
    assert record["tags"] == ["architects", "madrid"]
    assert record["has_photo"] is False
    assert record["events"] == ["Chamber breakfast"]
    assert record["created_at"].endswith("Z")
    assert record["updated_at"].endswith("Z")


def test_sorting_pages(book: ContactBook) -> None:
    for name in ["bea", "Ana", "carla", "Dora"]:
        book.create(ContactData(full_name=name))
    names = [s.full_name for s in book.summaries(sort_column=1)]
    assert names == ["Ana", "bea", "carla", "Dora"]
    desc = [s.full_name for s in book.summaries(sort_column=1, descending=True, limit=2)]
    assert desc == ["Dora", "carla"]
    assert [s.full_name for s in book.summaries(offset=2, limit=5)] == ["carla", "Dora"]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort_column", range(1, 8))
def test_keyset_pages_follow_the_full_order(
    db: Database, book: ContactBook, sort_column: int, descending: bool
) -> None:
    import datetime as dt

    from netdesk.app.touchpoints import FollowUps

    followups = FollowUps(db)
    for i in range(23):
        cid = book.create(
            ContactData(
                full_name=f"{'ab'[i % 2]}Person {i % 5}",  # repeated names: ties broken by id
                organization=["", "Acme", "acme", "Zeta"][i % 4],
                title="" if i % 3 else f"T{i % 4}",
                emails=[EmailAddress(f"p{i % 6}@x.org")] if i % 2 else [],
                phones=[PhoneNumber(f"+34 600 000 {i % 4:03d}")] if i % 5 else [],
            )
        )
        if i % 3:  # some never touched and with nothing planned: NULL dates sort last
            followups.add(cid, "call", status="done", done_date=dt.date(2026, 1, 1 + i % 4))
            followups.add(cid, "meeting", due=dt.date(2026, 12, 1 + i % 3))
    whole = [s.id for s in book.summaries(sort_column=sort_column, descending=descending)]
    paged: list[int] = []
    last = None
    while True:
        page = book.summaries(sort_column=sort_column, descending=descending, limit=4, after=last)
        if not page:
            break
        paged.extend(s.id for s in page)
        last = page[-1]
    assert paged == whole and len(whole) == 23


@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_strength_pages_by_its_index_unscored_last(
    db: Database, book: ContactBook, descending: bool
) -> None:
    from sqlalchemy import text

    scores = [None, 0, 55, 55, 100, None, 7, 0, 55, None, 100]
    ids = [book.create(ContactData(full_name=f"P{i}")) for i in range(len(scores))]
    with db.engine.begin() as conn:
        for cid, score in zip(ids, scores, strict=True):
            conn.execute(
                text("UPDATE contact SET strength = :s WHERE id = :i"), {"s": score, "i": cid}
            )
    whole = [(s.strength, s.id) for s in book.summaries(sort_column=8, descending=descending)]
    scored = sorted((s, i) for s, i in zip(scores, ids, strict=True) if s is not None)
    if descending:
        scored = scored[::-1]
    unscored = sorted(
        ((None, i) for s, i in zip(scores, ids, strict=True) if s is None), reverse=descending
    )
    assert whole == scored + unscored  # a 0 is a score; no score comes last both ways
    paged: list[tuple[int | None, int]] = []
    last = None
    while page := book.summaries(sort_column=8, descending=descending, limit=3, after=last):
        paged += [(s.strength, s.id) for s in page]
        last = page[-1]
    assert paged == whole
    direction = "DESC" if descending else ""
    unscored_as = -1 if descending else 101
    with db.engine.connect() as conn:
        plan = conn.execute(
            text(
                f"EXPLAIN QUERY PLAN SELECT id FROM contact ORDER BY "
                f"coalesce(strength, {unscored_as}) {direction}, id {direction} LIMIT 3"
            )
        ).all()
    assert "ix_contact_strength_" in str(plan) and "TEMP B-TREE" not in str(plan)
