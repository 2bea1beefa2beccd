"""The third-party corpus in ../shared/corpus/vcards, read in place (never copied here).

valid/: every card imports. invalid/: nothing raises, every rejected card says why, and the
readable cards still come through. The exact values are those expected.md lists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netdesk.domain.contact_data import ContactData
from netdesk.interop.vcard_reader import CardResult, read_vcards

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "vcards"
if not CORPUS.is_dir():
    pytest.skip(f"the vCard corpus is not at {CORPUS}", allow_module_level=True)

BEGIN = re.compile(rb"(?im)^[ \t]*(?:[\w-]+\.)?BEGIN[ \t]*:[ \t]*VCARD")
VALID = sorted((CORPUS / "valid").iterdir())
INVALID = sorted((CORPUS / "invalid").iterdir())


def read(name: str) -> list[CardResult]:
    return list(read_vcards((CORPUS / "valid" / name).read_bytes()))


def one(name: str) -> ContactData:
    (result,) = read(name)
    assert result.contact is not None, result.error
    return result.contact


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_every_valid_card_imports(path: Path) -> None:
    raw = path.read_bytes()
    results = list(read_vcards(raw))
    assert len(results) == len(BEGIN.findall(raw))
    assert [(r.position, r.error) for r in results if r.contact is None] == []
    assert all(r.contact and r.contact.full_name.strip() for r in results)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_files_never_raise_and_explain_rejections(path: Path) -> None:
    results = list(read_vcards(path.read_bytes()))
    for result in results:
        if result.contact is None:
            assert result.error and len(result.error) > 10
        else:
            assert result.contact.full_name.strip()
    assert [r.position for r in results] == list(range(1, len(results) + 1))


def test_the_corpus_is_all_there() -> None:
    cards = sum(len(BEGIN.findall(p.read_bytes())) for p in VALID)
    assert (len(VALID), cards) == (138, 229)


def test_outlook_21() -> None:
    c = one("ezvcard__John_Doe_MS_OUTLOOK.vcf")
    assert c.full_name == "Mr. John Richter James Doe Sr."
    assert (c.family_name, c.given_name, c.additional_names, c.prefix, c.suffix) == (
        "Doe",
        "John",
        "Richter,James",
        "Mr.",
        "Sr.",
    )
    assert (c.nickname, c.organization, c.department, c.title, c.role) == (
        "Johny",
        "IBM",
        "Accounting",
        "Money Counter",
        "Counting Money",
    )
    assert [(e.value, e.pref) for e in c.emails] == [("john.doe@ibm.cm", True)]
    assert [(p.value, p.kind) for p in c.phones] == [
        ("(905) 555-1234", "work"),
        ("(905) 666-1234", "home"),
    ]
    work, home = c.addresses
    assert (work.street, work.city, work.region, work.postal_code, work.country) == (
        "Cresent moon drive",
        "Albaney",
        "New York",
        "12345",
        "United States of America",
    )
    assert home.street == "Silicon Alley 5,"
    assert c.birthday == "1980-03-22"
    assert c.note.startswith("THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS''")
    assert c.note.endswith("EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.")
    assert c.photo_mime == "image/jpeg"


def test_outlook_2007_qp_note_with_tab_and_crlf() -> None:
    c = one("ezvcard__outlook-2007.vcf")
    # the card's quoted-printable CR LF (=0D=0A) is kept as one line break, as every
    # vCard 3.0/4.0 export writes it (a \n escape): the note survives any export unchanged
    assert c.note.startswith("This is the NOTE field\t\nI assume it encodes this text")
    assert "\r" not in c.note
    assert [p.value for p in c.phones][:4] == [
        "(111) 555-1111",
        "(111) 555-2222",
        "(111) 555-4444",
        "(111) 555-3333",
    ]
    (adr,) = c.addresses
    assert (adr.extended, adr.street, adr.postal_code) == ("TheOffice", "222 Broadway", "99999")
    assert c.birthday == "1922-03-10"


def test_iphone_cr_cr_lf_and_item_labels() -> None:
    c = one("ezvcard__John_Doe_IPHONE.vcf")
    assert c.additional_names == "Richter James"
    assert [e.value for e in c.emails] == ["john.doe@ibm.com"]
    assert len(c.phones) == 7
    assert c.phones[-1].value == "905-222-1234" and c.phones[-1].kind == "assistant"
    assert c.addresses[1].street == "Street4\nBuilding 6\nFloor 8"
    assert [(u.value, u.kind) for u in c.urls] == [("http://www.ibm.com", "homepage")]
    assert c.birthday == "2012-06-06"
    assert c.photo_mime == "image/jpeg" and c.photo and len(c.photo) > 30_000


def test_android_six_cards_with_a_corrupt_photo() -> None:
    results = read("ezvcard__John_Doe_ANDROID.vcf")
    assert [r.position for r in results] == [1, 2, 3, 4, 5, 6]
    contacts = [r.contact for r in results]
    assert all(contacts)
    assert [c.full_name for c in contacts[:2] if c] == [
        "john.doe@company.com",
        "jane.doe@company.com",
    ]
    four = contacts[3]
    assert four and four.full_name == "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ"
    assert four and [p.value for p in four.phones] == ["123456", "234567", "3456789", "45678901"]
    five = contacts[4]
    assert five and five.photo is None
    assert any("PHOTO" in w for w in results[4].warnings)
    assert five and "bob@company.com" in [e.value for e in five.emails]
    six = contacts[5]
    assert six and [e.value for e in six.emails] == ["henry@company.com"]


def test_evolution_folds_everywhere() -> None:
    c = one("ezvcard__John_Doe_EVOLUTION.vcf")
    assert c.full_name == "Mr. John Richter, James Doe Sr."
    assert c.additional_names == "Richter, James"  # one name with an escaped comma
    assert [e.value for e in c.emails] == ["john.doe@ibm.com"]
    assert [p.value for p in c.phones] == ["905-666-1234", "905-555-1234"]
    (adr,) = c.addresses
    assert (adr.po_box, adr.street, adr.city) == ("ASB-123", "15 Crescent moon drive", "Albaney")
    assert c.tags == ["VIP"]
    assert "\\" not in c.note and ", " in c.note and "\n" not in c.note


def test_gmail_note_fold_inside_a_word() -> None:
    c = one("ezvcard__gmail-single.vcf")
    assert c.note == (
        "This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField"
    )
    assert c.addresses[0].street == "123 Home St\nHome City, HM 12345"
    assert c.birthday == "1960-09-10"


def test_rfc6350_partial_birthday_and_tel_uri() -> None:
    c = one("ezvcard__rfc6350-example.vcf")
    assert c.birthday == "--02-03"
    assert [p.value for p in c.phones] == ["+1-418-656-9254;ext=102", "+1-418-262-6501"]
    assert c.phones[0].pref is True
    assert c.addresses[0].extended == "Suite D2-630"
    assert c.addresses[0].postal_code == "G1V 2M2"


def test_nokia_qp_values() -> None:
    c = one("eds__vcard-12.vcf")
    assert (c.full_name, c.family_name) == ("Michael Brüning", "Brüning")
    adr = c.addresses[0]
    assert (adr.street, adr.city, adr.region, adr.postal_code) == (
        "Münsterplatz 21",
        "Ulm",
        "Baden-Württemberg",
        "89073",
    )
    assert c.birthday == "1978-12-29"


def test_cjk_split_by_a_soft_break() -> None:
    c = one("eds__vcard-5.vcf")
    assert c.full_name == "十城目管理大型知座"
    assert [p.value for p in c.phones] == ["十城目管理大型知座"] * 4
    assert c.addresses[0].extended == "\n".join(["十城目管理大型知座"] * 3)


def test_shift_jis_files() -> None:
    c = one("aosp__v21_japanese_2.vcf")
    assert (c.full_name, c.family_name, c.given_name) == ("安藤 ロイド 1", "安藤", "ロイド1")
    adr = c.addresses[0]
    assert "東京都渋谷区桜丘町26-1セルリアンタワー6階" in (adr.street, adr.extended)
    assert adr.postal_code == "150-8512"
    assert c.note == "メモ"
    c = one("aosp__v30_japanese.vcf")
    assert (c.full_name, c.family_name, c.given_name, c.additional_names) == (
        "伊能 圭一 伊予",
        "伊能",
        "圭一",
        "伊予",
    )


def test_raw_utf8_under_a_qp_flag() -> None:
    c = one("virginity__zeus21.vcf")
    assert c.full_name == "Ζεύς Carreño Quiñones"
    assert [e.value for e in c.emails] == [
        "dsaasfdfsda@SADASDA.COM",
        "Ζεύς@carreño quiñones.com",
        "SDAASDF@ASSFDASD.COM",
    ]
    assert c.addresses[0].country == "Never Neverland"


def test_folds_that_split_utf8_characters() -> None:
    c = one("kcontacts__vcard9.vcf")
    assert c.full_name == "βγδεαβγδ1" * 11
    assert c.note == (
        "Длинный комментарий на русском языке, чтобы в результате получилась строка "
        "более 70 символов."
    )


def test_macos_escapes_and_a_photo_that_is_no_picture() -> None:
    results = read("tine20__mac_os_x_addressbook.vcf")
    c = results[0].contact
    assert c is not None
    assert (c.full_name, c.family_name, c.given_name) == ("Vorname Nachname", "Kneschke", "Lars")
    assert (c.organization, c.department) == ("ORGANI,SATION", "UN;IT")
    assert c.note == "Notes\nwith\nLine Break and , and ; yeah!"
    assert len(c.phones) == 10
    assert c.photo is None and any("PHOTO" in w for w in results[0].warnings)


def test_german_cards_with_blank_lines_between() -> None:
    results = read("jdvcard__contacts.vcf")
    assert [r.contact.full_name for r in results if r.contact] == [
        "Thies-Tillman Jacobsen",
        "Lenn Biernoth",
        "Ludwig-Götz Graßl",
        "Marita Kreutzer",
        "Kathi Hoelzl",
    ]
    lenn = results[1].contact
    assert lenn and lenn.birthday == "1951-11-22" and lenn.tags == ["Familie"]
    assert lenn and lenn.note.startswith("Interessen: Internet trollen, Kekse backen")


def test_latin1_file_without_a_charset() -> None:
    results = read("ical4j__vcard-vCards-SAP.vcf")
    assert len(results) == 30
    names = [r.contact.full_name for r in results if r.contact]
    assert "Ingrid Spaßlund" in names and "Günther Blümchen" in names
    assert results[4].contact and results[4].contact.family_name == "Töcken"
    assert results[0].contact and results[0].contact.tags == ["Demo", "Nepomuk(SAP)"]


def test_davx5_kitchen_sink() -> None:
    c = one("davx5__allfields-vcard3.vcf")
    assert c.full_name == "Ämi Display"
    assert (c.organization, c.department) == ("ABC, Inc.", "North American Division / Marketing")
    assert c.title == "Director, Research and Development"
    assert [(e.value, e.kind) for e in c.emails] == [
        ("private@example.com", "home"),
        ("work@example.com", "@work"),
    ]
    assert c.tags == ["A", "B'C"]
    assert c.note == "This fax number is operational 0800 to 1715 EST, Mon-Fri.\n\nSecond note"
    assert c.addresses[1].street == "Teststraße 22"
    assert c.birthday == "1996-04-15"


def test_aosp_complicated() -> None:
    c = one("aosp__v21_complicated.vcf")
    assert (c.full_name, c.family_name, c.given_name, c.prefix, c.suffix) == (
        "Joe Due",
        "Gump",
        "Forrest",
        "Pos",
        "Tao",
    )
    assert (c.organization, c.department) == (
        "Gump Shrimp Co.",
        "Sales Dept.;Manager / Fish keeper",
    )
    assert c.note == (
        "The following note is the example from RFC 2045.\n\n"
        "Now's the time for all folk to come to the aid of their country."
    )
    assert c.photo_mime == "image/jpeg"
