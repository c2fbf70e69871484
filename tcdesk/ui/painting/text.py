"""Wrapping, shrinking and eliding text on the canvas.

Lines are broken here, once, with QTextLayout; painting only draws the
resulting strings, so a slide wraps the same at every screen size.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextLayout, QTextOption

from tcdesk.ui.painting.ops import TextOp
from tcdesk.ui.painting.style import TextStyle, make_font

ELLIPSIS = "…"
# Lines are broken a little short of the box: glyph advances can differ by a
# fraction of a pixel between the layout resolution and the device's.
WIDTH_SLACK = 0.985


@dataclass(frozen=True)
class Wrapped:
    lines: tuple[tuple[str, float], ...]  # text, natural width
    font: QFont
    size: int
    line_height: float
    ascent: float
    descent: float
    elided: bool

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height

    @property
    def width(self) -> float:
        return max((w for _, w in self.lines), default=0.0)

    @property
    def count(self) -> int:
        return len(self.lines)


def _break_lines(text: str, font: QFont, width: float) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for paragraph in text.split("\n"):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            piece = paragraph[start : start + length].rstrip()
            if piece:
                out.append((piece, line.naturalTextWidth()))
        layout.endLayout()
    return out


def text_op(
    wrapped: Wrapped,
    box: QRectF,
    color: QColor,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> TextOp:
    """Place wrapped lines in ``box`` (horizontal and vertical alignment)."""
    top = box.top()
    if valign & Qt.AlignmentFlag.AlignVCenter:
        top += (box.height() - wrapped.height) / 2
    elif valign & Qt.AlignmentFlag.AlignBottom:
        top += box.height() - wrapped.height
    half_leading = (wrapped.line_height - wrapped.ascent - wrapped.descent) / 2
    runs: list[tuple[QPointF, str]] = []
    left, right = float("inf"), float("-inf")
    for i, (line, w) in enumerate(wrapped.lines):
        if align & Qt.AlignmentFlag.AlignHCenter:
            x = box.left() + (box.width() - w) / 2
        elif align & Qt.AlignmentFlag.AlignRight:
            x = box.right() - w
        else:
            x = box.left()
        baseline = top + i * wrapped.line_height + half_leading + wrapped.ascent
        runs.append((QPointF(x, baseline), line))
        left, right = min(left, x), max(right, x + w)
    if runs:
        bounds = QRectF(
            left,
            top + half_leading,
            right - left,
            wrapped.height - 2 * half_leading,
        )
    else:
        bounds = QRectF(box.left(), box.top(), 0, 0)
    return TextOp(wrapped.font, QColor(color), tuple(runs), QRectF(box), bounds, wrapped.elided)


def mark_cut(op: TextOp) -> TextOp:
    """End ``op``'s last line with an ellipsis: more text followed but did not fit."""
    if not op.runs or op.elided:
        return op
    origin, last = op.runs[-1]
    fm = QFontMetricsF(op.font)
    room = op.box.right() - origin.x()
    words = last.split()
    text = ELLIPSIS
    while words:
        text = " ".join(words) + " " + ELLIPSIS
        if fm.horizontalAdvance(text) <= room:
            break
        words.pop()
        text = ELLIPSIS
    runs = (*op.runs[:-1], (origin, text))
    right = max(op.bounds.right(), origin.x() + fm.horizontalAdvance(text))
    bounds = QRectF(op.bounds.left(), op.bounds.top(), right - op.bounds.left(), op.bounds.height())
    return TextOp(op.font, op.color, runs, op.box, bounds, True)


FontOf = Callable[[int, bool, bool], QFont]
MetricsOf = Callable[[int, bool, bool], QFontMetricsF]
WrapOf = Callable[..., Wrapped]
SizeOf = Callable[..., int]


class TextMeasure:
    """Fonts, metrics, line breaks and type sizes, remembered.

    Fitting asks the same questions many times, and a slide re-rendered for a
    new plan repeats most of its words. One is built with each SlidePainter and
    reached through ``Ctx``. Each cache is handed the caches it asks, never the
    measure itself: no reference cycle, so a measure dropped frees its Qt
    objects at once (``clear`` frees them while it is still held).
    """

    def __init__(self) -> None:
        cache = functools.lru_cache
        self.font: FontOf = cache(maxsize=512)(_font)
        self.metrics: MetricsOf = cache(maxsize=512)(partial(_metrics, self.font))
        self.wrap: WrapOf = cache(maxsize=4096)(partial(_wrap, self.font, self.metrics))
        self.fit_width_size: SizeOf = cache(maxsize=4096)(partial(_fit_width_size, self.metrics))
        self.word_fit_size: SizeOf = cache(maxsize=4096)(partial(_word_fit_size, self.metrics))
        self.lines_fit_size: SizeOf = cache(maxsize=4096)(partial(_lines_fit_size, self.wrap))
        self.wrapped: WrapOf = cache(maxsize=16384)(
            partial(
                _wrapped, self.word_fit_size, self.fit_width_size, self.lines_fit_size, self.wrap
            )
        )
        self.doc_heights: dict[tuple[object, ...], float] = {}

    def clear(self) -> None:
        """Forget everything: call before the QApplication goes away."""
        for cached in (
            self.font,
            self.metrics,
            self.wrap,
            self.fit_width_size,
            self.word_fit_size,
            self.lines_fit_size,
            self.wrapped,
        ):
            cached.cache_clear()  # type: ignore[attr-defined]
        self.doc_heights.clear()

    def single_line(self, text: str, style: TextStyle, width: float, k: float = 1.0) -> Wrapped:
        """One line, shrunk to the floor to fit ``width``, then elided."""
        size = self.fit_width_size(text, style, style.size_at(k), width)
        return self.wrap(text, style, size, width, 1)


