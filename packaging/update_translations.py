"""Keep the translations in step with the code: lupdate, English fill-in, lrelease, checks.

    .venv/bin/python packaging/update_translations.py          # refresh .ts, compile .qm
    .venv/bin/python packaging/update_translations.py --check  # change nothing; exit 1 when
                                                               # a string lacks a translation

The update reads every ``tr()`` / ``QCoreApplication.translate()`` in netdesk/**/*.py into
resources/i18n/netdesk_<lang>.ts, keeps the translations already made, drops strings the code no
longer has, fills English with the source text (plural forms from "(s)"), and compiles each .ts
to its .qm. Spanish is translated by hand (Qt Linguist, or any editor): the update lists what is
left. The check also finds strings lupdate cannot see (``window.tr(...)``, translate() of a
variable) — Qt would look those up under another context and never translate them.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "netdesk"
I18N = REPO / "resources" / "i18n"
LANGUAGES = ("en", "es")
SOURCE_LANGUAGE = "en"
# Numbered {0} and Qt's %n / %Ln: a translation keeps every one its source has.
PLACEHOLDER = re.compile(r"\{\d+\}|%L?n")
DYNAMIC_MARK = "i18n: dynamic"
TRANSLATE_NAMES = {"translate", "QT_TRANSLATE_NOOP"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # "" finished, "unfinished", "obsolete", "vanished"
    forms: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def current(self) -> bool:
        return self.kind not in {"obsolete", "vanished"}


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.problems.append(text)


def tool(name: str) -> str:
    """A Qt tool from the PySide6 next to this Python, else from PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"update_translations: pyside6-{name} not found; install PySide6")
    return found


def ts_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"netdesk_{language}.ts"


def qm_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"netdesk_{language}.qm"


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts_files: list[Path]) -> None:
    files = [str(p) for p in source_files()]
    command = [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    command += ["-source-language", SOURCE_LANGUAGE, *files, "-ts", *map(str, ts_files)]
    subprocess.run(command, check=True, cwd=REPO)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True, cwd=REPO
    )


def read_ts(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    messages: list[Message] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = "" if translation is None else translation.get("type", "")
            forms: tuple[str, ...] = ()
            if translation is not None:
                numerus = translation.findall("numerusform")
                forms = (
                    tuple(f.text or "" for f in numerus) if numerus else (translation.text or "",)
                )
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=message.get("numerus") == "yes",
                    kind=kind,
                    forms=forms,
                )
            )
    return messages


def english_forms(source: str, numerus: bool) -> list[str] | None:
    """The English text of a source string; None when its plural forms need a person."""
    if not numerus:
        return [source]
    if "(s)" in source:
        return [source.replace("(s)", ""), source.replace("(s)", "s")]
    return None


def fill_english(path: Path) -> None:
    """English is the source language: each unfinished string becomes its own translation."""
    tree: ET.ElementTree[ET.Element] = ET.parse(path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        forms = english_forms(message.findtext("source") or "", message.get("numerus") == "yes")
        if forms is None:
            continue
        del translation.attrib["type"]
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = forms[0]
    write_ts(tree, path)


def write_ts(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    root = tree.getroot()
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def check_messages(language: str, messages: list[Message], report: Report) -> None:
    """Every current string has a finished translation that keeps placeholders and one '&'."""
    for m in messages:
        if not m.current:
            continue
        where = f"netdesk_{language}.ts [{m.context}] {m.source!r}"
        if m.kind == "unfinished" or not all(f.strip() for f in m.forms):
            report.add(f"{where}: not translated yet")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(m.source)))
        for form in m.forms:
            have = sorted(set(PLACEHOLDER.findall(form)))
            if have != wanted and not (m.numerus and set(have) <= set(wanted)):
                report.add(f"{where}: placeholders {wanted} but the translation has {have}")
            if "&" in m.source.replace("&&", "") and form.replace("&&", "").count("&") != 1:
                report.add(f"{where}: the translation needs exactly one '&' accelerator")


def is_translate(func: ast.expr) -> bool:
    """translate(...), QCoreApplication.translate(...) and the like, not QPainter.translate."""
    if isinstance(func, ast.Name):
        return func.id in TRANSLATE_NAMES
    if isinstance(func, ast.Attribute) and func.attr in TRANSLATE_NAMES:
        return func.attr != "translate" or ast.unparse(func.value).endswith("Application")
    return False


