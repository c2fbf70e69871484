"""The widget that shows a slide: the patient display and the console's thumbnail.

It accepts a rendered ``Slide`` and nothing else (no consult, no notes): what
the family can see is limited by construction. It paints through the one
rendering path (``SlidePainter``) straight onto the window, and when a new
slide differs from the shown one in one place (a payment card during a drag)
only that area is repainted. The painter caches each slide's layout, so a
repaint only replays drawing operations; an intermediate full-screen picture
measured slower under X than painting again on the rare expose.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from tcdesk.render.slide import Slide
from tcdesk.ui.slide_painter import SlidePainter, default_painter, paint_blank

BLANK_COLOURS = {"black": QColor("#000000"), "white": QColor("#FFFFFF")}
EMPTY_COLOUR = QColor("#000000")  # no slide yet: dark, like a blanked projector


class SlideView(QWidget):
    """Paints one ``Slide`` (or a blank screen), scaled to fit, letterboxed in the theme."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        painter: SlidePainter | None = None,
        empty_colour: QColor = EMPTY_COLOUR,
    ):
        super().__init__(parent)
        self._empty_colour = empty_colour
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAutoFillBackground(False)
        self._painter = painter if painter is not None else default_painter()
        self._slide: Slide | None = None
        self._blank = ""
        self._pending = QRect()  # what the last change needs repainted

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
        old, self._slide = self._slide, slide
        area = None
        if old is not None and slide is not None and not self._blank:
            area = self._painter.changed_area(old, slide, QRectF(self.rect()))
        self._pending = self.rect() if area is None else area.toAlignedRect().adjusted(-2, -2, 2, 2)
        if not self._pending.isEmpty():
            self.update(self._pending)

    def set_blank(self, mode: str) -> None:
        """'' shows the slide; 'black' or 'white' hides it behind one colour."""
        if mode not in ("", *BLANK_COLOURS):
            raise ValueError(f"blank mode must be '', 'black' or 'white', not {mode!r}")
        if mode == self._blank:
            return
        self._blank = mode
        self._pending = self.rect()
        self.update()

    def repaint_now(self) -> None:
        """Repaint what the last change touched, synchronously (the live display)."""
        if self._pending.isEmpty():
            return
        self.repaint(self._pending)
        self._pending = QRect()

    def refresh(self) -> None:
        """Paint again (e.g. after the practice changed an image file: the painter
        notices changed files when it lays the slide out)."""
        self.update()

    # -- Qt -------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            rect = QRectF(self.rect())
            if self._blank:
                paint_blank(painter, rect, BLANK_COLOURS[self._blank])
            elif self._slide is None:
                paint_blank(painter, rect, self._empty_colour)
            else:
                self._painter.paint(painter, self._slide, rect)
        finally:
            painter.end()
