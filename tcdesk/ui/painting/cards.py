"""Side-by-side cards: treatment options and payment choices.

Cards in a row share one type size and their rows line up (icon, title, lines,
then the money anchored to the bottom), so the family compares like with like.
A chosen card wears a brand border, a tint and a "Your choice" pill on its
bottom edge; the others stay at full strength, because a faded card reads as
disabled and cannot be read from across the room.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from tcdesk.render.slide import ChoicesBlock, OptionCard, OptionsBlock, PaymentChoiceCard
from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.blocks import CENTER, VCENTER, Ctx
from tcdesk.ui.painting.elements import BulletList, Element, Fixed, Gap, Stretch, Text
from tcdesk.ui.painting.figures import split_amount
from tcdesk.ui.painting.fitting import (
    fit_grid,
    grid_minimum_height,
    grid_natural_height,
    layout_stack,
    place_grid,
    row_heights,
)
from tcdesk.ui.painting.icons import icon_ops
from tcdesk.ui.painting.ops import Op, PathOp, RectOp
from tcdesk.ui.painting.style import Palette
from tcdesk.ui.painting.text import TextMeasure, Wrapped, text_op


def _rule(palette: Palette):
    def draw(ops: list[Op], rect: QRectF, k: float) -> None:
        y = rect.center().y()
        line = QPainterPath()
        line.moveTo(rect.left() + rect.width() * 0.08, y)
        line.lineTo(rect.right() - rect.width() * 0.08, y)
        ops.append(PathOp(line, None, palette.border, 2))

    return draw


def _small_dot(palette: Palette):
    def decor(ops: list[Op], line: QRectF, wrapped: Wrapped) -> None:
        r = wrapped.size * 0.16
        cy = line.top() + wrapped.line_height / 2 + wrapped.size * 0.04
        ops.append(RectOp(QRectF(line.left() + 4, cy - r, 2 * r, 2 * r), palette.brand, radius=r))

    return decor


def _pad(columns: list[list[Element]]) -> None:
    rows = max((len(c) for c in columns), default=0)
    for col in columns:
        col.extend(Gap(0, 0) for _ in range(rows - len(col)))


class _CardRow:
    """Shared geometry for a row of cards."""

    GAP = 40.0
    PAD_H = 36.0
    PAD_TOP = 40.0
    PAD_BOTTOM = 36.0
    TOP_RESERVE = 0.0  # room above the cards for a ribbon

    columns: list[list[Element]]
    ctx: Ctx
    chosen_label: str = ""
    marked: list[bool]

    def _count(self) -> int:
        return max(1, len(self.columns))

    def _card_width(self, width: float) -> float:
        n = self._count()
        return (width - (n - 1) * self.GAP) / n

    def _widths(self, width: float) -> list[float]:
        return [self._card_width(width) - 2 * self.PAD_H] * self._count()

    def _top_reserve(self, width: float) -> float:
        return self.TOP_RESERVE

    def _pad_top(self, width: float) -> float:
        return self.PAD_TOP

    def _edge_pill_height(self, label: str, width: float) -> float:
        """Height of a pill on a card's edge (a ribbon, "Your choice"); 0 without a label."""
        if not label:
            return 0.0
        text = _ribbon_text(self.ctx.measure, label, self._card_width(width), self.GAP - 12)
        return text.height + 2 * RIBBON_PAD_V

    def _pill_height(self, width: float) -> float:
        return self._edge_pill_height(self.chosen_label if any(self.marked) else "", width)

    def _bottom_reserve(self, width: float) -> float:
        return self._pill_height(width) / 2 + 2

    def _pad_bottom(self, width: float) -> float:
        return max(self.PAD_BOTTOM, self._pill_height(width) / 2 + 20)

    def _chrome(self, width: float) -> float:
        return (
            self._top_reserve(width)
            + self._pad_top(width)
            + self._pad_bottom(width)
            + self._bottom_reserve(width)
        )

    def _chosen_pills(self, ops: list[Op], cards: list[QRectF]) -> None:
        """The chosen card's "Your choice" pill, on its bottom edge."""
        if not self.chosen_label:
            return
        for card, marked in zip(cards, self.marked, strict=True):
            if marked:
                text = _ribbon_text(
                    self.ctx.measure, self.chosen_label, card.width(), self.GAP - 12
                )
                _ribbon(ops, card, text, self.ctx.palette, self.GAP - 12, bottom=True)

    def preferred_height(self, width: float) -> float:
        return grid_natural_height(self.columns, self._widths(width)) + self._chrome(width)

    def minimum_height(self, width: float) -> float:
        return grid_minimum_height(self.columns, self._widths(width)) + self._chrome(width)

    def _layout(self, ops: list[Op], rect: QRectF) -> list[QRectF]:
        """Fit the grid, draw card backgrounds via ``_card``; returns card rects."""
        widths = self._widths(rect.width())
        reserve, pad_top = self._top_reserve(rect.width()), self._pad_top(rect.width())
        below, pad_bottom = self._bottom_reserve(rect.width()), self._pad_bottom(rect.width())
        inner_h = rect.height() - self._chrome(rect.width())
        fit = fit_grid(self.columns, widths, inner_h)
        used = sum(row_heights(self.columns, widths, fit.k, fit.caps))
        card_h = min(rect.height() - reserve - below, used + pad_top + pad_bottom)
        top = rect.top() + reserve + (rect.height() - reserve - below - card_h) / 2
        cw = self._card_width(rect.width())
        cards = [
            QRectF(rect.left() + i * (cw + self.GAP), top, cw, card_h) for i in range(self._count())
        ]
        for i, card in enumerate(cards):
            self._card(ops, i, card)
        inner = [c.adjusted(self.PAD_H, pad_top, -self.PAD_H, -pad_bottom) for c in cards]
        place_grid(ops, self.columns, inner, fit)
        return cards

    def _card(self, ops: list[Op], index: int, rect: QRectF) -> None:
        raise NotImplementedError


