"""Icons for option cards and timeline phases.

An icon string is either an image path (SVG or raster; the practice's own art)
or a plain name. Names that contain a known word (brace, aligner, record,
retainer, ...) get a simple built-in line drawing in the brand colour; any
other name, or an image that cannot load, gets a calm monogram disc.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QTransform

from tcdesk.ui.painting.images import looks_like_image_path
from tcdesk.ui.painting.ops import ImageOp, Op, PathOp, RectOp
from tcdesk.ui.painting.style import Palette, TextStyle
from tcdesk.ui.painting.text import TextMeasure, text_op

_GlyphPart = tuple[QPainterPath, bool]  # path, filled (else stroked)


def _teeth_with_brackets(clear: bool) -> list[_GlyphPart]:
    teeth = QPainterPath()
    brackets = QPainterPath()
    for x in (14, 40, 66):
        teeth.addRoundedRect(QRectF(x, 22, 20, 56), 8, 8)
        brackets.addRoundedRect(QRectF(x + 3, 43, 14, 14), 3, 3)
    wire = QPainterPath()
    wire.moveTo(6, 50)
    wire.lineTo(94, 50)
    parts: list[_GlyphPart] = [(teeth, False), (wire, False), (brackets, not clear)]
    return [*parts, (brackets, False)] if clear else parts


def _tray(thick: bool) -> list[_GlyphPart]:
    arch = QPainterPath()
    arch.moveTo(20, 18)
    arch.cubicTo(14, 70, 30, 88, 50, 88)
    arch.cubicTo(70, 88, 86, 70, 80, 18)
    parts: list[_GlyphPart] = [(arch, False)]
    inner = QPainterPath()
    inner.moveTo(36, 22)
    inner.cubicTo(32, 60, 40, 70, 50, 70)
    inner.cubicTo(60, 70, 68, 60, 64, 22)
    if thick:
        parts.append((inner, False))
    else:
        wire = QPainterPath()
        wire.moveTo(30, 56)
        wire.quadTo(50, 78, 70, 56)
        parts.append((wire, False))
    return parts


def _camera() -> list[_GlyphPart]:
    body = QPainterPath()
    body.addRoundedRect(QRectF(12, 30, 76, 52), 10, 10)
    top = QPainterPath()
    top.moveTo(34, 30)
    top.lineTo(40, 18)
    top.lineTo(60, 18)
    top.lineTo(66, 30)
    lens = QPainterPath()
    lens.addEllipse(QPointF(50, 56), 15, 15)
    return [(body, False), (top, False), (lens, False)]


def _calendar() -> list[_GlyphPart]:
    body = QPainterPath()
    body.addRoundedRect(QRectF(14, 22, 72, 64), 9, 9)
    lines = QPainterPath()
    lines.moveTo(14, 40)
    lines.lineTo(86, 40)
    lines.moveTo(34, 12)
    lines.lineTo(34, 28)
    lines.moveTo(66, 12)
    lines.lineTo(66, 28)
    dots = QPainterPath()
    for x in (32, 50, 68):
        for y in (55, 71):
            dots.addEllipse(QPointF(x, y), 4.5, 4.5)
    return [(body, False), (lines, False), (dots, True)]


def _sparkle() -> list[_GlyphPart]:
    star = QPainterPath()
    star.moveTo(46, 10)
    star.quadTo(50, 42, 82, 46)
    star.quadTo(50, 50, 46, 86)
    star.quadTo(42, 50, 10, 46)
    star.quadTo(42, 42, 46, 10)
    small = QPainterPath()
    small.moveTo(78, 10)
    small.quadTo(79.5, 20.5, 90, 22)
    small.quadTo(79.5, 23.5, 78, 34)
    small.quadTo(76.5, 23.5, 66, 22)
    small.quadTo(76.5, 20.5, 78, 10)
    return [(star, True), (small, True)]


def _smile() -> list[_GlyphPart]:
    mouth = QPainterPath()
    mouth.moveTo(14, 38)
    mouth.cubicTo(26, 92, 74, 92, 86, 38)
    mouth.cubicTo(62, 50, 38, 50, 14, 38)
    teeth = QPainterPath()
    teeth.moveTo(22, 48)
    teeth.cubicTo(40, 56, 60, 56, 78, 48)
    return [(mouth, False), (teeth, False)]


def _tooth() -> list[_GlyphPart]:
    tooth = QPainterPath()
    tooth.moveTo(50, 24)
    tooth.cubicTo(36, 12, 14, 16, 16, 40)
    tooth.cubicTo(18, 58, 26, 64, 30, 88)
    tooth.cubicTo(32, 96, 40, 94, 42, 84)
    tooth.cubicTo(44, 72, 46, 66, 50, 66)
    tooth.cubicTo(54, 66, 56, 72, 58, 84)
    tooth.cubicTo(60, 94, 68, 96, 70, 88)
    tooth.cubicTo(74, 64, 82, 58, 84, 40)
    tooth.cubicTo(86, 16, 64, 12, 50, 24)
    return [(tooth, False)]


_GLYPHS = (
    (("aligner", "invisalign", "tray"), lambda: _tray(thick=True)),
    (("clear_brace", "clear brace", "ceramic"), lambda: _teeth_with_brackets(clear=True)),
    (("brace", "bracket", "metal", "bond"), lambda: _teeth_with_brackets(clear=False)),
    (("retain",), lambda: _tray(thick=False)),
    (("record", "photo", "camera", "scan", "x-ray", "xray", "consult"), _camera),
    (
        (
            "visit",
            "adjust",
            "calendar",
            "check",
            "appointment",
            "active",
            "straighten",
            "wait",
            "watch",
        ),
        _calendar,
    ),
    (("start", "begin", "sparkle", "first"), _sparkle),
    (("finish", "smile", "done", "debond", "result"), _smile),
    (("tooth", "teeth", "phase", "observ", "limited"), _tooth),
)


def glyph_parts(name: str) -> list[_GlyphPart] | None:
    key = name.strip().lower().replace("-", "_")
    for words, make in _GLYPHS:
        if any(word in key for word in words):
            return make()
    return None


def icon_ops(
    ops: list[Op],
    icon: str,
    rect: QRectF,
    palette: Palette,
    measure: TextMeasure,
    name: str = "",
) -> None:
    """A round icon badge centred in ``rect``, or the practice's own image.

    ``name`` (the card or phase title) picks the built-in drawing when ``icon``
    is empty, is a path that does not load, or is a word we do not know.
    """
    side = min(rect.width(), rect.height())
    if side <= 2:
        return
    square = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    is_path = looks_like_image_path(icon)
    parts = None if is_path or not icon else glyph_parts(icon)
    if parts is None:
        parts = glyph_parts(name)
    builtin: list[Op] = []
    _badge(builtin, parts, square, palette, measure, name or icon)
    if is_path:
        # The practice's own art may be wider than tall: let it use the whole row.
        ops.append(ImageOp(icon, rect, fallback=tuple(builtin)))
    else:
        ops.extend(builtin)


def _badge(
    ops: list[Op],
    parts: list[_GlyphPart] | None,
    square: QRectF,
    palette: Palette,
    measure: TextMeasure,
    name: str,
) -> None:
    side = square.width()
    ops.append(RectOp(square, palette.tint_strong, radius=side / 2))
    if parts is None:
        letter = name.strip()[:1].upper() or "•"
        style = TextStyle(round(side * 0.46), max(8, round(side * 0.3)), bold=True, spacing=1.0)
        wrapped = measure.single_line(letter, style, side)
        centre = Qt.AlignmentFlag.AlignHCenter
        ops.append(
            text_op(wrapped, square, palette.brand_text, centre, Qt.AlignmentFlag.AlignVCenter)
        )
        return
    inner = side * 0.56
    transform = QTransform()
    transform.translate(square.center().x() - inner / 2, square.center().y() - inner / 2)
    transform.scale(inner / 100, inner / 100)
    stroke = max(1.5, side * 0.045)
    for path, filled in parts:
        mapped = transform.map(path)
        if filled:
            ops.append(PathOp(mapped, palette.brand))
        else:
            ops.append(PathOp(mapped, None, palette.brand, stroke))


def check_badge(ops: list[Op], center: QPointF, radius: float, palette: Palette) -> None:
    """A filled brand disc with a white tick: 'this one is chosen'."""
    disc = QRectF(center.x() - radius, center.y() - radius, radius * 2, radius * 2)
    ops.append(RectOp(disc, palette.background, radius=radius))
    inset = disc.adjusted(radius * 0.1, radius * 0.1, -radius * 0.1, -radius * 0.1)
    ops.append(RectOp(inset, palette.brand_fill, radius=inset.width() / 2))
    tick = QPainterPath()
    tick.moveTo(center.x() - radius * 0.42, center.y() + radius * 0.02)
    tick.lineTo(center.x() - radius * 0.12, center.y() + radius * 0.32)
    tick.lineTo(center.x() + radius * 0.45, center.y() - radius * 0.3)
    ops.append(PathOp(tick, None, palette.on_brand, radius * 0.2))


def tooth_path(rect: QRectF) -> QPainterPath:
    """The tooth glyph fitted in ``rect`` (placeholders for missing illustrations)."""
    side = min(rect.width(), rect.height())
    transform = QTransform()
    transform.translate(rect.center().x() - side / 2, rect.center().y() - side / 2)
    transform.scale(side / 100, side / 100)
    out = QPainterPath()
    for path, _ in _tooth():
        out.addPath(transform.map(path))
    return out
