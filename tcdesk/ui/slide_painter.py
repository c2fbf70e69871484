"""The one rendering path for slides: live display, console thumbnail, PNG export.

A ``Slide`` is laid out once on a virtual 1920x1080 canvas (type sizes, line
breaks, shrink-to-fit and ellipses all decided there) into a list of drawing
operations, cached per slide. Painting replays them under a uniform scale,
centred in the target, with the margins filled in the theme's background: the
slide looks the same at 1280x720, 1920x1080 and 3840x2160, on 16:10 and 4:3,
and stays crisp because text and vectors are drawn at the device's resolution.

Importing this module raises Qt's cached-glyph size limit (see
``tcdesk.ui.painting``); the app should import it before painting any text.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from tcdesk.render.slide import (
    Block,
    BulletsBlock,
    ChoicesBlock,
    FiguresBlock,
    FindingBlock,
    ImageBlock,
    OptionsBlock,
    QuoteBlock,
    Slide,
    SlideKind,
    StepsBlock,
    TextBlock,
    TimelineBlock,
)
from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.blocks import (
    CENTER,
    LEFT,
    BlockLayout,
    Ctx,
    FiguresLayout,
    ImageLayout,
    QuoteLayout,
    bullets_layout,
    steps_layout,
    text_layout,
)
from tcdesk.ui.painting.cards import ChoicesLayout, OptionsLayout
from tcdesk.ui.painting.findings import FindingsLayout
from tcdesk.ui.painting.images import ImageCache, Signature, signature
from tcdesk.ui.painting.ops import (
    GroupOp,
    ImageOp,
    Op,
    PlacedText,
    RectOp,
    changed_bounds,
    placed_texts,
    replay,
)
from tcdesk.ui.painting.stack import (
    Element,
    Fixed,
    Flex,
    Gap,
    Text,
    fit_stack,
    minimum_height,
    natural_height,
    place_stack,
)
from tcdesk.ui.painting.style import CANVAS, CANVAS_HEIGHT, CANVAS_WIDTH, SAFE, Palette
from tcdesk.ui.painting.text import WIDTH_SLACK as SLACK
from tcdesk.ui.painting.text import single_line, text_op
from tcdesk.ui.painting.timeline import TimelineLayout

__all__ = [
    "CANVAS_HEIGHT",
    "CANVAS_WIDTH",
    "SlideLayout",
    "SlidePainter",
    "canvas_rect",
    "default_painter",
    "layout_slide",
    "paint_blank",
    "paint_slide",
    "render_slide_image",
]

BLOCK_GAP = 56.0
HERO_LOGO_BOX = (720.0, 220.0)


@dataclass
class SlideLayout:
    """A slide laid out on the 1920x1080 canvas: what to draw, in order."""

    background: QColor
    ops: list[Op]

    def texts(self) -> list[PlacedText]:
        """Every piece of text with its box and bounds on the canvas."""
        return placed_texts(self.ops)


def canvas_rect(target: QRectF) -> QRectF:
    """Where the 16:9 canvas lands inside ``target`` (uniform scale, centred)."""
    scale = min(target.width() / CANVAS_WIDTH, target.height() / CANVAS_HEIGHT)
    w, h = CANVAS_WIDTH * scale, CANVAS_HEIGHT * scale
    return QRectF(
        target.left() + (target.width() - w) / 2, target.top() + (target.height() - h) / 2, w, h
    )


# -- grouping blocks ----------------------------------------------------------------------


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
                out.append(FindingsLayout(run, ctx))  # type: ignore[arg-type]
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


# -- the slide frame ----------------------------------------------------------------------


def _accent(palette: Palette, width: float = 96.0, centred: bool = False):
    def draw(ops: list[Op], rect: QRectF, k: float) -> None:
        x = rect.center().x() - width / 2 if centred else rect.left()
        bar = QRectF(x, rect.center().y() - 4, width, 8)
        ops.append(RectOp(bar, palette.brand, radius=4))

    return draw


def _logo(path: str, align: Qt.AlignmentFlag):
    def draw(ops: list[Op], rect: QRectF, k: float) -> None:
        ops.append(ImageOp(path, rect, align=align))

    return draw


def _footer(ops: list[Op], slide: Slide, palette: Palette, *, name: bool, practice: bool) -> float:
    """Patient name (left) and footer or practice name (right); returns the footer's top.

    The family's name comes first: a long name takes the room it needs, and the
    practice's name gives way (it is on the welcome and idle screens anyway).
    """
    left = slide.patient_name.strip() if name else ""
    right = slide.footer.strip() or (slide.theme.practice_name.strip() if practice else "")
    if not left and not right:
        return SAFE.bottom()
    height = S.FOOTER.nominal * S.FOOTER.spacing
    top = SAFE.bottom() - height
    gap = 48.0
    left_w = right_w = 0.0
    if left:
        left_w = min(SAFE.width(), single_line(left, S.FOOTER, SAFE.width()).width / SLACK + 2)
    if right:
        natural = single_line(right, S.FOOTER.fixed(), SAFE.width()).width / SLACK + 2
        right_w = natural if left_w + gap + natural <= SAFE.width() else 0.0
        if not left and not right_w:
            right_w = SAFE.width()
    if left:
        w = single_line(left, S.FOOTER, left_w)
        ops.append(text_op(w, QRectF(SAFE.left(), top, left_w, height), palette.muted))
    if right and right_w:
        w = single_line(right, S.FOOTER, right_w)
        box = QRectF(SAFE.right() - right_w, top, right_w, height)
        ops.append(text_op(w, box, palette.muted, Qt.AlignmentFlag.AlignRight))
    return top


def _name_in_heading(slide: Slide) -> bool:
    name = slide.patient_name.strip()
    if not name:
        return True
    first = name.split()[0].lower()
    return first in slide.title.lower() or first in slide.subtitle.lower()


def _usable(path: str, ctx: Ctx) -> str:
    """``path`` if it loads now; layouts are re-made when the file appears or changes."""
    return path if path and ctx.images.natural_size(path) is not None else ""


def _standard(ops: list[Op], slide: Slide, ctx: Ctx) -> None:
    """Title, accent, body; the patient's name and the practice's name in the footer.

    No corner logo: squeezed into a corner, a logo's own small print (a
    practice's "Orthodontics") is far below what reads at 3 m. The logo is the
    hero of the welcome and idle screens instead; here the practice's name is
    text, at the footer's size.
    """
    p = ctx.palette
    footer_top = _footer(ops, slide, p, name=True, practice=True)
    title_w = SAFE.width()
    header: list[Element] = [Text(slide.title, S.TITLE, p.brand_text, LEFT, 2)]
    if slide.subtitle.strip():
        header += [Gap(12, 6), Text(slide.subtitle, S.SUBTITLE, p.muted, LEFT, 2)]
    header_box = QRectF(SAFE.left(), SAFE.top(), title_w, 300)
    used = place_stack(ops, header, header_box, fit_stack(header, title_w, header_box.height()))
    header_bottom = SAFE.top() + used
    accent_y = header_bottom + 20
    _accent(p)(ops, QRectF(SAFE.left(), accent_y, 96, 8), 1.0)
    body_top = accent_y + 8 + 44
    body_bottom = footer_top - (36 if footer_top < SAFE.bottom() else 0)
    body = QRectF(SAFE.left(), body_top, SAFE.width(), body_bottom - body_top)
    picture, words = _beside(slide.blocks)
    if picture is None:
        build_blocks(ops, block_layouts(slide.blocks, ctx), body)
        return
    # Words on the left, the picture on the right: both at full size, neither cut.
    text_w = body.width() * BESIDE_TEXT_SHARE
    build_blocks(
        ops, block_layouts(words, ctx), QRectF(body.left(), body.top(), text_w, body.height()), 0.5
    )
    right = QRectF(
        body.left() + text_w + BESIDE_GAP,
        body.top(),
        body.width() - text_w - BESIDE_GAP,
        body.height(),
    )
    build_blocks(ops, block_layouts([picture], ctx), right, 0.5)


BESIDE_TEXT_SHARE = 0.56
BESIDE_GAP = 64.0


def _beside(blocks: Sequence[Block]) -> tuple[ImageBlock | None, list[Block]]:
    """A slide of words and one picture (the care steps): the picture, and the words."""
    images = [b for b in blocks if isinstance(b, ImageBlock)]
    words = [b for b in blocks if isinstance(b, TextBlock | BulletsBlock)]
    if len(images) == 1 and words and len(images) + len(words) == len(blocks):
        return images[0], words
    return None, list(blocks)


def _welcome(ops: list[Op], slide: Slide, ctx: Ctx) -> None:
    """A calm, centred opening: logo, a big welcome, a line of text."""
    p = ctx.palette
    theme = slide.theme
    logo = _usable(theme.logo_path, ctx)
    # The renderer also sends the logo as an image block: show it once, as the hero.
    blocks = [
        b
        for b in slide.blocks
        if not (isinstance(b, ImageBlock) and b.path and b.path == theme.logo_path)
    ]
    practice = theme.practice_name.strip()
    show_practice = not logo and bool(practice) and practice != slide.title.strip()
    footer_top = _footer(ops, slide, p, name=not _name_in_heading(slide), practice=False)
    area = QRectF(SAFE.left(), SAFE.top(), SAFE.width(), footer_top - SAFE.top() - 24)
    hero: list[Element] = []
    if logo:
        hero += [Flex(120, HERO_LOGO_BOX[1], _logo(logo, CENTER)), Gap(72, 28)]
    elif show_practice:
        hero += [Text(practice, S.HERO_PRACTICE, p.muted, CENTER, 2), Gap(40, 20)]
    hero.append(Text(slide.title, S.HERO_TITLE, p.brand_text, CENTER, 2))
    hero += [Gap(40, 16), Fixed(8, 8, _accent(p, 120, centred=True))]
    if slide.subtitle.strip():
        hero += [Gap(40, 16), Text(slide.subtitle, S.HERO_SUBTITLE, p.muted, CENTER, 3)]
    width = min(area.width(), 1500.0)
    left = area.left() + (area.width() - width) / 2
    layouts = block_layouts(blocks, Ctx(ctx.palette, ctx.images, centered=True))
    hero_h = min(natural_height(hero, width), area.height())
    body_h = 0.0
    if layouts:
        body_pref = sum(b.preferred_height(width) for b in layouts)
        body_pref += BLOCK_GAP * (len(layouts) - 1)
        # The agenda and the welcome text come first: the logo gives up its height.
        hero_least = minimum_height(hero, width)
        hero_h = min(hero_h, max(hero_least, area.height() - body_pref - 72))
        body_h = min(body_pref, area.height() - hero_h - 72)
    total = hero_h + (72 + body_h if layouts else 0.0)
    top = area.top() + max(0.0, (area.height() - total) * 0.45)
    hero_rect = QRectF(left, top, width, hero_h)
    place_stack(ops, hero, hero_rect, fit_stack(hero, width, hero_h))
    if layouts:
        build_blocks(ops, layouts, QRectF(left, hero_rect.bottom() + 72, width, body_h), 0.0)


# -- caching painter ----------------------------------------------------------------------

_IMAGE_FIELDS = {"logo_path", "illustration", "photo", "icon", "path"}


def _image_paths(value: object, found: list[str]) -> None:
    if isinstance(value, tuple):
        for item in value:
            _image_paths(item, found)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            attr = getattr(value, f.name)
            if f.name in _IMAGE_FIELDS and isinstance(attr, str):
                if attr:
                    found.append(attr)
            elif isinstance(attr, tuple) or is_dataclass(attr):
                _image_paths(attr, found)


class SlidePainter:
    """Lays slides out (cached per slide and image-file state) and paints them.

    One per thread; the image cache may be shared. ``paint_slide`` uses a
    default one per thread, so most callers never build one.
    """

    def __init__(self, images: ImageCache | None = None, max_layouts: int = 24) -> None:
        self.images = images if images is not None else ImageCache()
        self._layouts: OrderedDict[tuple[Slide, tuple[Signature, ...]], SlideLayout] = OrderedDict()
        self._max_layouts = max_layouts

    def layout(self, slide: Slide) -> SlideLayout:
        paths: list[str] = []
        _image_paths(slide, paths)
        key = (slide, tuple(signature(p) for p in paths))
        try:
            cached = self._layouts.get(key)
        except TypeError:  # a block built with a list instead of a tuple: lay out, don't cache
            return self._build(slide)
        if cached is not None:
            self._layouts.move_to_end(key)
            return cached
        layout = self._build(slide)
        self._layouts[key] = layout
        while len(self._layouts) > self._max_layouts:
            self._layouts.popitem(last=False)
        return layout

    def _build(self, slide: Slide) -> SlideLayout:
        palette = Palette.from_theme(slide.theme)
        ops: list[Op] = []
        ctx = Ctx(palette, self.images)
        if slide.kind == SlideKind.WELCOME:
            _welcome(ops, slide, ctx)
        else:
            _standard(ops, slide, ctx)
        return SlideLayout(palette.background, ops)

    def changed_area(self, old: Slide, new: Slide, target: QRectF) -> QRectF | None:
        """Where, in ``target``, ``new`` looks different from ``old``; None: everywhere.

        A payment drag changes one row of cards: repainting only that row saves
        most of the painting and of the copy to the screen.
        """
        before, after = self.layout(old), self.layout(new)
        if before.background != after.background:
            return None
        area = changed_bounds(before.ops, after.ops)
        if area is None:
            return None
        canvas = canvas_rect(target)
        scale = canvas.width() / CANVAS_WIDTH
        return QRectF(
            canvas.left() + area.left() * scale,
            canvas.top() + area.top() * scale,
            area.width() * scale,
            area.height() * scale,
        )

    def paint(self, painter: QPainter, slide: Slide, target: QRectF) -> None:
        layout = self.layout(slide)
        painter.save()
        painter.fillRect(target, layout.background)
        canvas = canvas_rect(target)
        scale = canvas.width() / CANVAS_WIDTH
        if scale > 0:
            painter.translate(canvas.topLeft())
            painter.scale(scale, scale)
            painter.setClipRect(CANVAS, Qt.ClipOperation.IntersectClip)
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing
                | QPainter.RenderHint.TextAntialiasing
                | QPainter.RenderHint.SmoothPixmapTransform
            )
            replay(layout.ops, painter, self.images)
        painter.restore()


_local = threading.local()


def default_painter() -> SlidePainter:
    """This thread's shared SlidePainter (layouts are not shared across threads)."""
    painter = getattr(_local, "painter", None)
    if painter is None:
        painter = SlidePainter()
        _local.painter = painter
    return painter


