"""A real pointer click on the X server (the XTEST extension, through ctypes).

``qtbot.mouseClick`` hands Qt a synthetic event for one widget; this goes
through the X server like a user's mouse, so a window covered by another, or
one that does not take clicks, shows up as a failure.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication


def _libraries() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    if QGuiApplication.platformName() != "xcb" or not os.environ.get("DISPLAY"):
        pytest.skip("needs a real X server (Xvfb)")
    names = (ctypes.util.find_library("X11"), ctypes.util.find_library("Xtst"))
    if None in names:
        pytest.skip("libX11 / libXtst not installed")
    x11, xtst = (ctypes.cdll.LoadLibrary(name) for name in names)  # type: ignore[arg-type]
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeMotionEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_ulong,
    ]
    xtst.XTestFakeButtonEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.c_ulong,
    ]
    return x11, xtst


def click_at(point: QPoint, *, park: QPoint | None = None) -> None:
    """Move the X pointer to ``point`` (global, device pixels) and click the left button.

    The pointer is then parked at ``park`` (default: the bottom-right corner of
    the X screen, outside every window), so it hovers over nothing a later test opens.
    """
    x11, xtst = _libraries()
    display = x11.XOpenDisplay(None)
    if not display:
        pytest.skip("cannot open the X display")
    try:
        xtst.XTestFakeMotionEvent(display, -1, point.x(), point.y(), 0)
        xtst.XTestFakeButtonEvent(display, 1, 1, 0)
        xtst.XTestFakeButtonEvent(display, 1, 0, 0)
        corner = park or _far_corner()
        xtst.XTestFakeMotionEvent(display, -1, corner.x(), corner.y(), 0)
        x11.XFlush(display)
    finally:
        x11.XCloseDisplay(display)


def _far_corner() -> QPoint:
    bottom_right = QPoint(0, 0)
    for screen in QGuiApplication.screens():
        corner = screen.geometry().bottomRight()
        bottom_right = QPoint(max(bottom_right.x(), corner.x()), max(bottom_right.y(), corner.y()))
    return bottom_right
