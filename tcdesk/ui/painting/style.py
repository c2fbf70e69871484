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

MIN_TEXT_PX = 28
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


TITLE = TextStyle(80, 64, bold=True, spacing=1.12)
HERO_TITLE = TextStyle(104, 72, bold=True, spacing=1.1)
SUBTITLE = TextStyle(44, 34)
HERO_SUBTITLE = TextStyle(48, 36)
HERO_PRACTICE = TextStyle(44, 34, bold=True)
FOOTER = TextStyle(28, 28)
BODY = TextStyle(48, BODY_FLOOR_PX)
QUOTE = TextStyle(60, BODY_FLOOR_PX, italic=True, spacing=1.3)
ATTRIBUTION = TextStyle(36, 30)
STEP = TextStyle(52, BODY_FLOOR_PX, spacing=1.2)
STEP_NUMBER = TextStyle(48, 36, bold=True, spacing=1.0)
CARD_TITLE = TextStyle(44, 32, bold=True, spacing=1.15)
CARD_LINE = TextStyle(34, 28, spacing=1.22)
CARD_META = TextStyle(32, 28, spacing=1.2)
CARD_FEE = TextStyle(68, 44, bold=True, spacing=1.1)
CARD_MONTHLY = TextStyle(32, 28, bold=True, spacing=1.2)
CHOICE_HEADLINE = TextStyle(80, 48, bold=True, spacing=1.1)
CHOICE_UNIT = TextStyle(34, 28, bold=True, spacing=1.2)
RIBBON = TextStyle(30, 28, bold=True, spacing=1.0)
FINDING_TITLE = TextStyle(56, 36, bold=True, spacing=1.12)
FINDING_LABEL = TextStyle(30, 28, bold=True, spacing=1.2)
FINDING_TEXT = TextStyle(40, 30, spacing=1.25)
CHIP = TextStyle(30, 28, bold=True, spacing=1.0)
FIGURE_LABEL = TextStyle(40, 30, spacing=1.2)
FIGURE_VALUE = TextStyle(112, 64, bold=True, spacing=1.05)
FIGURE_VALUE_EMPHASIS = TextStyle(136, 80, bold=True, spacing=1.05)
FIGURE_NOTE = TextStyle(32, 28, spacing=1.2)
FOOTNOTE = TextStyle(30, 28, spacing=1.25)
TIMELINE_TICK = TextStyle(32, 28, bold=True, spacing=1.0)
TIMELINE_NAME = TextStyle(44, 32, bold=True, spacing=1.15)
TIMELINE_WHEN = TextStyle(36, 28, bold=True, spacing=1.15)
TIMELINE_DETAIL = TextStyle(34, 28, spacing=1.2)
CAPTION = TextStyle(32, 28, spacing=1.2)

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
    while contrast(out, background) < ratio and step < 20:
        step += 1
        out = mix(colour, target, step * 0.05)
    return out


@dataclass(frozen=True, eq=False)
class Palette:
    """Colours derived from the practice ``Theme``; ``faded()`` for unchosen cards."""

    background: QColor
    foreground: QColor
    muted: QColor
    brand: QColor  # accents, fills
    brand_text: QColor  # the brand colour when used for text: always readable
    on_brand: QColor  # text on a brand fill
    tint: QColor  # very light brand wash for panels
    tint_strong: QColor
    border: QColor
    opacity: float = 1.0

    @classmethod
    def from_theme(cls, theme: Theme) -> Palette:
        bg = _colour(theme.background, "#FFFFFF")
        fg = readable_on(_colour(theme.foreground, "#1B1B1B"), bg, 7.0)
        muted = readable_on(_colour(theme.muted, "#5A5A5A"), bg, 4.5)
        brand = _colour(theme.brand_color, "#1F6F8B")
        white, black = QColor("#FFFFFF"), QColor("#111111")
        on_brand = white if contrast(white, brand) >= contrast(black, brand) else black
        return cls(
            background=bg,
            foreground=fg,
            muted=muted,
            brand=brand,
            brand_text=readable_on(brand, bg, 4.5),
            on_brand=on_brand,
            tint=mix(bg, brand, 0.07),
            tint_strong=mix(bg, brand, 0.16),
            border=mix(bg, fg, 0.16),
        )

    def faded(self, amount: float = 0.5) -> Palette:
        """Every colour pulled towards the background: a card that was not chosen."""
        bg = self.background
        return Palette(
            background=bg,
            foreground=mix(self.foreground, bg, amount * 0.85),
            muted=mix(self.muted, bg, amount * 0.7),
            brand=mix(self.brand, bg, amount),
            brand_text=mix(self.brand_text, bg, amount * 0.85),
            on_brand=self.on_brand,
            tint=mix(self.tint, bg, amount),
            tint_strong=mix(self.tint_strong, bg, amount),
            border=mix(self.border, bg, amount * 0.6),
            opacity=self.opacity * (1.0 - amount * 0.7),
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
