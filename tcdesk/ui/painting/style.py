"""Design constants for the slide canvas: geometry, type scale, colours.

Everything is in pixels of the virtual 1920x1080 canvas. The family reads the
screen from about 3 metres, so nothing drawn is smaller than ``MIN_TEXT_PX``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont

from tcdesk.render.slide import Theme

CANVAS_WIDTH = 1920
CANVAS_HEIGHT = 1080
CANVAS = QRectF(0, 0, CANVAS_WIDTH, CANVAS_HEIGHT)

# Title-safe area: 5 % of the width and height, so TVs that overscan lose nothing.
MARGIN_X = 96.0
MARGIN_TOP = 64.0
MARGIN_BOTTOM = 56.0
SAFE = QRectF(
    MARGIN_X, MARGIN_TOP, CANVAS_WIDTH - 2 * MARGIN_X, CANVAS_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
)

# The family reads from about 3 m: every text has a cap height of at least
# 1/45 of the screen height, 24 px on this canvas. DejaVu Sans's caps are
# 0.729 of the pixel size, so no text is set below 34 px (cap 24.8 px).
MIN_TEXT_PX = 34
BODY_FLOOR_PX = 40  # paragraphs, bullets, quotes, steps never shrink below this


@dataclass(frozen=True)
class TextStyle:
    """A role in the type scale: shrink-to-fit moves between ``nominal`` and ``floor``."""

    nominal: int
    floor: int
    bold: bool = False
    italic: bool = False
    spacing: float = 1.25  # line height as a multiple of the pixel size

    def size_at(self, k: float) -> int:
        return round(self.floor + (self.nominal - self.floor) * max(0.0, min(1.0, k)))

    def fixed(self) -> TextStyle:
        return replace(self, floor=self.nominal)


M = MIN_TEXT_PX
TITLE = TextStyle(80, 64, bold=True, spacing=1.12)
HERO_TITLE = TextStyle(104, 72, bold=True, spacing=1.1)
SUBTITLE = TextStyle(44, M)
HERO_SUBTITLE = TextStyle(48, 36)
HERO_PRACTICE = TextStyle(44, M, bold=True)
FOOTER = TextStyle(M, M)
BODY = TextStyle(48, BODY_FLOOR_PX)
QUOTE = TextStyle(60, BODY_FLOOR_PX, italic=True, spacing=1.3)
ATTRIBUTION = TextStyle(38, M)
STEP = TextStyle(52, BODY_FLOOR_PX, spacing=1.2)
STEP_NUMBER = TextStyle(48, 36, bold=True, spacing=1.0)
CARD_TITLE = TextStyle(44, M, bold=True, spacing=1.15)
CARD_LINE = TextStyle(38, M, spacing=1.22)
CARD_META = TextStyle(38, M, spacing=1.2)
CARD_FEE = TextStyle(68, 44, bold=True, spacing=1.1)
CARD_MONTHLY = TextStyle(38, M, bold=True, spacing=1.2)
CHOICE_HEADLINE = TextStyle(80, 48, bold=True, spacing=1.1)
CHOICE_UNIT = TextStyle(38, M, bold=True, spacing=1.2)
RIBBON = TextStyle(M, M, bold=True, spacing=1.0)
FINDING_TITLE = TextStyle(56, 40, bold=True, spacing=1.12)
FINDING_LABEL = TextStyle(M, M, bold=True, spacing=1.2)
FINDING_TEXT = TextStyle(42, M, spacing=1.25)
CHIP = TextStyle(M, M, bold=True, spacing=1.0)
FIGURE_LABEL = TextStyle(42, M, spacing=1.2)
FIGURE_VALUE = TextStyle(112, 64, bold=True, spacing=1.05)
FIGURE_VALUE_EMPHASIS = TextStyle(136, 80, bold=True, spacing=1.05)
FIGURE_NOTE = TextStyle(M, M, spacing=1.2)
FOOTNOTE = TextStyle(M, M, spacing=1.25)
TIMELINE_TICK = TextStyle(M, M, bold=True, spacing=1.0)
TIMELINE_NAME = TextStyle(40, M, bold=True, spacing=1.15)
TIMELINE_WHEN = TextStyle(38, M, bold=True, spacing=1.15)
TIMELINE_DETAIL = TextStyle(M, M, spacing=1.2)
CAPTION = TextStyle(36, M, spacing=1.2)

FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]


def make_font(size: int, *, bold: bool = False, italic: bool = False) -> QFont:
    """The system sans at a canvas pixel size, unhinted so it scales linearly."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, size))
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def _colour(value: str, fallback: str) -> QColor:
    colour = QColor(value) if value else QColor()
    return colour if colour.isValid() else QColor(fallback)


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way towards ``b``."""
    t = max(0.0, min(1.0, t))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def readable_on(colour: QColor, background: QColor, ratio: float = 4.5) -> QColor:
    """``colour`` darkened (or lightened) until it reads on ``background``."""
    target = QColor("#000000") if luminance(background) > 0.4 else QColor("#FFFFFF")
    out = QColor(colour)
    step = 0
    while contrast(out, background) < ratio and step < 40:
        step += 1
        out = mix(colour, target, step * 0.025)
    return out


TEXT_CONTRAST = 7.0  # WCAG AAA: every text against what is behind it


def fill_for_text(colour: QColor, ratio: float = TEXT_CONTRAST) -> tuple[QColor, QColor]:
    """A fill as close to ``colour`` as lets white or near-black text reach ``ratio``.

    Light brand colours keep their shade and carry dark text; mid and dark ones
    are deepened until white text reads. Returns (fill, text colour).
    """
    white, black = QColor("#FFFFFF"), QColor("#111111")
    if contrast(black, colour) >= ratio:
        return QColor(colour), black
    fill = QColor(colour)
    step = 0
    while contrast(white, fill) < ratio and step < 40:
        step += 1
        fill = mix(colour, QColor("#000000"), step * 0.025)
    return fill, white


@dataclass(frozen=True, eq=False)
class Palette:
    """Colours derived from the practice ``Theme``, every text colour at 7:1 or more.

    Text colours are checked against the darkest panel they can sit on
    (``tint_strong``), not only the page, so a label on a tinted card reads
    as well as one on white, whatever the practice's brand colour.
    """

    background: QColor
    foreground: QColor
    muted: QColor
    brand: QColor  # accents, bars, borders
    brand_text: QColor  # the brand colour when used for text: always readable
    brand_fill: QColor  # a brand fill that carries text (ribbons, numbers, badges)
    on_brand: QColor  # text on ``brand_fill``
    tint: QColor  # very light brand wash for panels
    tint_strong: QColor
    border: QColor

    @classmethod
    def from_theme(cls, theme: Theme) -> Palette:
        bg = _colour(theme.background, "#FFFFFF")
        brand = _colour(theme.brand_color, "#1F6F8B")
        tint, tint_strong = mix(bg, brand, 0.07), mix(bg, brand, 0.16)
        fg = readable_on(_colour(theme.foreground, "#1B1B1B"), tint_strong, TEXT_CONTRAST)
        fill, on_fill = fill_for_text(brand)
        return cls(
            background=bg,
            foreground=fg,
            muted=readable_on(_colour(theme.muted, "#5A5A5A"), tint_strong, TEXT_CONTRAST),
            brand=brand,
            brand_text=readable_on(brand, tint_strong, TEXT_CONTRAST),
            brand_fill=fill,
            on_brand=on_fill,
            tint=tint,
            tint_strong=tint_strong,
            border=mix(bg, fg, 0.16),
        )

    def ramp(self, index: int, count: int) -> QColor:
        """Phase colours on the timeline: brand, getting lighter, all readable as a bar."""
        if count <= 1:
            return self.brand
        return mix(self.brand, self.background, 0.62 * index / (count - 1))


SEVERITY_COLOURS = {
    "mild": ("#E3F2E6", "#1E6B34"),
    "moderate": ("#FFF1D2", "#7A4E00"),
    "severe": ("#FCE4E1", "#A3261B"),
}
