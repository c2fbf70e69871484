"""Ask a window to close the way a window manager does (WM_DELETE_WINDOW, through ctypes).

``widget.close()`` is a close from tcdesk's own code; this one comes through
the X server, as the title bar's close button or a log-out sends it, and Qt
delivers it as a spontaneous close event.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

CLIENT_MESSAGE = 33
NO_EVENT_MASK = 0


class _ClientMessage(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    )


class _Event(ctypes.Union):
    _fields_ = (("client", _ClientMessage), ("pad", ctypes.c_long * 24))


def close_like_the_window_manager(widget: QWidget) -> None:
    if QGuiApplication.platformName() != "xcb" or not os.environ.get("DISPLAY"):
        pytest.skip("needs a real X server (Xvfb)")
    name = ctypes.util.find_library("X11")
    if name is None:
        pytest.skip("libX11 not installed")
    x11 = ctypes.cdll.LoadLibrary(name)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_long,
        ctypes.POINTER(_Event),
    ]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    if not display:
        pytest.skip("cannot open the X display")
    try:
        event = _Event()
        message = event.client
        message.type = CLIENT_MESSAGE
        message.window = int(widget.winId())
        message.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
        message.format = 32
        message.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
        message.data[1] = 0  # CurrentTime
        x11.XSendEvent(display, message.window, 0, NO_EVENT_MASK, ctypes.byref(event))
        x11.XFlush(display)
    finally:
        x11.XCloseDisplay(display)
