"""The slide's body: its blocks stacked in the room under the title.

Consecutive findings or photos are grouped; every block says how tall it
would like to be and how small it can get, and ``build_blocks`` shares the
height out, shrinking in proportion, so a fee or a date is never left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTransform

from tcdesk.render.slide import (
    Block,
    BulletsBlock,
    ChoicesBlock,
    FiguresBlock,
    FindingBlock,
    ImageBlock,
    OptionsBlock,
    QuoteBlock,
    StepsBlock,
    TextBlock,
    TimelineBlock,
)
from tcdesk.ui.painting.blocks import (
    BlockLayout,
    Ctx,
    ImageLayout,
    QuoteLayout,
    bullets_layout,
    steps_layout,
    text_layout,
)
from tcdesk.ui.painting.cards import ChoicesLayout, OptionsLayout
from tcdesk.ui.painting.figures import FiguresLayout
from tcdesk.ui.painting.findings import FindingsLayout
from tcdesk.ui.painting.ops import GroupOp, Op
from tcdesk.ui.painting.style import SAFE
from tcdesk.ui.painting.timeline import TimelineLayout

BLOCK_GAP = 56.0


class GalleryLayout:
    """Consecutive images (photos) side by side."""

    GAP = 40.0

    def __init__(self, images: Sequence[ImageBlock], ctx: Ctx):
        self.items = [ImageLayout(b, ctx) for b in images]

    def _w(self, width: float) -> float:
        return (width - (len(self.items) - 1) * self.GAP) / len(self.items)

    def preferred_height(self, width: float) -> float:
        return max(i.preferred_height(self._w(width)) for i in self.items)

    def minimum_height(self, width: float) -> float:
        return max(i.minimum_height(self._w(width)) for i in self.items)

    def build(self, ops: list[Op], rect: QRectF) -> None:
        w = self._w(rect.width())
        for n, item in enumerate(self.items):
            item.build(ops, QRectF(rect.left() + n * (w + self.GAP), rect.top(), w, rect.height()))


class PhotoGrid:
    """The family's photos in a column (one or two) or two columns (three or four)."""

    GAP = 32.0

    def __init__(self, images: Sequence[ImageBlock], ctx: Ctx):
        self.items = [ImageLayout(b, ctx) for b in images]
        self.columns = 1 if len(self.items) <= 2 else 2
        self.rows = -(-len(self.items) // self.columns)

    def _w(self, width: float) -> float:
        return (width - (self.columns - 1) * self.GAP) / self.columns

    def _rows(self, width: float, measure) -> float:
        w = self._w(width)
        return self.rows * max(measure(i, w) for i in self.items) + (self.rows - 1) * self.GAP

    def preferred_height(self, width: float) -> float:
        return self._rows(width, lambda item, w: item.preferred_height(w))

    def minimum_height(self, width: float) -> float:
        return self._rows(width, lambda item, w: item.minimum_height(w))

    def build(self, ops: list[Op], rect: QRectF) -> None:
        w = self._w(rect.width())
        h = (rect.height() - (self.rows - 1) * self.GAP) / self.rows
        for n, item in enumerate(self.items):
            row, col = divmod(n, self.columns)
            left = rect.left() + col * (w + self.GAP)
            item.build(ops, QRectF(left, rect.top() + row * (h + self.GAP), w, h))


class FindingsBesidePhotos:
    """What the doctor found on the left, the family's own photos beside it.

    Stacked under the findings, photos squeezed the findings' words below
    what reads from across the room; side by side both keep their size.
    """

    GAP = 64.0

    def __init__(self, findings: FindingsLayout, photos: PhotoGrid):
        self.findings = findings
        self.photos = photos
        crowded = len(findings.findings) >= 3
        self.share = 0.22 if crowded else (0.3 if photos.columns == 1 else 0.4)

    @staticmethod
    def most_photos(findings: int) -> int:
        """Three findings across leave room for a column of two photos beside them."""
        return 2 if findings >= 3 else 4

    def _split(self, width: float) -> tuple[float, float]:
        right = width * self.share
        return width - right - self.GAP, right

    def preferred_height(self, width: float) -> float:
        left, right = self._split(width)
        return max(self.findings.preferred_height(left), self.photos.preferred_height(right))

    def minimum_height(self, width: float) -> float:
        left, right = self._split(width)
        return max(self.findings.minimum_height(left), self.photos.minimum_height(right))

    def build(self, ops: list[Op], rect: QRectF) -> None:
        left, right = self._split(rect.width())
        self.findings.build(ops, QRectF(rect.left(), rect.top(), left, rect.height()))
        photos = QRectF(rect.right() - right, rect.top(), right, rect.height())
        self.photos.build(ops, photos)


def block_layouts(blocks: Sequence[Block], ctx: Ctx) -> list[BlockLayout]:
    out: list[BlockLayout] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, FindingBlock | ImageBlock):
            kind = type(block)
            j = i
            while j < len(blocks) and isinstance(blocks[j], kind):
                j += 1
            run = list(blocks[i:j])
            if kind is FindingBlock:
                k = j
                while k < len(blocks) and isinstance(blocks[k], ImageBlock):
                    k += 1
                findings = FindingsLayout(run, ctx)  # type: ignore[arg-type]
                if k > j:  # the family's photos follow: beside the findings, not under
                    most = FindingsBesidePhotos.most_photos(len(run))
                    photos = PhotoGrid(list(blocks[j:k])[:most], ctx)  # type: ignore[arg-type]
                    out.append(FindingsBesidePhotos(findings, photos))
                    j = k
                else:
                    out.append(findings)
            elif len(run) == 1:
                out.append(ImageLayout(run[0], ctx))  # type: ignore[arg-type]
            else:
                out.append(GalleryLayout(run, ctx))  # type: ignore[arg-type]
            i = j
            continue
        match block:
            case TextBlock():
                out.append(text_layout(block, ctx))
            case BulletsBlock():
                out.append(bullets_layout(block, ctx))
            case QuoteBlock():
                out.append(QuoteLayout(block, ctx))
            case OptionsBlock():
                out.append(OptionsLayout(block, ctx))
            case TimelineBlock():
                out.append(TimelineLayout(block, ctx))
            case FiguresBlock():
                out.append(FiguresLayout(block, ctx))
            case ChoicesBlock():
                out.append(ChoicesLayout(block, ctx))
            case StepsBlock():
                out.append(steps_layout(block, ctx))
        i += 1
    return [b for b in out if b.preferred_height(SAFE.width()) > 0]


