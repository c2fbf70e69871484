"""A vertical stack of elements that shrinks to fit its box, never overflows.

Every element has a size at ``k`` = 1 (nominal) down to ``k`` = 0 (floor). The
fitter picks the largest ``k`` at which the stack fits; if even the floor is too
tall it takes lines away from the longest texts (eliding them), and as a last
resort leaves out trailing elements. Stacks that sit side by side (cards,
columns) share one ``k`` so their type sizes match.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextCursor, QTextDocument, QTextOption
from PySide6.QtGui import QTextBlockFormat as _BlockFormat

from tcdesk.ui.painting.ops import DocOp, Op, TextOp
from tcdesk.ui.painting.style import TextStyle
from tcdesk.ui.painting.text import (
    Wrapped,
    fit_width_size,
    font_for,
    lines_fit_size,
    mark_cut,
    text_op,
    word_fit_size,
    wrap,
)

Decor = Callable[[list[Op], QRectF, Wrapped], None]
Draw = Callable[[list[Op], QRectF, float], None]


class Element:
    """Base: a fixed zero-height element."""

    flex_min: float | None = None  # set on flexible elements

    def height(self, k: float, width: float, cap: int | None) -> float:
        return 0.0

    def lines(self, k: float, width: float, cap: int | None) -> int:
        return 0

    def preferred(self, width: float) -> float:
        return self.height(1.0, width, None)

    def minimum(self, width: float) -> float:
        """A reasonable smallest height: floor size, long texts cut to two lines."""
        lines = self.lines(0.0, width, None)
        return self.height(0.0, width, 2 if lines > 2 else None)

    def build(self, ops: list[Op], rect: QRectF, k: float, cap: int | None) -> None:
        return None


@dataclass
class Text(Element):
    text: str
    style: TextStyle
    color: QColor
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    max_lines: int | None = None
    indent: float = 0.0
    decor: Decor | None = None
    fit_width: bool = False  # single line: shrink to fit the width before eliding

    def wrapped(self, k: float, width: float, cap: int | None) -> Wrapped:
        """Remembered per element (fitting asks the same question many times) and
        across slides (a slide re-rendered for a new plan repeats most of its words)."""
        memo = self.__dict__.setdefault("_memo", {})
        key = (k, width, cap)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _wrapped(
                self.text, self.style, self.max_lines, self.indent, self.fit_width, k, width, cap
            )
        return found

    def height(self, k: float, width: float, cap: int | None) -> float:
        return self.wrapped(k, width, cap).height if self.text.strip() else 0.0

    def lines(self, k: float, width: float, cap: int | None) -> int:
        return self.wrapped(k, width, cap).count if self.text.strip() else 0

    def build(self, ops: list[Op], rect: QRectF, k: float, cap: int | None) -> None:
        if not self.text.strip():
            return
        w = self.wrapped(k, rect.width(), cap)
        box = QRectF(
            rect.left() + self.indent, rect.top(), rect.width() - self.indent, rect.height()
        )
        if self.decor is not None:
            self.decor(ops, QRectF(rect.left(), rect.top(), self.indent, w.line_height), w)
        ops.append(text_op(w, box, self.color, self.align))


@dataclass
class BulletList(Element):
    """Short lines, each with a marker, as one element (cards: rows below stay aligned)."""

    items: Sequence[str]
    style: TextStyle
    color: QColor
    decor: Decor | None = None
    indent: float = 30.0
    gap: float = 10.0
    max_lines: int = 2

    def _texts(self) -> list[Text]:
        return [
            Text(
                t,
                self.style,
                self.color,
                Qt.AlignmentFlag.AlignLeft,
                self.max_lines,
                self.indent,
                self.decor,
            )
            for t in self.items
            if t.strip()
        ]

    def _gap(self, k: float) -> float:
        return self.gap * (0.4 + 0.6 * k)

    def height(self, k: float, width: float, cap: int | None) -> float:
        texts = self._texts()
        if not texts:
            return 0.0
        return sum(t.height(k, width, cap) for t in texts) + self._gap(k) * (len(texts) - 1)

    def lines(self, k: float, width: float, cap: int | None) -> int:
        return max((t.lines(k, width, cap) for t in self._texts()), default=0)

    def build(self, ops: list[Op], rect: QRectF, k: float, cap: int | None) -> None:
        y = rect.top()
        for t in self._texts():
            h = t.height(k, rect.width(), cap)
            t.build(ops, QRectF(rect.left(), y, rect.width(), h), k, cap)
            y += h + self._gap(k)


def _make_document(html: str, font: QFont, width: float, align: Qt.AlignmentFlag, spacing: float):
    def make() -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setHtml(html)
        natural = QFontMetricsF(font).lineSpacing() or font.pixelSize()
        line_height = spacing * font.pixelSize() / natural * 100
        paragraph_gap = font.pixelSize() * 0.5
        last = doc.lastBlock()
        block = doc.begin()
        while block.isValid():
            fmt = block.blockFormat()
            fmt.setLineHeight(line_height, _BlockFormat.LineHeightTypes.ProportionalHeight.value)
            fmt.setTopMargin(0)
            fmt.setBottomMargin(0 if block == last else paragraph_gap)
            QTextCursor(block).setBlockFormat(fmt)
            block = block.next()
        doc.setTextWidth(width)
        return doc

    return make


_doc_heights: dict[tuple[str, int, bool, bool, float, int, float], float] = {}


def _plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


@dataclass
class RichText(Element):
    """Qt rich text; falls back to plain, elided text when even the floor is too tall."""

    html: str
    style: TextStyle
    color: QColor
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    _plain_text: Text | None = field(default=None, repr=False)

    def _as_plain(self) -> Text:
        if self._plain_text is None:
            self._plain_text = Text(_plain(self.html), self.style, self.color, self.align)
        return self._plain_text

    def _doc_height(self, size: int, width: float) -> float:
        key = (
            self.html,
            size,
            self.style.bold,
            self.style.italic,
            width,
            int(self.align),
            self.style.spacing,
        )
        cached = _doc_heights.get(key)
        if cached is None:
            font = font_for(size, self.style.bold, self.style.italic)
            doc = _make_document(self.html, font, width, self.align, self.style.spacing)()
            cached = doc.size().height()
            if len(_doc_heights) > 2048:
                _doc_heights.clear()
            _doc_heights[key] = cached
        return cached

    def height(self, k: float, width: float, cap: int | None) -> float:
        if cap is not None:
            return self._as_plain().height(k, width, cap)
        return self._doc_height(self.style.size_at(k), width)

    def lines(self, k: float, width: float, cap: int | None) -> int:
        if cap is not None:
            return self._as_plain().lines(k, width, cap)
        size = self.style.size_at(k)
        return max(1, round(self._doc_height(size, width) / (size * self.style.spacing)))

    def build(self, ops: list[Op], rect: QRectF, k: float, cap: int | None) -> None:
        if cap is not None:
            self._as_plain().build(ops, rect, k, cap)
            return
        size = self.style.size_at(k)
        font = font_for(size, self.style.bold, self.style.italic)
        make = _make_document(self.html, font, rect.width(), self.align, self.style.spacing)
        height = self._doc_height(size, rect.width())
        bounds = QRectF(rect.left(), rect.top(), rect.width(), height)
        ops.append(DocOp(make, QColor(self.color), rect.topLeft(), QRectF(rect), bounds, size))


@dataclass
class Gap(Element):
    nominal: float
    floor: float = -1.0

    def height(self, k: float, width: float, cap: int | None) -> float:
        low = self.nominal * 0.5 if self.floor < 0 else self.floor
        return low + (self.nominal - low) * k


@dataclass
class Fixed(Element):
    """Something of known height (an icon, a chip, a rule) drawn by ``draw``."""

    nominal: float
    floor: float
    draw: Draw

    def height(self, k: float, width: float, cap: int | None) -> float:
        return self.floor + (self.nominal - self.floor) * k

    def build(self, ops: list[Op], rect: QRectF, k: float, cap: int | None) -> None:
        self.draw(ops, rect, k)


@dataclass
class Flex(Element):
    """An illustration or photo: between ``least`` and ``pref`` tall, shrinking with k.

    Any height left over after fitting goes to Flex elements first (up to ``pref``).
    """

    least: float
    pref: float | Callable[[float], float]  # a height, or a function of the width
    draw: Draw

    def __post_init__(self) -> None:
        self.flex_min = self.least

    def height(self, k: float, width: float, cap: int | None) -> float:
        # Shrinks together with the text, so neither gets squeezed alone.
        return self.least + (self.preferred(width) - self.least) * k

    def preferred(self, width: float) -> float:
        pref = self.pref(width) if callable(self.pref) else self.pref
        return max(self.least, pref)

    def minimum(self, width: float) -> float:
        return self.least

    def build(self, ops: list[Op], rect: QRectF, k: float, cap: int | None) -> None:
        self.draw(ops, rect, k)


class Stretch(Element):
    """Pushes what follows to the bottom of the box."""


@dataclass
class StackFit:
    k: float
    caps: dict[int, int] = field(default_factory=dict)
    keep: int = 10_000  # elements after this index are left out


def _total(
    elements: Sequence[Element], width: float, k: float, caps: dict[int, int], keep: int
) -> float:
    return sum(e.height(k, width, caps.get(i)) for i, e in enumerate(elements[:keep]))


def natural_height(elements: Sequence[Element], width: float) -> float:
    return sum(e.preferred(width) for e in elements)


def fit_stack(
    elements: Sequence[Element], width: float, height: float, k_max: float = 1.0
) -> StackFit:
    """The largest k (<= k_max) at which the stack fits ``height``; then caps; then drops."""
    n = len(elements)
    if _total(elements, width, k_max, {}, n) <= height + 0.01:
        return StackFit(k_max)
    if _total(elements, width, 0.0, {}, n) <= height + 0.01:
        lo, hi = 0.0, k_max
        for _ in range(9):
            mid = (lo + hi) / 2
            if _total(elements, width, mid, {}, n) <= height + 0.01:
                lo = mid
            else:
                hi = mid
        return StackFit(lo)
    caps: dict[int, int] = {}
    while _total(elements, width, 0.0, caps, n) > height + 0.01:
        candidates = [
            (e.lines(0.0, width, caps.get(i)), i)
            for i, e in enumerate(elements)
            if e.lines(0.0, width, caps.get(i)) > 1
        ]
        if not candidates:
            break
        count, index = max(candidates)
        caps[index] = count - 1
    keep = n
    while keep > 0 and _total(elements, width, 0.0, caps, keep) > height + 0.01:
        keep -= 1
    return StackFit(0.0, caps, keep)


def place_stack(
    ops: list[Op],
    elements: Sequence[Element],
    rect: QRectF,
    fit: StackFit,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> float:
    """Build the elements into ``rect``; returns the height actually used."""
    width = rect.width()
    start = len(ops)
    items = list(enumerate(elements[: fit.keep]))
    heights = [e.height(fit.k, width, fit.caps.get(i)) for i, e in items]
    extra = rect.height() - sum(heights)
    flex = [(j, e) for j, (_, e) in enumerate(items) if e.flex_min is not None]
    if extra > 0 and flex:
        room = sum(max(0.0, e.preferred(width) - heights[j]) for j, e in flex)
        grow = min(extra, room)
        for j, e in flex:
            share = max(0.0, e.preferred(width) - heights[j])
            heights[j] += grow * share / room if room else 0.0
        extra -= grow
    stretches = [j for j, (_, e) in enumerate(items) if isinstance(e, Stretch)]
    if extra > 0 and stretches:
        for j in stretches:
            heights[j] += extra / len(stretches)
        extra = 0.0
    extra = max(0.0, extra)
    if valign & Qt.AlignmentFlag.AlignVCenter:
        y = rect.top() + extra / 2
    elif valign & Qt.AlignmentFlag.AlignBottom:
        y = rect.top() + extra
    else:
        y = rect.top()
    for j, (i, e) in enumerate(items):
        e.build(ops, QRectF(rect.left(), y, width, heights[j]), fit.k, fit.caps.get(i))
        y += heights[j]
    if fit.keep < len(elements):
        # Something was left out: say so on the last line that is shown.
        for n in range(len(ops) - 1, start - 1, -1):
            op = ops[n]
            if isinstance(op, TextOp):
                ops[n] = mark_cut(op)
                break
    return sum(heights)


def layout_stack(
    ops: list[Op],
    elements: Sequence[Element],
    rect: QRectF,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> float:
    return place_stack(
        ops, elements, rect, fit_stack(elements, rect.width(), rect.height()), valign
    )


@dataclass
class GridFit:
    k: float
    caps: dict[tuple[int, int], int] = field(default_factory=dict)


def row_heights(
    columns: Sequence[Sequence[Element]],
    widths: Sequence[float],
    k: float,
    caps: dict[tuple[int, int], int],
) -> list[float]:
    rows = max((len(c) for c in columns), default=0)
    out = []
    for r in range(rows):
        out.append(
            max(
                (
                    col[r].height(k, widths[c], caps.get((c, r)))
                    for c, col in enumerate(columns)
                    if r < len(col)
                ),
                default=0.0,
            )
        )
    return out


def grid_natural_height(columns: Sequence[Sequence[Element]], widths: Sequence[float]) -> float:
    rows = max((len(c) for c in columns), default=0)
    return sum(
        max(
            (col[r].preferred(widths[c]) for c, col in enumerate(columns) if r < len(col)),
            default=0.0,
        )
        for r in range(rows)
    )


def grid_minimum_height(columns: Sequence[Sequence[Element]], widths: Sequence[float]) -> float:
    rows = max((len(c) for c in columns), default=0)
    return sum(
        max(
            (col[r].minimum(widths[c]) for c, col in enumerate(columns) if r < len(col)),
            default=0.0,
        )
        for r in range(rows)
    )


def minimum_height(elements: Sequence[Element], width: float) -> float:
    return sum(e.minimum(width) for e in elements)


def fit_grid(
    columns: Sequence[Sequence[Element]], widths: Sequence[float], height: float
) -> GridFit:
    """Columns side by side whose rows line up: one k, row height = tallest cell."""

    def total(k: float, caps: dict[tuple[int, int], int]) -> float:
        return sum(row_heights(columns, widths, k, caps))

    if total(1.0, {}) <= height + 0.01:
        return GridFit(1.0)
    if total(0.0, {}) <= height + 0.01:
        lo, hi = 0.0, 1.0
        for _ in range(9):
            mid = (lo + hi) / 2
            if total(mid, {}) <= height + 0.01:
                lo = mid
            else:
                hi = mid
        return GridFit(lo)
    caps: dict[tuple[int, int], int] = {}
    while total(0.0, caps) > height + 0.01:
        best: tuple[int, int, int] | None = None
        for c, col in enumerate(columns):
            for r, e in enumerate(col):
                n = e.lines(0.0, widths[c], caps.get((c, r)))
                if n > 1 and (best is None or n > best[0]):
                    best = (n, c, r)
        if best is None:
            break
        caps[(best[1], best[2])] = best[0] - 1
    return GridFit(0.0, caps)


def place_grid(
    ops: list[Op],
    columns: Sequence[Sequence[Element]],
    rects: Sequence[QRectF],
    fit: GridFit,
) -> list[float]:
    """Build every column into its rect with shared row heights; returns the row heights."""
    widths = [r.width() for r in rects]
    heights = row_heights(columns, widths, fit.k, fit.caps)
    avail = min((r.height() for r in rects), default=0.0)
    extra = avail - sum(heights)
    rows = len(heights)

    def cells(r: int) -> list[Element]:
        return [col[r] for col in columns if r < len(col)]

    flex_rows = [r for r in range(rows) if any(e.flex_min is not None for e in cells(r))]
    if extra > 0 and flex_rows:
        wants = {
            r: max(
                0.0,
                max(e.preferred(widths[0]) for e in cells(r) if e.flex_min is not None)
                - heights[r],
            )
            for r in flex_rows
        }
        room = sum(wants.values())
        grow = min(extra, room)
        for r in flex_rows:
            heights[r] += grow * wants[r] / room if room else 0.0
        extra -= grow
    stretch_rows = [r for r in range(rows) if any(isinstance(e, Stretch) for e in cells(r))]
    if extra > 0 and stretch_rows:
        for r in stretch_rows:
            heights[r] += extra / len(stretch_rows)
    while sum(heights) > avail + 0.01 and heights:
        # Still too tall at the floor with every text at one line: leave out the last rows.
        heights.pop()
    for c, col in enumerate(columns):
        y = rects[c].top()
        for r, h in enumerate(heights):
            if r < len(col):
                col[r].build(
                    ops,
                    QRectF(rects[c].left(), y, rects[c].width(), h),
                    fit.k,
                    fit.caps.get((c, r)),
                )
            y += h
    return heights


__all__ = [
    "Element",
    "Fixed",
    "Flex",
    "Gap",
    "GridFit",
    "RichText",
    "StackFit",
    "Stretch",
    "Text",
    "fit_grid",
    "fit_stack",
    "grid_minimum_height",
    "grid_natural_height",
    "layout_stack",
    "minimum_height",
    "natural_height",
    "place_grid",
    "place_stack",
    "row_heights",
]


@functools.lru_cache(maxsize=16384)
def _wrapped(
    text: str,
    style: TextStyle,
    max_lines: int | None,
    indent: float,
    fit_width: bool,
    k: float,
    width: float,
    cap: int | None,
) -> Wrapped:
    limit = max_lines
    if cap is not None:
        limit = cap if limit is None else min(limit, cap)
    avail = max(1.0, width - indent)
    size = word_fit_size(text, style, style.size_at(k), avail)
    if fit_width and limit == 1:
        size = fit_width_size(text, style, size, avail)
    elif limit is not None:
        size = lines_fit_size(text, style, size, avail, limit)
    return wrap(text, style, size, avail, limit)
