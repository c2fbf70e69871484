"""Loading and drawing the slide's images (SVG or raster), cached, never crashing.

A missing or broken file draws nothing (the caller may draw a placeholder) and
is logged once. SVGs are rendered from their vectors at the exact device
resolution of the target and that result is cached: as crisp as drawing the
vectors every time, without paying ~10 ms per illustration per paint.

Memory is bounded: a raster is decoded at most at the size of the largest
screen (``MAX_DECODE``, via ``QImageReader.setScaledSize``, so a camera's
60-MP file never exists here at full size), opaque pictures stay 32-bit RGB
(no second, premultiplied copy), and both tables give up their oldest
entries past a byte budget as well as a count.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QImage,
    QImageIOHandler,
    QImageReader,
    QPainter,
    QPainterPath,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")
IMAGE_SUFFIXES = (".svg", ".svgz", *RASTER_SUFFIXES)

Signature = tuple[str, int, int]  # path, mtime_ns, size; (path, -1, -1) when missing

MAX_DECODE = QSize(3840, 2160)  # the largest screen a slide is shown on (4K)
SOURCE_BUDGET = 160 * 2**20  # decoded pictures kept, in bytes (a 4K photo is 33 MB)
RENDER_BUDGET = 96 * 2**20  # device-size renders kept, in bytes


def looks_like_image_path(value: str) -> bool:
    return bool(value) and value.lower().endswith(IMAGE_SUFFIXES)


def signature(path: str) -> Signature:
    try:
        st = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, st.st_mtime_ns, st.st_size)


@dataclass
class _Source:
    sig: Signature
    svg: QSvgRenderer | None
    raster: QImage | None

    @property
    def ok(self) -> bool:
        return self.svg is not None or self.raster is not None

    def natural_size(self) -> QSizeF:
        if self.svg is not None:
            box = self.svg.viewBoxF()
            if box.width() > 0 and box.height() > 0:
                return box.size()
            return QSizeF(self.svg.defaultSize())
        if self.raster is not None:
            return QSizeF(self.raster.size())
        return QSizeF()

    @property
    def nbytes(self) -> int:
        return self.raster.sizeInBytes() if self.raster is not None else 0


def fit_rect(
    natural: QSizeF, box: QRectF, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter
) -> QRectF:
    """The largest rect of ``natural``'s aspect inside ``box``."""
    if natural.isEmpty() or box.isEmpty():
        return QRectF(box)
    scale = min(box.width() / natural.width(), box.height() / natural.height())
    w, h = natural.width() * scale, natural.height() * scale
    if align & Qt.AlignmentFlag.AlignLeft:
        x = box.left()
    elif align & Qt.AlignmentFlag.AlignRight:
        x = box.right() - w
    else:
        x = box.left() + (box.width() - w) / 2
    if align & Qt.AlignmentFlag.AlignTop:
        y = box.top()
    elif align & Qt.AlignmentFlag.AlignBottom:
        y = box.bottom() - h
    else:
        y = box.top() + (box.height() - h) / 2
    return QRectF(x, y, w, h)


