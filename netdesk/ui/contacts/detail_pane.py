"""The selected contact: details on top, the timeline of touchpoints and events below."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from netdesk.ui.formatting import format_date, plain_html
from netdesk.ui.qt_ints import ALIGN_LEFT

if TYPE_CHECKING:  # the pane is drawn before the first paint, the services load after it
    from netdesk.app.cadence import Cadence
    from netdesk.app.strength_scores import Strength
    from netdesk.app.touchpoints import TimelineEntry
    from netdesk.domain.contact_data import ContactData


def escape(text: str) -> str:
    """html.escape, loaded at the first contact shown: the empty pane is painted first, without
    html and html.entities (~2 ms, #19)."""
    import html

    return html.escape(text)


class DetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self._heading_font_set = False  # at the first contact shown (show_contact)
        self.body = QTextBrowser()
        self.body.setObjectName("detailBody")
        self.body.setOpenExternalLinks(True)
        self.body.setAccessibleName(self.tr("Contact details and timeline"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        # Plain words when recent touchpoints with this person are mostly asks.
        self.warning = QLabel()
        self.warning.setObjectName("sellingWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b03a2e; font-weight: bold")
        self.warning.hide()
        self.referrals = QLabel()
        self.referrals.setObjectName("referralBalance")
        # Relationship strength and why: its four parts.
        self.strength = QLabel()
        self.strength.setObjectName("relationshipStrength")
        self.strength.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning)
        layout.addWidget(self.referrals)
        layout.addWidget(self.strength)
        self.cadence = QLabel()
        self.cadence.setObjectName("keepInTouch")
        self.cadence.setWordWrap(True)
        layout.addWidget(self.cadence)
        layout.addWidget(self.body, 1)
        # The photographed card the contact was read from, beside (not instead of) its photo.
        self.card = QLabel()
        self.card.setObjectName("detailCardImage")
        self.card.setProperty("alignment", ALIGN_LEFT)
        self.card.setAccessibleName(self.tr("Photo of the business card"))
        layout.addWidget(self.card)
        self.show_nothing()

    def show_relationship(self, name: str, selling: bool, given: int, received: int) -> None:
        """The give/ask warning and referral reciprocity under the contact's name."""
        self.warning.setText(
            self.tr(
                "You're selling, not networking: most of your recent touchpoints with {0} "
                "are asks. Give or connect next."
            ).format(name)
        )
        self.warning.setVisible(selling)
        self.referrals.setText(
            self.tr("Referrals: you gave {0} · they gave you {1}").format(given, received)
        )
        self.referrals.setVisible(bool(given or received))

    def show_strength(self, strength: Strength) -> None:
        """ "Strength 72 / 100" and, below, why: the parts it is made of."""
        self.strength.setText(
            self.tr("Relationship strength: {0} / 100").format(strength.score)
            + "<br><span style='color:gray'>"
            + escape(
                self.tr(
                    "why: last touch {0} of 40 · how often {1} of 25 · both ways {2} of 15 · "
                    "meetings {3} of 20"
                ).format(strength.recency, strength.frequency, strength.two_way, strength.meetings)
            )
            + "</span>"
        )
        self.strength.setToolTip(
            self.tr(
                "In the last year: {0} touches, {1} sent or given, {2} received, {3} meetings."
            ).format(strength.touches, strength.sent, strength.received, strength.meetings_held)
        )
        self.strength.show()

    def show_cadence(self, cadence: Cadence) -> None:
        """How often to keep in touch, and by when; nothing when there is no cadence."""
        if cadence.every is None:
            self.cadence.hide()
            return
        how = (
            self.tr("Keep in touch: tier {0}, every {1} days").format(cadence.tier, cadence.every)
            if cadence.tier and not cadence.own_days
            else self.tr("Keep in touch: every {0} days").format(cadence.every)
        )
        if cadence.due is not None:
            how += " — " + self.tr("next by {0}").format(format_date(cadence.due))
        self.cadence.setText(how)
        self.cadence.show()

    def show_card(self, image: bytes | None, file: str = "") -> None:
        """The card image kept with the contact, small; nothing when there is none."""
        from PySide6.QtCore import QByteArray
        from PySide6.QtGui import QPixmap

        pixmap = QPixmap()
        if image is None or not pixmap.loadFromData(QByteArray(image)):
            self.card.clear()
            self.card.hide()
            return
        from PySide6.QtCore import Qt

        self.card.setPixmap(pixmap.scaledToWidth(280, Qt.TransformationMode.SmoothTransformation))
        self.card.setToolTip(self.tr("Read from the photo {0}").format(file))
        self.card.show()

    def show_nothing(self) -> None:
        self.card.hide()
        self.strength.hide()
        self.cadence.hide()
        self.warning.hide()
        self.referrals.hide()
        # The heading's place is taken by the body's first line: the empty pane is painted
        # before the heading's font is made (a QFont costs ~2 ms before the first paint, #19).
        self.heading.hide()
        self.heading.setText(self.tr("No contact selected"))
        words = self.tr("Select a contact to see their details and timeline.")
        self.body.setHtml(
            f"<p style='font-size:x-large; font-weight:bold'>{plain_html(self.heading.text())}"
            f"</p><p style='color:gray'>{plain_html(words)}</p>"
        )

    def _set_heading_font(self) -> None:
        if self._heading_font_set:
            return
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self._heading_font_set = True

    def show_contact(self, data: ContactData, timeline: list[TimelineEntry]) -> None:
        self._set_heading_font()
        self.heading.setText(data.display_name())
        self.heading.show()
        parts: list[str] = []
        role = ", ".join(x for x in (data.title, data.organization) if x)
        if role:
            parts.append(f"<p><b>{escape(role)}</b></p>")
        rows: list[tuple[str, str]] = []
        for email in data.emails:
            value = escape(email.value)
            rows.append((self.tr("E-mail"), f"<a href='mailto:{value}'>{value}</a>"))
        for phone in data.phones:
            rows.append((self._kind(phone.kind or self.tr("Phone")), escape(phone.value)))
        for address in data.addresses:
            lines = [address.street, address.city, address.region, address.country]
            rows.append(
                (
                    self._kind(address.kind or self.tr("Address")),
                    escape(", ".join(x for x in lines if x)),
                )
            )
        for url in data.urls:
            rows.append((self.tr("Web"), escape(url.value)))
        if data.birthday:
            rows.append((self.tr("Birthday"), escape(data.birthday)))
        if data.tags:
            rows.append((self.tr("Tags"), escape(", ".join(data.tags))))
        if rows:
            parts.append("<table cellspacing='4'>")
            parts.extend(
                f"<tr><td style='color:gray'>{escape(k)}</td><td>{v}</td></tr>" for k, v in rows
            )
            parts.append("</table>")
        if data.note:
            parts.append(f"<p>{escape(data.note).replace(chr(10), '<br>')}</p>")
        parts.append("<h3>" + escape(self.tr("Timeline")) + "</h3>")
        if not timeline:
            parts.append("<p style='color:gray'>" + escape(self.tr("Nothing here yet.")) + "</p>")
        else:
            parts.append("<ul>")
            parts.extend(self._timeline_item(entry) for entry in timeline)
            parts.append("</ul>")
        self.body.setHtml("".join(parts))

    def _kind(self, text: str) -> str:
        """A follow-up kind or a phone/address kind in the interface language."""
        labels = {
            "thank you": self.tr("Thank you"),
            "meeting": self.tr("Meeting"),
            "share content": self.tr("Share content"),
            "call": self.tr("Call"),
            "note": self.tr("Note"),
            "cell": self.tr("Mobile"),
            "work": self.tr("Work"),
            "home": self.tr("Home"),
        }
        return labels.get(text.lower().replace("_", " "), text.capitalize())

    def _timeline_item(self, entry: TimelineEntry) -> str:
        when = format_date(entry.date) if isinstance(entry.date, dt.date) else "—"
        if entry.what == "event":
            label = self.tr("Met at {0}").format(entry.title)
        elif entry.what in ("email", "meeting"):
            return self._interaction_item(when, entry)
        else:
            status = {
                "done": self.tr("done"),
                "planned": self.tr("planned"),
                "skipped": self.tr("skipped"),
            }.get(entry.status, entry.status)
            label = f"{self._kind(entry.title)} ({status})"
        detail = f" — {escape(entry.detail)}" if entry.detail else ""
        if entry.auto is not None:
            channel, subject, source = entry.auto
            by = (
                self.tr("marked done by the e-mail “{0}” ({1})")
                if channel == "email"
                else self.tr("marked done by the meeting “{0}” ({1})")
            )
            detail += " — <i>" + escape(by.format(subject, source)) + "</i>"
        return f"<li><span style='color:gray'>{when}</span> {escape(label)}{detail}</li>"

    def _interaction_item(self, when: str, entry: TimelineEntry) -> str:
        """A mail or meeting read from the user's mailbox or calendar, with its direction."""
        arrows = {"sent": "→", "received": "←", "both": "↔"}
        kinds = {
            ("email", "sent"): self.tr("E-mail sent"),
            ("email", "received"): self.tr("E-mail received"),
            ("meeting", "both"): self.tr("Meeting held"),
        }
        label = kinds.get((entry.what, entry.status), entry.what)
        subject = f" “{escape(entry.title)}”" if entry.title else ""
        source = (
            f" <span style='color:gray'>({escape(entry.detail)})</span>" if entry.detail else ""
        )
        arrow = arrows.get(entry.status, "")
        return (
            f"<li><span style='color:gray'>{when}</span> {arrow} "
            f"{escape(label)}{subject}{source}</li>"
        )