def allocate(
    layouts: Sequence[BlockLayout], width: float, height: float, gap: float = BLOCK_GAP
) -> tuple[list[float], float]:
    """Heights for stacked blocks and the spare height left over.

    Each block gets its preferred height if all fit; otherwise each gives up
    height in proportion to how far it can shrink, down to its minimum (at
    which long texts are cut to a couple of lines and elided).
    """
    if not layouts:
        return [], height
    avail = height - gap * (len(layouts) - 1)
    prefs = [max(1.0, b.preferred_height(width)) for b in layouts]
    if sum(prefs) <= avail:
        return prefs, avail - sum(prefs)
    mins = [min(p, max(1.0, b.minimum_height(width))) for b, p in zip(layouts, prefs, strict=True)]
    if sum(mins) >= avail:
        scale = avail / sum(mins)
        return [m * scale for m in mins], 0.0
    room = sum(p - m for p, m in zip(prefs, mins, strict=True))
    give = avail - sum(mins)
    return [m + (p - m) * give / room for p, m in zip(prefs, mins, strict=True)], 0.0


def _minimum_total(layouts: Sequence[BlockLayout], width: float) -> float:
    mins = [min(b.preferred_height(width), b.minimum_height(width)) for b in layouts]
    return sum(mins) + BLOCK_GAP * max(0, len(layouts) - 1)


def build_blocks(
    ops: list[Op], layouts: Sequence[BlockLayout], rect: QRectF, lift: float = 0.4
) -> None:
    """Stack the blocks in ``rect``; spare room goes mostly below (optical centre).

    When even the blocks' minimums do not fit (a slide crammed with content),
    they are laid out at their minimums on a taller canvas and scaled down as
    a group: smaller type, but nothing (a fee, a date) silently left out.
    """
    if not layouts or rect.height() <= 0:
        return
    need = _minimum_total(layouts, rect.width())
    if need > rect.height() + 0.5:
        scale = rect.height() / need
        inner: list[Op] = []
        build_blocks(inner, layouts, QRectF(0, 0, rect.width() / scale, need), lift)
        transform = QTransform()
        transform.translate(rect.left(), rect.top())
        transform.scale(scale, scale)
        ops.append(GroupOp(transform, inner))
        return
    heights, spare = allocate(layouts, rect.width(), rect.height())
    y = rect.top() + spare * lift
    for layout, h in zip(layouts, heights, strict=True):
        layout.build(ops, QRectF(rect.left(), y, rect.width(), h))
        y += h + BLOCK_GAP
