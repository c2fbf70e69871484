"""Key numbers in a row of cards (the investment slide), and splitting an amount from its unit.

The cards' rows line up across columns (one grid), the emphasised figure is
larger and in brand colour, and a footnote may sit below.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF

from tcdesk.render.slide import FiguresBlock
from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.blocks import CENTER, Ctx
from tcdesk.ui.painting.elements import Element, Gap, Text
from tcdesk.ui.painting.fitting import (
    fit_grid,
    grid_minimum_height,
    grid_natural_height,
    layout_stack,
    place_grid,
    row_heights,
)
from tcdesk.ui.painting.ops import Op, RectOp

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
                        ctx.measure,
                        f.label,
                        S.FIGURE_LABEL,
                        p.foreground if f.emphasis else p.muted,
                        CENTER,
                        2,
                    ),
                    Gap(14, 6),
                    Text(
                        ctx.measure,
                        value,
                        value_style,
                        p.brand_text if f.emphasis else p.foreground,
                        CENTER,
                        1,
                        fit_width=True,
                    ),
                    Gap(10, 4),
                    Text(ctx.measure, f.caption, S.FIGURE_NOTE, p.muted, CENTER, 2),
                ]
            )
        self.footnote = (
            [Text(ctx.measure, block.footnote, S.FOOTNOTE, p.muted, CENTER, 3)]
            if block.footnote.strip()
            else []
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


__all__ = ["FiguresLayout", "split_amount"]
