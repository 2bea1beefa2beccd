"""Settings → Mail and calendars: the user's own addresses, what is not personal, and the
mailboxes and calendars netdesk reads (IMAP accounts, local mail folders, .ics files, the
calendars of the CalDAV sync accounts). Headers only; nothing leaves the machine."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.app import interactions as keys
from netdesk.app.mail_sources import (
    MailSources,
    SourceError,
    caldav_picks,
    set_caldav_picks,
)
from netdesk.app.settings_store import SettingsStore
from netdesk.mail.local import thunderbird_profiles

if TYPE_CHECKING:  # opened on demand: it loads the IMAP client
    from netdesk.ui.features.mail.imap_dialog import ImapAccountDialog

SCAN_INTERVAL = keys.SCAN_INTERVAL
DEFAULT_INTERVAL = keys.DEFAULT_SCAN_INTERVAL


def scan_interval(store: SettingsStore) -> int:
    value = store.get(SCAN_INTERVAL, DEFAULT_INTERVAL)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_INTERVAL


class MailPage:
    def __init__(self, store: SettingsStore, parent: QWidget) -> None:
        self.store = store
        self.db = store.db
        self.sources = MailSources(self.db)
        self.title = QCoreApplication.translate("MailSettings", "&Mail and calendars")
        # Scrolls: at 200 % on a 1080p screen the page is taller than the dialog may be.
        self.widget = QScrollArea(parent)
        self.widget.setWidgetResizable(True)
        self.widget.setFrameShape(QFrame.Shape.NoFrame)
        self.widget.setAccessibleName(
            QCoreApplication.translate("MailSettings", "Mail and calendars settings")
        )
        inner = QWidget()
        self.widget.setWidget(inner)
        layout = QVBoxLayout(inner)
        about = QLabel(
            QCoreApplication.translate(
                "MailSettings",
                "netdesk reads only the headers of your mail (who, to whom, when, the subject) "
                "and the attendees of your meetings, on this computer. Bodies are never read; "
                "nothing is uploaded.",
            )
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        self.list = QListWidget()
        self.list.setObjectName("mailSources")
        self.list.setAccessibleName(
            QCoreApplication.translate("MailSettings", "Mail accounts, mail folders and calendars")
        )
        # The list with its buttons in a column beside it, so the page stays narrow.
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        row.addLayout(buttons)
        layout.addLayout(row, 1)
        for name, text, slot in (
            (
                "addImap",
                QCoreApplication.translate("MailSettings", "Add &IMAP account…"),
                self.add_imap,
            ),
            (
                "addFolder",
                QCoreApplication.translate("MailSettings", "Add mail &folder…"),
                self.add_folder,
            ),
            (
                "addIcs",
                QCoreApplication.translate("MailSettings", "Add calendar &file…"),
                self.add_ics,
            ),
            (
                "findThunderbird",
                QCoreApplication.translate("MailSettings", "Find &Thunderbird profiles"),
                self.find_thunderbird,
            ),
            ("removeSource", QCoreApplication.translate("MailSettings", "&Remove"), self.remove),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.caldav = QListWidget()
        self.caldav.setObjectName("caldavCalendars")
        self.caldav.setAccessibleName(
            QCoreApplication.translate("MailSettings", "Sync accounts whose calendars are read")
        )
        self.caldav.setMaximumHeight(70)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "MailSettings", "Read the meetings in the calendars of these sync accounts:"
                )
            )
        )
        caldav_row = QHBoxLayout()
        caldav_row.addWidget(self.caldav, 1)
        self.pick_calendars = QPushButton(
            QCoreApplication.translate("MailSettings", "Choose ca&lendars…")
        )
        self.pick_calendars.setObjectName("pickCalendars")
        self.pick_calendars.clicked.connect(lambda _c=False: self.choose_calendars())
        caldav_row.addWidget(self.pick_calendars, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(caldav_row)
        form = QFormLayout()
        options = keys.ScanOptions.from_settings(self.db)
        self.me = QPlainTextEdit("\n".join(sorted(options.me)))
        self.me.setObjectName("myAddresses")
        self.me.setMaximumHeight(60)
        self.me.setPlaceholderText(
            QCoreApplication.translate(
                "MailSettings", "one address per line: mail from these is mail you sent"
            )
        )
        form.addRow(QCoreApplication.translate("MailSettings", "My e-mail &addresses"), self.me)
        self.exclusions = QPlainTextEdit("\n".join(sorted(options.exclusions)))
        self.exclusions.setObjectName("mailExclusions")
        self.exclusions.setMaximumHeight(60)
        self.exclusions.setPlaceholderText(
            QCoreApplication.translate("MailSettings", "addresses or domains, one per line")
        )
        form.addRow(QCoreApplication.translate("MailSettings", "&Never log"), self.exclusions)
        self.bulk = self._spin("bulkRecipients", options.bulk_recipients, 1, 500)
        form.addRow(
            QCoreApplication.translate(
                "MailSettings", "A mail to more people than this is a &bulk send"
            ),
            self.bulk,
        )
        self.attendees = self._spin("meetingAttendees", options.meeting_attendees, 1, 500)
        form.addRow(
            QCoreApplication.translate(
                "MailSettings", "A meeting with more people than this is not a &one-to-one"
            ),
            self.attendees,
        )
        self.window_days = self._spin("completionWindow", options.completion_window, 1, 365)
        self.window_days.setSuffix(QCoreApplication.translate("MailSettings", " days"))
        form.addRow(
            QCoreApplication.translate("MailSettings", "A mail &completes a follow-up due within"),
            self.window_days,
        )
        self.interval = self._spin("scanInterval", scan_interval(store), 0, 24 * 60)
        self.interval.setSuffix(QCoreApplication.translate("MailSettings", " min"))
        self.interval.setSpecialValueText(
            QCoreApplication.translate("MailSettings", "only when I ask")
        )
        form.addRow(QCoreApplication.translate("MailSettings", "&Scan every"), self.interval)
        self.subjects = QCheckBox(
            QCoreApplication.translate("MailSettings", "Keep the &subjects of mails and meetings")
        )
        self.subjects.setObjectName("storeSubjects")
        self.subjects.setChecked(options.store_subjects)
        form.addRow("", self.subjects)
        layout.addLayout(form)
        self.reload()

    @staticmethod
    def _spin(name: str, value: int, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def reload(self) -> None:
        from netdesk.sync import accounts

        self.list.clear()
        for source in self.sources.all():
            where = (
                f"{source.username} @ {source.host}:{source.port} ({source.security})"
                if source.kind == "imap"
                else source.path
            )
            kind = {
                "imap": QCoreApplication.translate("MailSettings", "IMAP account"),
                "local": QCoreApplication.translate("MailSettings", "Mail folder"),
                "ics": QCoreApplication.translate("MailSettings", "Calendar file"),
            }.get(source.kind, source.kind)
            last = ""
            if source.last_scan_at:
                try:
                    result = json.loads(source.last_result or "{}")
                except ValueError:
                    result = {}
                last = " — " + QCoreApplication.translate(
                    "MailSettings", "last read {0}: {1} logged"
                ).format(source.last_scan_at.strftime("%Y-%m-%d %H:%M"), result.get("logged", 0))
                if result.get("errors"):
                    last += " — " + str(result["errors"][0])
            item = QListWidgetItem(f"{source.name} · {kind} · {where}{last}")
            item.setToolTip(f"{source.name} · {kind} · {where}{last}")
            item.setData(Qt.ItemDataRole.UserRole, source.name)
            self.list.addItem(item)
        if not self.list.count():
            empty = QListWidgetItem(
                QCoreApplication.translate(
                    "MailSettings", "No mailboxes or calendars yet: add one below."
                )
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.caldav.clear()
        picks = caldav_picks(self.db)
        if not accounts.accounts(self.db):
            none = QListWidgetItem(
                QCoreApplication.translate(
                    "MailSettings",
                    "No sync accounts: add one under Accounts to read its calendars.",
                )
            )
            none.setFlags(Qt.ItemFlag.NoItemFlags)
            self.caldav.addItem(none)
        for account in accounts.accounts(self.db):
            chosen = picks.get(account.name) or []
            shown = (
                QCoreApplication.translate("MailSettings", "{0} (calendars: {1})").format(
                    account.name, len(chosen)
                )
                if chosen
                else account.name
            )
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = account.name in picks
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.caldav.addItem(item)

    def choose_calendars(self, synchronous: bool = False) -> QDialog | None:
        """The selected sync account's calendars, to tick (ticking one also turns the account
        on)."""
        from netdesk.ui.widgets.calendar_pick import CalendarPickDialog

        item = self.caldav.currentItem() or (self.caldav.item(0) if self.caldav.count() else None)
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not name:
            return None
        dialog = CalendarPickDialog(self.db, str(name), self.widget, synchronous)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def _unique(self, base: str) -> str:
        names = {s.name for s in self.sources.all()}
        name, n = base, 2
        while name in names:
            name, n = f"{base} {n}", n + 1
        return name

    def add_imap(self) -> ImapAccountDialog:
        from netdesk.ui.features.mail.imap_dialog import ImapAccountDialog

        dialog = ImapAccountDialog(self.sources, self.widget)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def add_path(self, path: Path, kind: str) -> bool:
        try:
            self.sources.add_path(self._unique(path.name or str(path)), path, kind)
        except SourceError as exc:
            QMessageBox.warning(self.widget, self.title.replace("&", ""), str(exc))
            return False
        self.reload()
        return True

    def add_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self.widget,
            QCoreApplication.translate("MailSettings", "A mail folder (mbox files or Maildir)"),
            str(Path.home()),
        )
        if chosen:
            self.add_path(Path(chosen), "local")

    def add_ics(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.widget,
            QCoreApplication.translate("MailSettings", "A calendar file"),
            str(Path.home()),
            QCoreApplication.translate("MailSettings", "Calendars (*.ics)"),
        )
        if chosen:
            self.add_path(Path(chosen), "ics")

    def find_thunderbird(self, home: Path | None = None) -> int:
        """Add every Thunderbird mail folder not added yet; says how many it found."""
        known = {s.path for s in self.sources.all()}
        found = [p for p in thunderbird_profiles(home) if str(p.resolve()) not in known]
        for path in found:
            self.add_path(path, "local")
        message = (
            QCoreApplication.translate(
                "MailSettings", "Thunderbird mail folders added: {0}."
            ).format(len(found))
            if found
            else QCoreApplication.translate(
                "MailSettings",
                "No Thunderbird profile with mail was found (or it is already added).",
            )
        )
        QMessageBox.information(
            self.widget,
            QCoreApplication.translate("MailSettings", "Find Thunderbird profiles"),
            message,
        )
        return len(found)

    def remove(self) -> None:
        item = self.list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not name:
            return
        answer = QMessageBox.question(
            self.widget,
            QCoreApplication.translate("MailSettings", "Remove"),
            QCoreApplication.translate(
                "MailSettings", "Stop reading {0}? What it logged stays on the contacts' timelines."
            ).format(name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from netdesk.app.accounts import remove_account
        from netdesk.system.secrets import PasswordStore

        with contextlib.suppress(LookupError):  # removed meanwhile: what the user asked for
            left = remove_account(self.sources.db, PasswordStore(), name)
            if left is not None:
                QMessageBox.warning(
                    self.widget,
                    QCoreApplication.translate("MailSettings", "Remove"),
                    QCoreApplication.translate(
                        "MailSettings", "Its password could not be deleted from the keyring: {0}"
                    ).format(str(left)),
                )
        self.reload()

    def save(self) -> None:
        def lines(edit: QPlainTextEdit) -> list[str]:
            return [x.strip() for x in edit.toPlainText().splitlines() if x.strip()]

        self.store.set(keys.MY_ADDRESSES, [a.lower() for a in lines(self.me) if "@" in a])
        self.store.set(keys.EXCLUSIONS, [a.lower().lstrip("@") for a in lines(self.exclusions)])
        self.store.set(keys.BULK_RECIPIENTS, self.bulk.value())
        self.store.set(keys.MEETING_ATTENDEES, self.attendees.value())
        self.store.set(keys.COMPLETION_WINDOW, self.window_days.value())
        self.store.set(keys.STORE_SUBJECTS, self.subjects.isChecked())
        self.store.set(SCAN_INTERVAL, self.interval.value())
        picks = caldav_picks(self.db)
        for row in range(self.caldav.count()):
            item = self.caldav.item(row)
            if not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                continue
            name = str(item.data(Qt.ItemDataRole.UserRole))
            if item.checkState() == Qt.CheckState.Checked:
                set_caldav_picks(self.db, name, picks.get(name, []))
            else:
                set_caldav_picks(self.db, name, None)


def settings_page(store: SettingsStore, qsettings: QSettings, parent: QWidget) -> MailPage:
    return MailPage(store, parent)
