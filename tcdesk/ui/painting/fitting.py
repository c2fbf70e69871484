"""Elements that shrink to fit their box and never overflow: one algorithm for stacks and grids.

A grid is columns side by side whose rows line up (row height = its tallest
cell); a stack is a grid of one column. The fitter picks the largest ``k`` at
which every row fits; if even the floor is too tall it takes lines away from
the longest texts (eliding them), and as a last resort leaves out trailing
rows, marking the cut with an ellipsis. Columns share one ``k`` so their type
sizes match.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt

from tcdesk.ui.painting.elements import Element, Stretch
from tcdesk.ui.painting.ops import Op, TextOp
from tcdesk.ui.painting.text import mark_cut

SLACK = 0.01  # heights within this of the box still fit
SEARCH_STEPS = 9  # bisection steps for k: well under a pixel of type size
ALL = 10_000  # no row left out

Columns = Sequence[Sequence[Element]]
Cell = tuple[int, int]  # column, row


@dataclass
class GridFit:
    k: float
    caps: dict[Cell, int] = field(default_factory=dict)
    keep: int = ALL  # rows after this index are left out


@dataclass
class StackFit:
    k: float
    caps: dict[int, int] = field(default_factory=dict)
    keep: int = ALL  # elements after this index are left out

    def as_grid(self) -> GridFit:
        return GridFit(self.k, {(0, i): n for i, n in self.caps.items()}, self.keep)


def _rows(columns: Columns) -> int:
    return max((len(c) for c in columns), default=0)


def row_heights(
    columns: Columns,
    widths: Sequence[float],
    k: float,
    caps: dict[Cell, int],
    keep: int = ALL,
) -> list[float]:
    """The height of each of the first ``keep`` rows: its tallest cell at ``k``."""
    if len(columns) == 1:  # a stack: fitting asks this many times, keep it quick
        width = widths[0]
        return [e.height(k, width, caps.get((0, r))) for r, e in enumerate(columns[0][:keep])]
    return [
        max(
            (
                col[r].height(k, widths[c], caps.get((c, r)))
                for c, col in enumerate(columns)
                if r < len(col)
            ),
            default=0.0,
        )
        for r in range(min(keep, _rows(columns)))
    ]


def _grid_sum(
    columns: Columns, widths: Sequence[float], size: Callable[[Element, float], float]
) -> float:
    """The sum over rows of the row's largest ``size(cell, its column's width)``."""
    if len(columns) == 1:  # a stack
        width = widths[0]
        return sum(size(e, width) for e in columns[0])
    return sum(
        max(
            (size(col[r], widths[c]) for c, col in enumerate(columns) if r < len(col)),
            default=0.0,
        )
        for r in range(_rows(columns))
    )


def grid_natural_height(columns: Columns, widths: Sequence[float]) -> float:
    return _grid_sum(columns, widths, lambda cell, width: cell.preferred(width))


def grid_minimum_height(columns: Columns, widths: Sequence[float]) -> float:
    return _grid_sum(columns, widths, lambda cell, width: cell.minimum(width))


def natural_height(elements: Sequence[Element], width: float) -> float:
    return grid_natural_height([elements], [width])


def minimum_height(elements: Sequence[Element], width: float) -> float:
    return grid_minimum_height([elements], [width])


def _longest_cell(columns: Columns, widths: Sequence[float], caps: dict[Cell, int]) -> Cell | None:
    """The cell with the most lines (more than one); on a tie the last one."""
    best: tuple[int, int, int] | None = None
    for c, col in enumerate(columns):
        for r, e in enumerate(col):
            n = e.lines(0.0, widths[c], caps.get((c, r)))
            if n > 1 and (best is None or (n, c, r) > best):
                best = (n, c, r)
    return None if best is None else (best[1], best[2])


def fit_grid(
    columns: Columns, widths: Sequence[float], height: float, k_max: float = 1.0
) -> GridFit:
    """The largest k (<= k_max) at which the rows fit ``height``; then caps; then drops."""

    def fits(k: float, caps: dict[Cell, int], keep: int = ALL) -> bool:
        return sum(row_heights(columns, widths, k, caps, keep)) <= height + SLACK

    if fits(k_max, {}):
        return GridFit(k_max)
    if fits(0.0, {}):
        lo, hi = 0.0, k_max
        for _ in range(SEARCH_STEPS):
            mid = (lo + hi) / 2
            if fits(mid, {}):
                lo = mid
            else:
                hi = mid
        return GridFit(lo)
    caps: dict[Cell, int] = {}
    while not fits(0.0, caps):
        cell = _longest_cell(columns, widths, caps)
        if cell is None:
            break
        c, r = cell
        caps[cell] = columns[c][r].lines(0.0, widths[c], caps.get(cell)) - 1
    keep = _rows(columns)
    while keep > 0 and not fits(0.0, caps, keep):
        keep -= 1
    return GridFit(0.0, caps, keep)


def fit_stack(
    elements: Sequence[Element], width: float, height: float, k_max: float = 1.0
) -> StackFit:
    """``fit_grid`` for one column."""
    fit = fit_grid([elements], [width], height, k_max)
    return StackFit(fit.k, {r: n for (_, r), n in fit.caps.items()}, fit.keep)


def _grow(columns: Columns, widths: Sequence[float], heights: list[float], extra: float) -> float:
    """Give ``extra`` height to pictures (up to their preferred size), then to stretches.

    Returns what is still left over (for vertical alignment).
    """
    if extra <= 0:
        return 0.0
    rows = range(len(heights))

    def cells(r: int) -> list[tuple[int, Element]]:
        return [(c, col[r]) for c, col in enumerate(columns) if r < len(col)]

    wants = {
        r: max(0.0, max(e.preferred(widths[c]) for c, e in flex) - heights[r])
        for r in rows
        if (flex := [(c, e) for c, e in cells(r) if e.flex_min is not None])
    }
    if wants:
        room = sum(wants.values())
        grow = min(extra, room)
        for r, want in wants.items():
            heights[r] += grow * want / room if room else 0.0
        extra -= grow
    stretches = [r for r in rows if any(isinstance(e, Stretch) for _, e in cells(r))]
    if extra > 0 and stretches:
        for r in stretches:
            heights[r] += extra / len(stretches)
        extra = 0.0
    return max(0.0, extra)


def _top(rect: QRectF, extra: float, valign: Qt.AlignmentFlag) -> float:
    if valign & Qt.AlignmentFlag.AlignVCenter:
        return rect.top() + extra / 2
    if valign & Qt.AlignmentFlag.AlignBottom:
        return rect.top() + extra
    return rect.top()


def _mark_last_text(ops: list[Op], start: int) -> None:
    """Something was left out: say so on the last line shown since ``start``."""
    for n in range(len(ops) - 1, start - 1, -1):
        op = ops[n]
        if isinstance(op, TextOp):
            ops[n] = mark_cut(op)
            return


def place_grid(
    ops: list[Op],
    columns: Columns,
    rects: Sequence[QRectF],
    fit: GridFit,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> list[float]:
    """Build every column into its rect with shared row heights; returns the row heights."""
    widths = [r.width() for r in rects]
    heights = row_heights(columns, widths, fit.k, fit.caps, fit.keep)
    avail = min((r.height() for r in rects), default=0.0)
    extra = _grow(columns, widths, heights, avail - sum(heights))
    while sum(heights) > avail + SLACK and heights:
        heights.pop()  # the rects are shorter than the height fitted: leave out the last rows
    for c, col in enumerate(columns):
        start = len(ops)
        y = _top(rects[c], extra, valign)
        for r, h in enumerate(heights):
            if r < len(col):
                box = QRectF(rects[c].left(), y, rects[c].width(), h)
                col[r].build(ops, box, fit.k, fit.caps.get((c, r)))
            y += h
        if len(heights) < len(col):
            _mark_last_text(ops, start)
    return heights


def place_stack(
    ops: list[Op],
    elements: Sequence[Element],
    rect: QRectF,
    fit: StackFit,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> float:
    """Build the elements into ``rect``; returns the height actually used."""
    return sum(place_grid(ops, [elements], [rect], fit.as_grid(), valign))


def layout_stack(
    ops: list[Op],
    elements: Sequence[Element],
    rect: QRectF,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> float:
    return place_stack(
        ops, elements, rect, fit_stack(elements, rect.width(), rect.height()), valign
    )


__all__ = [
    "GridFit",
    "StackFit",
    "fit_grid",
    "fit_stack",
    "grid_minimum_height",
    "grid_natural_height",
    "layout_stack",
    "minimum_height",
    "natural_height",
    "place_grid",
    "place_stack",
    "row_heights",
]