def hidden_strings(path: Path) -> list[str]:
    """Calls lupdate cannot file under the context Qt looks them up in."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found: list[str] = []
    tree = ast.parse(text, str(path))
    for fstring in (n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)):
        for call in (n for n in ast.walk(fstring) if isinstance(n, ast.Call)):
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            if name == "tr" or is_translate(call.func):
                found.append(
                    f"{path.relative_to(REPO)}:{call.lineno}: {name}() inside an f-string is "
                    "invisible to lupdate; translate first, then format"
                )
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or DYNAMIC_MARK in lines[node.lineno - 1]:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        where = f"{path.relative_to(REPO)}:{node.lineno}"
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args]
        if name == "tr" and isinstance(func, ast.Attribute):
            owner = ast.unparse(func.value)
            if owner != "self":
                found.append(
                    f"{where}: {owner}.tr() is filed under the context {owner!r}, but Qt looks "
                    "it up under the object's class; use self.tr() in the class or "
                    "QCoreApplication.translate('ClassName', '...')"
                )
            elif not literal[:1] or not literal[0]:
                found.append(f"{where}: self.tr() of a non-literal: lupdate cannot see the text")
        elif is_translate(func) and (
            len(node.args) > 3 or any(k.arg == "n" for k in node.keywords)
        ):
            found.append(
                f"{where}: {name}() with a count is filed as a plain string, so Qt never finds "
                "its plural forms; use self.tr(text, '', n) in a QObject "
                "(netdesk.ui.i18n.Counted for code that is not one)"
            )
        elif is_translate(func) and (len(literal) < 2 or not all(literal[:2])):
            found.append(
                f"{where}: {name}() needs a literal context and text for lupdate to see it "
                f"(mark a deliberate dynamic lookup with '# {DYNAMIC_MARK}')"
            )
    return found


def check(report: Report) -> None:
    for path in source_files():
        for problem in hidden_strings(path):
            report.add(problem)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        copies = []
        for language in LANGUAGES:
            committed = ts_path(language)
            if not committed.exists():
                report.add(f"{committed.relative_to(REPO)} is missing: run the update")
                return
            copies.append(shutil.copy(committed, ts_path(language, folder)))
        run_lupdate([Path(c) for c in copies])
        for language in LANGUAGES:
            fresh = read_ts(ts_path(language, folder))
            committed_keys = {m.key for m in read_ts(ts_path(language)) if m.current}
            fresh_keys = {m.key for m in fresh if m.current}
            for context, source, _comment in sorted(fresh_keys - committed_keys):
                report.add(f"netdesk_{language}.ts lacks [{context}] {source!r}: run the update")
            for context, source, _comment in sorted(committed_keys - fresh_keys):
                report.add(f"netdesk_{language}.ts keeps [{context}] {source!r} the code dropped")
            check_messages(language, fresh, report)
            compiled = qm_path(language, folder)
            run_lrelease(ts_path(language), compiled)
            committed_qm = qm_path(language)
            if not committed_qm.exists() or committed_qm.read_bytes() != compiled.read_bytes():
                report.add(
                    f"{committed_qm.relative_to(REPO)} is older than its .ts: run the update"
                )


def update() -> Report:
    I18N.mkdir(parents=True, exist_ok=True)
    run_lupdate([ts_path(language) for language in LANGUAGES])
    fill_english(ts_path("en"))
    run_lupdate([ts_path("en")])  # lupdate's own layout again, so the next diff stays small
    report = Report()
    for language in LANGUAGES:
        check_messages(language, read_ts(ts_path(language)), report)
        run_lrelease(ts_path(language), qm_path(language))
    for path in source_files():
        for problem in hidden_strings(path):
            report.add(problem)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report problems")
    args = parser.parse_args(argv)
    if args.check:
        report = Report()
        check(report)
    else:
        report = update()
    for problem in report.problems:
        print(problem)
    if report.problems:
        print(f"{len(report.problems)} translation problem(s)", file=sys.stderr)
        return 1
    print("translations complete and up to date" if args.check else "translations updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
