"""Logos, illustrations and signatures as flowables: SVG via svglib, PNG/JPEG via Pillow.

A file is read and checked once per (path, size, modification time) and kept
in a small cache, so printing the same logo again costs nothing. An SVG's
drawing is also kept between runs by the SHA-256 of its bytes
(``parsed_cache``): a new process draws the logo without importing svglib.
A file that can't be read is a ``UserError`` naming it. SVG text is drawn
with the embedded document fonts (never a PDF base font that would not be
embedded).
"""

from __future__ import annotations

import functools
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from tcdesk.documents import parsed_cache
from tcdesk.documents.fonts import SANS, SANS_BOLD, sans
from tcdesk.errors import UserError

_RASTER = frozenset({".png", ".jpg", ".jpeg"})
_BOLD_WEIGHTS = frozenset({"bold", "bolder", "600", "700", "800", "900"})
# What an svglib drawing is made of: the classes a cached one may be built from
# (``*``: any class of that module; its validators are plain checks). A drawing
# with a gradient or a clip has svglib's own shapes: it imports svglib, still
# without parsing the file again.
_DRAWING_CLASSES = {
    "reportlab.graphics.shapes": frozenset(
        {"Circle", "Drawing", "Ellipse", "Group", "Image", "Line", "Path", "PolyLine"}
        | {"Polygon", "Rect", "String", "Wedge"}
    ),
    "svglib.svglib": frozenset(
        {"ClippingPath", "LinearGradientShape", "NoStrokePath", "RadialGradientShape"}
    ),
    "reportlab.lib.colors": frozenset({"CMYKColor", "CMYKColorSep", "Color", "PCMYKColor"}),
    "reportlab.lib.attrmap": frozenset({"AttrMap", "AttrMapValue"}),
    "reportlab.lib.validators": frozenset({"*"}),
}


@dataclass(frozen=True)
class Picture:
    """A checked image: an SVG drawing, or raster bytes; sizes in points."""

    source: str
    width: float
    height: float
    drawing: Drawing | None = None
    raster: bytes = b""

    def fitted(self, max_width: float, max_height: float) -> PictureFlowable:
        """A flowable of this picture scaled to fit the box, keeping its proportions."""
        scale = min(max_width / self.width, max_height / self.height)
        return PictureFlowable(self, self.width * scale, self.height * scale)


class PictureFlowable(Flowable):
    """Draws a ``Picture`` at a fixed size (the cached drawing is never modified)."""

    def __init__(self, picture: Picture, width: float, height: float) -> None:
        super().__init__()
        self.picture = picture
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_picture(self.canv, self.picture, 0, 0, self.width, self.height)


def draw_picture(canvas, picture: Picture, x: float, y: float, width: float, height: float) -> None:
    if picture.drawing is not None:
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(width / picture.width, height / picture.height)
        renderPDF.draw(picture.drawing, canvas, 0, 0, showBoundary=False)
        canvas.restoreState()
    else:
        reader = ImageReader(io.BytesIO(picture.raster))
        canvas.drawImage(reader, x, y, width, height, mask="auto")


def load_picture(path: str | Path, what: str = "image") -> Picture:
    """Read and check ``path`` (SVG, PNG or JPEG); ``what`` names it in errors ("logo")."""
    file = Path(path)
    try:
        stat = file.stat()
    except FileNotFoundError:
        raise UserError(f"The {what} file {file} does not exist.") from None
    except OSError as error:
        raise UserError(f"The {what} file {file} can't be read: {error.strerror}.") from None
    if not file.is_file():
        raise UserError(f"The {what} file {file} is not a file.")
    return _load_cached(str(file.resolve()), stat.st_size, stat.st_mtime_ns, what)


@functools.lru_cache(maxsize=64)
def _load_cached(path: str, size: int, mtime_ns: int, what: str) -> Picture:
    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        return _load_svg(path, what)
    if suffix in _RASTER:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise UserError(f"The {what} file {path} can't be read: {error.strerror}.") from None
        return raster_picture(data, f"The {what} file {path}")
    raise UserError(f"The {what} file {path} must be an SVG, PNG or JPEG image.")


def svg_stamp() -> str:
    """The installed svglib's mark, part of a cached drawing's name."""
    return parsed_cache.installed_stamp("svglib")


def _load_svg(path: str, what: str) -> Picture:
    try:
        source = Path(path).read_bytes()
    except OSError as error:
        raise UserError(f"The {what} file {path} can't be read: {error.strerror}.") from None
    drawing = parsed_cache.cached(
        "svg",
        source,
        lambda: _parse_svg(path, what),
        allowed=_DRAWING_CLASSES,
        made_by=svg_stamp(),  # a new svglib draws anew
    )
    if not isinstance(drawing, Drawing):  # a cache entry of another kind: never drawn
        drawing = _parse_svg(path, what)
    return Picture(path, float(drawing.width), float(drawing.height), drawing=drawing)


def _parse_svg(path: str, what: str) -> Drawing:
    """svglib's drawing of the file, every font mapped to the embedded ones."""
    from svglib.svglib import svg2rlg  # only on a cache miss: lxml and CSS come with it

    svglib_log = logging.getLogger("svglib.svglib")
    level = svglib_log.level
    svglib_log.setLevel(logging.CRITICAL)  # a bad file is reported as a UserError below
    try:
        drawing = svg2rlg(path, font_map=_embedded_font_map())
    except Exception as error:  # svglib raises many kinds on malformed input
        raise UserError(f"The {what} file {path} is not a readable SVG image: {error}") from None
    finally:
        svglib_log.setLevel(level)
    if drawing is None or not drawing.width or not drawing.height:
        raise UserError(f"The {what} file {path} is not a readable SVG image.")
    # The renderer starts each drawing in reportlab's default font (Helvetica,
    # never embedded) unless told otherwise.
    drawing.initialFontName = SANS
    return drawing


def _embedded_font_map():
    """Every SVG font family maps to the embedded DejaVu Sans (bold when asked)."""
    from svglib.fonts import FontMap

    class EmbeddedFontMap(FontMap):
        def find_font(
            self, font_name: str, weight: str = "normal", style: str = "normal"
        ) -> tuple[str, bool]:
            sans()
            return (SANS_BOLD if str(weight).lower() in _BOLD_WEIGHTS else SANS), True

    return EmbeddedFontMap()


def raster_picture(data: bytes, described_as: str) -> Picture:
    """A PNG/JPEG from bytes, fully decoded once to be sure it prints.

    ``described_as`` starts the error message ("The logo file /x/logo.png").
    """
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise UserError(f"{described_as} is not a readable PNG or JPEG image ({error}).") from None
    if not width or not height:
        raise UserError(f"{described_as} is an empty image.")
    # 96 dpi: the size a screen shows it at; callers scale to fit anyway.
    return Picture(described_as, width * 0.75, height * 0.75, raster=data)
