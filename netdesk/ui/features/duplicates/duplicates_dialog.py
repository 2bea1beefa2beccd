"""Find and merge duplicates: scan off the GUI thread, compare side by side, merge the chosen.

Each group is a checkable row (sure duplicates checked, suggestions not); under it, one row per
contact with its fields in columns. The contact kept is marked; activating another member
(double-click or Enter) keeps that one instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netdesk.app.dedupe import (
    DuplicateGroup,
    DuplicateScan,
    MergePlan,
    MergeUndo,
    ScanProgress,
    merge_steps,
    scan,
)
from netdesk.ui.i18n import Reasons
from netdesk.ui.tasks import Task

if TYPE_CHECKING:
    from netdesk.app.opening import Database

EXPANDED = 50  # groups shown open at first; the rest open on demand
_GROUP = Qt.ItemDataRole.UserRole + 1  # index of the group, on group rows
_MEMBER = Qt.ItemDataRole.UserRole + 2  # contact id, on member rows


class DuplicatesDialog(QDialog):
    def __init__(
        self,
        db: Database,
        region: str,
        synchronous: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.region = region
        self.synchronous = synchronous
        self.result_scan: DuplicateScan | None = None
        self.keep: dict[int, int] = {}  # group index → contact kept
        self.group_items: list[QTreeWidgetItem] = []
        self.merged: tuple[list[MergePlan], MergeUndo] | None = None
        self.task: Task | None = None
        self.busy = False  # scanning or merging
        self.setWindowTitle(self.tr("Find and merge duplicates"))
        self.resize(980, 560)

        self.status = QLabel(self.tr("Looking for duplicates…"))
        self.status.setObjectName("duplicatesStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("scanProgress")
        self.progress.setRange(0, 0)
        self.tree = QTreeWidget()
        self.tree.setObjectName("duplicateGroups")
        self.tree.setAccessibleName(self.tr("Groups of duplicates"))
        self.tree.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Organisation"),
                self.tr("Title"),
                self.tr("E-mails"),
                self.tr("Phones"),
                self.tr("Tags"),
                self.tr("Added"),
                self.tr("Note"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setDefaultSectionSize(130)
        self.tree.setColumnWidth(0, 240)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemChanged.connect(lambda *_: self._update_buttons())

        self.select_sure = QPushButton(self.tr("Check &sure ones"))
        self.select_sure.setObjectName("checkSure")
        self.select_sure.clicked.connect(lambda: self._check(lambda g: g.sure))
        self.select_none = QPushButton(self.tr("Check &none"))
        self.select_none.setObjectName("checkNone")
        self.select_none.clicked.connect(lambda: self._check(lambda g: False))
        self.merge_button = QPushButton(self.tr("&Merge checked"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge_checked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.select_sure)
        row.addWidget(self.select_none)
        row.addStretch(1)
        row.addWidget(self.buttons)

        hint = QLabel(
            self.tr(
                "Checked groups become one contact each, keeping every e-mail, phone, address, "
                "note, tag, follow-up, event and referral. Double-click a contact to keep it "
                "instead. Undo with Ctrl+Z."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addLayout(row)

    # -- scanning ----------------------------------------------------------------------------
    def start_scan(self) -> None:
        task = Task(lambda: scan(self.db), self)
        self.task = task
        self.busy = True
        task.progress.connect(self._on_scan_progress)
        task.succeeded.connect(self._on_scanned)
        task.failed.connect(self._on_failed)
        task.start(self.synchronous)

    def _on_scan_progress(self, value: object) -> None:
        if not isinstance(value, ScanProgress):
            return
        stages = {
            "keys": self.tr("Comparing e-mails and phones…"),
            "names": self.tr("Comparing names within each organisation…"),
            "details": self.tr("Reading the contacts found…"),
        }
        self.status.setText(stages.get(value.stage, ""))
        self.progress.setRange(0, max(value.total, 1))
        self.progress.setValue(value.done)

    def _on_scanned(self, value: object) -> None:
        assert isinstance(value, DuplicateScan)
        self.busy = False
        self.result_scan = value
        self.progress.hide()
        self._fill(value)
        sure, suggested = len(value.sure), len(value.suggested)
        if not value.groups:
            self.status.setText(self.tr("No duplicates found."))
        else:
            self.status.setText(
                self.tr("%n sure duplicate group(s)", "", sure)
                + " · "
                + self.tr("%n suggestion(s) to check", "", suggested)
            )
        self._update_buttons()

    def _on_failed(self, message: str) -> None:
        self.busy = False
        self.progress.hide()
        self.status.setText(self.tr("Could not finish: {0}").format(message))
        self._update_buttons()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy and self.task is not None:
            self.task.cancel()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.busy and self.task is not None:
            self.task.cancel()
        super().reject()

    # -- the list ----------------------------------------------------------------------------
    def _fill(self, found: DuplicateScan) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self.group_items = []
        for index, group in enumerate(found.groups):
            self.keep[index] = group.keep
            item = QTreeWidgetItem([self._group_title(group)])
            item.setData(0, _GROUP, index)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if group.sure else Qt.CheckState.Unchecked)
            item.setFirstColumnSpanned(True)
            for cid in group.contact_ids:
                m = found.members[cid]
                note = " ".join(m.note.split())
                child = QTreeWidgetItem(
                    [m.name, m.organization, m.title, m.emails, m.phones, m.tags, m.added, note]
                )
                child.setData(0, _MEMBER, cid)
                child.setToolTip(7, m.note)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            self.group_items.append(item)
            if index < EXPANDED:
                item.setExpanded(True)
            self._mark_kept(item)
        self.tree.blockSignals(False)

    def _group_title(self, group: DuplicateGroup) -> str:
        kind = self.tr("Sure") if group.sure else self.tr("Suggestion")
        count = self.tr("%n contact(s)", "", len(group.contact_ids))
        reasons = Reasons()
        return f"{kind} — {'; '.join(reasons.duplicate(r) for r in group.reasons)} — {count}"

    def _mark_kept(self, group_item: QTreeWidgetItem) -> None:
        assert self.result_scan is not None
        kept = self.keep[int(group_item.data(0, _GROUP))]
        for i in range(group_item.childCount()):
            child = group_item.child(i)
            assert child is not None
            cid = int(child.data(0, _MEMBER))
            is_kept = cid == kept
            font = child.font(0)
            font.setBold(is_kept)
            for column in range(self.tree.columnCount()):
                child.setFont(column, font)
            name = self.result_scan.members[cid].name
            child.setText(0, self.tr("{0}  (kept)").format(name) if is_kept else name)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        parent = item.parent()
        if parent is None:
            state = item.checkState(0)
            item.setCheckState(
                0,
                Qt.CheckState.Unchecked
                if state == Qt.CheckState.Checked
                else Qt.CheckState.Checked,
            )
            return
        self.keep[int(parent.data(0, _GROUP))] = int(item.data(0, _MEMBER))
        self._mark_kept(parent)

    def _check(self, rule: Callable[[DuplicateGroup], bool]) -> None:
        if self.result_scan is None:
            return
        self.tree.blockSignals(True)
        for item, group in zip(self.group_items, self.result_scan.groups, strict=True):
            wanted = rule(group)
            item.setCheckState(0, Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self.tree.viewport().update()
        self._update_buttons()

    def group_item(self, index: int) -> QTreeWidgetItem:
        return self.group_items[index]

    def checked_plans(self) -> list[MergePlan]:
        if self.result_scan is None:
            return []
        plans = []
        for index, group in enumerate(self.result_scan.groups):
            if self.group_items[index].checkState(0) == Qt.CheckState.Checked:
                plans.append(MergePlan.of(group, self.keep[index]))
        return plans

    def _update_buttons(self) -> None:
        count = len(self.checked_plans())
        self.merge_button.setEnabled(not self.busy and count > 0)
        self.merge_button.setText(
            self.tr("&Merge %n group(s)", "", count) if count else self.tr("&Merge checked")
        )

    # -- merging -----------------------------------------------------------------------------
    def merge_checked(self) -> None:
        plans = self.checked_plans()
        if not plans:
            return
        self.status.setText(self.tr("Merging…"))
        self.progress.setRange(0, len(plans))
        self.progress.setValue(0)
        self.progress.show()
        self.tree.setEnabled(False)
        task = Task(lambda: merge_steps(self.db, plans, self.region), self)
        self.task = task
        self.busy = True
        task.progress.connect(self._on_merge_progress)
        task.succeeded.connect(lambda undo: self._on_merged(plans, undo))
        task.failed.connect(self._on_merge_failed)
        self.merge_button.setEnabled(False)
        task.start(self.synchronous)

    def _on_merge_progress(self, value: object) -> None:
        if isinstance(value, tuple):
            done, total = value
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_merged(self, plans: list[MergePlan], undo: object) -> None:
        assert isinstance(undo, MergeUndo)
        self.busy = False
        self.merged = (plans, undo)
        self.accept()

    def _on_merge_failed(self, message: str) -> None:
        self.busy = False
        self.progress.hide()
        self.tree.setEnabled(True)
        self.status.setText(self.tr("Nothing was merged: {0}").format(message))
        self._update_buttons()
