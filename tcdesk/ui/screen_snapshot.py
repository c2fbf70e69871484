"""Save what an X screen shows as a PNG: how to look at tcdesk on a machine with no screen.

``make demo`` on a headless machine runs tcdesk on a virtual screen and
prints the exact command: ``DISPLAY=:N python -m tcdesk.ui.screen_snapshot out.png``.
Both monitors are saved side by side, as they are arranged.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the PNG file to write")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        print("Set DISPLAY to the screen to save (make demo prints it).", file=sys.stderr)
        return 2
    os.environ["QT_QPA_PLATFORM"] = "xcb"  # the real X screen, never an offscreen copy
    from PySide6.QtGui import QGuiApplication, QPainter, QPixmap

    app = QGuiApplication([sys.argv[0]])
    screens = app.screens()
    whole = screens[0].virtualGeometry()
    picture = QPixmap(whole.size())
    painter = QPainter(picture)
    for screen in screens:
        area = screen.geometry()
        painter.drawPixmap(area.topLeft() - whole.topLeft(), screen.grabWindow(0))
    painter.end()
    if not picture.save(str(args.out), "PNG"):
        print(f"Could not write {args.out}.", file=sys.stderr)
        return 2
    print(f"Saved the screen ({whole.width()}×{whole.height()}) to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
