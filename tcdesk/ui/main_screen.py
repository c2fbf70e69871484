"""Windows without a parent open on the TC's main screen, never on the family's.

Qt places a parentless window on the screen under the mouse pointer; with the
room's TV beside the desk that can be the family's screen. Sign-in, the first
run and "this file is damaged" are for the TC alone.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def on_main_screen(window: QWidget) -> QWidget:
    """Centre ``window`` on the primary screen's free area (call before show or exec)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return window
    window.winId()  # a native window now, so that it can be put on ``screen``
    handle = window.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    window.adjustSize()
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(frame.topLeft())
    return window
