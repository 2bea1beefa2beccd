"""Languages: every string translated, the window in Spanish, dates and money per locale."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QWidget

from netdesk.app.contacts import ContactBook
from netdesk.app.touchpoints import FollowUps
from netdesk.domain.contact_data import ContactData
from netdesk.store.db import Database
from netdesk.ui import formatting, i18n
from netdesk.ui.contacts.contact_dialog import ContactDialog
from netdesk.ui.shell.main_window import MainWindow
from tests.ui.conftest import TODAY
from tests.ui.languages import language, texts_by_place, visible_texts

__all__ = ["language"]  # the fixture, for pytest

REPO = Path(__file__).resolve().parents[2]
# Words that are the same in English and Spanish, and names that are never translated.
SAME_IN_BOTH = {"netdesk", "General", "Web", "Ana García", "Email", "E-mail", "Main", "Total"}


def load_script() -> ModuleType:
    path = REPO / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_translations"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script()


# -- every string in the code has a finished translation -----------------------------------------
def test_every_string_in_the_code_is_translated_and_compiled(script: ModuleType) -> None:
    """lupdate over the code into a copy of the committed .ts files: nothing new, nothing
    unfinished, placeholders and accelerators kept, and each .qm compiled from its .ts."""
    report = script.Report()
    script.check(report)
    assert report.problems == [], (
        "translations are out of step with the code — run "
        "`.venv/bin/python packaging/update_translations.py`, translate what it lists in "
        "resources/i18n/netdesk_es.ts, and run it again:\n" + "\n".join(report.problems)
    )


def test_the_check_catches_a_missing_or_broken_translation(script: ModuleType) -> None:
    message = script.Message
    report = script.Report()
    script.check_messages(
        "es",
        [
            message("W", "{0} of {1}", "", False, "", ("{0} de",)),
            message("W", "&Save", "", False, "", ("Guardar",)),
            message("W", "New", "", False, "unfinished", ("",)),
            message("W", "Gone", "", False, "vanished", ("",)),
            message("W", "Fine &one", "", False, "", ("Bien &uno",)),
        ],
        report,
    )
    assert len(report.problems) == 3
    assert "placeholders" in report.problems[0]
    assert "accelerator" in report.problems[1]
    assert "not translated yet" in report.problems[2]


def test_the_check_finds_strings_lupdate_cannot_see(script: ModuleType, tmp_path: Path) -> None:
    source = script.SOURCES / "_i18n_probe.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def f(window, text):\n"
        "    window.tr('Hidden')\n"
        "    QCoreApplication.translate('Ctx', text)\n"
        "    QCoreApplication.translate('Ctx', 'Seen')\n"
        "    painter.translate(0, 10)\n"
        "    QCoreApplication.translate('Ctx', text)  # i18n: dynamic\n"
        "    x = f\"<h3>{self.tr('Heading')}</h3>\"\n",
        encoding="utf-8",
    )
    try:
        found = script.hidden_strings(source)
    finally:
        source.unlink()
    assert len(found) == 3
    assert ":8: tr() inside an f-string" in found[0]
    assert ":3: window.tr()" in found[1]
    assert ":4: translate()" in found[2]


# -- the window in Spanish -------------------------------------------------------------------------
def test_main_window_in_spanish_shows_spanish_labels(
    language: Callable[[str], str], make_window: Callable[[], MainWindow]
) -> None:
    assert language("es") == "es"
    window = make_window()
    titles = {key: menu.title() for key, menu in window.menus.items()}
    assert titles == {
        "file": "&Archivo",
        "edit": "&Editar",
        "view": "&Ver",
        "followups": "&Seguimientos",
        "tools": "&Herramientas",
        "help": "Ay&uda",
    }
    assert window.new_action.text() == "&Nuevo contacto…"
    assert window.import_action.text() == "&Importar tarjetas de visita…"
    assert window.search.placeholderText().startswith("Buscar por nombre, organización")
    assert window.views.tabText(0) == "Contactos"
    assert window.view_actions[0].text() == "Contactos"
    pane = window.followups_pane
    assert pane.title.text() == "<b>Hoy</b>" and pane.title.accessibleName() == "Hoy"
    header = pane.tree.headerItem()
    assert [header.text(i) for i in range(3)] == ["Vence", "Contacto", "Qué"]
    groups = [pane.tree.topLevelItem(i).text(0) for i in range(pane.tree.topLevelItemCount())]
    assert groups[:3] == ["Atrasados (0)", "Hoy (0)", "Esta semana (0)"]
    assert window.stack.currentWidget() is window.empty_state
    labels = [label.text() for label in window.empty_state.findChildren(QLabel)]
    assert "Te damos la bienvenida a netdesk" in labels
    assert window.empty_state.import_button.text() == "Importar tarjetas de visita…"
    assert window.detail.heading.isHidden()  # the body says it, as its first line
    assert window.detail.body.toPlainText().splitlines()[0] == "Ningún contacto seleccionado"
    window._update_counts()
    assert window.count_label.text() == "0 contactos"
    assert window.language() == "es"


def test_plural_forms_follow_the_count(
    language: Callable[[str], str], make_window: Callable[[], MainWindow], db: Database
) -> None:
    ContactBook(db).create(ContactData(full_name="Ana García"))
    language("es")
    window = make_window()
    window._update_counts()
    assert window.count_label.text() == "1 contacto"
    for name in ("Tomás Ruiz", "Grace Clarke"):
        ContactBook(db).create(ContactData(full_name=name))
    window.refresh()
    window._update_counts()
    assert window.count_label.text() == "3 contactos"
    language("en")
    window._update_counts()
    assert window.count_label.text() == "3 contacts"


def test_nothing_in_the_window_stays_in_english(
    language: Callable[[str], str], make_window: Callable[[], MainWindow]
) -> None:
    """Build the window in each language; a text that reads the same in both was not
    translated (a string missing from the translation, or one that never went through tr())."""
    language("en")
    english = texts_by_place(make_window())
    language("es")
    spanish = texts_by_place(make_window())
    common = english.keys() & spanish.keys()
    assert len(common) > 50  # the same widgets, built twice
    untranslated = sorted(
        f"{where}: {english[where, n]!r}"
        for where, n in common
        if english[where, n] == spanish[where, n]
        and any(c.isalpha() for c in english[where, n])
        and english[where, n].replace("&", "") not in SAME_IN_BOTH
    )
    assert untranslated == []


def test_contact_dialog_in_spanish(language: Callable[[str], str], qtbot: object) -> None:
    language("es")
    dialog = ContactDialog()
    assert dialog.windowTitle() == "Nuevo contacto"
    assert dialog.full_name.accessibleName() == "Nombre completo"
    english_words = [t for _, t in visible_texts(dialog) if t in {"Save", "Cancel", "&Name"}]
    assert english_words == []
    dialog.deleteLater()


def test_dates_in_the_follow_ups_pane_follow_the_language(
    language: Callable[[str], str], make_window: Callable[[], MainWindow], db: Database
) -> None:
    ana = ContactBook(db).create(ContactData(full_name="Ana García"))
    FollowUps(db).add(ana, "thank_you", due=TODAY)
    language("es")
    window = make_window()
    group = window.followups_pane.tree.topLevelItem(1)
    assert group is not None and group.child(0) is not None
    assert group.child(0).text(0) == "20/11/2026"
    assert group.child(0).text(2) == "Agradecimiento"


# -- choosing the language ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("requested", "system", "expected"),
    [
        ("es", "en_US", "es"),
        ("en", "es_ES", "en"),
        ("", "es_MX", "es"),
        ("", "fr_FR", "en"),
        ("", "en_GB", "en"),
        ("de", "es_AR", "es"),
        ("es_CL", "en_US", "es"),
    ],
)
def test_language_follows_the_setting_then_the_system(
    requested: str, system: str, expected: str
) -> None:
    assert i18n.choose_language(requested, QLocale(system)) == expected


def test_formats_keep_the_region_of_the_system_locale() -> None:
    assert i18n.locale_for("es", QLocale("es_MX")).name() == "es_MX"
    assert i18n.locale_for("es", QLocale("en_US")).name() == "es_ES"
    assert i18n.locale_for("en", QLocale("en_GB")).name() == "en_GB"


def test_system_locale_chooses_the_language_at_start() -> None:
    """A real start-up: no setting, a Spanish session → Spanish interface and formats."""
    env = {**os.environ, "LANG": "es_ES.UTF-8", "LANGUAGE": "es_ES:es", "LC_ALL": ""}
    env["QT_QPA_PLATFORM"] = "offscreen"
    code = (
        "from PySide6.QtCore import QLocale, QCoreApplication\n"
        "from netdesk.ui.shell.app import make_application\n"
        "from netdesk.ui import i18n, formatting\n"
        "app = make_application([])\n"
        "print(i18n.install_translator(app, ''))\n"
        "print(QCoreApplication.translate('MainWindow', '&File'))\n"
        "print(formatting.format_money(1234.5, 'EUR'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["es", "&Archivo", "1234,50\u00a0€"]


# -- dates, numbers and money -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("locale", "date", "long_date", "money", "dollars", "number"),
    [
        ("en_US", "11/20/2026", "Friday, November 20, 2026", "€1,234.50", "$99.00", "12,345.5"),
        ("en_GB", "20/11/2026", "Friday, 20 November 2026", "€1,234.50", "US$99.00", "12,345.5"),
        (
            "es_ES",
            "20/11/2026",
            "viernes, 20 de noviembre de 2026",
            "1234,50\u00a0€",
            "99,00\u00a0US$",
            "12.345,5",
        ),
        ("C", "2026-11-20", "2026-11-20", "1234.50 EUR", "99.00 USD", "12345.5"),
    ],
)
def test_dates_numbers_and_money_per_locale(
    locale: str, date: str, long_date: str, money: str, dollars: str, number: str
) -> None:
    loc = QLocale(locale)
    assert formatting.format_date(TODAY, loc) == date
    assert formatting.format_long_date(TODAY, loc) == long_date
    assert formatting.format_money(Decimal("1234.50"), "eur", loc) == money
    assert formatting.format_money(99, "USD", loc) == dollars
    assert formatting.format_number(12345.5, 1, loc) == number
    assert formatting.format_date(None, loc) == ""


def test_the_chosen_language_sets_the_default_formats(language: Callable[[str], str]) -> None:
    language("es")
    assert formatting.format_date(dt.date(2026, 3, 4)) == "4/3/2026"
    assert formatting.format_number(1234567) == "1.234.567"
    assert formatting.format_datetime(dt.datetime(2026, 3, 4, 15, 5)) == "4/3/2026 15:05"
    assert formatting.format_money(Decimal("10"), "JPY") == "10\u00a0¥"
    language("en")
    assert formatting.format_date(dt.date(2026, 3, 4)) in {"3/4/2026", "04/03/2026"}
    assert formatting.format_number(1234567) == "1,234,567"


def test_every_count_uses_spanish_plural_forms(language: Callable[[str], str]) -> None:
    """#14, point 4: "Exported 19 contact(s)" showed in English in the Spanish window, because
    a counted string was filed as a plain one and Qt never found it."""
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QCoreApplication

    from netdesk.ui.i18n import Counted

    root = ET.parse(REPO / "resources" / "i18n" / "netdesk_es.ts").getroot()
    counted = [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
        if "%n" in (message.findtext("source") or "")
    ]
    assert len(counted) > 10
    language("es")
    for context, message in counted:
        source = message.findtext("source") or ""
        assert message.get("numerus") == "yes", f"[{context}] {source!r} is not plural"
        one = QCoreApplication.translate(context, source, message.findtext("comment"), 1)
        many = QCoreApplication.translate(context, source, message.findtext("comment"), 7)
        assert one != source.replace("%n", "1"), f"[{context}] {source!r} untranslated"
        assert "1" in one and "7" in many, source
    assert Counted().delete_contacts(3) == "Eliminar 3 contactos"


def test_duplicate_reasons_are_shown_in_spanish(language: Callable[[str], str]) -> None:
    """#14, point 4: "similar name at…" stayed English in the Spanish window."""
    from netdesk.ui.i18n import Reasons

    language("es")
    reasons = Reasons()
    assert reasons.duplicate("similar name at Acme") == "nombre parecido en Acme"
    assert reasons.duplicate("same e-mail a@b.example") == "mismo correo a@b.example"
    assert reasons.duplicate("same phone +34600000001") == "mismo teléfono +34600000001"
    assert reasons.duplicate("something new") == "something new"


