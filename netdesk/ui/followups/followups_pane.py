"""The follow-ups pane: what is overdue, due today and coming up, grouped with counts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QVBoxLayout, QWidget

from netdesk.ui.formatting import format_date, plain_html
from netdesk.ui.qt_ints import USER_ROLE

if TYPE_CHECKING:  # the pane is drawn before the first paint, the services load after it
    from PySide6.QtWidgets import QTreeWidgetItem  # its items are made after it, too

    from netdesk.app.cadence import Reconnect
    from netdesk.app.due_list import DueTouchpoint


class FollowUpsPane(QWidget):
    contactActivated = Signal(int)
    TouchpointRole = USER_ROLE + 1  # ints: the pane is built before Qt's enums are made
    ContactRole = USER_ROLE + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[str, int] = {}
        # Bold through rich text: a QFont made here would be PySide's first, and making its
        # type costs ~2 ms before the window's first paint (#19).
        title = self.tr("Today")
        self.title = QLabel(f"<b>{plain_html(title)}</b>")
        self.title.setAccessibleName(title)
        self.tree = QTreeWidget()
        self.tree.setObjectName("followUpsTree")
        self.tree.setAccessibleName(self.tr("Follow-ups"))
        self.tree.setHeaderLabels([self.tr("Due"), self.tr("Contact"), self.tr("What")])
        self.tree.setRootIsDecorated(True)
        # Due and What as wide as their text, the name taking what is left (elided), so What
        # is never pushed off-screen in a narrow pane.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Never narrower than a date, a kind and a short name side by side.
        metrics = self.tree.fontMetrics()
        self.tree.setMinimumWidth(
            self.tree.indentation()
            + metrics.horizontalAdvance(format_date(dt.date(2026, 12, 28)))
            + metrics.horizontalAdvance(self.kind_label("share_content"))
            + metrics.horizontalAdvance("Ana García López")
            + 6 * metrics.averageCharWidth()
            + self.tree.verticalScrollBar().sizeHint().width()
        )
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._shown: tuple[object, ...] | None = None

    def kind_label(self, kind: str) -> str:
        labels = {
            "thank_you": self.tr("Thank-you"),
            "meeting": self.tr("Meeting"),
            "share_content": self.tr("Share content"),
            "call": self.tr("Call"),
            "note": self.tr("Note"),
        }
        return labels.get(kind, kind.replace("_", " "))

    def show_items(
        self,
        items: list[DueTouchpoint],
        today: dt.date,
        reconnect: list[Reconnect] | None = None,
        counts: dict[str, int] | None = None,
    ) -> None:
        """Show the groups; ``counts`` are the groups' full sizes when only the first items of
        each were loaded (the rest is summed up in one line)."""
        names = {
            "overdue": self.tr("Overdue"),
            "today": self.tr("Today"),
            "upcoming": self.tr("This week"),
        }
        # A refresh that finds what is already shown (after a sync, a save elsewhere) leaves
        # the tree as it is: rebuilding it costs the window's thread about 20 ms.
        shown = (items, today, reconnect, counts, names["overdue"])
        if shown == self._shown:
            return
        self._shown = shown
        current = self.selected_touchpoint()
        self._counts = dict(counts or {})
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        buckets: dict[str, list[DueTouchpoint]] = {k: [] for k in names}
        for item in items:
            buckets[item.bucket(today)].append(item)
        self._groups = {}
        self._add_touchpoint_groups(names, buckets)
        self._add_reconnect_group(reconnect or [])
        self.tree.expandAll()  # one layout pass, not one per group
        self.tree.setUpdatesEnabled(True)
        if current is not None:
            self.select_touchpoint(current)

    def _add_touchpoint_groups(
        self, names: dict[str, str], buckets: dict[str, list[DueTouchpoint]]
    ) -> None:
        from PySide6.QtWidgets import QTreeWidgetItem

        for key, label in names.items():
            total = self._counts.get(key, len(buckets[key]))
            group = QTreeWidgetItem([f"{label} ({total})"])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            self._groups[key] = group
            for tp in buckets[key]:
                child = QTreeWidgetItem([format_date(tp.due), tp.contact, self.kind_label(tp.kind)])
                child.setData(0, self.TouchpointRole, tp.id)
                child.setData(0, self.ContactRole, tp.contact_id)
                if tp.event:
                    child.setToolTip(2, self.tr("From {0}").format(tp.event))
                group.addChild(child)
            self._add_more_line(group, total - len(buckets[key]))

    def _add_more_line(self, group: QTreeWidgetItem, hidden: int) -> None:
        if hidden > 0:
            from PySide6.QtWidgets import QTreeWidgetItem

            more = QTreeWidgetItem([self.tr("… and {0} more").format(hidden)])
            from PySide6.QtCore import Qt

            more.setFlags(Qt.ItemFlag.NoItemFlags)
            group.addChild(more)
            more.setFirstColumnSpanned(True)

    def _add_reconnect_group(self, people: list[Reconnect]) -> None:
        from PySide6.QtWidgets import QTreeWidgetItem

        total = self._counts.get("reconnect", len(people))
        group = QTreeWidgetItem([self.tr("Reconnect ({0})").format(total)])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        self.tree.addTopLevelItem(group)
        group.setFirstColumnSpanned(True)
        self._groups["reconnect"] = group
        for person in people:
            since = (
                self.tr("last touch {0}").format(format_date(person.last_touch))
                if person.last_touch
                else self.tr("never in touch")
            )
            child = QTreeWidgetItem([format_date(person.due), person.contact, since])
            child.setData(0, self.ContactRole, person.contact_id)
            child.setToolTip(2, self.tr("Keep in touch every {0} days").format(person.cadence_days))
            group.addChild(child)
        self._add_more_line(group, total - len(people))

    def select_touchpoint(self, touchpoint_id: int) -> bool:
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is None:
                continue
            for c in range(group.childCount()):
                child = group.child(c)
                if child is not None and child.data(0, self.TouchpointRole) == touchpoint_id:
                    self.tree.setCurrentItem(child)
                    return True
        return False

    def group_count(self, key: str) -> int:
        """How many the group holds, shown or not."""
        group = self._groups.get(key)
        if group is None:
            return 0
        return self._counts.get(key, group.childCount())

    def selected_touchpoint(self) -> int | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        value = item.data(0, self.TouchpointRole)
        return int(value) if value is not None else None

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        contact = item.data(0, self.ContactRole)
        if contact is not None:
            self.contactActivated.emit(int(contact))