class ImageCache:
    """Decoded images keyed by path and file signature, plus device-size renders.

    Safe to share between threads: a lock guards the tables and SVG rendering.
    A file that appears or changes later is picked up (the signature changes).
    """

    def __init__(
        self,
        max_sources: int = 64,
        max_renders: int = 48,
        *,
        source_budget: int = SOURCE_BUDGET,
        render_budget: int = RENDER_BUDGET,
    ) -> None:
        self._lock = threading.RLock()
        self._sources: OrderedDict[str, _Source] = OrderedDict()
        self._renders: OrderedDict[tuple[Signature, int, int, int], QImage] = OrderedDict()
        self._max_sources = max_sources
        self._max_renders = max_renders
        self._source_budget = source_budget
        self._render_budget = render_budget
        self._reported: set[Signature] = set()

    def held_bytes(self) -> tuple[int, int]:
        """Bytes of decoded pictures and of renders held now (for tests and benchmarks)."""
        with self._lock:
            return (
                sum(s.nbytes for s in self._sources.values()),
                sum(i.sizeInBytes() for i in self._renders.values()),
            )

    def clear(self) -> None:
        with self._lock:
            self._sources.clear()
            self._renders.clear()

    def _load(self, path: str) -> _Source:
        sig = signature(path)
        with self._lock:
            cached = self._sources.get(path)
            if cached is not None and cached.sig == sig:
                self._sources.move_to_end(path)
                return cached
            svg: QSvgRenderer | None = None
            raster: QImage | None = None
            if sig[1] >= 0:
                if path.lower().endswith((".svg", ".svgz")):
                    renderer = QSvgRenderer(path)
                    if renderer.isValid() and not renderer.viewBoxF().isEmpty():
                        svg = renderer
                else:
                    raster = read_raster(path)
            source = _Source(sig, svg, raster)
            if not source.ok and sig not in self._reported:
                self._reported.add(sig)
                reason = "missing" if sig[1] < 0 else "unreadable"
                log.warning("slide image %s: %s", reason, path)
            self._sources[path] = source
            _trim(self._sources, self._max_sources, self._source_budget, lambda s: s.nbytes)
            return source

    def natural_size(self, path: str) -> QSizeF | None:
        """The image's own size (SVG view box), or None when it cannot be drawn."""
        if not path:
            return None
        source = self._load(path)
        return source.natural_size() if source.ok else None

    def _render(self, source: _Source, width: int, height: int, dpr: float) -> QImage:
        key = (source.sig, width, height, round(dpr * 100))
        with self._lock:
            image = self._renders.get(key)
            if image is not None:
                self._renders.move_to_end(key)
                return image
            if source.svg is not None:
                image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
                image.fill(Qt.GlobalColor.transparent)
                painter = QPainter(image)
                painter.setRenderHints(
                    QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
                )
                source.svg.render(painter, QRectF(0, 0, width, height))
                painter.end()
            else:
                assert source.raster is not None
                image = source.raster.scaled(
                    width,
                    height,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            image.setDevicePixelRatio(dpr)
            self._renders[key] = image
            _trim(self._renders, self._max_renders, self._render_budget, QImage.sizeInBytes)
            return image

    def draw(
        self,
        painter: QPainter,
        path: str,
        box: QRectF,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
        opacity: float = 1.0,
        radius: float = 0.0,
    ) -> bool:
        """Draw ``path`` fitted into ``box`` (aspect kept). False if it cannot be drawn."""
        if not path or box.isEmpty():
            return False
        source = self._load(path)
        if not source.ok:
            return False
        target = fit_rect(source.natural_size(), box, align)
        # The painter's own transform, not deviceTransform(): the latter also holds
        # the offset of a child widget inside its window, which Qt applies again
        # to whatever is drawn (a thumbnail's pictures landed in the wrong place).
        combined = painter.combinedTransform()
        if not combined.isRotating():
            # Render at the device's own pixel grid, then blit 1:1.
            dpr = painter.device().devicePixelRatio() if painter.device() else 1.0
            # On a high-DPI image the combined transform already holds the device
            # pixel ratio (it is then in device pixels); scale by only the part of
            # the ratio it is missing, never twice.
            world = painter.worldTransform().m11()
            held = combined.m11() / world if world > 0 else 1.0
            extra = dpr / held if held > 0 else dpr
            mapped = combined.mapRect(target)
            pixel = QRect(
                round(mapped.left() * extra),
                round(mapped.top() * extra),
                max(1, round(mapped.width() * extra)),
                max(1, round(mapped.height() * extra)),
            )
            if pixel.width() > 8000 or pixel.height() > 8000:
                return False
            image = self._render(source, pixel.width(), pixel.height(), dpr)
            painter.save()
            painter.setWorldTransform(QTransform())
            painter.setOpacity(painter.opacity() * opacity)
            origin = QPointF(pixel.x() / dpr, pixel.y() / dpr)
            if radius > 0:
                r = radius * combined.m11() / (held if held > 0 else 1.0)
                clip = QPainterPath()
                clip.addRoundedRect(QRectF(origin, QSizeF(pixel.size()) / dpr), r, r)
                painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
            painter.drawImage(origin, image)
            painter.restore()
            return True
        with self._lock:
            painter.save()
            painter.setOpacity(painter.opacity() * opacity)
            if source.svg is not None:
                source.svg.render(painter, target)
            elif source.raster is not None:
                painter.drawImage(target, source.raster)
            painter.restore()
        return True


def read_raster(path: str, largest: QSize = MAX_DECODE) -> QImage | None:
    """The picture upright, decoded at no more than ``largest`` (aspect kept); None if unreadable.

    The reader scales while decoding (a JPEG at 1/2, 1/4, 1/8 in the decoder
    itself), so a file larger than a screen costs only what a screen shows.
    """
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and not size.isEmpty():
        turned = bool(
            reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90
        )
        box = largest.transposed() if turned else largest
        if size.width() > box.width() or size.height() > box.height():
            reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    if image.hasAlphaChannel():
        return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    if image.format() != QImage.Format.Format_RGB32:
        return image.convertToFormat(QImage.Format.Format_RGB32)
    return image


def _trim(table: OrderedDict, most: int, budget: int, size_of) -> None:
    """Drop the oldest entries past ``most`` of them or ``budget`` bytes (the newest stays)."""
    total = sum(size_of(v) for v in table.values())
    while len(table) > 1 and (len(table) > most or total > budget):
        _key, dropped = table.popitem(last=False)
        total -= size_of(dropped)


def placeholder_path(rect: QRectF) -> QPainterPath:
    """A simple 'picture' glyph (frame, sun, hill) centred in ``rect``."""
    side = min(rect.width(), rect.height()) * 0.34
    c = rect.center()
    frame = QRectF(c.x() - side, c.y() - side * 0.75, side * 2, side * 1.5)
    path = QPainterPath()
    path.addRoundedRect(frame, side * 0.12, side * 0.12)
    sun = QPainterPath()
    sun.addEllipse(
        QPointF(frame.left() + side * 0.55, frame.top() + side * 0.5), side * 0.18, side * 0.18
    )
    hill = QPainterPath()
    hill.moveTo(frame.left() + side * 0.15, frame.bottom() - side * 0.15)
    hill.lineTo(frame.left() + side * 0.8, frame.top() + side * 0.75)
    hill.lineTo(frame.left() + side * 1.2, frame.top() + side * 1.05)
    hill.lineTo(frame.left() + side * 1.45, frame.top() + side * 0.85)
    hill.lineTo(frame.right() - side * 0.15, frame.bottom() - side * 0.15)
    return _combine(path, sun, hill)


def _combine(*paths: QPainterPath) -> QPainterPath:
    out = QPainterPath()
    for p in paths:
        out.addPath(p)
    return out


__all__ = [
    "IMAGE_SUFFIXES",
    "ImageCache",
    "fit_rect",
    "looks_like_image_path",
    "placeholder_path",
    "read_raster",
    "signature",
]
