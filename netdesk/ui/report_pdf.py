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
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from netdesk.app.opening import Database
from netdesk.app.report import report_html, report_title
from netdesk.system.private_files import write_private

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


def report_layout() -> QPageLayout:
    """Landscape A4 (the tables are wide) with 15 mm margins: the PDF's, and the printer's
    starting point (the print dialog may change it)."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def paint_document(device: QPagedPaintDevice, html: str, title: str) -> int:
    """Lay ``html`` out on the device's pages and draw them, "title · n / m" under each page;
    returns the number of pages. The PDF writer and a printer both go through here, so what
    is printed is what is saved.

    The document is laid out on pages of the printable size (rows are not split between
    pages), then each page is drawn scaled from the document's resolution to the device's.
    """
    _ensure_application()
    dpi = _document_dpi()
    paint = device.pageLayout().paintRect(QPageLayout.Unit.Millimeter)
    width = paint.width() / 25.4 * dpi
    height = (paint.height() - FOOTER_MM) / 25.4 * dpi
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(QSizeF(width, height))
    scale = device.logicalDpiX() / dpi
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or file could not be opened for drawing")
    try:
        font = QFont(document.defaultFont())
        font.setPixelSize(round(8 * dpi / 72))  # 8 pt at the layout's resolution
        for page in range(pages):
            if page:
                device.newPage()
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
    return pages


def pdf_bytes(html: str, title: str = "netdesk report") -> bytes:
    """The PDF for ``html`` on landscape A4 pages (see :func:`paint_document`)."""
    _ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("netdesk")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(report_layout())
    paint_document(writer, html, title)
    del writer  # ends the PDF and flushes it into the buffer
    buffer.close()
    return bytes(data.data())


def html_to_pdf(html: str, path: Path, title: str = "netdesk report") -> None:
    """Write the PDF for ``html`` to ``path``, readable by the user alone (0600)."""
    write_private(path, pdf_bytes(html, title))


def write_report(
    db: Database,
    start: dt.date,
    end: dt.date,
    path: Path,
    *,
    today: dt.date | None = None,
    organiser: str | None = None,
) -> None:
    """Save the period's report as PDF (``.pdf``) or HTML (anything else), mode 0600."""
    html = report_html(db, start, end, today=today, organiser=organiser)
    if path.suffix.lower() == ".pdf":
        html_to_pdf(html, path, report_title(start, end, organiser))
    else:
        write_private(path, html.encode("utf-8"))


def print_report(
    db: Database,
    start: dt.date,
    end: dt.date,
    device: QPagedPaintDevice,
    *,
    today: dt.date | None = None,
    organiser: str | None = None,
) -> int:
    """Print the same report :func:`write_report` saves on ``device`` (a ``QPrinter``);
    returns the number of pages."""
    html = report_html(db, start, end, today=today, organiser=organiser)
    return paint_document(device, html, report_title(start, end, organiser))
