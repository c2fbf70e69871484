"""Small rounded tags ("YOUR CHOICE", "DOCTOR'S RECOMMENDATION") as one flowable.

Each tag is its own pill with space between, so two tags on one option read
as two things, as on the presentation's option cards (the doctor's ribbon on
top, the family's choice pill below), never as one run of capitals. A filled
pill is the family's choice; an outlined one the doctor's recommendation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable

from tcdesk.documents.fonts import SANS_BOLD, draw_string, string_width

SIZE = 7.5  # points
HEIGHT = 13.0
PAD_X = 6.0
GAP = 7.0  # between two pills, and between rows when they wrap
LINE = 0.8


@dataclass(frozen=True)
class Tag:
    label: str
    filled: bool  # True: accent fill with white words; False: accent outline and words


class Tags(Flowable):
    """Pills left to right, wrapping onto a new row when the cell is too narrow."""

    def __init__(self, tags: Sequence[Tag], accent: colors.Color) -> None:
        super().__init__()
        self.tags = tuple(Tag(tag.label.upper(), tag.filled) for tag in tags)
        self.accent = accent
        self._places: list[tuple[float, int, float]] = []  # (x, row, width) per tag

    def pill_width(self, tag: Tag) -> float:
        return string_width(tag.label, SIZE, SANS_BOLD) + 2 * PAD_X

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._places = []
        x, row, widest = 0.0, 0, 0.0
        for tag in self.tags:
            width = self.pill_width(tag)
            if x > 0 and x + width > available_width:
                x, row = 0.0, row + 1
            self._places.append((x, row, width))
            widest = max(widest, x + width)
            x += width + GAP
        rows = row + 1 if self.tags else 0
        self.width = widest
        self.height = rows * HEIGHT + max(rows - 1, 0) * GAP
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        for tag, (x, row, width) in zip(self.tags, self._places, strict=True):
            y = self.height - (row + 1) * HEIGHT - row * GAP
            canvas.saveState()
            canvas.setLineWidth(LINE)
            canvas.setStrokeColor(self.accent)
            canvas.setFillColor(self.accent if tag.filled else colors.white)
            inset = LINE / 2
            canvas.roundRect(
                x + inset, y + inset, width - LINE, HEIGHT - LINE, (HEIGHT - LINE) / 2,
                stroke=1, fill=1,
            )  # fmt: skip
            canvas.setFillColor(colors.white if tag.filled else self.accent)
            draw_string(
                canvas, x + PAD_X, y + (HEIGHT - SIZE) / 2 + 1.2, tag.label, SIZE, SANS_BOLD
            )
            canvas.restoreState()
