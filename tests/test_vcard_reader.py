"""The vCard reader on small cards written for these tests, one quirk at a time."""

from __future__ import annotations

import base64

from hypothesis import given, settings
from hypothesis import strategies as st

from netdesk.domain.contact_data import ContactData
from netdesk.interop.vcard_reader import NO_IDENTITY, UNNAMED, CardResult, read_vcards

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def card(*lines: str | bytes, version: str = "3.0", eol: bytes = b"\r\n") -> bytes:
    body = [b"BEGIN:VCARD", f"VERSION:{version}".encode()]
    body += [x if isinstance(x, bytes) else x.encode("utf-8") for x in lines]
    body.append(b"END:VCARD")
    return eol.join(body) + eol


def only(raw: bytes) -> ContactData:
    (result,) = list(read_vcards(raw))
    assert result.contact is not None, result.error
    return result.contact


def test_qp_soft_break_continues_on_a_line_starting_with_a_space() -> None:
    raw = card(
        "FN:Ana",
        "NOTE;ENCODING=QUOTED-PRINTABLE:Now's the time =",
        " for all folk",
        version="2.1",
    )
    assert only(raw).note == "Now's the time  for all folk"


def test_fold_that_splits_a_utf8_character() -> None:
    name = "Ñandú Pérez".encode()
    raw = card(b"FN:" + name[:2], b" " + name[2:])
    assert only(raw).full_name == "Ñandú Pérez"


def test_cr_cr_lf_and_bare_cr_line_endings() -> None:
    assert only(card("FN:Ana", "TEL:1234567", eol=b"\r\r\n")).phones[0].value == "1234567"
    assert only(card("FN:Ana", "TEL:1234567", eol=b"\r")).full_name == "Ana"


def test_bom_and_lower_case_property_names() -> None:
    raw = b"\xef\xbb\xbf" + card("fn:Ana Gil", "email;type=work:ana@gil.example")
    c = only(raw)
    assert (c.full_name, c.emails[0].value, c.emails[0].kind) == (
        "Ana Gil",
        "ana@gil.example",
        "work",
    )


def test_declared_and_undeclared_legacy_charsets() -> None:
    declared = card(b"FN;CHARSET=ISO-8859-1:Jos\xe9", version="2.1")
    assert only(declared).full_name == "José"
    undeclared = card(b"FN:M\xfcller", b"ORG:Caf\xe9 Central")
    assert (only(undeclared).full_name, only(undeclared).organization) == ("Müller", "Café Central")


def test_escapes_differ_between_21_and_30() -> None:
    v30 = only(card(r"FN:Ruiz\, Tomás", r"NOTE:line one\nline two\; with \\ backslash"))
    assert v30.full_name == "Ruiz, Tomás"
    assert v30.note == "line one\nline two; with \\ backslash"
    v21 = only(card(r"FN:A\, B", r"NOTE:keeps \n as typed\; but not this", version="2.1"))
    assert v21.full_name == r"A\, B"
    assert v21.note == r"keeps \n as typed; but not this"


def test_structured_values_and_bare_21_types() -> None:
    c = only(
        card(
            "N:García;Ana;María;Dra.;PhD",
            "ORG:Notaría Centro;Sucesiones;Madrid",
            "TEL;CELL;PREF:600 111 222",
            "TEL;WORK;FAX:91 555 00 00",
            "ADR;HOME:;;Calle Mayor 1;Madrid;;28013;España",
            version="2.1",
        )
    )
    assert c.full_name == "Dra. Ana María García PhD"
    assert (c.organization, c.department) == ("Notaría Centro", "Sucesiones / Madrid")
    assert [(p.value, p.kind, p.pref) for p in c.phones] == [
        ("600 111 222", "cell", True),
        ("91 555 00 00", "work fax", False),
    ]
    assert (c.addresses[0].kind, c.addresses[0].street, c.addresses[0].country) == (
        "home",
        "Calle Mayor 1",
        "España",
    )


def test_apple_item_groups_with_labels() -> None:
    c = only(
        card(
            "FN:Ana",
            "item1.TEL:555 0101",
            "item1.X-ABLabel:_$!<AssistantPhone>!$_",
            "item2.EMAIL:ana@club.example",
            "item2.X-ABLabel:Tennis club",
            "item3.URL:https://ana.example",
        )
    )
    assert [(p.value, p.kind) for p in c.phones] == [("555 0101", "assistant")]
    assert [(e.value, e.kind) for e in c.emails] == [("ana@club.example", "Tennis club")]
    assert [u.value for u in c.urls] == ["https://ana.example"]


def test_birthdays_full_partial_and_bad() -> None:
    assert only(card("FN:A", "BDAY:19800322")).birthday == "1980-03-22"
    assert only(card("FN:A", "BDAY:--0203")).birthday == "--02-03"
    assert only(card("FN:A", "BDAY:1980-03-22T00:00:00Z")).birthday == "1980-03-22"
    (result,) = list(read_vcards(card("FN:A", "BDAY:next tuesday")))
    assert result.contact and result.contact.birthday is None
    assert any("BDAY" in w for w in result.warnings)


def test_categories_become_tags() -> None:
    assert only(card("FN:A", r"CATEGORIES:clients,BNI Madrid,a\,b")).tags == [
        "clients",
        "BNI Madrid",
        "a,b",
    ]


