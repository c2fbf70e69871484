"""Signing like a person does: press, move, release, with real Qt mouse events."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def draw_stroke(widget: QWidget, points: list[tuple[float, float]]) -> None:
    """One stroke through ``points`` given as fractions of the widget's width and height."""
    width, height = widget.width(), widget.height()
    pixels = [QPoint(round(x * width), round(y * height)) for x, y in points]
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pixels[0])
    for point in pixels[1:]:
        QTest.mouseMove(widget, point)
    QTest.mouseRelease(
        widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pixels[-1]
    )


def sign(widget: QWidget) -> None:
    """A short signature: two strokes."""
    draw_stroke(widget, [(0.1, 0.7), (0.2, 0.3), (0.3, 0.65), (0.45, 0.35), (0.6, 0.6)])
    draw_stroke(widget, [(0.65, 0.5), (0.75, 0.45), (0.9, 0.55)])
