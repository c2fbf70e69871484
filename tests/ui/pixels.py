"""Measuring rendered slides in tests: what is drawn where, not "is it blank"."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QTransform

from tcdesk.ui.painting.ops import GroupOp, ImageOp, Op, PathOp, RectOp
from tcdesk.ui.slide_painter import CANVAS_WIDTH


def thumb(image: QImage, w: int = 192, h: int = 108) -> QImage:
    """A small grey copy: two pictures compared at this size ignore anti-aliasing."""
    return image.scaled(
        w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).convertToFormat(QImage.Format.Format_Grayscale8)


def grey_values(image: QImage) -> list[int]:
    small = thumb(image)
    return [
        small.pixelColor(x, y).red() for y in range(small.height()) for x in range(small.width())
    ]


def ink(image: QImage, canvas_area: QRectF, background: QColor) -> float:
    """The share of pixels in ``canvas_area`` (canvas coordinates) that are not background."""
    s = image.width() / CANVAS_WIDTH
    area = QRectF(canvas_area.topLeft() * s, canvas_area.bottomRight() * s).toAlignedRect()
    area = area.intersected(image.rect())
    points = [
        (x, y) for y in range(area.top(), area.bottom()) for x in range(area.left(), area.right())
    ]
    inked = sum(1 for x, y in points if distance(image.pixelColor(x, y), background) > 64)
    return inked / max(1, len(points))


def distance(a: QColor, b: QColor) -> int:
    """The largest channel difference: 64 or more is ink, not an anti-aliased edge."""
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


def mean_difference(a: QImage, b: QImage) -> float:
    """How far apart two pictures look, in grey levels per thumbnail pixel."""
    pairs = zip(grey_values(a), grey_values(b), strict=True)
    return sum(abs(x - y) for x, y in pairs) / (192 * 108)


def placeholders(ops: list[Op], transform: QTransform) -> list[tuple[QRectF, set[str]]]:
    """Each image with a fallback: its canvas rect and the colours its placeholder uses."""
    found = []
    for op in ops:
        if isinstance(op, GroupOp):
            found += placeholders(op.ops, op.transform * transform)
        elif isinstance(op, ImageOp) and op.fallback:
            colours = {
                c.name()
                for f in op.fallback
                for c in (
                    f.fill if isinstance(f, RectOp) else None,
                    f.stroke if isinstance(f, PathOp) else None,
                )
                if c is not None
            }
            found.append((transform.mapRect(op.rect), colours))
    return found