def _font(size: int, bold: bool, italic: bool) -> QFont:
    return make_font(size, bold=bold, italic=italic)


def _metrics(font: FontOf, size: int, bold: bool, italic: bool) -> QFontMetricsF:
    return QFontMetricsF(font(size, bold, italic))


def _wrap(
    font_of: FontOf,
    metrics_of: MetricsOf,
    text: str,
    style: TextStyle,
    size: int,
    width: float,
    max_lines: int | None = None,
) -> Wrapped:
    """``text`` broken into lines at ``size`` px; past ``max_lines`` the last line is elided."""
    font = font_of(size, style.bold, style.italic)
    fm = metrics_of(size, style.bold, style.italic)
    usable = max(1.0, width * WIDTH_SLACK)
    lines = _break_lines(text, font, usable)
    elided = False
    if max_lines is not None and len(lines) > max_lines:
        keep = lines[: max(0, max_lines - 1)]
        rest = " ".join(t for t, _ in lines[len(keep) :])
        if max_lines > 0:
            last = fm.elidedText(rest, Qt.TextElideMode.ElideRight, usable)
            if not last or last == ELLIPSIS:
                last = ELLIPSIS
            keep.append((last, fm.horizontalAdvance(last)))
        lines = keep
        elided = True
    line_height = max(size * style.spacing, fm.ascent() + fm.descent())
    return Wrapped(tuple(lines), font, size, line_height, fm.ascent(), fm.descent(), elided)


def _fit_width_size(
    metrics_of: MetricsOf, text: str, style: TextStyle, size: int, width: float
) -> int:
    """The largest size <= ``size`` (>= floor) at which ``text`` fits on one line."""
    return _fit(metrics_of, " ".join(text.split()), style, size, width)


def _word_fit_size(
    metrics_of: MetricsOf, text: str, style: TextStyle, size: int, width: float
) -> int:
    """The largest size <= ``size`` (>= floor) at which the longest word fits the width.

    Shrinking comes before breaking a word in two ("Straighten-ing").
    """
    words = text.split()
    if not words:
        return size
    fm = metrics_of(size, style.bold, style.italic)
    longest = max(words, key=fm.horizontalAdvance)
    return _fit(metrics_of, longest, style, size, width)


def _lines_fit_size(
    wrap: WrapOf, text: str, style: TextStyle, size: int, width: float, lines: int
) -> int:
    """The largest size <= ``size`` (>= floor) at which ``text`` needs at most ``lines`` lines.

    Shrinking comes before eliding: at the floor, ``wrap`` cuts with an ellipsis.
    """
    low = min(style.floor, size)
    if not wrap(text, style, size, width, lines).elided:
        return size
    if wrap(text, style, low, width, lines).elided:
        return low
    good, bad = low, size  # wrap fits at ``good``, not at ``bad``
    while bad - good > 1:
        mid = (good + bad) // 2
        if wrap(text, style, mid, width, lines).elided:
            bad = mid
        else:
            good = mid
    return good


def _fit(metrics_of: MetricsOf, text: str, style: TextStyle, size: int, width: float) -> int:
    usable = width * WIDTH_SLACK
    low = min(style.floor, size)
    advance = metrics_of(size, style.bold, style.italic).horizontalAdvance(text)
    if advance <= usable:
        return size
    # Unhinted advances scale with the size: jump close, then step down to be sure.
    candidate = max(low, min(size, int(size * usable / advance) + 1))
    while candidate > low:
        if metrics_of(candidate, style.bold, style.italic).horizontalAdvance(text) <= usable:
            return candidate
        candidate -= 1
    return low


def _wrapped(
    word_fit_size: SizeOf,
    fit_width_size: SizeOf,
    lines_fit_size: SizeOf,
    wrap: WrapOf,
    text: str,
    style: TextStyle,
    max_lines: int | None,
    indent: float,
    fit_width: bool,
    k: float,
    width: float,
    cap: int | None,
) -> Wrapped:
    """A text element's lines: shrunk for its longest word, then its line limit."""
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
