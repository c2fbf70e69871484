"""A box to sign in with a mouse, a finger or a pen; the ink comes out as a cropped PNG."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

INK = QColor("#0B1F4B")
PEN_WIDTH = 2.6
PNG_SCALE = 2  # the PNG has twice the on-screen resolution, so it prints crisply
MIN_SEGMENT = 0.8  # px: finer movements are noise


def smooth_path(points: list[QPointF]) -> QPainterPath:
    """A stroke through ``points`` with quadratic curves between the midpoints."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    if len(points) == 1:
        path.lineTo(points[0] + QPointF(0.1, 0.1))  # a dot
        return path
    if len(points) == 2:
        path.lineTo(points[1])
        return path
    for current, following in itertools.pairwise(points[1:]):
        middle = (current + following) / 2
        path.quadTo(current, middle)
    path.lineTo(points[-1])
    return path


class SignaturePad(QWidget):
    """Captures strokes; ``is_empty()``, ``clear()`` and ``to_png()`` are all a caller needs."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "Sign here") -> None:
        super().__init__(parent)
        # shown in the empty box, in the agreement's language (the family reads it)
        self.placeholder = placeholder
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(360, 130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Signature pad")
        self._strokes: list[list[QPointF]] = []
        self._current: list[QPointF] | None = None
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setObjectName("clearSignature")
        self.clear_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setEnabled(False)

    # -- state

    def is_empty(self) -> bool:
        return not any(self._strokes) and not self._current

    def stroke_count(self) -> int:
        return len(self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self._current = None
        self.clear_button.setEnabled(False)
        self.update()
        self.changed.emit()

    def path(self) -> QPainterPath:
        """Every stroke, smoothed, in widget coordinates."""
        path = QPainterPath()
        for stroke in [*self._strokes, *([self._current] if self._current else [])]:
            path.addPath(smooth_path(stroke))
        return path

    def to_png(self) -> bytes:
        """The ink cropped to its bounds plus a small margin, transparent around it.

        Returns b"" when nothing was drawn.
        """
        if self.is_empty():
            return b""
        path = self.path()
        margin = PEN_WIDTH * 2
        bounds = path.boundingRect().adjusted(-margin, -margin, margin, margin)
        width = max(1, round(bounds.width() * PNG_SCALE))
        height = max(1, round(bounds.height() * PNG_SCALE))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(PNG_SCALE, PNG_SCALE)
        painter.translate(-bounds.topLeft())
        painter.setPen(self._pen())
        painter.drawPath(path)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # -- drawing input

    def _begin(self, point: QPointF) -> None:
        self._current = [QPointF(point)]
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._current is None:
            return
        last = self._current[-1]
        if (point - last).manhattanLength() >= MIN_SEGMENT:
            self._current.append(QPointF(point))
            self.update()

    def _end(self, point: QPointF | None = None) -> None:
        if self._current is None:
            return
        if point is not None:
            self._extend(point)
        self._strokes.append(self._current)
        self._current = None
        self.clear_button.setEnabled(True)
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._end(event.position())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        """A pen: handled here so Qt does not also synthesise mouse events."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                position = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(position)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(position)
                else:
                    self._end(position)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._current = None
            self.update()
            event.accept()
            return True
        return super().event(event)

    # -- painting

    def _pen(self) -> QPen:
        pen = QPen(INK, PEN_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def resizeEvent(self, event) -> None:
        hint = self.clear_button.sizeHint()
        self.clear_button.setGeometry(
            self.width() - hint.width() - 6, 6, hint.width(), hint.height()
        )
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(QColor("#C9CED3"), 1))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(rect, 8, 8)
        baseline = rect.bottom() - max(24.0, rect.height() * 0.22)
        painter.setPen(QPen(QColor("#8A9299"), 1.2))
        painter.drawLine(QPointF(rect.left() + 24, baseline), QPointF(rect.right() - 24, baseline))
        painter.drawText(QPointF(rect.left() + 10, baseline + 4), "×")
        if self.is_empty():
            painter.setPen(QColor("#9AA1A8"))
            painter.drawText(
                rect.adjusted(0, 0, 0, -(rect.bottom() - baseline) - 6),
                Qt.AlignmentFlag.AlignCenter,
                self.placeholder,
            )
        painter.setPen(self._pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.end()
