"""Closing a consult's window by accident (Alt+F4, the title bar) must not drop the consult."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent


def guarded_close(
    event: QCloseEvent, allowed: Callable[[], bool], on_request: Callable[[], None] | None
) -> None:
    """Close only when ``allowed``; before that, ``on_request`` decides (it may allow it)."""
    if not allowed() and on_request is not None:
        on_request()
    if allowed():
        event.accept()
    else:
        event.ignore()
