"""Draw a dashboard Chart with QPainter: on screen and into a PNG, the same way.

Calm: one accent colour for bars, dark text, a dashed target line that is
labelled, every bar's value written beside it (nothing is told by colour alone).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen

from tcdesk.ui.pipeline.chart_data import Chart

INK = QColor("#1B1B1B")
MUTED = QColor("#5E656C")
GRID = QColor("#E3E6E9")
TARGET = QColor("#0E2A33")
PNG_SIZE = (1100, 560)


def begin_chart(painter: QPainter, rect: QRect, text: str, grow: float, bottom: int) -> QFont:
    """The chart's white card and its bold title (``grow`` points over the body's);
    the painter is saved (the caller restores it) and left in the title's font."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("#FFFFFF"))
    title = QFont(painter.font())
    title.setPointSizeF(max(title.pointSizeF(), 9) + grow)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(INK)
    painter.drawText(rect.adjusted(16, 12, -16, -bottom), Qt.AlignmentFlag.AlignLeft, text)
    return title


def paint_chart(painter: QPainter, rect: QRect, chart: Chart, accent: QColor) -> None:
    title = begin_chart(painter, rect, chart.title, 2, 12)
    area = rect.adjusted(16, 12, -16, -12)
    line = QFontMetrics(title).height()
    body = QFont(painter.font())
    body.setBold(False)
    body.setPointSizeF(title.pointSizeF() - 2)
    painter.setFont(body)
    metrics = QFontMetrics(body)
    note_height = metrics.height() + 6 if chart.note else 0
    plot = area.adjusted(0, line + 10, 0, -note_height)
    if chart.note:
        painter.setPen(MUTED)
        painter.drawText(
            QRect(area.left(), area.bottom() - metrics.height(), area.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            chart.note,
        )
    if not chart.bars:
        painter.setPen(MUTED)
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No consults in this period.")
    elif chart.vertical:
        _columns(painter, plot, chart, accent, metrics)
    else:
        _rows(painter, plot, chart, accent, metrics)
    painter.restore()


def _scale(chart: Chart) -> float:
    return chart.maximum if chart.maximum > 0 else 1.0


def _rows(
    painter: QPainter, plot: QRect, chart: Chart, accent: QColor, metrics: QFontMetrics
) -> None:
    label_width = min(max(metrics.horizontalAdvance(b.label) for b in chart.bars) + 14, 220)
    text_width = max(metrics.horizontalAdvance(b.text) for b in chart.bars) + 14
    bars_left = plot.left() + label_width
    bars_width = max(plot.width() - label_width - text_width, 40)
    target_room = metrics.height() + 4 if chart.target is not None else 0
    rows_top = plot.top() + target_room
    step = min((plot.height() - target_room) / len(chart.bars), 46.0)
    thickness = max(step * 0.62, 8.0)
    if chart.target is not None:  # under the bars and their words
        x = bars_left + bars_width * chart.target / _scale(chart)
        bottom = rows_top + len(chart.bars) * step
        _target_line(painter, x, plot.top() + metrics.height(), x, bottom)
        painter.drawText(
            QRectF(x - 80, plot.top(), 160, metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            chart.target_text,
        )
    for index, bar in enumerate(chart.bars):
        top = rows_top + index * step
        middle = top + step / 2
        painter.setPen(INK)
        painter.drawText(
            QRectF(plot.left(), top, label_width - 10, step),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - 10),
        )
        length = bars_width * max(bar.value, 0.0) / _scale(chart)
        painter.fillRect(
            QRectF(bars_left, middle - thickness / 2, max(length, 1.0), thickness), accent
        )
        words = QRectF(bars_left + length + 4, top, text_width, step)
        room = metrics.horizontalAdvance(bar.text) + 6
        painter.fillRect(
            QRectF(words.left(), middle - metrics.height() / 2, room, metrics.height()),
            QColor("#FFFFFF"),
        )
        painter.drawText(
            words.adjusted(2, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bar.text,
        )


def _columns(
    painter: QPainter, plot: QRect, chart: Chart, accent: QColor, metrics: QFontMetrics
) -> None:
    axis_width = metrics.horizontalAdvance("100%") + 10
    left = plot.left() + axis_width
    label_height = metrics.height() + 6
    top = plot.top() + metrics.height() + 4  # room for the values above the tallest bar
    bottom = plot.bottom() - label_height
    height = max(bottom - top, 20)
    painter.setPen(QPen(GRID, 1))
    for level in (0, 25, 50, 75, 100):
        y = bottom - height * level / 100
        painter.drawLine(int(left), int(y), plot.right(), int(y))
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(plot.left(), y - metrics.height() / 2, axis_width - 6, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{level}%",
        )
        painter.setPen(QPen(GRID, 1))
    step = (plot.right() - left) / len(chart.bars)
    width = max(step * 0.6, 4.0)
    target_y = None
    if chart.target is not None:  # under the bars and their words
        target_y = bottom - height * chart.target / _scale(chart)
        _target_line(painter, left, target_y, plot.right(), target_y)
    for index, bar in enumerate(chart.bars):
        x = left + index * step + (step - width) / 2
        length = height * max(bar.value, 0.0) / _scale(chart)
        painter.fillRect(QRectF(x, bottom - length, width, length), accent)
        painter.setPen(INK)
        words = QRectF(
            x - step / 2, bottom - length - metrics.height() - 2, width + step, metrics.height()
        )
        room = metrics.horizontalAdvance(bar.text) + 6
        painter.fillRect(
            QRectF(words.center().x() - room / 2, words.top(), room, words.height()),
            QColor("#FFFFFF"),
        )
        painter.drawText(words, Qt.AlignmentFlag.AlignCenter, bar.text)
        painter.drawText(
            QRectF(x - step / 2, bottom + 4, width + step, metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            bar.label,
        )
    if target_y is not None:
        painter.setPen(TARGET)
        tag = metrics.horizontalAdvance(chart.target_text) + 8
        box = QRectF(plot.right() - tag, target_y - metrics.height() - 2, tag, metrics.height())
        painter.fillRect(box, QColor("#FFFFFF"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, chart.target_text)


def _target_line(painter: QPainter, x1: float, y1: float, x2: float, y2: float) -> None:
    pen = QPen(TARGET, 2, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawLine(int(x1), int(y1), int(x2), int(y2))
    painter.setPen(TARGET)


def save_png(chart: Chart, path: Path, accent: QColor) -> Path:
    """The chart as a PNG file of a fixed, printable size."""
    image = QImage(*PNG_SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        font = painter.font()
        font.setPointSize(11)
        painter.setFont(font)
        paint_chart(painter, image.rect(), chart, accent)
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"Could not write {path}.")
    return path
