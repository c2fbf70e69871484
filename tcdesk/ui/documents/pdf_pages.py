"""A PDF's pages on screen, with page buttons: shared by the agreement and summary previews.

It shows exactly the bytes it is given (never a re-rendering), so what the
coordinator checks is what prints and what is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class PdfPages(QWidget):
    """A fit-to-width, scrolling view of one PDF with "Previous page" / "Next page"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        self.prev_button = QPushButton("‹ Previous page")
        self.prev_button.setObjectName("prevPage")
        self.prev_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button = QPushButton("Next page ›")
        self.next_button.setObjectName("nextPage")
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_label = QLabel("")
        self.page_label.setObjectName("pageLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.page_label, 1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(nav)
        self._update_page_label()

    def load(self, pdf: bytes) -> bool:
        """Show ``pdf`` from its first page; False when Qt cannot read it (see ``error``)."""
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.close()
        self.document.load(buffer)
        if self._buffer is not None:  # only after the document let go of it
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = buffer
        self.go_to_page(0)
        return self.document.status() == QPdfDocument.Status.Ready

    def error(self) -> str:
        """Why the last PDF could not be shown, in Qt's words (e.g. ``DataNotYetAvailable``)."""
        return self.document.error().name

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        count = self.page_count()
        if count > 0:
            page = max(0, min(count - 1, page))
            navigator = self.view.pageNavigator()
            navigator.jump(page, QPointF(), navigator.currentZoom())
        self._update_page_label()

    def _update_page_label(self, *_args: object) -> None:
        count = self.page_count()
        page = self.current_page()
        self.page_label.setText(f"Page {page + 1} of {count}" if count else "No pages")
        self.prev_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
