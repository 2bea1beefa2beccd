"""Tools → Resolve sync conflicts…: both versions of a contact side by side, chosen per field.

The list on the left holds every contact changed here and on the server since the last sync.
For the one selected, a grid shows each field as this computer and the server have it; rows
that differ are marked (≠ and bold, besides the tint) and offer "This computer" / "Server"
(and "Both" for fields holding several values). Apply saves the choice here through
netdesk.sync.conflicts; the next sync sends it to the server. In the window the resolution is
one step on the undo stack (Ctrl+Z reopens the conflict with both versions).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.contact_data import ContactData
from netdesk.sync.conflicts import (
    ConflictChanged,
    OpenConflict,
    Resolution,
    Side,
    merge,
    open_conflicts,
    resolve_here,
    undo_resolution,
)

if TYPE_CHECKING:
    from netdesk.app.opening import Database
    from netdesk.ui.context import Context
from netdesk.ui.widgets.rows_model import RowsModel

log = logging.getLogger(__name__)
Resolver = Callable[[OpenConflict, ContactData], Resolution]


class ConflictDialog(QDialog):
    resolved = Signal(object)  # a Resolution, after it was saved

    def __init__(
        self, db: Database, parent: QWidget | None = None, resolver: Resolver | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.resolver: Resolver = resolver or (
            lambda conflict, data: resolve_here(db, conflict.id, data, conflict.remote_etag)
        )
        self.conflicts: list[OpenConflict] = []
        self.choice_groups: dict[str, QButtonGroup] = {}
        self.choice_buttons: dict[str, dict[Side, QRadioButton]] = {}
        self.value_labels: dict[str, tuple[QLabel, QLabel]] = {}
        self.field_labels: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Resolve sync conflicts"))
        self.resize(900, 560)

        self.empty = QLabel(
            self.tr(
                "No sync conflicts. When a contact changes both on this computer and on the "
                "server before a sync, both versions wait here for you to choose."
            )
        )
        self.empty.setObjectName("noConflicts")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.model = RowsModel(
            [
                (
                    "",
                    lambda c: (
                        self.tr("{0} — {1}").format(c.name, c.account) if c.account else c.name
                    ),
                )
            ],
            self,
        )
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setObjectName("conflictList")
        self.list.setAccessibleName(self.tr("Contacts changed on both sides"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().currentRowChanged.connect(
            lambda now, _was: self._show(now.row())
        )
        list_label = QLabel(self.tr("Con&flicts:"))
        list_label.setBuddy(self.list)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 1)

        self.title = QLabel()
        self.title.setObjectName("conflictTitle")
        self.title.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setVerticalSpacing(8)
        self.fields_area = QScrollArea()
        self.fields_area.setObjectName("conflictFields")
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setWidget(self.grid_host)
        self.fields_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_local = QPushButton(self.tr("Keep all from this &computer"))
        self.all_local.setObjectName("keepAllLocal")
        self.all_local.clicked.connect(lambda: self.choose_all("local"))
        self.all_remote = QPushButton(self.tr("Keep all from &server"))
        self.all_remote.setObjectName("keepAllRemote")
        self.all_remote.clicked.connect(lambda: self.choose_all("remote"))
        for quick_button in (self.all_local, self.all_remote):
            quick_button.setAutoDefault(False)  # Enter applies, wherever the focus is
        quick = QHBoxLayout()
        quick.addWidget(self.all_local)
        quick.addWidget(self.all_remote)
        quick.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.fields_area, 1)
        right_layout.addLayout(quick)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(splitter)

        self.status = QLabel()
        self.status.setObjectName("conflictStatus")
        self.status.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setObjectName("applyResolution")
        self.apply_button.clicked.connect(self.apply)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.apply_button.setDefault(True)  # once in the dialog, so it stays the default
        self.reload()

    # -- the list ----------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        """Read the open conflicts again; select ``keep`` or the first."""
        self.conflicts = open_conflicts(self.db)
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(self.conflicts)
        selection.blockSignals(False)
        has_any = bool(self.conflicts)
        self.pages.setCurrentIndex(1 if has_any else 0)
        self.apply_button.setEnabled(has_any)
        if has_any:
            ids = [c.id for c in self.conflicts]
            self.select_row(ids.index(keep) if keep in ids else 0)
            self.list.setFocus()

    def select_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))
        self._show(row)

    def current(self) -> OpenConflict | None:
        row: OpenConflict | None = self.model.row(self.list.currentIndex().row())
        return row

    # -- the grid ----------------------------------------------------------------------------
    def field_name(self, key: str) -> str:
        names = {
            "full_name": self.tr("Name"),
            "prefix": self.tr("Prefix"),
            "given_name": self.tr("Given name"),
            "additional_names": self.tr("Middle names"),
            "family_name": self.tr("Family name"),
            "suffix": self.tr("Suffix"),
            "nickname": self.tr("Nickname"),
            "organization": self.tr("Organisation"),
            "department": self.tr("Department"),
            "title": self.tr("Job title"),
            "role": self.tr("Role"),
            "birthday": self.tr("Birthday"),
            "emails": self.tr("E-mails"),
            "phones": self.tr("Phones"),
            "addresses": self.tr("Addresses"),
            "urls": self.tr("Web addresses"),
            "tags": self.tr("Tags"),
            "note": self.tr("Notes"),
            "photo": self.tr("Photo"),
        }
        return names.get(key, key)

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.choice_groups.clear()
        self.choice_buttons.clear()
        self.value_labels.clear()
        self.field_labels.clear()

    def _header(self, column: int, text: str) -> None:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self.grid.addWidget(label, 0, column)

    def _show(self, row: int) -> None:
        self._clear_grid()
        conflict = self.current()
        if conflict is None:
            self.title.clear()
            return
        count = len(conflict.differing)
        self.title.setText(
            self.tr(
                "%n field(s) of {0} changed differently on this computer and on the server. "
                "Choose which version to keep for each; rows marked ≠ differ.",
                "",
                count,
            ).format(conflict.name)
        )
        self._header(0, self.tr("Field"))
        self._header(1, self.tr("This computer"))
        self._header(2, self.tr("Server"))
        self._header(3, self.tr("Keep"))
        tint = self.palette().color(QPalette.ColorRole.Highlight)
        tinted = f"background-color: rgba({tint.red()}, {tint.green()}, {tint.blue()}, 48);"
        for line, field in enumerate(conflict.fields, start=1):
            name = self.field_name(field.key)
            label = QLabel(f"≠ {name}" if field.differs else name)
            label.setObjectName(f"field_{field.key}")
            mine = QLabel("\n".join(field.local) or "—")
            theirs = QLabel("\n".join(field.remote) or "—")
            for widget in (label, mine, theirs):
                widget.setWordWrap(True)
                widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if field.differs:
                    font = widget.font()
                    font.setBold(True)
                    widget.setFont(font)
                    widget.setStyleSheet(tinted)
            mine.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            theirs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if field.differs:
                label.setToolTip(self.tr("Different on the two sides"))
            self.grid.addWidget(label, line, 0)
            self.grid.addWidget(mine, line, 1)
            self.grid.addWidget(theirs, line, 2)
            self.field_labels[field.key] = label
            self.value_labels[field.key] = (mine, theirs)
            if field.differs:
                self.grid.addWidget(self._choices(field.key, name, field.multi), line, 3)
            else:
                self.grid.addWidget(QLabel(self.tr("Same")), line, 3)
        self.grid.setRowStretch(len(conflict.fields) + 1, 1)

    def _choices(self, key: str, name: str, multi: bool) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(box)
        buttons: dict[Side, QRadioButton] = {}
        options: list[tuple[Side, str, str]] = [
            (
                "local",
                self.tr("This computer"),
                self.tr("Keep {0} from this computer").format(name),
            ),
            ("remote", self.tr("Server"), self.tr("Keep {0} from the server").format(name)),
        ]
        if multi:
            options.append(("both", self.tr("Both"), self.tr("Keep {0} from both").format(name)))
        for side, text, spoken in options:
            button = QRadioButton(text)
            button.setObjectName(f"keep_{key}_{side}")
            button.setAccessibleName(spoken)
            group.addButton(button)
            row.addWidget(button)
            buttons[side] = button
        buttons["local"].setChecked(True)
        row.addStretch(1)
        self.choice_groups[key] = group
        self.choice_buttons[key] = buttons
        return box

    def choices(self) -> dict[str, Side]:
        chosen: dict[str, Side] = {}
        for key, buttons in self.choice_buttons.items():
            for side, button in buttons.items():
                if button.isChecked():
                    chosen[key] = side
        return chosen

    def choose_all(self, side: Side) -> None:
        for buttons in self.choice_buttons.values():
            buttons[side].setChecked(True)

    # -- applying ----------------------------------------------------------------------------
    def apply(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        chosen = merge(conflict.local, conflict.remote, self.choices())
        try:
            done = self.resolver(conflict, chosen)
        except LookupError:
            self.status.setText(self.tr("That conflict was already resolved."))
            self.reload()
            return
        except ConflictChanged:
            self.status.setText(
                self.tr(
                    "A sync brought a newer version from the server meanwhile: it is shown now. "
                    "Please choose again."
                )
            )
            self.reload(keep=conflict.id)
            return
        except Exception as exc:  # a contact that cannot be saved, a locked database: say so
            self.status.setText(self.tr("Nothing was changed: {0}").format(exc))
            return
        self.status.setText(
            self.tr(
                "Kept your choice for {0} on this computer; it goes to the server at the next "
                "sync. Ctrl+Z in the main window brings the conflict back."
            ).format(chosen.display_name())
        )
        self.resolved.emit(done)
        row = self.list.currentIndex().row()
        self.reload()
        if self.conflicts:
            self.select_row(min(max(row, 0), len(self.conflicts) - 1))


class ResolveConflictCommand(QUndoCommand):
    """Undo reopens the conflict with both versions and puts the contact back; redo re-applies."""

    def __init__(self, ctx: Context, done: Resolution) -> None:
        super().__init__(
            QCoreApplication.translate("ConflictDialog", "Resolve sync conflict of {0}").format(
                done.chosen.display_name()
            )
        )
        self.ctx = ctx
        self.done = done
        self.reopened: int | None = None  # the conflict's id again, after an undo
        self._first = True  # the dialog already resolved it

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        if self.reopened is not None:
            try:
                self.done = resolve_here(
                    self.ctx.db, self.reopened, self.done.chosen, self.done.remote_etag
                )
            except Exception as exc:  # resolved or changed meanwhile: say so, keep going
                log.exception("redoing a conflict resolution failed")
                self._tell(exc)
        self.ctx.contactsChanged.emit()

    def undo(self) -> None:
        try:
            self.reopened = undo_resolution(self.ctx.db, self.done)
        except Exception as exc:
            log.exception("undoing a conflict resolution failed")
            self._tell(exc)
        self.ctx.contactsChanged.emit()

    def _tell(self, exc: Exception) -> None:
        self.ctx.show_message(
            QCoreApplication.translate(
                "ConflictDialog", "Could not change the contact: {0}"
            ).format(exc),
            8000,
        )


__all__ = ["ConflictDialog", "ResolveConflictCommand"]
