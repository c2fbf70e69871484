"""The treatment timeline: one bar, its segments proportional to the months.

Above the bar, a ruler of months. Below it, one evenly spaced column per
phase (icon, name, when, what happens), each joined to its segment by a thin
curve, so even a one-month phase gets a readable label.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from tcdesk.render.slide import Phase, TimelineBlock
from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.blocks import CENTER, Ctx
from tcdesk.ui.painting.elements import Element, Fixed, Gap, Text
from tcdesk.ui.painting.fitting import (
    fit_grid,
    grid_minimum_height,
    grid_natural_height,
    place_grid,
    row_heights,
)
from tcdesk.ui.painting.icons import icon_ops
from tcdesk.ui.painting.ops import Op, PathOp, RectOp
from tcdesk.ui.painting.style import Palette, mix
from tcdesk.ui.painting.text import text_op

TICKS_H = 44.0
TICK_GAP = 14.0
BAR_H = 52.0
MIN_SEGMENT = 16.0
DOT_R = BAR_H * 0.46  # a milestone (records, retainers) is a dot, not a segment
DOT_GAP = 10.0


def _months(n: int) -> str:
    return f"{n} month" if n == 1 else f"{n} months"


def when_text(phase: Phase) -> str:
    if phase.date_label.strip():
        return phase.date_label.strip()
    start, end = phase.start_month, phase.end_month
    if end <= start:
        return f"Month {start}"
    return f"Months {start}–{end}"


def _tick_step(span: int) -> int:
    for step in (1, 2, 3, 6, 12, 24):
        if span / step <= 6:
            return step
    return max(1, span // 6)


class TimelineLayout:
    COL_GAP = 28.0
    CONNECT_H = 76.0

    def __init__(self, block: TimelineBlock, ctx: Ctx):
        self.ctx = ctx
        self.block = block
        self.phases = list(block.phases)
        ends = [max(p.start_month, p.end_month) for p in self.phases]
        self.span = max([block.total_months, *ends, 1])
        self._by_width: dict[float, list[list[Element]]] = {}

    def columns(self, width: float) -> list[list[Element]]:
        """The phase columns for a block ``width`` wide: every name at one size, the
        size at which the longest word of any name fits its column."""
        found = self._by_width.get(width)
        if found is None:
            col = self._widths(width)[0]
            size = min(
                (
                    self.ctx.measure.word_fit_size(
                        ph.name, S.TIMELINE_NAME, S.TIMELINE_NAME.nominal, col
                    )
                    for ph in self.phases
                    if ph.name.strip()
                ),
                default=S.TIMELINE_NAME.nominal,
            )
            style = replace(S.TIMELINE_NAME, nominal=size, floor=min(size, S.TIMELINE_NAME.floor))
            found = self._by_width[width] = [
                self._column(ph, self.ctx.palette, style) for ph in self.phases
            ]
        return found

    def _column(self, phase: Phase, p: Palette, name_style: S.TextStyle) -> list[Element]:
        measure = self.ctx.measure  # not ``self``: the element must not hold its layout

        def draw_icon(ops: list[Op], rect: QRectF, k: float) -> None:
            icon_ops(ops, phase.icon, rect, p, measure, phase.name)

        return [
            Fixed(104, 60, draw_icon),
            Gap(16, 6),
            Text(self.ctx.measure, phase.name, name_style, p.foreground, CENTER, 2),
            Gap(6, 2),
            Text(
                self.ctx.measure,
                when_text(phase),
                S.TIMELINE_WHEN,
                p.brand_text,
                CENTER,
                1,
                fit_width=True,
            ),
            Gap(8, 2),
            Text(self.ctx.measure, phase.detail, S.TIMELINE_DETAIL, p.muted, CENTER, 3),
        ]

    def _widths(self, width: float) -> list[float]:
        n = max(1, len(self.phases))
        return [(width - (n - 1) * self.COL_GAP) / n] * n

    def _chrome(self, k: float) -> float:
        return TICKS_H + TICK_GAP + BAR_H + self.CONNECT_H * (0.5 + 0.5 * k)

    def preferred_height(self, width: float) -> float:
        return self._chrome(1.0) + grid_natural_height(self.columns(width), self._widths(width))

    def minimum_height(self, width: float) -> float:
        return self._chrome(0.0) + grid_minimum_height(self.columns(width), self._widths(width))

    def _x(self, month: float, bar: QRectF) -> float:
        return bar.left() + bar.width() * max(0.0, min(month, self.span)) / self.span

    def build(self, ops: list[Op], rect: QRectF) -> None:
        p = self.ctx.palette
        widths = self._widths(rect.width())
        columns = self.columns(rect.width())
        natural = self.preferred_height(rect.width())
        squeeze = 1.0 if rect.height() >= natural else 0.0
        columns_h = rect.height() - self._chrome(squeeze)
        fit = fit_grid(columns, widths, columns_h)
        used = sum(row_heights(columns, widths, fit.k, fit.caps)) + self._chrome(squeeze)
        top = rect.top() + max(0.0, (rect.height() - used) / 2)

        lead, tail = self._ends()
        bar = QRectF(
            rect.left() + lead, top + TICKS_H + TICK_GAP, rect.width() - lead - tail, BAR_H
        )
        self._ticks(ops, QRectF(rect.left(), top, rect.width(), TICKS_H), bar, p)
        centres = self._bar(ops, bar, p)

        cols_top = bar.bottom() + self.CONNECT_H * (0.5 + 0.5 * squeeze)
        col_rects = []
        for i, w in enumerate(widths):
            x = rect.left() + i * (w + self.COL_GAP)
            col_rects.append(QRectF(x, cols_top, w, rect.bottom() - cols_top))
        for centre, col in zip(centres, col_rects, strict=True):
            self._connector(
                ops, QPointF(centre, bar.bottom() + 10), QPointF(col.center().x(), cols_top - 8), p
            )
        place_grid(ops, columns, col_rects, fit)

    def _ticks(self, ops: list[Op], rect: QRectF, bar: QRectF, p: Palette) -> None:
        step = _tick_step(self.span)
        months = list(range(0, self.span + 1, step))
        if self.block.total_months and self.block.total_months not in months:
            months.append(self.block.total_months)
        months = sorted(set(months))
        taken: list[tuple[float, float]] = []
        last = len(months) - 1
        # Ends first so the start and the total always show; then the rest if they fit.
        for i in sorted(range(len(months)), key=lambda j: (j not in (0, last), j)):
            m = months[i]
            if i == 0:
                label = self.block.start_label.strip() or self.block.start_word
            elif m == self.block.total_months and self.block.total_label:
                label = self.block.total_label
            elif m == self.block.total_months or i == last:
                label = _months(m)
            else:
                label = str(m)
            wrapped = self.ctx.measure.single_line(label, S.TIMELINE_TICK, rect.width() / 2.5)
            x = self._x(m, bar)
            left = x - wrapped.width / 2
            if i == 0:
                left = rect.left()
            elif i == last:
                left = rect.right() - wrapped.width
            left = max(rect.left(), min(left, rect.right() - wrapped.width))
            span = (left - 20, left + wrapped.width + 20)
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            box = QRectF(left, rect.top(), wrapped.width + 1, rect.height())
            colour = p.foreground if i in (0, last) else p.muted
            ops.append(text_op(wrapped, box, colour))
            tick = QPainterPath()
            tick.moveTo(x, rect.bottom() + 2)
            tick.lineTo(x, bar.top() - 4)
            ops.append(PathOp(tick, None, p.border, 3))

    def _ends(self) -> tuple[float, float]:
        """Room left of the bar for what comes before month 0 (records), and right of it
        for what comes at the very end (retainers): their dots then never sit on a
        segment, and no two leader lines start at the same place."""
        step = 2 * DOT_R + DOT_GAP
        first = [p for p in self.phases if p.end_month <= p.start_month and p.start_month <= 0]
        last = [
            p for p in self.phases if p.end_month <= p.start_month and p.start_month >= self.span
        ]
        return step * len(first), step * len(last)

    def _bar(self, ops: list[Op], bar: QRectF, p: Palette) -> list[float]:
        """Draw the segments; return the x centre of each phase on the bar."""
        radius = bar.height() / 2
        track = QPainterPath()
        track.addRoundedRect(bar, radius, radius)
        ops.append(PathOp(track, mix(p.background, p.foreground, 0.06)))
        centres: list[float] = []
        count = len(self.phases)
        milestones: list[tuple[float, int]] = []
        for i, phase in enumerate(self.phases):
            x0 = self._x(phase.start_month, bar)
            x1 = self._x(phase.end_month, bar)
            if phase.end_month <= phase.start_month:
                milestones.append((x0, i))
                centres.append(x0)
                continue
            if x1 - x0 < MIN_SEGMENT:
                x1 = min(bar.right(), x0 + MIN_SEGMENT)
                x0 = x1 - MIN_SEGMENT
            segment = QPainterPath()
            segment.addRect(QRectF(x0, bar.top(), x1 - x0, bar.height()))
            ops.append(PathOp(track.intersected(segment), p.ramp(i, count)))
            centres.append((x0 + x1) / 2)
        # Thin separators between touching segments.
        for phase in self.phases[1:]:
            x = self._x(phase.start_month, bar)
            if bar.left() + 4 < x < bar.right() - 4:
                sep = QPainterPath()
                sep.moveTo(x, bar.top())
                sep.lineTo(x, bar.bottom())
                ops.append(PathOp(sep, None, p.background, 5, round_caps=False))
        r = DOT_R
        before = [i for _, i in milestones if self.phases[i].start_month <= 0]
        after = [i for _, i in milestones if self.phases[i].start_month >= self.span]
        for _, i in milestones:
            if i not in before and i not in after:
                centres[i] = max(bar.left() + r, min(centres[i], bar.right() - r))
        for n, i in enumerate(before):
            centres[i] = bar.left() - DOT_GAP / 2 - r - (len(before) - 1 - n) * (2 * r + DOT_GAP)
        for n, i in enumerate(after):
            centres[i] = bar.right() + DOT_GAP / 2 + r + n * (2 * r + DOT_GAP)
        for _, i in milestones:
            x = centres[i]
            dot = QRectF(x - r, bar.center().y() - r, 2 * r, 2 * r)
            ops.append(RectOp(dot, p.ramp(i, count), p.background, 5, radius=r))
        return centres

    def _connector(self, ops: list[Op], a: QPointF, b: QPointF, p: Palette) -> None:
        if b.y() - a.y() < 8:
            return
        curve = QPainterPath()
        curve.moveTo(a)
        mid = (a.y() + b.y()) / 2
        curve.cubicTo(QPointF(a.x(), mid), QPointF(b.x(), mid), b)
        ops.append(PathOp(curve, None, mix(p.border, p.muted, 0.3), 3, leader=True))
        r = 6.0
        ops.append(RectOp(QRectF(a.x() - r, a.y() - r, 2 * r, 2 * r), p.brand, radius=r))
