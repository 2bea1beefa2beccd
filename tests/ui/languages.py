"""Switching the interface language inside a test, and putting it back afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QTabWidget, QWidget

from netdesk.ui import i18n


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], str]]:
    """``language("es")`` translates everything built afterwards; the test's end undoes it."""
    before = QLocale()

    def use(code: str) -> str:
        return i18n.install_translator(qapp, code)

    yield use
    i18n.remove_translators(qapp)
    QLocale.setDefault(before)


def texts_by_place(root: QWidget) -> dict[tuple[str, int], str]:
    """visible_texts keyed by (where, n-th there), to line up two builds of the same window."""
    seen: dict[str, int] = {}
    result: dict[tuple[str, int], str] = {}
    for where, text in visible_texts(root):
        seen[where] = seen.get(where, -1) + 1
        result[(where, seen[where])] = text
    return result


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the words a user reads in ``root``: menus, actions, labels, buttons,
    placeholders, tabs, headers. Same widget tree → same order, so two languages line up."""
    texts: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        for action in widget.actions():
            texts.append((f"action of {name}", action.text()))
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((name, widget.text()))
        elif isinstance(widget, QLineEdit):
            texts.append((f"placeholder of {name}", widget.placeholderText()))
        elif isinstance(widget, QTabWidget):
            texts.extend((f"tab of {name}", widget.tabText(i)) for i in range(widget.count()))
        if widget.accessibleName():
            texts.append((f"accessible name of {name}", widget.accessibleName()))
    return texts
