"""Work-arounds for known faults of the Qt bindings we ship with, in one place.

PySide6 6.12.0 on CPython < 3.12: every binding call that returns nothing
drops one reference to ``None``, and every ``Signal.emit()`` from Python drops
one to ``True``; after a few thousand such calls CPython aborts with
"none_dealloc" / "bool_dealloc". Painting one slide makes hundreds. Python 3.12
made these singletons immortal, which is exactly what we emulate here: we give
``None``, ``True`` and ``False`` a reserve of 2**40 references each so they can
never reach zero. It is a no-op on any other combination. (The releases
without the fault, 6.11.x, ship QtPdf only together with QtWebEngine.)

Also raises Qt's cached-glyph size: without it, large slide text is drawn as
paths, which costs 100x more per paint.
"""

from __future__ import annotations

import ctypes
import os
import sys

_NONE_RESERVE = 1 << 40
_applied = False


def needs_none_reserve(python: tuple[int, ...], pyside_version: str) -> bool:
    return python < (3, 12) and pyside_version.startswith("6.12.0")


def apply() -> None:
    """Idempotent; call before the first Qt object is created."""
    global _applied
    if _applied:
        return
    _applied = True
    os.environ.setdefault("QT_MAX_CACHED_GLYPH_SIZE", "320")
    import PySide6

    if needs_none_reserve(sys.version_info, PySide6.__version__):
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += _NONE_RESERVE
