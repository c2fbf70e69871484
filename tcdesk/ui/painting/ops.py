"""Drawing operations in canvas coordinates: what a laid-out slide is made of.

Layout (measuring, wrapping, shrinking text) happens once per slide; painting
replays these operations under a scale transform. Text operations remember the
box they were given and the area their lines cover, so tests can prove that no
text leaves its box.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextDocument,
    QTransform,
)

from tcdesk.ui.painting.images import ImageCache


@dataclass
class RectOp:
    rect: QRectF
    fill: QColor | None
    stroke: QColor | None = None
    width: float = 0.0
    radius: float = 0.0

    def paint(self, p: QPainter, images: ImageCache) -> None:
        p.setBrush(QBrush(self.fill) if self.fill is not None else Qt.BrushStyle.NoBrush)
        if self.stroke is not None and self.width > 0:
            p.setPen(QPen(self.stroke, self.width))
            r = self.rect.adjusted(self.width / 2, self.width / 2, -self.width / 2, -self.width / 2)
            radius = max(0.0, self.radius - self.width / 2)
        else:
            p.setPen(Qt.PenStyle.NoPen)
            r, radius = self.rect, self.radius
        if radius > 0:
            p.drawRoundedRect(r, radius, radius)
        else:
            p.drawRect(r)


@dataclass
class PathOp:
    path: QPainterPath
    fill: QColor | None
    stroke: QColor | None = None
    width: float = 0.0
    round_caps: bool = True
    leader: bool = False  # joins a label to what it names: leaders must never cross

    def paint(self, p: QPainter, images: ImageCache) -> None:
        p.setBrush(QBrush(self.fill) if self.fill is not None else Qt.BrushStyle.NoBrush)
        if self.stroke is not None and self.width > 0:
            cap = Qt.PenCapStyle.RoundCap if self.round_caps else Qt.PenCapStyle.FlatCap
            p.setPen(
                QPen(self.stroke, self.width, Qt.PenStyle.SolidLine, cap, Qt.PenJoinStyle.RoundJoin)
            )
        else:
            p.setPen(Qt.PenStyle.NoPen)
        p.drawPath(self.path)


@dataclass
class TextOp:
    """Pre-wrapped lines: ``runs`` are (baseline origin, text)."""

    font: QFont
    color: QColor
    runs: tuple[tuple[QPointF, str], ...]
    box: QRectF  # where the text was allowed to go
    bounds: QRectF  # where its lines actually are
    elided: bool = False

    def paint(self, p: QPainter, images: ImageCache) -> None:
        p.setFont(self.font)
        p.setPen(self.color)
        for origin, text in self.runs:
            p.drawText(origin, text)

    def text(self) -> str:
        return " ".join(t for _, t in self.runs)


@dataclass
class DocOp:
    """Rich text (Qt's HTML subset) laid out by a QTextDocument."""

    make_document: Callable[[], QTextDocument]
    color: QColor
    origin: QPointF
    box: QRectF
    bounds: QRectF
    pixel_size: float
    elided: bool = False
    _documents: dict[int, QTextDocument] = field(default_factory=dict, repr=False)

    def _document(self) -> QTextDocument:
        # A QTextDocument is a QObject: keep one per thread that paints it.
        key = threading.get_ident()
        doc = self._documents.get(key)
        if doc is None:
            doc = self.make_document()
            self._documents[key] = doc
        return doc

    def paint(self, p: QPainter, images: ImageCache) -> None:
        doc = self._document()
        ctx = QAbstractTextDocumentLayout.PaintContext()
        palette = ctx.palette
        palette.setColor(QPalette.ColorRole.Text, self.color)
        ctx.palette = palette
        p.save()
        p.translate(self.origin)
        doc.documentLayout().draw(p, ctx)
        p.restore()

    def text(self) -> str:
        return self._document().toPlainText()


@dataclass
class ImageOp:
    """An image file fitted into ``rect``; ``fallback`` ops draw if it cannot load."""

    path: str
    rect: QRectF
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter
    opacity: float = 1.0
    radius: float = 0.0
    fallback: tuple[object, ...] = ()

    def paint(self, p: QPainter, images: ImageCache) -> None:
        drawn = images.draw(
            p, self.path, self.rect, align=self.align, opacity=self.opacity, radius=self.radius
        )
        if not drawn:
            for op in self.fallback:
                op.paint(p, images)  # type: ignore[attr-defined]


@dataclass
class GroupOp:
    """Operations drawn under an extra transform (a crowded body scaled down to fit)."""

    transform: QTransform
    ops: list[Op]

    def paint(self, p: QPainter, images: ImageCache) -> None:
        p.save()
        p.setTransform(self.transform, True)
        replay(self.ops, p, images)
        p.restore()


Op = RectOp | PathOp | TextOp | DocOp | ImageOp | GroupOp


@dataclass(frozen=True)
class PlacedText:
    """A piece of text as laid out, in canvas coordinates."""

    text: str
    box: QRectF
    bounds: QRectF
    elided: bool
    pixel_size: float  # on the canvas, after any group scaling


def walk(
    ops: Sequence[Op],
    transform: QTransform | None = None,
    *,
    fallback: Callable[[ImageOp], bool] = lambda _image: True,
) -> Iterator[tuple[Op, QTransform]]:
    """Every operation but groups, in drawing order, with its transform to the canvas.

    An image is followed by its fallback operations when ``fallback`` says they
    count (always, by default; a check may count them only for a missing file).
    """
    t = transform if transform is not None else QTransform()
    for op in ops:
        if isinstance(op, GroupOp):
            yield from walk(op.ops, op.transform * t, fallback=fallback)
            continue
        yield op, t
        if isinstance(op, ImageOp) and fallback(op):
            yield from walk(list(op.fallback), t, fallback=fallback)  # type: ignore[arg-type]


def text_size(op: TextOp | DocOp, transform: QTransform) -> float:
    """The pixel size a text is drawn at on the canvas, after any group scaling."""
    size = op.font.pixelSize() if isinstance(op, TextOp) else op.pixel_size
    return size * transform.m22()


def placed_texts(ops: list[Op], transform: QTransform | None = None) -> list[PlacedText]:
    """Every text operation, mapped to canvas coordinates (for tests and checks)."""
    return [
        PlacedText(op.text(), t.mapRect(op.box), t.mapRect(op.bounds), op.elided, text_size(op, t))
        for op, t in walk(ops, transform)
        if isinstance(op, TextOp | DocOp)
    ]


def without_text(ops: Sequence[Op]) -> list[Op]:
    """The same drawing with every text left out (what each text sits on)."""
    out: list[Op] = []
    for op in ops:
        if isinstance(op, TextOp | DocOp):
            continue
        if isinstance(op, GroupOp):
            out.append(GroupOp(op.transform, without_text(op.ops)))
        elif isinstance(op, ImageOp):
            kept = tuple(without_text(list(op.fallback)))  # type: ignore[arg-type]
            out.append(ImageOp(op.path, op.rect, op.align, op.opacity, op.radius, kept))
        else:
            out.append(op)
    return out


def replay(ops: list[Op], painter: QPainter, images: ImageCache) -> None:
    for op in ops:
        op.paint(painter, images)


def op_bounds(op: object) -> QRectF:
    """Where ``op`` can put ink, on the canvas (generous: strokes and antialiasing)."""
    if isinstance(op, RectOp):
        return op.rect.adjusted(-op.width - 1, -op.width - 1, op.width + 1, op.width + 1)
    if isinstance(op, PathOp):
        pad = op.width + 1
        return op.path.boundingRect().adjusted(-pad, -pad, pad, pad)
    if isinstance(op, TextOp | DocOp):
        return op.box.united(op.bounds).adjusted(-4, -4, 4, 4)
    if isinstance(op, ImageOp):
        return op.rect.adjusted(-1, -1, 1, 1)
    if isinstance(op, GroupOp):
        inner = QRectF()
        for child in op.ops:
            inner = inner.united(op_bounds(child))
        return op.transform.mapRect(inner)
    return QRectF()


def _same(a: object, b: object) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, DocOp):
        return (a.box, a.bounds, a.origin, a.color, a.pixel_size) == (
            b.box,
            b.bounds,
            b.origin,
            b.color,
            b.pixel_size,  # type: ignore[attr-defined]
        ) and a.text() == b.text()  # type: ignore[attr-defined]
    if isinstance(a, GroupOp):
        return (
            a.transform == b.transform
            and len(a.ops) == len(b.ops)
            and all(  # type: ignore[attr-defined]
                _same(x, y)
                for x, y in zip(a.ops, b.ops, strict=True)  # type: ignore[attr-defined]
            )
        )
    return a == b


def changed_bounds(old: list[Op], new: list[Op]) -> QRectF | None:
    """The canvas area that differs between two op lists; None if they differ in shape."""
    if len(old) != len(new):
        return None
    area = QRectF()
    for a, b in zip(old, new, strict=True):
        if isinstance(a, GroupOp) and isinstance(b, GroupOp) and a.transform == b.transform:
            inner = changed_bounds(a.ops, b.ops)
            if inner is not None:
                if not inner.isEmpty():
                    area = area.united(a.transform.mapRect(inner))
                continue
        if not _same(a, b):
            area = area.united(op_bounds(a)).united(op_bounds(b))
    return area
