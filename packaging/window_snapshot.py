"""Save one window of an X screen as a PNG: the smoke test's pictures of the bundled app.

    DISPLAY=:N python packaging/window_snapshot.py WINDOW_ID OUT.png

The bundled app has no Python to take its own pictures, so a Python with PySide6
outside it grabs the window's area of the screen (with a small margin), as the
person in front of it sees it: what the X server shows, not a copy drawn again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MARGIN = 16


def window_area(window_id: str) -> tuple[int, int, int, int]:
    """The window's x, y, width and height on the screen, from ``xwininfo``."""
    info = subprocess.run(
        ["xwininfo", "-id", window_id], capture_output=True, text=True, check=True
    )
    fields = dict(line.strip().split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    return tuple(
        int(fields[name].strip())
        for name in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
    )  # type: ignore[return-value]


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not os.environ.get("DISPLAY"):
        print("usage: DISPLAY=:N python packaging/window_snapshot.py WINDOW_ID OUT.png")
        return 2
    window_id, out = argv
    x, y, width, height = window_area(window_id)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([sys.argv[0]])
    screen = app.primaryScreen()
    whole = screen.geometry()
    left, top = max(0, x - MARGIN), max(0, y - MARGIN)
    right = min(whole.width(), x + width + MARGIN)
    bottom = min(whole.height(), y + height + MARGIN)
    picture = screen.grabWindow(0, left, top, right - left, bottom - top)
    if not picture.save(str(Path(out)), "PNG"):
        print(f"could not write {out}")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
