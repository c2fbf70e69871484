"""Layouts for the text-like blocks: paragraph, bullets, quote, steps, figures, image.

Each block layout says how tall it would like to be for a width, how small it
can reasonably get, and builds its drawing operations into the rect the slide
gives it, shrinking text (then eliding) rather than ever overflowing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPainterPath

from tcdesk.render.slide import (
    BulletsBlock,
    FiguresBlock,
    ImageBlock,
    QuoteBlock,
    StepsBlock,
    TextBlock,
)
from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.elements import Element, Flex, Gap, RichText, Text
from tcdesk.ui.painting.fitting import (
    fit_grid,
    fit_stack,
    grid_minimum_height,
    grid_natural_height,
    layout_stack,
    minimum_height,
    natural_height,
    place_grid,
    place_stack,
    row_heights,
)
from tcdesk.ui.painting.images import ImageCache, fit_rect, placeholder_path
from tcdesk.ui.painting.ops import ImageOp, Op, PathOp, RectOp
from tcdesk.ui.painting.style import Palette
from tcdesk.ui.painting.text import Wrapped, single_line, text_op

LEFT = Qt.AlignmentFlag.AlignLeft
CENTER = Qt.AlignmentFlag.AlignHCenter
VCENTER = Qt.AlignmentFlag.AlignVCenter
TEXT_LEAST = 3 * S.BODY.floor * S.BODY.spacing + 24  # about three lines at the floor


@dataclass(frozen=True)
class Ctx:
    palette: Palette
    images: ImageCache
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
        [RichText(block.html, S.BODY, ctx.palette.foreground, ctx.align)], least=TEXT_LEAST
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
            Text(item, S.BODY, ctx.palette.foreground, LEFT, indent=60, decor=_dot(ctx.palette))
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
        self.elements: list[Element] = [Text(block.text, S.QUOTE, p.foreground)]
        if block.attribution.strip():
            attribution = block.attribution.strip()
            if not attribution.startswith(("—", "-", "–")):
                attribution = "— " + attribution
            self.elements += [Gap(28, 14), Text(attribution, S.ATTRIBUTION, p.muted, max_lines=2)]

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

    def __init__(self, number: int, text: str, palette: Palette):
        self.number = number
        self.palette = palette
        self.text = Text(text, S.STEP, palette.foreground)

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
        number = single_line(str(self.number), S.STEP_NUMBER, d, k)
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
        elements.append(_StepRow(i, step, ctx.palette))
    return StackLayout(elements, VCENTER)


_MONEY_HEAD = re.compile(r"^\s*([$€£¥]\s?[\d.,]+|[\d.,]+\s?[$€£¥%])\s*(.*)$", re.S)


def split_amount(text: str) -> tuple[str, str]:
    """'$179.20 a month' -> ('$179.20', 'a month'): the number big, the rest small."""
    m = _MONEY_HEAD.match(text)
    if not m:
        return text.strip(), ""
    return m.group(1).strip(), m.group(2).strip()


class FiguresLayout:
    """Key numbers in a row of cards; the emphasised one larger and in brand colour."""

    GAP = 36.0
    PAD_V = 44.0
    PAD_H = 28.0

    def __init__(self, block: FiguresBlock, ctx: Ctx):
        self.ctx = ctx
        p = ctx.palette
        self.figures = block.figures
        self.columns: list[list[Element]] = []
        for f in block.figures:
            value = "\u2212" + f.value[1:] if f.value.startswith("-") else f.value
            value_style = S.FIGURE_VALUE_EMPHASIS if f.emphasis else S.FIGURE_VALUE
            self.columns.append(
                [
                    Text(
                        f.label, S.FIGURE_LABEL, p.foreground if f.emphasis else p.muted, CENTER, 2
                    ),
                    Gap(14, 6),
                    Text(
                        value,
                        value_style,
                        p.brand_text if f.emphasis else p.foreground,
                        CENTER,
                        1,
                        fit_width=True,
                    ),
                    Gap(10, 4),
                    Text(f.caption, S.FIGURE_NOTE, p.muted, CENTER, 2),
                ]
            )
        self.footnote = (
            [Text(block.footnote, S.FOOTNOTE, p.muted, CENTER, 3)] if block.footnote.strip() else []
        )

    def _widths(self, width: float) -> list[float]:
        n = max(1, len(self.columns))
        card = (width - (n - 1) * self.GAP) / n
        return [card - 2 * self.PAD_H] * n

    def _footnote_height(self, width: float, k: float) -> float:
        if not self.footnote:
            return 0.0
        return self.footnote[0].height(k, width, None) + 32

    def preferred_height(self, width: float) -> float:
        cards = grid_natural_height(self.columns, self._widths(width)) + 2 * self.PAD_V
        return cards + self._footnote_height(width, 1.0)

    def minimum_height(self, width: float) -> float:
        cards = grid_minimum_height(self.columns, self._widths(width)) + 2 * self.PAD_V * 0.6
        return cards + self._footnote_height(width, 0.0)

    def build(self, ops: list[Op], rect: QRectF) -> None:
        p = self.ctx.palette
        foot_h = 0.0
        if self.footnote:
            foot_h = min(self._footnote_height(rect.width(), 1.0), rect.height() * 0.3)
            foot = QRectF(rect.left(), rect.bottom() - foot_h + 32, rect.width(), foot_h - 32)
            layout_stack(ops, self.footnote, foot)
        cards_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - foot_h)
        widths = self._widths(rect.width())
        pad_v = max(28.0, min(self.PAD_V, cards_rect.height() * 0.1))
        inner_h = cards_rect.height() - 2 * pad_v
        fit = fit_grid(self.columns, widths, inner_h)
        used = sum(row_heights(self.columns, widths, fit.k, fit.caps))
        card_h = min(cards_rect.height(), used + 2 * pad_v)
        top = cards_rect.top() + (cards_rect.height() - card_h) / 2
        rects = []
        n = len(self.columns)
        card_w = (rect.width() - (n - 1) * self.GAP) / max(1, n)
        for i, f in enumerate(self.figures):
            card = QRectF(rect.left() + i * (card_w + self.GAP), top, card_w, card_h)
            if f.emphasis:
                ops.append(RectOp(card, p.tint, p.brand, 4, radius=32))
            else:
                ops.append(RectOp(card, p.background, p.border, 2, radius=32))
            rects.append(card.adjusted(self.PAD_H, pad_v, -self.PAD_H, -pad_v))
        place_grid(ops, self.columns, rects, fit)


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
            [Gap(20, 10), Text(block.caption, S.CAPTION, ctx.palette.muted, CENTER, 2)]
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
    "FiguresLayout",
    "ImageLayout",
    "QuoteLayout",
    "StackLayout",
    "bullets_layout",
    "placeholder_ops",
    "split_amount",
    "steps_layout",
    "text_layout",
]