def layout_slide(slide: Slide) -> SlideLayout:
    return default_painter().layout(slide)


def paint_slide(painter: QPainter, slide: Slide, target: QRectF) -> None:
    """Paint ``slide`` into ``target`` (logical coordinates of ``painter``)."""
    default_painter().paint(painter, slide, QRectF(target))


def paint_blank(painter: QPainter, rect: QRectF, colour: QColor | str) -> None:
    """Fill ``rect`` with one colour: the blanked display ('black' or 'white')."""
    painter.fillRect(QRectF(rect), QColor(colour))


def render_slide_image(
    slide: Slide, width: int, height: int, device_pixel_ratio: float = 1.0
) -> QImage:
    """The slide as an image ``width`` x ``height`` logical pixels at ``device_pixel_ratio``.

    The image holds ``width * dpr`` x ``height * dpr`` pixels and has its DPR
    set, for PNG export (dpr 1) and crisp HiDPI thumbnails.
    """
    dpr = max(0.1, float(device_pixel_ratio))
    image = QImage(
        max(1, round(width * dpr)),
        max(1, round(height * dpr)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(dpr)
    painter = QPainter(image)
    try:
        paint_slide(painter, slide, QRectF(0, 0, image.width() / dpr, image.height() / dpr))
    finally:
        painter.end()
    return image


def release_caches() -> None:
    """Drop every cached Qt object (fonts, metrics, images, layouts).

    Call before the QApplication goes away: Qt objects that outlive it crash
    the process on exit.
    """
    from tcdesk.ui.painting import stack, text

    for cached in (
        text.font_for,
        text.metrics_for,
        text.wrap,
        text.fit_width_size,
        text.word_fit_size,
        text.lines_fit_size,
        stack._wrapped,
    ):
        cached.cache_clear()
    if hasattr(_local, "painter"):
        del _local.painter
