"""Draw the progress chart with QPainter, in the dashboard charts' calm style.

White ground, light grid at 0-25-50-75-100, one line per coordinator with a
dot per session. One coordinator: every dot carries its score. Several: a
legend names each line and its last dot carries the name and score, so no
line is told by colour alone. ``ProgressChartView`` is the widget.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from tcdesk.ui.pipeline.chart_painter import GRID, INK, MUTED, begin_chart
from tcdesk.ui.training.progress_chart_data import ChartSeries, ProgressChart

LEVELS = (0, 25, 50, 75, 100)
EMPTY_TEXT = "No practice consults yet."


def _day_text(chart: ProgressChart, slot: int) -> str:
    day = chart.days[slot]
    return f"{day:%b} {day.day}"


def paint_progress(painter: QPainter, rect: QRect, chart: ProgressChart) -> None:
    title = begin_chart(painter, rect, chart.title, 1, 10)
    area = rect.adjusted(16, 12, -16, -10)
    top = area.top() + QFontMetrics(title).height() + 8
    body = QFont(title)
    body.setBold(False)
    body.setPointSizeF(title.pointSizeF() - 1)
    painter.setFont(body)
    metrics = QFontMetrics(body)
    if len(chart.series) > 1:
        top = _legend(painter, area, top, chart.series, metrics)
    plot = QRect(area.left(), int(top), area.width(), area.bottom() - int(top))
    if chart.empty:
        painter.setPen(MUTED)
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, EMPTY_TEXT)
    else:
        _plot(painter, plot, chart, metrics)
    painter.restore()


def _legend(
    painter: QPainter, area: QRect, top: float, series: tuple[ChartSeries, ...], m: QFontMetrics
) -> float:
    x = float(area.left())
    for line in series:
        width = 26 + m.horizontalAdvance(line.name) + 22
        if x + width > area.right() and x > area.left():
            x = float(area.left())
            top += m.height() + 4
        middle = top + m.height() / 2
        painter.setPen(QPen(QColor(line.colour), 3))
        painter.drawLine(QPointF(x, middle), QPointF(x + 18, middle))
        painter.setPen(INK)
        painter.drawText(
            QRectF(x + 24, top, width, m.height()), Qt.AlignmentFlag.AlignLeft, line.name
        )
        x += width
    return top + m.height() + 8


def slot_x(plot_left: float, plot_width: float, slots: int, slot: int) -> float:
    """The middle of a slot's column (one session each, evenly spaced)."""
    step = plot_width / max(slots, 1)
    return plot_left + step * (slot + 0.5)


def _plot(painter: QPainter, plot: QRect, chart: ProgressChart, m: QFontMetrics) -> None:
    axis = m.horizontalAdvance("100") + 10
    left = plot.left() + axis
    right = plot.right() - (_end_room(chart, m) if len(chart.series) > 1 else 8)
    label_room = m.height() + 8
    top = plot.top() + m.height() + 6  # the dots' scores above 100
    bottom = plot.bottom() - label_room
    height = max(bottom - top, 20)
    width = max(right - left, 40)
    for level in LEVELS:
        y = bottom - height * level / 100
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(left, y), QPointF(left + width, y))
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(plot.left(), y - m.height() / 2, axis - 6, m.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(level),
        )
    _day_labels(painter, chart, left, width, bottom + 6, m)
    single = len(chart.series) == 1
    ends: list[tuple[float, float, ChartSeries]] = []
    for line in chart.series:
        colour = QColor(line.colour)
        dots = [
            QPointF(slot_x(left, width, chart.slots, p.slot), bottom - height * p.total / 100)
            for p in line.points
        ]
        painter.setPen(QPen(colour, 2.5))
        for a, b in pairwise(dots):
            painter.drawLine(a, b)
        painter.setPen(QPen(QColor("#FFFFFF"), 2))
        painter.setBrush(colour)
        for dot in dots:
            painter.drawEllipse(dot, 5.5, 5.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(INK)
        if single:
            for dot, point in zip(dots, line.points, strict=True):
                _tag(painter, dot, f"{point.total:g}", m)
        else:
            ends.append((dots[-1].y(), dots[-1].x(), line))
    if ends:
        _end_labels(painter, ends, left + width, m)


def _end_labels(
    painter: QPainter, ends: list[tuple[float, float, ChartSeries]], x: float, m: QFontMetrics
) -> None:
    """Each line's name and last score in the right margin, level with its last dot,
    pushed apart so none overlaps; a thin dotted leader joins a moved label to its dot."""
    ends.sort(key=lambda end: end[0])
    placed: list[float] = []
    for y, _x, _line in ends:
        placed.append(max(y, placed[-1] + m.height() + 2) if placed else y)
    for (y, dot_x, line), label_y in zip(ends, placed, strict=True):
        colour = QColor(line.colour)
        painter.setPen(QPen(colour, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(dot_x + 7, y), QPointF(x + 8, label_y))
        painter.setPen(colour.darker(130))
        painter.drawText(
            QRectF(x + 12, label_y - m.height() / 2, 400, m.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{line.name.split()[0]} {line.points[-1].total:g}",
        )


def _end_room(chart: ProgressChart, m: QFontMetrics) -> int:
    return max(m.horizontalAdvance(f"{s.name.split()[0]} 100") for s in chart.series) + 24


def _tag(painter: QPainter, dot: QPointF, text: str, m: QFontMetrics) -> None:
    room = m.horizontalAdvance(text) + 8
    box = QRectF(dot.x() - room / 2, dot.y() - m.height() - 8, room, m.height())
    painter.fillRect(box, QColor(255, 255, 255, 220))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _day_labels(
    painter: QPainter, chart: ProgressChart, left: float, width: float, y: float, m: QFontMetrics
) -> None:
    """The day under its first session; a day is skipped where it would crowd the last."""
    painter.setPen(MUTED)
    last_right = -1e9
    for slot in range(chart.slots):
        if slot and chart.days[slot] == chart.days[slot - 1]:
            continue
        text = _day_text(chart, slot)
        room = m.horizontalAdvance(text) + 10
        x = slot_x(left, width, chart.slots, slot)
        if x - room / 2 < last_right:
            continue
        painter.drawText(
            QRectF(x - room / 2, y, room, m.height()), Qt.AlignmentFlag.AlignCenter, text
        )
        last_right = x + room / 2


class ProgressChartView(QWidget):
    """The chart on screen; ``chart`` is what it draws (tests read it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.chart: ProgressChart | None = None
        self.setMinimumSize(480, 280)

    def sizeHint(self) -> QSize:
        return QSize(760, 340)

    def set_chart(self, chart: ProgressChart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(
            "; ".join(f"{s.name}: {', '.join(f'{t:g}' for t in s.totals)}" for s in chart.series)
            or EMPTY_TEXT
        )
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.chart is None:
            return
        painter = QPainter(self)
        try:
            paint_progress(painter, self.rect(), self.chart)
        finally:
            painter.end()
