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
from dataclasses import dataclass, fields, is_dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from tcdesk.render.slide import Slide, SlideKind
from tcdesk.ui.painting.blocks import Ctx
from tcdesk.ui.painting.frame import standard_frame, welcome_frame
from tcdesk.ui.painting.images import ImageCache, Signature, signature
from tcdesk.ui.painting.ops import Op, PlacedText, changed_bounds, placed_texts, replay
from tcdesk.ui.painting.style import CANVAS, CANVAS_HEIGHT, CANVAS_WIDTH, Palette
from tcdesk.ui.painting.text import TextMeasure

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

    def __init__(
        self,
        images: ImageCache | None = None,
        max_layouts: int = 24,
        measure: TextMeasure | None = None,
    ) -> None:
        self.images = images if images is not None else ImageCache()
        self.measure = measure if measure is not None else TextMeasure()
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
        ctx = Ctx(palette, self.images, self.measure)
        if slide.kind == SlideKind.WELCOME:
            welcome_frame(ops, slide, ctx)
        else:
            standard_frame(ops, slide, ctx)
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
        self.paint_layout(painter, self.layout(slide), target)

    def paint_layout(self, painter: QPainter, layout: SlideLayout, target: QRectF) -> None:
        """Paint a laid-out slide into ``target``: scaled, centred, margins in the theme."""
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
    """Drop this thread's painter and with it every cached Qt object (fonts,
    metrics, line breaks, images, layouts).

    Call before the QApplication goes away: Qt objects that outlive it crash
    the process on exit.
    """
    painter = getattr(_local, "painter", None)
    if painter is not None:
        painter.measure.clear()  # its caches hold the measure in a cycle: free now
        del _local.painter
