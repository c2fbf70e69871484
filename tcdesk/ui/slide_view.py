"""The widget that shows a slide: the patient display and the console's thumbnail.

It accepts a rendered ``Slide`` and nothing else (no consult, no notes): what
the family can see is limited by construction. It paints through the one
rendering path (``paint_slide``) into a pixmap the size of the widget at its
device pixel ratio, then blits that pixmap on every later paint.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from tcdesk.render.slide import Slide
from tcdesk.ui.slide_painter import SlideLayout, SlidePainter, default_painter, paint_blank

BLANK_COLOURS = {"black": QColor("#000000"), "white": QColor("#FFFFFF")}
EMPTY_COLOUR = QColor("#000000")  # no slide yet: dark, like a blanked projector


class SlideView(QWidget):
    """Paints one ``Slide`` (or a blank screen), scaled to fit, letterboxed in the theme."""

    def __init__(self, parent: QWidget | None = None, *, painter: SlidePainter | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAutoFillBackground(False)
        self._painter = painter if painter is not None else default_painter()
        self._slide: Slide | None = None
        self._blank = ""
        self._pixmap: QPixmap | None = None
        self._pixmap_key: tuple[int, int, float] | None = None
        self._pixmap_layout: SlideLayout | None = None

    # -- state ----------------------------------------------------------------------------

    def slide(self) -> Slide | None:
        return self._slide

    def blank(self) -> str:
        return self._blank

    def set_slide(self, slide: Slide | None) -> None:
        if slide is not None and not isinstance(slide, Slide):
            raise TypeError(f"SlideView shows a Slide, not {type(slide).__name__}")
        if slide is self._slide:
            return
        self._slide = slide
        self._drop_pixmap()
        self.update()

    def set_blank(self, mode: str) -> None:
        """'' shows the slide; 'black' or 'white' hides it behind one colour."""
        if mode not in ("", *BLANK_COLOURS):
            raise ValueError(f"blank mode must be '', 'black' or 'white', not {mode!r}")
        if mode == self._blank:
            return
        self._blank = mode
        self.update()

    def refresh(self) -> None:
        """Paint again from scratch (e.g. after the practice changed an image file)."""
        self._drop_pixmap()
        self.update()

    # -- Qt -------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._drop_pixmap()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            rect = QRectF(self.rect())
            if self._blank:
                paint_blank(painter, rect, BLANK_COLOURS[self._blank])
            elif self._slide is None:
                paint_blank(painter, rect, EMPTY_COLOUR)
            else:
                painter.drawPixmap(0, 0, self._rendered(self._slide))
        finally:
            painter.end()

    # -- the cached picture ---------------------------------------------------------------

    def _drop_pixmap(self) -> None:
        self._pixmap = None
        self._pixmap_key = None
        self._pixmap_layout = None

    def _rendered(self, slide: Slide) -> QPixmap:
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), dpr)
        # The layout object changes when an image file appears or changes on disk.
        layout = self._painter.layout(slide)
        if self._pixmap is not None and self._pixmap_key == key and self._pixmap_layout is layout:
            return self._pixmap
        pixmap = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        painter = QPainter(pixmap)
        try:
            self._painter.paint(painter, slide, QRectF(0, 0, self.width(), self.height()))
        finally:
            painter.end()
        self._pixmap, self._pixmap_key, self._pixmap_layout = pixmap, key, layout
        return pixmap