def _card_style(
    ops: list[Op], rect: QRectF, palette: Palette, *, chosen: bool, accent: bool
) -> None:
    if chosen:
        ops.append(RectOp(rect, palette.tint, palette.brand, 6, radius=32))
    elif accent:
        ops.append(RectOp(rect, palette.background, palette.brand, 4, radius=32))
    else:
        ops.append(RectOp(rect, palette.background, palette.border, 2, radius=32))


class OptionsLayout(_CardRow):
    """2-4 treatment options; the doctor's recommendation wears a ribbon."""

    PAD_TOP = 44.0

    def __init__(self, block: OptionsBlock, ctx: Ctx):
        self.ctx = ctx
        self.cards: Sequence[OptionCard] = block.cards
        self.label = block.recommended_label.strip()
        self.columns = [self._column(c, ctx.palette) for c in block.cards]
        self.has_ribbon = bool(self.label) and any(c.recommended for c in block.cards)
        self.chosen_label = block.chosen_label.strip()
        self.marked = [c.chosen for c in block.cards]

    def _ribbon_height(self, width: float) -> float:
        return self._edge_pill_height(self.label if self.has_ribbon else "", width)

    def _top_reserve(self, width: float) -> float:
        return self._ribbon_height(width) / 2 + 2

    def _pad_top(self, width: float) -> float:
        return max(self.PAD_TOP, self._ribbon_height(width) / 2 + 24)

    def _column(self, card: OptionCard, p: Palette) -> list[Element]:
        measure = self.ctx.measure  # not ``self``: the element must not hold its layout

        def draw_icon(ops: list[Op], rect: QRectF, k: float) -> None:
            icon_ops(ops, card.icon, rect, p, measure, card.title)

        column: list[Element] = [
            Fixed(112, 64, draw_icon),
            Gap(24, 10),
            Text(self.ctx.measure, card.title, S.CARD_TITLE, p.foreground, CENTER, 2),
            Gap(24, 10),
        ]
        column += [
            BulletList(self.ctx.measure, card.lines, S.CARD_LINE, p.foreground, _small_dot(p)),
            Stretch(),
            Fixed(40, 20, _rule(p)),
            Text(
                self.ctx.measure, card.months, S.CARD_META, p.foreground, CENTER, 1, fit_width=True
            ),
            Gap(4, 0),
            Text(self.ctx.measure, card.visits, S.CARD_META, p.muted, CENTER, 2),
            Gap(20, 8),
            Text(self.ctx.measure, card.fee, S.CARD_FEE, p.foreground, CENTER, 1, fit_width=True),
            Gap(2, 0),
            Text(self.ctx.measure, card.monthly, S.CARD_MONTHLY, p.brand_text, CENTER, 2),
        ]
        return column

    def build(self, ops: list[Op], rect: QRectF) -> None:
        cards = self._layout(ops, rect)
        for card, rect_i in zip(self.cards, cards, strict=True):
            if card.recommended and self.label:
                text = _ribbon_text(self.ctx.measure, self.label, rect_i.width(), self.GAP - 12)
                _ribbon(ops, rect_i, text, self.ctx.palette, self.GAP - 12)
        self._chosen_pills(ops, cards)

    def _card(self, ops: list[Op], index: int, rect: QRectF) -> None:
        card = self.cards[index]
        _card_style(ops, rect, self.ctx.palette, chosen=card.chosen, accent=card.recommended)


