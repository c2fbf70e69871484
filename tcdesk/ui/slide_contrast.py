"""What each text actually sits on, and how well it stands out from it.

The slide is drawn without its text (cards, panels, pictures, pills), then
each text's colour is compared with the pixels under its lines: the contrast
a family across the room really gets, whatever the brand colour or picture.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from tcdesk.ui.painting.images import ImageCache
from tcdesk.ui.painting.ops import DocOp, GroupOp, ImageOp, Op, TextOp
from tcdesk.ui.painting.style import CANVAS, contrast
from tcdesk.ui.slide_painter import SlideLayout, canvas_rect

SAMPLES_ACROSS = 12
SAMPLES_DOWN = 6


def background_image(layout: SlideLayout, images: ImageCache, w: int, h: int) -> QImage:
    """The slide drawn without its text, at ``w`` x ``h``."""
    image = QImage(w, h, QImage.Format.Format_RGB32)
    p = QPainter(image)
    try:
        p.fillRect(0, 0, w, h, layout.background)
        canvas = canvas_rect(QRectF(0, 0, w, h))
        k = canvas.width() / CANVAS.width()
        p.translate(canvas.topLeft())
        p.scale(k, k)
        p.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        _replay_without_text(layout.ops, p, images)
    finally:
        p.end()
    return image


def _replay_without_text(ops: Sequence[Op], p: QPainter, images: ImageCache) -> None:
    for op in ops:
        if isinstance(op, TextOp | DocOp):
            continue
        if isinstance(op, GroupOp):
            p.save()
            p.setTransform(op.transform, True)
            _replay_without_text(op.ops, p, images)
            p.restore()
        elif isinstance(op, ImageOp):
            if not images.draw(p, op.path, op.rect, align=op.align, opacity=op.opacity):
                _replay_without_text(list(op.fallback), p, images)  # type: ignore[arg-type]
        else:
            op.paint(p, images)


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
