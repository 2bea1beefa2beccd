"""Turn the HTML report into a PDF with Qt's rich-text engine (no browser needed).

Works inside the window and from the command line: without a running application it starts a
``QGuiApplication`` of its own, on the off-screen platform unless one was chosen, so no display
is needed.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from netdesk.core.report import report_html, report_title
from netdesk.private_files import write_private
from netdesk.store.db import Database

RESOLUTION = 300  # dots per inch of the PDF's layout; the text stays vector either way
MARGIN_MM = 15.0
FOOTER_MM = 8.0  # room under the text for "Page 1 of 3"
_APP: list[QGuiApplication] = []  # keeps an application we started alive


def _ensure_application() -> None:
    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP.append(QGuiApplication(["netdesk"]))


def _document_dpi() -> float:
    """The resolution QTextDocument lays text out at when it has no paint device of its own."""
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchX())) if screen is not None else 96.0


def pdf_bytes(html: str, title: str = "netdesk report") -> bytes:
    """The PDF for ``html`` on landscape A4 pages (wide tables), 15 mm margins and
    "title · n / m" under each page.

    The document is laid out on pages of the printable size (rows are not split between
    pages), then each page is drawn scaled from the document's resolution to the PDF's.
    """
    _ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("netdesk")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    dpi = _document_dpi()
    paint = writer.pageLayout().paintRect(QPageLayout.Unit.Millimeter)
    width = paint.width() / 25.4 * dpi
    height = (paint.height() - FOOTER_MM) / 25.4 * dpi
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(QSizeF(width, height))
    scale = writer.resolution() / dpi
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        font = QFont(document.defaultFont())
        font.setPixelSize(round(8 * dpi / 72))  # 8 pt at the layout's resolution
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * height)
            document.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
            painter.save()
            painter.scale(scale, scale)
            painter.setFont(font)
            painter.setPen(QColor("#666666"))
            footer = QRectF(0, height, width, FOOTER_MM / 25.4 * dpi)
            painter.drawText(
                footer,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"{title} · {page + 1} / {pages}",
            )
            painter.restore()
    finally:
        painter.end()
    del writer  # ends the PDF and flushes it into the buffer
    buffer.close()
    return bytes(data.data())


def html_to_pdf(html: str, path: Path, title: str = "netdesk report") -> None:
    """Write the PDF for ``html`` to ``path``, readable by the user alone (0600)."""
    write_private(path, pdf_bytes(html, title))


def write_report(
    db: Database, start: dt.date, end: dt.date, path: Path, *, today: dt.date | None = None
) -> None:
    """Save the period's report as PDF (``.pdf``) or HTML (anything else), mode 0600."""
    html = report_html(db, start, end, today=today)
    if path.suffix.lower() == ".pdf":
        html_to_pdf(html, path, report_title(start, end))
    else:
        write_private(path, html.encode("utf-8"))
