"""The app icon for each platform, drawn from ``assets/brand/tcdesk_icon.svg``.

One drawing is the brand: the PNGs (the Linux ``.desktop`` entry and the
AppImage), the Windows ``.ico`` and the macOS ``.icns`` are made from it at
build time, so nothing drawn by hand can drift from it. Qt draws the SVG
(offscreen, no display needed); Pillow writes the ``.ico`` and ``.icns``.

    python packaging/make_icons.py OUT_FOLDER
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "brand" / "tcdesk_icon.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_pngs(out: Path) -> dict[int, Path]:
    """``tcdesk-<size>.png`` for every size, drawn by Qt's SVG renderer."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SVG} is not a drawing Qt can read")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"tcdesk-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"make_icons: could not write {path}")
        written[size] = path
    return written


def make_icons(out: Path) -> list[Path]:
    """The PNGs, ``tcdesk.png`` (256 px), ``tcdesk.ico`` and ``tcdesk.icns`` in ``out``."""
    from PIL import Image

    pngs = render_pngs(out)
    largest = Image.open(pngs[512])
    plain = out / "tcdesk.png"
    Image.open(pngs[256]).save(plain)
    ico = out / "tcdesk.ico"
    largest.save(ico, sizes=[(s, s) for s in ICO_SIZES])
    icns = out / "tcdesk.icns"
    largest.save(icns)
    return [*pngs.values(), plain, ico, icns]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python packaging/make_icons.py OUT_FOLDER")
    for made in make_icons(Path(sys.argv[1])):
        print(made)