def test_photos_base64_data_uri_and_corrupt() -> None:
    b64 = base64.b64encode(PNG).decode()
    c = only(card("FN:A", f"PHOTO;ENCODING=b;TYPE=PNG:{b64}"))
    assert (c.photo, c.photo_mime) == (PNG, "image/png")
    c = only(card("FN:A", f"PHOTO:data:image/png;base64,{b64}", version="4.0"))
    assert c.photo == PNG
    (result,) = list(read_vcards(card("FN:Kept", "PHOTO;ENCODING=b:!!!not base64!!!")))
    assert result.contact and result.contact.full_name == "Kept" and result.contact.photo is None
    assert result.warnings == ["PHOTO: dropped, the image data is not valid base64"]
    (result,) = list(read_vcards(card("FN:Kept", "PHOTO;ENCODING=b:TGFycw==")))
    assert result.contact and result.contact.photo is None
    assert result.warnings == ["PHOTO: dropped, the data is not a picture"]


def test_display_name_falls_back_to_n_org_email() -> None:
    assert only(card("N:Gil;Ana;;;")).full_name == "Ana Gil"
    assert only(card("ORG:Cámara de Comercio")).full_name == "Cámara de Comercio"
    assert only(card("EMAIL:solo@example.org")).full_name == "solo@example.org"


def test_nameless_cards_are_kept_if_they_carry_something_else_rejected_if_not() -> None:
    (kept,) = list(read_vcards(card("ADR:;;Calle Luna 5;Madrid;;;")))
    assert kept.contact and kept.contact.full_name == UNNAMED
    (empty,) = list(read_vcards(card("BDAY:1980-01-01")))
    assert (empty.contact, empty.error) == (None, NO_IDENTITY)


def test_several_cards_one_broken_in_the_middle() -> None:
    raw = (
        card("FN:First")
        + b"this line is junk between cards\r\n"
        + card("NOTE:")
        + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Not closed\r\n"
        + card("FN:Last")
    )
    results = list(read_vcards(raw))
    assert [(r.position, r.contact.full_name if r.contact else r.error) for r in results] == [
        (1, "First"),
        (2, NO_IDENTITY),
        (3, "Not closed"),
        (4, "Last"),
    ]
    assert "not closed" in results[2].warnings[0]


def test_junk_lines_inside_a_card_cost_a_warning_not_the_card() -> None:
    (result,) = list(read_vcards(card("FN:Ana", "this is not a property", "TEL:123456")))
    assert result.contact and result.contact.phones[0].value == "123456"
    assert result.warnings and "not a property" in result.warnings[0]


VALID = card(
    "FN:Ana García",
    "N:García;Ana;;;",
    "EMAIL;TYPE=work:ana@example.org",
    "TEL;TYPE=cell:+34 600 000 000",
    "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9 =",
    " con leche",
    "ADR:;;Calle 1;Madrid;;;",
)


def check(results: list[CardResult]) -> None:
    for r in results:
        assert isinstance(r, CardResult)
        assert (r.contact is None) != (r.error is None)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(raw: bytes) -> None:
    check(list(read_vcards(raw)))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(VALID) - 1), st.binary(min_size=0, max_size=8)),
        min_size=1,
        max_size=8,
    )
)
def test_mutated_cards_never_raise(edits: list[tuple[int, bytes]]) -> None:
    raw = bytearray(VALID)
    for offset, data in edits:
        raw[offset : offset + len(data)] = data
    check(list(read_vcards(bytes(raw))))


@given(st.binary(max_size=400), st.integers(min_value=1, max_value=40))
def test_pieces_rejoin_and_split_lines_as_the_whole_file_does(raw: bytes, size: int) -> None:
    from netdesk.interop.vcard_lines import normalise_newlines, physical_lines, slices

    pieces = list(slices(raw, size))
    assert b"".join(pieces) == raw
    for piece in pieces[:-1]:  # every cut is after a line break that no fold continues
        assert piece.endswith(b"\n")
    whole = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    assert list(physical_lines(raw, size)) == normalise_newlines(whole).split(b"\n")


def test_folded_lines_survive_small_pieces() -> None:
    from netdesk.interop.vcard_lines import physical_lines

    raw = b"BEGIN:VCARD\r\nNOTE:a long\r\n  folded\r\n\tnote\r\r\nEND:VCARD\r\n"
    assert list(physical_lines(raw, 4)) == list(physical_lines(raw, 1 << 18))


def test_vobject_reads_lotus_notes_underscores_as_dashes() -> None:
    # vobject's content-line parser turns "_" in property names into "-" (Lotus Notes writes
    # X_SKYPE_USERNAME); the card's Skype name arrives as a link.
    c = only(card("FN:Ana Gil", "X_SKYPE_USERNAME:ana.gil", "item1.X_ABLabel:x"))
    assert [(u.value, u.kind) for u in c.urls] == [("skype:ana.gil", "Skype")]


def test_a_head_vobject_would_backtrack_on_is_tidied_first() -> None:
    # Unmatched, this head sends vobject's line regex into exponential backtracking (minutes);
    # the empty parameter is dropped first, and so is one whose name cannot be a name.
    commas = "," * 25
    c = only(card("FN:Ana", f"NOTE;X-A={commas};:hello", f"TITLE;X B={commas}:Architect"))
    assert (c.note, c.title) == ("hello", "Architect")


def test_bare_21_types_listed_with_commas_are_all_kept() -> None:
    # vobject reads ";MSG,WORK" as MSG alone; the head is rewritten to TYPE=MSG,WORK first.
    c = only(card("FN:Ana", "TEL;TYPE=VOICE;MSG,WORK:+1-919-676-9515", version="2.1"))
    assert c.phones[0].kind == "msg work"
