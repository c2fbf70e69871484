"""What the doctor found: each condition's illustration beside its plain words.

One finding: illustration on the left half, words on the right. Two or three:
side-by-side columns (illustration on top) whose rows line up. Four: a 2x2
grid. A missing illustration becomes a calm tinted panel with a tooth outline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor

from tcdesk.render.slide import FindingBlock
from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.blocks import CENTER, LEFT, VCENTER, Ctx, placeholder_ops
from tcdesk.ui.painting.elements import Element, Fixed, Flex, Gap, Text
from tcdesk.ui.painting.fitting import (
    fit_grid,
    grid_minimum_height,
    grid_natural_height,
    layout_stack,
    minimum_height,
    natural_height,
    place_grid,
)
from tcdesk.ui.painting.icons import tooth_path
from tcdesk.ui.painting.ops import ImageOp, Op, RectOp
from tcdesk.ui.painting.style import (
    SEVERITY_COLOURS,
    TEXT_CONTRAST,
    Palette,
    TextStyle,
    readable_on,
)
from tcdesk.ui.painting.text import TextMeasure, text_op

ILLUSTRATION_ASPECT = 1.6  # the condition illustrations are drawn 800 x 500
INSET = 28.0


def panel_height(width: float) -> float:
    """Height of an illustration panel ``width`` wide that shows it whole."""
    return (width - 2 * INSET) / ILLUSTRATION_ASPECT + 2 * INSET


def _chip(
    severity: str,
    palette: Palette,
    measure: TextMeasure,
    style: TextStyle = S.CHIP,
    level: str = "",
):
    """The severity pill: coloured by ``level`` (the value, not the words), so
    "Severo" is as red as "Severe"; an unknown level keeps the brand's tint."""

    def draw(ops: list[Op], rect: QRectF, k: float) -> None:
        text = severity.strip()
        if not text:
            return
        key = (level or text).strip().lower()
        fill, ink = SEVERITY_COLOURS.get(key, (None, None))
        fill_c = QColor(fill) if fill else palette.tint_strong
        ink_c = readable_on(QColor(ink) if ink else palette.brand_text, fill_c, TEXT_CONTRAST)
        h = rect.height()
        pad = h * 0.45
        wrapped = measure.single_line(text, style.fixed(), rect.width() - 2 * pad, k)
        w = min(rect.width(), wrapped.width + 2 * pad)
        pill = QRectF(rect.left(), rect.top(), w, h)
        ops.append(RectOp(pill, fill_c, radius=h / 2))
        ops.append(text_op(wrapped, pill, ink_c, CENTER, VCENTER))

    return draw


def _illustration(palette: Palette, path: str):
    def draw(ops: list[Op], rect: QRectF, k: float) -> None:
        if rect.height() < 24:
            return
        ops.append(RectOp(rect, palette.tint, radius=32))
        inner = rect.adjusted(INSET, INSET, -INSET, -INSET)
        dx, dy = inner.width() * 0.3, inner.height() * 0.2
        glyph = tooth_path(inner.adjusted(dx, dy, -dx, -dy))
        fallback = placeholder_ops(rect, palette, glyph)[1:]  # the panel is already drawn
        ops.append(ImageOp(path, inner, fallback=tuple(fallback)))

    return draw


def _words(
    finding: FindingBlock, ctx: Ctx, text_style: TextStyle, align: Qt.AlignmentFlag
) -> list[Element]:
    palette = ctx.palette
    elements: list[Element] = []
    if finding.what_it_is.strip():
        elements += [
            Text(ctx.measure, finding.what_label, S.FINDING_LABEL, palette.brand_text, align, 1),
            Gap(6, 2),
            Text(ctx.measure, finding.what_it_is, text_style, palette.foreground, align),
        ]
    if finding.if_untreated.strip():
        if elements:
            elements.append(Gap(26, 10))
        elements += [
            Text(ctx.measure, finding.if_label, S.FINDING_LABEL, palette.brand_text, align, 1),
            Gap(6, 2),
            Text(ctx.measure, finding.if_untreated, text_style, palette.foreground, align),
        ]
    return elements


