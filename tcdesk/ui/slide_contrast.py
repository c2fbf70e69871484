"""What each text actually sits on, and how well it stands out from it.

The slide is drawn without its text (cards, panels, pictures, pills), then
each text's colour is compared with the pixels under its lines: the contrast
a family across the room really gets, whatever the brand colour or picture.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from tcdesk.ui.painting.ops import without_text
from tcdesk.ui.painting.style import CANVAS, contrast
from tcdesk.ui.slide_painter import SlideLayout, SlidePainter, canvas_rect

SAMPLES_ACROSS = 12
SAMPLES_DOWN = 6


def background_image(layout: SlideLayout, painter: SlidePainter, w: int, h: int) -> QImage:
    """The slide drawn without its text, at ``w`` x ``h``, by the display's own path."""
    image = QImage(w, h, QImage.Format.Format_RGB32)
    p = QPainter(image)
    try:
        bare = SlideLayout(layout.background, without_text(layout.ops))
        painter.paint_layout(p, bare, QRectF(0, 0, w, h))
    finally:
        p.end()
    return image


def worst_contrast(colour: QColor, bounds: QRectF, image: QImage) -> float | None:
    """The contrast of ``colour`` against what lies under ``bounds`` (canvas px), at its
    10th percentile: a thin rule behind a word does not count, a dark panel does."""
    canvas = canvas_rect(QRectF(0, 0, image.width(), image.height()))
    k = canvas.width() / CANVAS.width()
    ratios = []
    for i in range(SAMPLES_ACROSS):
        for j in range(SAMPLES_DOWN):
            x = canvas.left() + (bounds.left() + bounds.width() * (i + 0.5) / SAMPLES_ACROSS) * k
            y = canvas.top() + (bounds.top() + bounds.height() * (j + 0.5) / SAMPLES_DOWN) * k
            if 0 <= x < image.width() and 0 <= y < image.height():
                ratios.append(contrast(colour, QColor(image.pixel(int(x), int(y)))))
    if not ratios:
        return None
    ratios.sort()
    return ratios[len(ratios) // 10]
