"""What a stack or grid is made of: texts, rich text, gaps, drawn things, pictures.

Every element has a height at ``k`` = 1 (nominal) down to ``k`` = 0 (floor),
and a number of lines that fitting may cap (eliding the rest); see
``tcdesk.ui.painting.fitting`` for how the sizes are chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextCursor, QTextDocument, QTextOption
from PySide6.QtGui import QTextBlockFormat as _BlockFormat

from tcdesk.ui.painting.ops import DocOp, Op
from tcdesk.ui.painting.style import TextStyle
from tcdesk.ui.painting.text import TextMeasure, Wrapped, text_op

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
    measure: TextMeasure = field(repr=False, compare=False)
    text: str
    style: TextStyle
    color: QColor
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    max_lines: int | None = None
    indent: float = 0.0
    decor: Decor | None = None
    fit_width: bool = False  # single line: shrink to fit the width before eliding

    def wrapped(self, k: float, width: float, cap: int | None) -> Wrapped:
        """Remembered per element (fitting asks the same question many times) and by
        the painter's TextMeasure (a slide re-rendered for a new plan repeats most of
        its words)."""
        memo = self.__dict__.setdefault("_memo", {})
        key = (k, width, cap)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self.measure.wrapped(
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

    measure: TextMeasure = field(repr=False, compare=False)
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
                self.measure,
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


def _plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


@dataclass
class RichText(Element):
    """Qt rich text; falls back to plain, elided text when even the floor is too tall."""

    measure: TextMeasure = field(repr=False, compare=False)
    html: str
    style: TextStyle
    color: QColor
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    _plain_text: Text | None = field(default=None, repr=False)

    def _as_plain(self) -> Text:
        if self._plain_text is None:
            self._plain_text = Text(
                self.measure, _plain(self.html), self.style, self.color, self.align
            )
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
        cached = self.measure.doc_heights.get(key)
        if cached is None:
            font = self.measure.font(size, self.style.bold, self.style.italic)
            doc = _make_document(self.html, font, width, self.align, self.style.spacing)()
            cached = doc.size().height()
            if len(self.measure.doc_heights) > 2048:
                self.measure.doc_heights.clear()
            self.measure.doc_heights[key] = cached
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
        font = self.measure.font(size, self.style.bold, self.style.italic)
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
