"""The interface language: netdesk's own translation, Qt's, and the locale for dates and money.

The language is the one chosen in Settings ("ui/language"), or else the first of the system's
preferred languages that netdesk speaks, or else English. Dates, numbers and amounts follow the
system locale when it speaks the chosen language (so es_MX keeps its own formats), otherwise the
language's main locale.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from netdesk.system import assets

log = logging.getLogger(__name__)

LANGUAGES = ("en", "es")
FALLBACK = "en"
# The translators installed last, so a new choice replaces them instead of stacking up.
_installed: list[QTranslator] = []


def catalogue(language: str) -> str:
    """The compiled translation of netdesk for ``language`` (may not exist for English)."""
    return str(assets.path("i18n", f"netdesk_{language}.qm"))


def system_language(system: QLocale | None = None) -> str:
    """The first of the user's preferred languages that netdesk speaks."""
    locale = system if system is not None else QLocale.system()
    for name in [*locale.uiLanguages(), locale.name()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return FALLBACK


def choose_language(requested: str, system: QLocale | None = None) -> str:
    """``requested`` when netdesk speaks it; "" (or anything unknown) follows the system."""
    code = requested.strip().replace("-", "_").split("_")[0].lower()
    if code in LANGUAGES:
        return code
    if code:
        log.warning("interface language %r is not available; following the system", requested)
    return system_language(system)


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale that formats dates and amounts for ``language``."""
    locale = system if system is not None else QLocale.system()
    if QLocale(language).language() == locale.language():
        return locale
    return QLocale(language)


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translator(app: QCoreApplication, language: str) -> str:
    """Translate the interface into ``language`` ("" = the system's); returns the one used."""
    remove_translators(app)
    chosen = choose_language(language)
    locale = locale_for(chosen)
    QLocale.setDefault(locale)
    own = QTranslator(app)
    if own.load(catalogue(chosen)):
        app.installTranslator(own)
        _installed.append(own)
    elif chosen != FALLBACK:
        log.warning("translation %s is missing; the interface stays in English", catalogue(chosen))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale(chosen), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return chosen


class Counted(QObject):
    """Counted phrases for code that is not a QObject (undo commands, module functions).

    Qt picks the plural form only for strings lupdate filed as plural, and lupdate does so only
    for ``self.tr(text, "", n)``: ``QCoreApplication.translate(context, text, "", n)`` is filed
    as a plain string and then never found, so the window showed "Delete 3 contact(s)" in
    Spanish. packaging/update_translations.py refuses that form.
    """

    def delete_contacts(self, n: int) -> str:
        return self.tr("Delete %n contact(s)", "", n)

    def merge_duplicates(self, n: int) -> str:
        return self.tr("Merge %n duplicate contact(s)", "", n)

    def merged_duplicates(self, n: int) -> str:
        return self.tr("Merged %n duplicate contact(s). Press Ctrl+Z to undo.", "", n)


class Reasons(QObject):
    """Why two contacts look like one person, as the core says it (in English, for the command
    line and JSON), in the interface language."""

    def duplicate(self, reason: str) -> str:
        for prefix, text in (
            ("same e-mail ", self.tr("same e-mail {0}")),
            ("same phone ", self.tr("same phone {0}")),
            ("similar name at ", self.tr("similar name at {0}")),
        ):
            if reason.startswith(prefix):
                return text.format(reason[len(prefix) :])
        return reason

    def database(self, error: Exception) -> str:
        """A DatabaseError in the interface language (its English text when not known)."""
        template = getattr(error, "template", "")
        texts = {
            "cannot create the folder {0}: {1}": self.tr("cannot create the folder {0}: {1}"),
            "cannot open the database {0}: {1}": self.tr("cannot open the database {0}: {1}"),
            "cannot read the database {0}: permission denied": self.tr(
                "cannot read the database {0}: permission denied"
            ),
            "{0} is not a netdesk database (not an SQLite file)": self.tr(
                "{0} is not a netdesk database (not an SQLite file)"
            ),
        }
        if template not in texts:
            return str(error)
        return texts[template].format(*getattr(error, "args_shown", ()))

    def damage(self, problem: str, db_path: object) -> str:
        """What quick_check found (netdesk.store.backups), without the path the sentence around
        it already names, in the interface language; SQLite's own words are kept."""
        path = str(db_path)
        rest = problem.removeprefix(path).strip()
        known = {
            "is not an SQLite database (the file is damaged or something else)": self.tr(
                "not an SQLite database: the file is damaged or something else"
            ),
            "cannot be read (check its permissions)": self.tr(
                "it cannot be read; check its permissions"
            ),
        }
        if rest in known:
            return known[rest]
        if rest.startswith("is damaged: "):
            return self.tr("damaged: {0}").format(rest.removeprefix("is damaged: "))
        return problem
