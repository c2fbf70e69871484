"""Layouts for the text-like blocks: paragraph, bullets, quote, steps, figures, image.

Each block layout says how tall it would like to be for a width, how small it
can reasonably get, and builds its drawing operations into the rect the slide
gives it, shrinking text (then eliding) rather than ever overflowing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPainterPath

from tcdesk.render.slide import (
    BulletsBlock,
    ImageBlock,
    QuoteBlock,
    StepsBlock,
    TextBlock,
)
from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.elements import Element, Flex, Gap, RichText, Text
from tcdesk.ui.painting.fitting import (
    fit_stack,
    layout_stack,
    minimum_height,
    natural_height,
    place_stack,
)
from tcdesk.ui.painting.images import ImageCache, fit_rect, placeholder_path
from tcdesk.ui.painting.ops import ImageOp, Op, PathOp, RectOp
from tcdesk.ui.painting.style import Palette
from tcdesk.ui.painting.text import TextMeasure, Wrapped, text_op

LEFT = Qt.AlignmentFlag.AlignLeft
CENTER = Qt.AlignmentFlag.AlignHCenter
VCENTER = Qt.AlignmentFlag.AlignVCenter
TEXT_LEAST = 3 * S.BODY.floor * S.BODY.spacing + 24  # about three lines at the floor


@dataclass(frozen=True)
class Ctx:
    """What every layout needs: the colours, the pictures and the text measurer."""

    palette: Palette
    images: ImageCache
    measure: TextMeasure
    centered: bool = False  # the welcome slide centres its body text

    @property
    def align(self) -> Qt.AlignmentFlag:
        return CENTER if self.centered else LEFT


class BlockLayout(Protocol):
    def preferred_height(self, width: float) -> float: ...

    def minimum_height(self, width: float) -> float: ...

    def build(self, ops: list[Op], rect: QRectF) -> None: ...


class StackLayout:
    """A block that is just a vertical stack of elements."""

    def __init__(
        self,
        elements: Sequence[Element],
        valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
        least: float | None = None,
    ):
        self.elements = list(elements)
        self.valign = valign
        self.least = least  # plain text may give up more room (it elides, marked with …)

    def preferred_height(self, width: float) -> float:
        return natural_height(self.elements, width)

    def minimum_height(self, width: float) -> float:
        full = minimum_height(self.elements, width)
        return full if self.least is None else min(full, self.least)

    def build(self, ops: list[Op], rect: QRectF) -> None:
        layout_stack(ops, self.elements, rect, self.valign)


def text_layout(block: TextBlock, ctx: Ctx) -> StackLayout:
    return StackLayout(
        [RichText(ctx.measure, block.html, S.BODY, ctx.palette.foreground, ctx.align)],
        least=TEXT_LEAST,
    )


def _dot(palette: Palette):
    def decor(ops: list[Op], line: QRectF, wrapped: Wrapped) -> None:
        r = wrapped.size * 0.17
        centre = QPointF(
            line.left() + r, line.top() + wrapped.line_height / 2 + wrapped.size * 0.04
        )
        ops.append(
            RectOp(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), palette.brand, radius=r)
        )

    return decor


def bullets_layout(block: BulletsBlock, ctx: Ctx) -> StackLayout:
    elements: list[Element] = []
    for i, item in enumerate(block.items):
        if i:
            elements.append(Gap(24, 10))
        elements.append(
            Text(
                ctx.measure,
                item,
                S.BODY,
                ctx.palette.foreground,
                LEFT,
                indent=60,
                decor=_dot(ctx.palette),
            )
        )
    return StackLayout(elements, least=TEXT_LEAST)


class QuoteLayout:
    """The family's own words on a soft panel with a large quotation mark."""

    PAD_LEFT = 200.0
    PAD_RIGHT = 80.0
    PAD_V = 60.0

    def __init__(self, block: QuoteBlock, ctx: Ctx):
        self.ctx = ctx
        p = ctx.palette
        self.elements: list[Element] = [Text(ctx.measure, block.text, S.QUOTE, p.foreground)]
        if block.attribution.strip():
            attribution = block.attribution.strip()
            if not attribution.startswith(("—", "-", "–")):
                attribution = "— " + attribution
            self.elements += [
                Gap(28, 14),
                Text(ctx.measure, attribution, S.ATTRIBUTION, p.muted, max_lines=2),
            ]

    def _inner(self, width: float) -> float:
        return width - self.PAD_LEFT - self.PAD_RIGHT

    def preferred_height(self, width: float) -> float:
        return natural_height(self.elements, self._inner(width)) + 2 * self.PAD_V

    def minimum_height(self, width: float) -> float:
        return minimum_height(self.elements, self._inner(width)) + 2 * self.PAD_V

    def build(self, ops: list[Op], rect: QRectF) -> None:
        p = self.ctx.palette
        ops.append(RectOp(rect, p.tint, radius=36))
        mark_h = min(64.0, rect.height() - 2 * 48)
        if mark_h > 24:
            box = QRectF(rect.left() + 52, rect.top() + 56, mark_h * 1.64, mark_h)
            ops.append(PathOp(quote_mark(box), p.brand))
        inner = rect.adjusted(self.PAD_LEFT, self.PAD_V, -self.PAD_RIGHT, -self.PAD_V)
        layout_stack(ops, self.elements, inner, VCENTER)