RIBBON_PAD_H = 24.0
RIBBON_PAD_V = 12.0


def _ribbon_text(measure: TextMeasure, label: str, card_w: float, spare: float) -> Wrapped:
    """The ribbon label: one line if it fits (shrinking to the floor), else two."""
    room = card_w + spare - 2 * RIBBON_PAD_H
    one = measure.single_line(label, S.RIBBON, room)
    if not one.elided:
        return one
    size = measure.lines_fit_size(label, S.RIBBON, S.RIBBON.nominal, room, 2)
    return measure.wrap(label, S.RIBBON, size, room, 2)


def _ribbon(
    ops: list[Op], card: QRectF, text: Wrapped, p: Palette, spare: float, *, bottom: bool = False
) -> None:
    """A brand pill on the card's top (or bottom) edge; it may reach into the gaps, never
    past the margins."""
    h = text.height + 2 * RIBBON_PAD_V
    w = min(card.width() + spare, text.width + 2 * RIBBON_PAD_H + 4)
    x = card.center().x() - w / 2
    x = max(S.SAFE.left(), min(x, S.SAFE.right() - w))
    edge = card.bottom() if bottom else card.top()
    pill = QRectF(x, edge - h / 2, w, h)
    ops.append(RectOp(pill, p.brand_fill, radius=min(h / 2, 28.0)))
    ops.append(text_op(text, pill, p.on_brand, CENTER, VCENTER))


class ChoicesLayout(_CardRow):
    """2-4 ways to pay, each with a big headline number; the selected one stands out."""

    PAD_TOP = 44.0
    PAD_BOTTOM = 40.0

    def __init__(self, block: ChoicesBlock, ctx: Ctx):
        self.ctx = ctx
        self.choices: Sequence[PaymentChoiceCard] = block.choices
        self.chosen_label = block.chosen_label.strip()
        self.marked = [c.selected for c in block.choices]
        self.columns = [self._column(c, ctx.palette) for c in block.choices]
        _pad(self.columns)
        self.footnote = (
            [Text(ctx.measure, block.footnote, S.FOOTNOTE, ctx.palette.muted, CENTER, 3)]
            if block.footnote.strip()
            else []
        )

    def _column(self, choice: PaymentChoiceCard, p: Palette) -> list[Element]:
        amount, unit = split_amount(choice.headline)
        column: list[Element] = [
            Text(self.ctx.measure, choice.label, S.CARD_TITLE, p.foreground, CENTER, 2),
            Gap(16, 6),
            Text(
                self.ctx.measure,
                amount,
                S.CHOICE_HEADLINE,
                p.brand_text,
                CENTER,
                1 if unit else 2,
                fit_width=bool(unit),
            ),
            Text(self.ctx.measure, unit, S.CHOICE_UNIT, p.brand_text, CENTER, 2),
            Fixed(44, 20, _rule(p)),
        ]
        for i, line in enumerate(choice.lines):
            if i:
                column.append(Gap(8, 2))
            column.append(Text(self.ctx.measure, line, S.CARD_LINE, p.foreground, CENTER, 2))
        return column

    def _footnote_h(self, width: float, k: float) -> float:
        return self.footnote[0].height(k, width, None) + 28 if self.footnote else 0.0

    def preferred_height(self, width: float) -> float:
        return super().preferred_height(width) + self._footnote_h(width, 1.0)

    def minimum_height(self, width: float) -> float:
        return super().minimum_height(width) + self._footnote_h(width, 0.0)

    def build(self, ops: list[Op], rect: QRectF) -> None:
        foot_h = min(self._footnote_h(rect.width(), 1.0), rect.height() * 0.3)
        if self.footnote:
            foot = QRectF(rect.left(), rect.bottom() - foot_h + 28, rect.width(), foot_h - 28)
            layout_stack(ops, self.footnote, foot)
        body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - foot_h)
        cards = self._layout(ops, body)
        self._chosen_pills(ops, cards)

    def _card(self, ops: list[Op], index: int, rect: QRectF) -> None:
        _card_style(ops, rect, self.ctx.palette, chosen=self.choices[index].selected, accent=False)
