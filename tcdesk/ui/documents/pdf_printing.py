"""Drawing a PDF's pages onto a ``QPrinter`` (the system print dialog's choice).

Runs on a worker thread: it makes its own ``QPdfDocument`` from the bytes and
paints through ``QPainter``, both of which Qt allows off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from tcdesk.errors import UserError

MAX_DPI = 600  # a Letter page at 600 dpi is a 134 MB image: enough for any office printer


def load_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A document read from memory; keep the buffer alive as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise UserError(f"The PDF could not be read ({document.error().name}).")
    return document, buffer


def print_pdf_bytes(pdf: bytes, printer: QPrinter, max_dpi: int = MAX_DPI) -> int:
    """Render every page (or the dialog's page range) to ``printer``; returns pages printed."""
    document, _buffer = load_pdf(pdf)
    count = document.pageCount()
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(0, printer.fromPage() - 1)
        last = min(count - 1, max(first, printer.toPage() - 1))
    printer.setFullPage(True)  # the PDF pages carry their own margins
    dpi = max(72, min(printer.resolution(), max_dpi))
    painter = QPainter()
    if not painter.begin(printer):
        where = printer.outputFileName() or printer.printerName() or "the printer"
        raise UserError(f"Printing could not start on {where}.")
    try:
        for index in range(first, last + 1):
            if index > first and not printer.newPage():
                raise UserError("The printer stopped taking pages.")
            points = document.pagePointSize(index)
            size = QSize(
                max(1, round(points.width() * dpi / 72)), round(points.height() * dpi / 72)
            )
            image = document.render(index, size)
            if image.isNull():
                raise UserError(f"Page {index + 1} of the PDF could not be drawn.")
            target = QRectF(painter.viewport())
            scale = min(target.width() / size.width(), target.height() / size.height())
            width, height = size.width() * scale, size.height() * scale
            placed = QRectF(
                target.x() + (target.width() - width) / 2,
                target.y() + (target.height() - height) / 2,
                width,
                height,
            )
            painter.drawImage(placed, image)
    finally:
        painter.end()
    document.close()
    return last - first + 1
