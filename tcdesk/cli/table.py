"""Plain-text tables that stay aligned with accents and CJK names."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from tcdesk.text_safety import terminal_safe


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: wide East Asian characters take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Aligned columns; a cell's line breaks or escape codes are shown, never obeyed,
    so one stored value is always one cell of one row."""
    rows = [[terminal_safe(str(cell), multiline=False) for cell in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(row) for row in rows)
    return "\n".join(out)
