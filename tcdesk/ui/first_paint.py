"""Work that waits for a window's first paint, one step per turn of the event loop.

Start-up shows the desk before it loads what the desk does not draw (the
presentation's flows, the room's screen, the resume question, the daily
backup). Each step runs in its own turn, so a key pressed meanwhile is
handled between two steps, not after all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs ``steps`` in order once ``window`` has been painted for the first time."""

    def __init__(self, window: QWidget, steps: Iterable[Callable[[], object]]) -> None:
        super().__init__(window)
        self._window = window
        self._steps = list(steps)
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._start)  # this paint (the filter sees it first) goes on
        return False

    def _start(self) -> None:
        QTimer.singleShot(0, self._next)  # and whatever the paint queued, before the steps

    def _next(self) -> None:
        if not self._steps:
            self.done = True
            return
        try:
            self._steps.pop(0)()
        finally:  # a failing step does not stop the rest; what it queued goes first
            QTimer.singleShot(0, self._next)
