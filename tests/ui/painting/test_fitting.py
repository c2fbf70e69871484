"""Fitting and placing elements: stacks and grids share one algorithm and its promises."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.elements import Flex, Gap, Text
from tcdesk.ui.painting.fitting import (
    fit_grid,
    fit_stack,
    place_grid,
    place_stack,
)
from tcdesk.ui.painting.ops import Op, TextOp
from tcdesk.ui.painting.text import ELLIPSIS, TextMeasure

INK = QColor("#222222")
SENTENCE = "A line of words that says something short."


def _drawn(rects: list[QRectF]):
    def draw(ops: list[Op], rect: QRectF, k: float) -> None:
        rects.append(QRectF(rect))

    return draw


def _texts(ops: list[Op]) -> list[TextOp]:
    return [op for op in ops if isinstance(op, TextOp)]


def test_a_grid_picture_is_sized_by_its_own_column(qtbot: QtBot) -> None:
    """A narrow column's picture must not grow to what it would want in the wide column."""
    pictures: list[QRectF] = []
    wide = [Gap(60, 60)]
    narrow = [Flex(20.0, lambda width: width / 2, _drawn(pictures))]
    rects = [QRectF(0, 0, 400, 500), QRectF(420, 0, 100, 500)]
    fit = fit_grid([wide, narrow], [400, 100], 500)

    heights = place_grid([], [wide, narrow], rects, fit)

    assert heights == [60.0]  # the row is as tall as the gap; the picture wants 50
    assert pictures[0].height() == 60.0


def test_a_grid_too_tall_marks_the_cut_like_a_stack(qtbot: QtBot) -> None:
    """Rows left out of a grid end the last shown line with an ellipsis, as a stack does."""
    column = [Text(TextMeasure(), SENTENCE, S.BODY, INK, max_lines=1), Gap(40, 40)] * 4
    height = sum(e.height(0.0, 900, None) for e in column[:3])

    stack_ops: list[Op] = []
    place_stack(stack_ops, column, QRectF(0, 0, 900, height), fit_stack(column, 900, height))
    grid_ops: list[Op] = []
    place_grid(
        grid_ops,
        [column, column],
        [QRectF(0, 0, 900, height), QRectF(920, 0, 900, height)],
        fit_grid([column, column], [900, 900], height),
    )

    assert _texts(stack_ops)[-1].text().endswith(ELLIPSIS)
    grid_texts = _texts(grid_ops)
    assert len(grid_texts) == 4  # two rows of text shown in each column
    assert grid_texts[1].text().endswith(ELLIPSIS)
    assert grid_texts[3].text().endswith(ELLIPSIS)
    assert not grid_texts[0].text().endswith(ELLIPSIS)
