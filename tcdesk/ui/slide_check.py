"""Does a slide read from across the room? Measured, not guessed.

The check lays a ``Slide`` out through the live display's own painter and,
from that layout plus the rendered pixels, reports what a family at 3 m
would suffer from:

- a text the slide carries that is not drawn (a labelled box without its value);
- text cut short with an ellipsis, or drawn outside the box it was given;
- two texts on top of each other, or a mark (a badge, a dot, a line, a
  picture) over text; a card or panel that holds the text is fine;
- a cap height under 1/45 of the screen height;
- contrast under 7:1 against the pixels actually behind the text;
- more than about 40 words, unless the flow says why (``dense``).

Layout checks are done once on the 1920x1080 canvas (every screen size is a
uniform scale of it); contrast and cap height are measured at each size.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainterPath,
    QTextDocument,
)

from tcdesk.render.slide import (
    ChoicesBlock,
    ImageBlock,
    OptionsBlock,
    Slide,
    SlideKind,
    TextBlock,
    collect_texts,
)
from tcdesk.ui.painting.frame import name_in_heading
from tcdesk.ui.painting.ops import (
    DocOp,
    ImageOp,
    Op,
    PathOp,
    RectOp,
    TextOp,
    text_size,
    walk,
)
from tcdesk.ui.painting.style import CANVAS, CANVAS_HEIGHT, make_font
from tcdesk.ui.slide_contrast import background_image, worst_contrast
from tcdesk.ui.slide_painter import SlideLayout, SlidePainter

SIZES: tuple[tuple[int, int], ...] = ((1280, 720), (1920, 1080), (3840, 2160))
MIN_CAP_RATIO = 1 / 45
MIN_CONTRAST = 7.0
MAX_WORDS = 40
DOT_MAX = 80.0  # canvas px: round marks up to this size are dots and badges
# Texts exempt from the size rule. Kept empty on purpose: every text on a
# shipped slide is for the family to read. A practice's own decorative text
# (none today) would be named here with the reason.
DECORATIVE: frozenset[str] = frozenset()

# Fields of slide dataclasses that hold no text for the family to read.
_NOT_TEXT = frozenset(
    {
        "illustration",
        "photo",
        "icon",
        "path",
        "key",
        "logo_path",
        "brand_color",
        "background",
        "foreground",
        "muted",
        "practice_name",
        "level",  # a finding's severity value: the pill's colour, its label is the text
    }
)
_WORD = re.compile(r"[^\W_]", re.UNICODE)


@dataclass(frozen=True)
class Problem:
    """One thing wrong on one slide, in words a flow author can act on."""

    rule: str  # missing, cut, outside, overlap, small, contrast, words
    message: str
    size: tuple[int, int] | None = None

    def __str__(self) -> str:
        where = f" at {self.size[0]}x{self.size[1]}" if self.size else ""
        return f"{self.message}{where}"


@dataclass(frozen=True)
class _Drawn:
    text: str
    box: QRectF
    bounds: QRectF
    elided: bool
    pixel_size: float
    color: QColor


# -- what was drawn ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    """A shape or picture: ``path`` is exact ink for paths, else ``rect`` is."""

    kind: str  # shape, dot, line, leader, picture
    rect: QRectF
    path: QPainterPath | None
    filled: bool

    def hits(self, area: QRectF) -> bool:
        return self.path.intersects(area) if self.path is not None else self.rect.intersects(area)

    @property
    def box(self) -> QRectF:
        return self.path.boundingRect() if self.path is not None else self.rect

    def is_dot(self) -> bool:
        """A small round mark (a milestone, a badge): two must not sit on each other."""
        return self.kind == "dot" and self.filled

    def holds(self, area: QRectF) -> bool:
        box = self.path.boundingRect() if self.path is not None else self.rect
        return self.filled and box.adjusted(-1, -1, 1, 1).contains(area)


def _flatten(ops: Sequence[Op]) -> list[_Drawn | _Mark]:
    """Every text and mark in drawing order, mapped to canvas coordinates.

    A picture whose file loads is a mark; one that does not is replaced by
    what is drawn instead (its fallback).
    """
    out: list[_Drawn | _Mark] = []
    for op, t in walk(ops, fallback=lambda image: not _loads(image)):
        if isinstance(op, ImageOp):
            if _loads(op):
                out.append(_Mark("picture", t.mapRect(op.rect), None, True))
        elif isinstance(op, TextOp | DocOp):
            box, bounds = t.mapRect(op.box), t.mapRect(op.bounds)
            out.append(_Drawn(op.text(), box, bounds, op.elided, text_size(op, t), op.color))
        elif isinstance(op, RectOp):
            side = min(op.rect.width(), op.rect.height())
            round_ = op.radius * 2 >= side - 1 and max(op.rect.width(), op.rect.height()) <= DOT_MAX
            kind = "dot" if round_ else "shape"
            out.append(_Mark(kind, t.mapRect(op.rect), None, op.fill is not None))
        elif isinstance(op, PathOp):
            kind = "shape" if op.fill is not None else "leader" if op.leader else "line"
            out.append(_Mark(kind, QRectF(), t.map(op.path), op.fill is not None))
    return out


def _loads(image: ImageOp) -> bool:
    return bool(image.path) and os.path.isfile(image.path)


def _texts(items: Sequence[_Drawn | _Mark]) -> list[_Drawn]:
    return [i for i in items if isinstance(i, _Drawn)]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u2212", "-").replace("\u2011", "-"))


def _plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def expected_texts(slide: Slide) -> list[str]:
    """What the family must be able to read on ``slide``: every text it carries."""
    found: list[str] = [slide.title, slide.subtitle]
    if slide.kind is not SlideKind.WELCOME or not name_in_heading(slide):
        found.append(slide.patient_name)
    for block in slide.blocks:
        if isinstance(block, ImageBlock) and block.path == slide.theme.logo_path:
            continue
        if isinstance(block, TextBlock):
            found.append(_plain(block.html))
            continue
        if isinstance(block, OptionsBlock):
            # The labels are drawn only on the cards they mark.
            if not any(c.recommended for c in block.cards):
                block = replace(block, recommended_label="")
            if not any(c.chosen for c in block.cards):
                block = replace(block, chosen_label="")
        elif isinstance(block, ChoicesBlock) and not any(c.selected for c in block.choices):
            block = replace(block, chosen_label="")
        collect_texts(block, found, _NOT_TEXT)
    return [t for t in found if t and t.strip()]


def word_count(texts: Iterable[str]) -> int:
    return sum(1 for t in texts for w in t.split() if _WORD.search(w))


# -- the rules --------------------------------------------------------------------------


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _missing(slide: Slide, drawn: list[_Drawn]) -> list[Problem]:
    everything = _squash(" ".join(d.text for d in drawn))
    return [
        Problem("missing", f"'{_short(t)}' is on the slide but not drawn")
        for t in expected_texts(slide)
        if _squash(t) not in everything
    ]


def _cut(drawn: list[_Drawn]) -> list[Problem]:
    out = []
    for d in drawn:
        if d.elided:
            out.append(Problem("cut", f"'{_short(d.text)}' is cut short"))
        elif not d.box.adjusted(-1.5, -1.5, 1.5, 1.5).contains(d.bounds) or not CANVAS.contains(
            d.bounds
        ):
            out.append(Problem("outside", f"'{_short(d.text)}' is drawn outside its box"))
    return out


def _overlaps(items: Sequence[_Drawn | _Mark]) -> list[Problem]:
    """Texts on texts, and marks over text. What the text sits on (a card, a pill) is
    fine, and so is anything that card covers; a mark drawn after it is not."""
    out = []
    texts = [(n, i) for n, i in enumerate(items) if isinstance(i, _Drawn)]
    for j, (_, a) in enumerate(texts):
        for _, b in texts[j + 1 :]:
            inter = a.bounds.intersected(b.bounds)
            if inter.width() > 2 and inter.height() > 2:
                out.append(
                    Problem("overlap", f"'{_short(a.text, 24)}' overlaps '{_short(b.text, 24)}'")
                )
    out += _marks_on_marks([i for i in items if isinstance(i, _Mark)])
    for n, a in texts:
        ink = a.bounds.adjusted(1, 1, -1, -1)
        under = max(
            (m for m in range(n) if isinstance(items[m], _Mark) and items[m].holds(a.bounds)),
            default=-1,
        )
        for m in range(under + 1, len(items)):
            mark = items[m]
            if isinstance(mark, _Mark) and mark.hits(ink) and not mark.holds(a.bounds):
                out.append(
                    Problem("overlap", f"a {mark.kind} is drawn over '{_short(a.text, 24)}'")
                )
    return out


def _marks_on_marks(marks: Sequence[_Mark]) -> list[Problem]:
    """Dots on dots (two milestones in one place) and leader lines that cross."""
    out: list[Problem] = []
    dots = [m for m in marks if m.is_dot()]
    for i, a in enumerate(dots):
        for b in dots[i + 1 :]:
            inter = a.box.intersected(b.box)
            nested = a.box.contains(b.box) or b.box.contains(a.box)
            if inter.width() > 2 and inter.height() > 2 and not nested:
                where = f"({a.box.center().x():.0f}, {a.box.center().y():.0f})"
                out.append(Problem("overlap", f"two dots or badges sit on each other at {where}"))
    lines = [m for m in marks if m.kind == "leader" and m.path is not None]
    for i, a in enumerate(lines):
        for b in lines[i + 1 :]:
            if _lines_cross(a.path, b.path):  # type: ignore[arg-type]
                out.append(Problem("overlap", "two leader lines cross"))
    return out


def _lines_cross(a: QPainterPath, b: QPainterPath) -> bool:
    """Whether two stroked curves cross, sampled as polylines (ends that touch don't count)."""
    # Different sample counts, so a crossing never falls exactly on both polylines' joints.
    pa = [a.pointAtPercent(t / 24) for t in range(25)]
    pb = [b.pointAtPercent(t / 23) for t in range(24)]
    for p1, p2 in itertools.pairwise(pa):
        for q1, q2 in itertools.pairwise(pb):
            if _segments_cross(p1, p2, q1, q2):
                return True
    return False


def _segments_cross(p1, p2, q1, q2) -> bool:
    def side(a, b, c) -> float:
        return (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x())

    d1, d2 = side(q1, q2, p1), side(q1, q2, p2)
    d3, d4 = side(p1, p2, q1), side(p1, p2, q2)
    # A joint of one polyline may sit exactly on the other: count it once it is inside.
    return d1 * d2 <= 0 and d3 * d4 < -1e-6 and not (d1 == 0 and d2 == 0)


def cap_ratio() -> float:
    """Cap height over pixel size of the slide font (DejaVu Sans: 0.729)."""
    font = make_font(1000)
    return QFontMetricsF(font).capHeight() / 1000


def _small(drawn: list[_Drawn], ratio: float) -> list[Problem]:
    least = MIN_CAP_RATIO * CANVAS_HEIGHT
    return [
        Problem(
            "small",
            f"'{_short(d.text)}' has a cap height of 1/{CANVAS_HEIGHT / (d.pixel_size * ratio):.0f}"
            " of the screen (at least 1/45)",
        )
        for d in drawn
        if d.text.strip() not in DECORATIVE and d.pixel_size * ratio < least - 0.05
    ]


def _words(drawn: list[_Drawn], slide: Slide, reason: str) -> list[Problem]:
    # The footer (whose slide, whose practice) is not read, only recognised.
    footer = {slide.patient_name.strip(), slide.theme.practice_name.strip(), slide.footer.strip()}
    count = word_count(d.text for d in drawn if d.text.strip() not in footer)
    if count > MAX_WORDS and not reason.strip():
        return [
            Problem(
                "words",
                f"{count} words (at most about {MAX_WORDS}; split the slide, or say why "
                "with 'dense' in the flow)",
            )
        ]
    return []


# -- the check --------------------------------------------------------------------------


def check_layout(
    slide: Slide,
    layout: SlideLayout,
    painter: SlidePainter,
    *,
    dense_reason: str = "",
    sizes: Sequence[tuple[int, int]] = SIZES,
) -> list[Problem]:
    items = _flatten(layout.ops)
    drawn = _texts(items)
    problems = _missing(slide, drawn) + _cut(drawn)
    problems += _overlaps(items)
    problems += _small(drawn, cap_ratio())
    problems += _words(drawn, slide, dense_reason)
    for w, h in sizes:
        image = background_image(layout, painter, w, h)
        for text in drawn:
            worst = worst_contrast(text.color, text.bounds, image)
            if worst is not None and worst < MIN_CONTRAST:
                problems.append(
                    Problem(
                        "contrast",
                        f"'{_short(text.text)}' has contrast {worst:.2f}:1 (at least 7:1)",
                        (w, h),
                    )
                )
    return _unique(problems)


def check_slide(
    slide: Slide,
    *,
    painter: SlidePainter | None = None,
    dense_reason: str = "",
    sizes: Sequence[tuple[int, int]] = SIZES,
) -> list[Problem]:
    """Everything a family across the room would find wrong with ``slide``."""
    painter = painter or SlidePainter()
    return check_layout(
        slide, painter.layout(slide), painter, dense_reason=dense_reason, sizes=sizes
    )


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, tuple[int, int] | None]] = set()
    out = []
    for p in problems:
        key = (p.rule, p.message, p.size)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
