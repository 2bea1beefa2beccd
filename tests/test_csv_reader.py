"""CSV import: the layouts LinkedIn, Google and Outlook export, user mappings, and hostile bytes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netdesk.domain.contact_data import EmailAddress, PhoneNumber, PostalAddress, WebAddress
from netdesk.interop.csv_reader import (
    MAPPABLE_FIELDS,
    CsvFormatUnknown,
    CsvRow,
    guess_mapping,
    parse_date,
    read_csv,
    sniff,
)

LINKEDIN = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,García Ruiz,https://www.linkedin.com/in/anagarciaruiz,ana.garcia@example.es,"
    '"Acme Ibérica, S.L.",Directora de Operaciones,15 Mar 2023\n'
    "Tom,O'Neill,https://www.linkedin.com/in/tomoneill,,Initech,Senior Engineer,02 Jan 2021\n"
)

GOOGLE_NEW_HEADER = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
    "Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,"
    "E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,"
    "Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,"
    "Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,"
    "Website 1 - Label,Website 1 - Value\n"
)
GOOGLE_NEW = GOOGLE_NEW_HEADER + (
    "María José,,Pérez Ruiz,,,,Dra.,,Majo,,Fundación Ñandú,Investigadora,Genómica,--04-12,"
    '"Met at the Valencia meetup.\nLikes paella, not pizza.",'
    "https://lh3.googleusercontent.com/contacts/abc,* myContacts ::: Friends ::: Valencia,"
    "* Work,mj.perez@example.org,Home,majo@example.com,Mobile,+34 600 111 222 ::: +34 600 333 444,"
    'Work Fax,+34 963 000 001,Home,"Calle de la Paz 7, 2ª\n46003 Valencia\nEspaña",'
    '"Calle de la Paz 7, 2ª",Valencia,,Comunidad Valenciana,46003,España,,Blog,'
    "https://majo.example.org\n"
    # a contact that only has an organisation and a landline
    ",,,,,,,,,,Talleres Ruiz,,,,,,* myContacts,,,,,Work,+34 961 234 567,,,,,,,,,,,,,,\n"
)

GOOGLE_OLD = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,"
    "Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,"
    "Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,"
    "Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
    "Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,"
    "Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,"
    "Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description\n"
    "Jürgen Weiß,Jürgen,,Weiß,,,,,,,,,,,1975-11-02,,,,,,Consultant,,,,,,,,"
    "* myContacts ::: Kunden,* Work,j.weiss@example.de ::: jw@example.net,Mobile,"
    "+49 151 2345678,,Weiß Beratung GmbH,,Geschäftsführer,Vertrieb,,,\n"
)

OUTLOOK_HEADER = (
    '"First Name","Middle Name","Last Name","Title","Suffix","Initials","Web Page","Gender",'
    '"Birthday","Anniversary","Location","Language","Internet Free Busy","Notes",'
    '"E-mail Address","E-mail 2 Address","E-mail 3 Address","Primary Phone","Home Phone",'
    '"Home Phone 2","Mobile Phone","Pager","Home Fax","Home Address","Home Street",'
    '"Home Street 2","Home Street 3","Home Address PO Box","Home City","Home State",'
    '"Home Postal Code","Home Country","Spouse","Children","Manager\'s Name","Assistant\'s Name",'
    '"Referred By","Company Main Phone","Business Phone","Business Phone 2","Business Fax",'
    '"Assistant\'s Phone","Company","Job Title","Department","Office Location",'
    '"Organizational ID Number","Profession","Account","Business Address","Business Street",'
    '"Business Street 2","Business Street 3","Business Address PO Box","Business City",'
    '"Business State","Business Postal Code","Business Country","Other Phone","Other Fax",'
    '"Other Address","Other Street","Other Street 2","Other Street 3","Other Address PO Box",'
    '"Other City","Other State","Other Postal Code","Other Country","Callback","Car Phone",'
    '"ISDN","Radio Phone","TTY/TDD Phone","Telex","User 1","User 2","User 3","User 4",'
    '"Keywords","Mileage","Hobby","Billing Information","Directory Server","Sensitivity",'
    '"Priority","Private","Categories"\n'
)


def _outlook_row(values: dict[str, str]) -> str:
    headers = [h.strip('"') for h in OUTLOOK_HEADER.strip().split('","')]
    cells = [values.get(h, "") for h in headers]
    return ",".join('"' + c.replace('"', '""') + '"' for c in cells) + "\n"


OUTLOOK = (
    OUTLOOK_HEADER
    + _outlook_row(
        {
            "First Name": "François",
            "Last Name": "Lefèvre",
            "Title": "M.",
            "Web Page": "https://lefevre.example.fr",
            "Birthday": "3/4/1980",
            "Notes": "Prefers calls after 10am.\r\nSpeaks French and Spanish.",
            "E-mail Address": "f.lefevre@example.fr",
            "E-mail 2 Address": "francois@example.com",
            "Mobile Phone": "+33 6 12 34 56 78",
            "Business Phone": "+33 1 23 45 67 89",
            "Business Fax": "+33 1 23 45 67 90",
            "Assistant's Phone": "+33 1 23 45 67 91",
            "Company": "Lefèvre & Fils",
            "Job Title": "Directeur commercial",
            "Department": "Ventes",
            "Business Street": "12 rue de Rivoli",
            "Business Street 2": "Bâtiment B",
            "Business City": "Paris",
            "Business Postal Code": "75004",
            "Business Country": "France",
            "Home Street": "3 allée des Tilleuls",
            "Home City": "Vincennes",
            "Home Postal Code": "94300",
            "Categories": "VIP;Clientes",
        }
    )
    + _outlook_row({"First Name": "Kim", "Last Name": "Lee", "Birthday": "0/0/00"})
)


def _rows(raw: bytes, mapping: dict[str, str] | None = None) -> list[CsvRow]:
    return list(read_csv(raw, mapping))


# --------------------------------------------------------------------------------- LinkedIn


def test_linkedin_connections_skip_the_notes_preamble() -> None:
    raw = LINKEDIN.encode("utf-8")
    layout = sniff(raw)
    assert layout.kind == "linkedin"
    assert layout.header_index == 3
    assert layout.headers[0] == "First Name"
    rows = _rows(raw)
    assert [r.position for r in rows] == [1, 2]
    ana = rows[0].contact
    assert ana is not None and rows[0].error is None and rows[0].warnings == []
    assert (ana.given_name, ana.family_name) == ("Ana", "García Ruiz")
    assert (ana.organization, ana.title) == ("Acme Ibérica, S.L.", "Directora de Operaciones")
    assert ana.emails == [EmailAddress("ana.garcia@example.es")]
    assert ana.urls == [WebAddress("https://www.linkedin.com/in/anagarciaruiz", "LinkedIn")]
    assert ana.note == "LinkedIn connection since 2023-03-15"
    assert ana.tags == ["LinkedIn"]
    tom = rows[1].contact
    assert tom is not None and tom.emails == [] and tom.family_name == "O'Neill"
    assert tom.note == "LinkedIn connection since 2021-01-02"


# ----------------------------------------------------------------------------------- Google


def test_google_new_layout_maps_every_column() -> None:
    raw = GOOGLE_NEW.encode("utf-8")
    assert sniff(raw).kind == "google"
    rows = _rows(raw)
    assert [r.error for r in rows] == [None, None]
    mj = rows[0].contact
    assert mj is not None
    assert (mj.given_name, mj.family_name, mj.prefix, mj.nickname) == (
        "María José",
        "Pérez Ruiz",
        "Dra.",
        "Majo",
    )
    assert (mj.organization, mj.title, mj.department) == (
        "Fundación Ñandú",
        "Investigadora",
        "Genómica",
    )
    assert mj.birthday == "--04-12"
    assert mj.note == "Met at the Valencia meetup.\nLikes paella, not pizza."
    assert mj.tags == ["Friends", "Valencia"]  # the "* myContacts" system label is dropped
    assert mj.emails == [
        EmailAddress("mj.perez@example.org", "work", True),
        EmailAddress("majo@example.com", "home"),
    ]
    assert mj.phones == [
        PhoneNumber("+34 600 111 222", "cell"),
        PhoneNumber("+34 600 333 444", "cell"),
        PhoneNumber("+34 963 000 001", "work fax"),
    ]
    assert mj.addresses == [
        PostalAddress(
            kind="home",
            street="Calle de la Paz 7, 2ª",
            city="Valencia",
            region="Comunidad Valenciana",
            postal_code="46003",
            country="España",
        )
    ]
    assert mj.urls == [WebAddress("https://majo.example.org", "Blog")]
    shop = rows[1].contact
    assert shop is not None and shop.organization == "Talleres Ruiz" and shop.tags == []
    assert shop.phones == [PhoneNumber("+34 961 234 567", "work")]


def test_google_old_layout_in_utf16_with_bom() -> None:
    raw = GOOGLE_OLD.encode("utf-16")
    layout = sniff(raw)
    assert (layout.kind, layout.encoding) == ("google", "utf-16")
    [row] = _rows(raw)
    c = row.contact
    assert c is not None
    assert (c.full_name, c.given_name, c.family_name) == ("Jürgen Weiß", "Jürgen", "Weiß")
    assert c.birthday == "1975-11-02" and c.role == "Consultant"
    assert (c.organization, c.title, c.department) == (
        "Weiß Beratung GmbH",
        "Geschäftsführer",
        "Vertrieb",
    )
    assert c.emails == [
        EmailAddress("j.weiss@example.de", "work", True),
        EmailAddress("jw@example.net", "work", False),
    ]
    assert c.phones == [PhoneNumber("+49 151 2345678", "cell")]
    assert c.tags == ["Kunden"]


# ---------------------------------------------------------------------------------- Outlook


def test_outlook_csv_in_windows_1252() -> None:
    raw = OUTLOOK.encode("cp1252")
    layout = sniff(raw)
    assert (layout.kind, layout.encoding, layout.delimiter) == ("outlook", "cp1252", ",")
    first, second = _rows(raw)
    c = first.contact
    assert c is not None and first.warnings == []
    assert (c.prefix, c.given_name, c.family_name) == ("M.", "François", "Lefèvre")
    assert (c.organization, c.department, c.title) == (
        "Lefèvre & Fils",
        "Ventes",
        "Directeur commercial",
    )
    assert c.birthday == "1980-03-04"  # Outlook writes month/day/year
    assert c.note == "Prefers calls after 10am.\r\nSpeaks French and Spanish."
    assert c.emails == [EmailAddress("f.lefevre@example.fr"), EmailAddress("francois@example.com")]
    assert sorted((p.kind, p.value) for p in c.phones) == [
        ("Assistant", "+33 1 23 45 67 91"),
        ("cell", "+33 6 12 34 56 78"),
        ("work", "+33 1 23 45 67 89"),
        ("work fax", "+33 1 23 45 67 90"),
    ]
    by_kind = {a.kind: a for a in c.addresses}
    assert by_kind["work"] == PostalAddress(
        kind="work",
        street="12 rue de Rivoli\nBâtiment B",
        city="Paris",
        postal_code="75004",
        country="France",
    )
    assert by_kind["home"].city == "Vincennes" and len(c.addresses) == 2
    assert c.urls == [WebAddress("https://lefevre.example.fr")]
    assert c.tags == ["VIP", "Clientes"]
    kim = second.contact
    assert kim is not None and kim.birthday is None and second.warnings == []  # "0/0/00"


# ------------------------------------------------------------------------ unknown / mapping

SPANISH = (
    "Nombre;Apellidos;Empresa;Cargo;Correo electrónico;Teléfono;Móvil;Dirección;Ciudad;"
    "Código postal;País;Fecha de nacimiento;Notas;Etiquetas\n"
    "Lucía;Martín Gómez;Cerámicas del Sur;Gerente;lucia@ceramicas.example;954 000 111;"
    "655 000 222;Av. de la Constitución 3;Sevilla;41001;España;22/03/1985;Cliente desde 2019;"
    "Proveedores, Sevilla\n"
)


def test_unknown_layout_raises_with_what_the_dialog_needs() -> None:
    raw = SPANISH.encode("cp1252")
    with pytest.raises(CsvFormatUnknown) as info:
        read_csv(raw)  # raised at once, not on first iteration
    assert info.value.headers[:3] == ["Nombre", "Apellidos", "Empresa"]
    assert (info.value.delimiter, info.value.encoding) == (";", "cp1252")


def test_guess_mapping_understands_spanish_headers_and_mapping_reads_the_file() -> None:
    raw = SPANISH.encode("utf-8-sig")
    layout = sniff(raw)
    assert (layout.encoding, layout.delimiter, layout.kind) == ("utf-8-sig", ";", None)
    mapping = guess_mapping(layout.headers)
    assert mapping == {
        "Nombre": "given_name",
        "Apellidos": "family_name",
        "Empresa": "organization",
        "Cargo": "title",
        "Correo electrónico": "email",
        "Teléfono": "phone",
        "Móvil": "mobile",
        "Dirección": "street",
        "Ciudad": "city",
        "Código postal": "postal_code",
        "País": "country",
        "Fecha de nacimiento": "birthday",
        "Notas": "note",
        "Etiquetas": "tags",
    }
    assert set(mapping.values()) <= set(MAPPABLE_FIELDS)
    [row] = _rows(raw, mapping)
    c = row.contact
    assert c is not None
    assert (c.given_name, c.family_name, c.organization, c.title) == (
        "Lucía",
        "Martín Gómez",
        "Cerámicas del Sur",
        "Gerente",
    )
    assert c.phones == [PhoneNumber("954 000 111"), PhoneNumber("655 000 222", "cell")]
    assert c.addresses == [
        PostalAddress(
            street="Av. de la Constitución 3", city="Sevilla", postal_code="41001", country="España"
        )
    ]
    assert (c.birthday, c.note, c.tags) == (
        "1985-03-22",
        "Cliente desde 2019",
        ["Proveedores", "Sevilla"],
    )


def test_guess_mapping_english_headers() -> None:
    headers = ["Name", "E-mail", "Mobile", "Business Phone", "Company", "Job Title", "Zip", "Foo"]
    assert guess_mapping(headers) == {
        "Name": "full_name",
        "E-mail": "email",
        "Mobile": "mobile",
        "Business Phone": "phone",
        "Company": "organization",
        "Job Title": "title",
        "Zip": "postal_code",
        "Foo": "ignore",
    }
    assert guess_mapping(["Nombre", "Correo"]) == {"Nombre": "full_name", "Correo": "email"}


def test_mapping_with_no_usable_column_is_still_unknown() -> None:
    with pytest.raises(CsvFormatUnknown):
        read_csv(b"a,b\n1,2\n", {"a": "ignore"})
    with pytest.raises(ValueError, match="shoe_size"):
        read_csv(b"a,b\n1,2\n", {"a": "shoe_size"})


def test_tab_separated_file_is_sniffed() -> None:
    raw = "Full name\tEmail\nZoë Ng\tzoe@example.com\n".encode()
    layout = sniff(raw)
    assert (layout.delimiter, layout.headers) == ("\t", ["Full name", "Email"])
    [row] = _rows(raw, guess_mapping(layout.headers))
    assert row.contact is not None and row.contact.full_name == "Zoë Ng"


# ------------------------------------------------------------------------- row-level faults


def test_row_problems_are_reported_per_row() -> None:
    raw = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b",,https://www.linkedin.com/in/ghost,,,,01 Feb 2020\n"  # nothing to identify
        b"Short,Row\n"  # too few fields
        b"\n"
        b"Long,Row,,,Acme,CEO,05 May 2019,extra\n"
    )
    rows = _rows(raw)
    assert [r.position for r in rows] == [1, 2, 4]
    assert rows[0].contact is None
    assert rows[0].error == "row has no name, organisation, e-mail or phone"
    assert rows[1].contact is not None and rows[1].contact.family_name == "Row"
    assert rows[1].warnings and "fields" in rows[1].warnings[0]
    assert rows[2].contact is not None and rows[2].contact.title == "CEO"
    assert rows[2].warnings


def test_bad_birthday_is_a_warning_and_left_empty() -> None:
    raw = b"Name;Birthday;E-mail\nAda;31/02/1990;ada@example.com\nBo;someday;\n"
    rows = _rows(raw, {"Name": "full_name", "Birthday": "birthday", "E-mail": "email"})
    assert rows[0].contact is not None and rows[0].contact.birthday is None
    assert "31/02/1990" in rows[0].warnings[0]
    assert rows[1].contact is not None and "someday" in rows[1].warnings[0]


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("1980-03-22", False, "1980-03-22"),
        ("19800322", False, "1980-03-22"),
        ("--03-22", False, "--03-22"),
        ("--0322", False, "--03-22"),
        ("22/03/1980", True, "1980-03-22"),
        ("03/04/1980", False, "1980-04-03"),
        ("03/04/1980", True, "1980-03-04"),
        ("15 Mar 2023", False, "2023-03-15"),
        ("15 de marzo de 1980", False, "1980-03-15"),
        ("March 15, 1980", False, "1980-03-15"),
        ("2000-02-30", False, None),
        ("--02-29", False, "--02-29"),
        ("soon", False, None),
        ("0000-01-01", False, None),
    ],
)
def test_parse_date(text: str, month_first: bool, expected: str | None) -> None:
    assert parse_date(text, month_first) == expected


def test_empty_input_is_unknown() -> None:
    for raw in (b"", b"\n\n", b"\xef\xbb\xbf"):
        with pytest.raises(CsvFormatUnknown):
            read_csv(raw)


# ------------------------------------------------------------------------------- robustness


def _drain(raw: bytes, mapping: dict[str, str] | None = None) -> None:
    """Either CsvFormatUnknown at once, or an iterator of well-formed rows — nothing else."""
    try:
        rows = read_csv(raw, mapping)
    except CsvFormatUnknown:
        return
    for row in rows:
        assert isinstance(row, CsvRow) and row.position >= 1
        assert (row.contact is None) == (row.error is not None)
        assert all(isinstance(w, str) for w in row.warnings)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise_anything_else(raw: bytes) -> None:
    _drain(raw)
    _drain(raw, {"a": "full_name"})


VALID = [
    LINKEDIN.encode(),
    GOOGLE_NEW.encode(),
    GOOGLE_OLD.encode("utf-16"),
    OUTLOOK.encode("cp1252"),
    SPANISH.encode(),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(VALID),
    st.lists(
        st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.binary(max_size=6)),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_valid_files_never_raise_anything_else(
    raw: bytes, edits: list[tuple[int, int, bytes]]
) -> None:
    data = bytearray(raw)
    for where, drop, insert in edits:
        at = where % (len(data) + 1)
        data[at : at + drop] = insert
    _drain(bytes(data))
    _drain(bytes(data), guess_mapping(sniff(bytes(data)).headers))


def test_a_field_over_the_csv_size_limit_becomes_a_row_error() -> None:
    raw = b"Name,E-mail\n" + b'"' + b"x" * 200_000 + b'",a@example.com\nBo,bo@example.com\n'
    rows = _rows(raw, {"Name": "full_name", "E-mail": "email"})
    assert rows[0].error is not None
    assert rows[-1].contact is not None and rows[-1].contact.full_name == "Bo"