def test_the_database_error_is_shown_in_spanish(
    language: Callable[[str], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#14, point 4: the database error text stayed English in a Spanish window."""
    from PySide6.QtWidgets import QMessageBox

    from netdesk.ui.shell.startup import open_checked

    language("es")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(text))
    not_a_db = tmp_path / "netdesk.sqlite"
    not_a_db.write_bytes(b"these are not the bytes of an SQLite database" * 40)
    assert open_checked(not_a_db) is None
    assert shown == [
        f"La base de datos {not_a_db} está dañada (no es una base de datos SQLite: el archivo "
        "está dañado o es otra cosa) y no hay ninguna copia de seguridad que restaurar. netdesk "
        "no ha modificado el archivo; guarda una copia antes de intentar nada."
    ]
    from netdesk.store.common import DatabaseError
    from netdesk.ui.i18n import Reasons

    error = DatabaseError.of("{0} is not a netdesk database (not an SQLite file)", not_a_db)
    assert Reasons().database(error) == (
        f"{not_a_db} no es una base de datos de netdesk (no es un archivo SQLite)"
    )


def test_spanish_speaks_to_the_user_as_tu_throughout() -> None:
    """#14, point 4: the Spanish mixed "tú" and "usted"; it keeps to "tú"."""
    import re
    import xml.etree.ElementTree as ET

    usted = re.compile(
        r"\b(usted|elija|escriba|pulse|añada|desbloquéelo|vuelva|borre|use|seleccione|"
        r"introduzca|haga|compruebe|revise|pídale|pedirle|desea|puede usted)\b",
        re.IGNORECASE,
    )
    root = ET.parse(REPO / "resources" / "i18n" / "netdesk_es.ts").getroot()
    found = [
        text
        for translation in root.iter("translation")
        for text in [translation.text or "", *(f.text or "" for f in translation)]
        if usted.search(text)
    ]
    assert found == []


def _dialog_texts(build: Callable[[], QWidget]) -> dict[tuple[str, int], str]:
    """texts_by_place of a dialog, with the items of its drop-down lists (where internal names
    such as thank_you once showed)."""
    from PySide6.QtWidgets import QComboBox

    widget = build()
    texts = texts_by_place(widget)
    for index, combo in enumerate(widget.findChildren(QComboBox)):
        for item in range(combo.count()):
            texts[(f"item of combo {index}", item)] = combo.itemText(item)
    widget.deleteLater()
    return texts


def test_every_dialog_in_spanish_has_no_english_and_no_internal_names(
    language: Callable[[str], str], window: MainWindow, tmp_path: Path
) -> None:
    """#14, point 4: walk the dialogs in Spanish — no text left in English, no internal
    identifier (thank_you, share_content, give…) shown to the user."""
    import re

    from PySide6.QtCore import QSettings

    from netdesk.app.importer import CardOutcome, ImportReport
    from netdesk.app.mail_sources import MailSources
    from netdesk.app.settings_store import SettingsStore
    from netdesk.ui.features.events.events_page import EventDialog
    from netdesk.ui.features.mail.imap_dialog import ImapAccountDialog
    from netdesk.ui.features.mail.suggestions_dialog import FadingDialog, SuggestionsDialog
    from netdesk.ui.features.referrals.referrals_page import ReferralDialog
    from netdesk.ui.importing.import_dialog import ImportPreviewDialog
    from netdesk.ui.shell.settings_dialog import SettingsDialog

    db = window.db
    ContactBook(db).create(ContactData(full_name="Ana García"))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    report = ImportReport(batch_id=None, dry_run=True)
    for outcome in (
        CardOutcome("a.vcf", 1, "created", name="Ana"),
        CardOutcome(
            "a.vcf",
            2,
            "suggested",
            name="Ana G.",
            target_name="Ana",
            target_id=0,
            reason="similar name at Acme",
        ),
        CardOutcome("a.vcf", 3, "rejected", reason="no name"),
    ):
        report.add(outcome)
    builders: dict[str, Callable[[], QWidget]] = {
        "settings": lambda: SettingsDialog(SettingsStore(db), settings, window),
        "event": lambda: EventDialog(parent=window),
        "referral": lambda: ReferralDialog(window.context),
        "contact": lambda: ContactDialog(parent=window, tiers={"A": 30}),
        "import": lambda: ImportPreviewDialog(report, [(1, "Feria")], window),
        "imap": lambda: ImapAccountDialog(MailSources(db), window),
        "suggestions": lambda: SuggestionsDialog(window.context),
        "fading": lambda: FadingDialog(window.context),
    }
    internal = re.compile(r"\b(thank_you|share_content|give|ask|connect|meeting|call|note)\b")
    # numbers, currency codes, protocol names, the sample names and a placeholder host
    same_everywhere = r"[\d\s.,:/€%×—-]*|[A-Z]{3}|TLS.*|STARTTLS.*|Ana.*|.*\.example\.com"
    problems: list[str] = []
    for name, build in builders.items():
        language("en")
        english = _dialog_texts(build)
        language("es")
        spanish = _dialog_texts(build)
        for key in english.keys() & spanish.keys():
            text = english[key]
            if (
                text == spanish[key]
                and any(c.isalpha() for c in text)
                and text.replace("&", "") not in SAME_IN_BOTH | {"English", "Español", "Feria"}
                and not re.fullmatch(same_everywhere, text)
            ):
                problems.append(f"{name}: {key[0]}: {text!r}")
        problems += [f"{name}: internal name {t!r}" for t in spanish.values() if internal.search(t)]
    assert problems == []


def test_every_date_field_shows_four_digit_years(
    language: Callable[[str], str], window: MainWindow
) -> None:
    """#14, point 5: dates were written "12/4/26" in some fields."""
    from PySide6.QtCore import QDate, QSettings
    from PySide6.QtWidgets import QDateEdit

    from netdesk.app.settings_store import SettingsStore
    from netdesk.ui.features.events.events_page import EventDialog
    from netdesk.ui.features.referrals.referrals_page import ReferralDialog
    from netdesk.ui.shell.settings_dialog import SettingsDialog

    language("es")
    dialogs = [
        EventDialog(parent=window),
        ReferralDialog(window.context),
        SettingsDialog(SettingsStore(window.db), QSettings(), window),
    ]
    edits = [e for d in dialogs for e in d.findChildren(QDateEdit)]
    assert {e.objectName() for e in edits} >= {"eventDate", "referralDate"}
    for edit in edits:
        edit.setDate(QDate(2026, 12, 5))
        assert edit.text() == "5/12/2026", (edit.objectName(), edit.text())