def _quote_half(x: float, y: float, h: float) -> QPainterPath:
    def at(u: float, v: float) -> QPointF:
        return QPointF(x + u * h, y + v * h)

    ball = QPainterPath()
    ball.addEllipse(at(0.40, 0.70), 0.30 * h, 0.30 * h)
    tail = QPainterPath()
    tail.moveTo(at(0.10, 0.72))
    tail.cubicTo(at(0.06, 0.36), at(0.28, 0.08), at(0.74, 0.0))
    tail.lineTo(at(0.78, 0.11))
    tail.cubicTo(at(0.50, 0.18), at(0.36, 0.30), at(0.40, 0.42))
    tail.closeSubpath()
    return ball.united(tail)


def quote_mark(rect: QRectF) -> QPainterPath:
    """A drawn opening quotation mark (“), ``rect.height()`` tall, 1.64x as wide."""
    h = rect.height()
    left = _quote_half(rect.left(), rect.top(), h)
    return left.united(_quote_half(rect.left() + 0.86 * h, rect.top(), h))


class _StepRow(Element):
    """One next step: a tinted row with a numbered disc and large text."""

    PAD = 30.0

    def __init__(self, number: int, text: str, ctx: Ctx):
        self.number = number
        self.palette = ctx.palette
        self.measure = ctx.measure
        self.text = Text(ctx.measure, text, S.STEP, ctx.palette.foreground)

    def _disc(self, k: float) -> float:
        return 68 + 24 * k

    def _text_width(self, k: float, width: float) -> float:
        return width - 2 * self.PAD - self._disc(k) - 40

    def height(self, k: float, width: float, cap: int | None) -> float:
        text_h = self.text.height(k, self._text_width(k, width), cap)
        return max(self._disc(k), text_h) + 2 * self.PAD * (0.6 + 0.4 * k)

    def lines(self, k: float, width: float, cap: int | None) -> int:
        return self.text.lines(k, self._text_width(k, width), cap)

    def build(self, ops: list[Op], rect: QRectF, k: float, cap: int | None) -> None:
        p = self.palette
        ops.append(RectOp(rect, p.tint, radius=min(40.0, rect.height() / 2)))
        d = self._disc(k)
        disc = QRectF(rect.left() + self.PAD, rect.center().y() - d / 2, d, d)
        ops.append(RectOp(disc, p.brand_fill, radius=d / 2))
        number = self.measure.single_line(str(self.number), S.STEP_NUMBER, d, k)
        ops.append(text_op(number, disc, p.on_brand, CENTER, VCENTER))
        left = disc.right() + 40
        text_rect = QRectF(left, rect.top(), self._text_width(k, rect.width()), rect.height())
        w = self.text.wrapped(k, text_rect.width(), cap)
        ops.append(text_op(w, text_rect, p.foreground, LEFT, VCENTER))


def steps_layout(block: StepsBlock, ctx: Ctx) -> StackLayout:
    elements: list[Element] = []
    for i, step in enumerate(block.steps, start=1):
        if i > 1:
            elements.append(Gap(28, 12))
        elements.append(_StepRow(i, step, ctx))
    return StackLayout(elements, VCENTER)


class ImageLayout:
    """A photo or picture scaled to fit (aspect kept), with an optional caption."""

    def __init__(self, block: ImageBlock, ctx: Ctx):
        self.ctx = ctx
        self.path = block.path
        natural = ctx.images.natural_size(block.path)
        self.aspect = (
            natural.width() / natural.height() if natural and natural.height() > 0 else 16 / 10
        )
        self.caption = (
            [Gap(20, 10), Text(ctx.measure, block.caption, S.CAPTION, ctx.palette.muted, CENTER, 2)]
            if block.caption.strip()
            else []
        )

    def preferred_height(self, width: float) -> float:
        return width / self.aspect + natural_height(self.caption, width)

    def minimum_height(self, width: float) -> float:
        return 240 + minimum_height(self.caption, width)

    def build(self, ops: list[Op], rect: QRectF) -> None:
        elements: list[Element] = [Flex(120, rect.width() / self.aspect, self._draw), *self.caption]
        fit = fit_stack(elements, rect.width(), rect.height())
        place_stack(ops, elements, rect, fit, VCENTER)

    def _draw(self, ops: list[Op], rect: QRectF, k: float) -> None:
        box = fit_rect(QSizeF(self.aspect * 1000, 1000), rect)
        placeholder = placeholder_ops(box, self.ctx.palette)
        ops.append(ImageOp(self.path, box, radius=24, fallback=tuple(placeholder)))


def placeholder_ops(rect: QRectF, palette: Palette, glyph: QPainterPath | None = None) -> list[Op]:
    """A calm tinted panel with a simple glyph, where an image could not be loaded."""
    ops: list[Op] = [RectOp(rect, palette.tint, radius=min(32.0, rect.height() / 4))]
    path = glyph if glyph is not None else placeholder_path(rect)
    stroke = max(2.0, min(rect.width(), rect.height()) * 0.02)
    ops.append(PathOp(path, None, palette.tint_strong.darker(112), stroke))
    return ops


__all__ = [
    "BlockLayout",
    "Ctx",
    "ImageLayout",
    "QuoteLayout",
    "StackLayout",
    "bullets_layout",
    "placeholder_ops",
    "steps_layout",
    "text_layout",
]
