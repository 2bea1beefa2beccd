"""What the window's parts share, in one object handed to every feature (#16).

Features used to take the main window and reach into it (its database, its signals, its table,
attributes other features had pinned on it). They now get a ``Context``:

- the services: ``db``, ``book``, ``followups``, ``keep_in_touch`` — there once the database is
  attached (``attach``), which the lifecycle does right after the first paint;
- the event bus: ``contactsChanged`` — whatever changes contacts, follow-ups, events or
  referrals emits it, every view reloads from it — and ``cardsImported`` (how many cards OCR
  read), which the card review listens to;
- ``undo_stack`` (Ctrl+Z for every change), ``settings`` (the window's remembered layout),
  ``today`` (the clock, fixed in tests);
- background work: ``synchronous_tasks`` for netdesk.ui.tasks.Task (tests run it inline);
- ``when_ready(run)``: what needs every part built waits until the window is ready;
- ``parts``: what each feature installed, by name, for the others and for tests;
- ``shell`` (``Shell``): where a feature puts things — views, menus, actions — and the
  contacts list it acts on; ``widget``: the parent for its dialogs.

A feature never imports the main window module (tests/test_architecture.py).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, Protocol, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMenu, QStatusBar, QTableView, QTabWidget, QWidget

if TYPE_CHECKING:  # the services import SQLAlchemy: loaded after the first paint
    from netdesk.app.cadence import KeepInTouch
    from netdesk.app.contacts import ContactBook
    from netdesk.app.opening import Database
    from netdesk.app.touchpoints import FollowUps

T = TypeVar("T")


class Shell(Protocol):
    """The main window as a feature sees it: the places to put things, the list to act on."""

    @property
    def menus(self) -> dict[str, QMenu]: ...
    @property
    def file_extras(self) -> QAction: ...  # the File menu's place for export and the like
    @property
    def views(self) -> QTabWidget: ...
    @property
    def table(self) -> QTableView: ...
    @property
    def settings_action(self) -> QAction: ...
    @property
    def delete_action(self) -> QAction: ...

    def add_view(self, widget: QWidget, title: str) -> int: ...
    def add_action(self, action: QAction) -> None: ...
    def selected_ids(self) -> list[int]: ...
    def select_contact(self, contact_id: int) -> None: ...
    def refresh(self, reload_list: bool = True) -> None: ...
    def statusBar(self) -> QStatusBar: ...


class SettingsPage(Protocol):
    """A tab of the Settings dialog a feature adds (``settings_page`` of its package)."""

    @property
    def title(self) -> str: ...
    @property
    def widget(self) -> QWidget: ...

    def save(self) -> None: ...


class Context(QObject):
    contactsChanged = Signal()  # contacts, follow-ups, events or referrals changed
    cardsImported = Signal(int)  # an import finished; how many cards OCR read from photos

    db: Database
    book: ContactBook
    followups: FollowUps
    keep_in_touch: KeepInTouch

    def __init__(
        self,
        shell: Shell,
        widget: QWidget,
        settings: QSettings,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(widget)
        self.shell = shell
        self.widget = widget
        self.settings = settings
        self.today = today
        self.undo_stack = QUndoStack(self)
        self.synchronous_tasks = False  # tests run background work inline
        self.is_ready = False
        self.waiting: list[Callable[[], object]] = []
        self.parts: dict[str, object] = {}

    def attach(self, db: Database) -> None:
        """The services over ``db``: from here on the list pages, searches and sorts."""
        from netdesk.app.cadence import KeepInTouch
        from netdesk.app.contacts import ContactBook
        from netdesk.app.touchpoints import FollowUps

        self.db = db
        self.book = ContactBook(db)
        self.followups = FollowUps(db)
        self.keep_in_touch = KeepInTouch(db)

    @property
    def attached(self) -> bool:
        return "db" in self.__dict__

    def when_ready(self, run: Callable[[], object]) -> bool:
        """Keep ``run`` for when every part is built; True when it has to wait."""
        if not self.is_ready:
            self.waiting.append(run)
        return not self.is_ready

    def take_waiting(self) -> list[Callable[[], object]]:
        waiting, self.waiting = self.waiting, []
        return waiting

    def show_message(self, text: str, timeout_ms: int = 0) -> None:
        self.shell.statusBar().showMessage(text, timeout_ms)

    def add_part(self, name: str, part: object) -> None:
        if name in self.parts:
            raise ValueError(f"two parts of the window are named {name!r}")
        self.parts[name] = part

    def part(self, name: str, kind: type[T]) -> T:
        """The part a feature installed as ``name``; TypeError when it is not a ``kind``."""
        found = self.parts[name]
        if not isinstance(found, kind):
            raise TypeError(f"the part {name!r} is a {type(found).__name__}, not {kind.__name__}")
        return found


class FromContext(Generic[T]):
    """An attribute of the main window kept in its context: ``window.db`` is
    ``window.context.db``, so the shell's own code and the tests read one source."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: Any, owner: type | None = None) -> T:
        return getattr(window.context, self.name)  # type: ignore[no-any-return]

    def __set__(self, window: Any, value: T) -> None:
        setattr(window.context, self.name, value)


P = ParamSpec("P")


def after_ready(
    method: Callable[Concatenate[Any, P], object],
) -> Callable[Concatenate[Any, P], None]:
    """Mark an entry point of the window that needs every part built (files handed over by a
    second launch, a drop, a button of the empty state): called before the window is ready, it
    runs when it is (netdesk.ui.shell.lifecycle), with the same arguments."""

    @functools.wraps(method)
    def run(owner: Any, /, *args: P.args, **kwargs: P.kwargs) -> None:
        if not owner.context.when_ready(lambda: method(owner, *args, **kwargs)):
            method(owner, *args, **kwargs)

    return run


__all__ = ["Context", "FromContext", "SettingsPage", "Shell", "after_ready"]