def _heading(finding: FindingBlock, ctx: Ctx) -> list[Element]:
    palette = ctx.palette
    elements: list[Element] = []
    if finding.severity.strip():
        elements += [
            Fixed(50, 44, _chip(finding.severity, palette, ctx.measure, level=finding.level)),
            Gap(16, 6),
        ]
    elements += [
        Text(ctx.measure, finding.title, S.FINDING_TITLE, palette.foreground, LEFT, 2),
        Gap(24, 8),
    ]
    return elements


SOLO_TEXT = TextStyle(44, 32, spacing=1.25)


class FindingsLayout:
    """One or more consecutive FindingBlocks."""

    GAP = 64.0

    def __init__(self, findings: Sequence[FindingBlock], ctx: Ctx):
        self.ctx = ctx
        self.findings = list(findings)
        p = ctx.palette
        if len(self.findings) == 1:
            f = self.findings[0]
            self.solo = [*_heading(f, ctx), *_words(f, ctx, SOLO_TEXT, LEFT)]
            self.pictures = [path for path in (f.illustration, f.photo) if path] or [""]
            return
        n = len(self.findings)
        self.per_row = n if n <= 3 else (2 if n == 4 else 3)
        self.rows = math.ceil(len(self.findings) / self.per_row)
        self.columns: list[list[Element]] = []
        for f in self.findings:
            path = f.illustration or f.photo
            self.columns.append(
                [
                    Flex(110, panel_height, _illustration(p, path)),
                    Gap(28, 12),
                    *_heading(f, ctx),
                    *_words(f, ctx, S.FINDING_TEXT, LEFT),
                ]
            )
        most = max(len(c) for c in self.columns)
        for c in self.columns:
            c.extend(Gap(0, 0) for _ in range(most - len(c)))

    # -- one finding -----------------------------------------------------------------------

    def _solo_split(self, width: float) -> tuple[float, float]:
        left = width * 0.5
        return left, width - left - self.GAP

    def _row_widths(self, width: float) -> list[float]:
        col = (width - (self.per_row - 1) * self.GAP) / self.per_row
        return [col] * self.per_row

    def preferred_height(self, width: float) -> float:
        if len(self.findings) == 1:
            left, right = self._solo_split(width)
            pictures = len(self.pictures) * panel_height(left) + 24 * (len(self.pictures) - 1)
            return max(pictures, natural_height(self.solo, right))
        widths = self._row_widths(width)
        row = grid_natural_height(self.columns[: self.per_row], widths)
        return self.rows * row + (self.rows - 1) * self.GAP

    def minimum_height(self, width: float) -> float:
        if len(self.findings) == 1:
            _, right = self._solo_split(width)
            return max(280.0, minimum_height(self.solo, right))
        widths = self._row_widths(width)
        return self.rows * grid_minimum_height(self.columns[: self.per_row], widths)

    def build(self, ops: list[Op], rect: QRectF) -> None:
        p = self.ctx.palette
        if len(self.findings) == 1:
            left_w, right_w = self._solo_split(rect.width())
            pictures = QRectF(rect.left(), rect.top(), left_w, rect.height())
            count = len(self.pictures)
            gap = 24.0
            each_h = (pictures.height() - gap * (count - 1)) / count
            each_h = min(each_h, panel_height(left_w))
            total = each_h * count + gap * (count - 1)
            y = pictures.top() + (pictures.height() - total) / 2
            for path in self.pictures:
                _illustration(p, path)(ops, QRectF(pictures.left(), y, left_w, each_h), 1.0)
                y += each_h + gap
            words = QRectF(rect.left() + left_w + self.GAP, rect.top(), right_w, rect.height())
            layout_stack(ops, self.solo, words, VCENTER)
            return
        widths = self._row_widths(rect.width())
        row_h = (rect.height() - (self.rows - 1) * self.GAP) / self.rows
        for r in range(self.rows):
            columns = self.columns[r * self.per_row : (r + 1) * self.per_row]
            fit = fit_grid(columns, widths[: len(columns)], row_h)
            top = rect.top() + r * (row_h + self.GAP)
            total_w = len(columns) * widths[0] + (len(columns) - 1) * self.GAP
            left = rect.left() + (rect.width() - total_w) / 2
            step = widths[0] + self.GAP
            rects = [QRectF(left + i * step, top, widths[0], row_h) for i in range(len(columns))]
            place_grid(ops, columns, rects, fit)
