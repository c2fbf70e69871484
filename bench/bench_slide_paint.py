"""How long painting a slide takes, per kind, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_slide_paint.py [--size 1920x1080] [-n 40]

Columns (milliseconds):
  warm      paint_slide with the slide's layout and images already cached:
            what the live display pays on a repaint without the widget's pixmap
  cold      the first paint of a slide (layout, text fitting, SVG/image decode)
  view      a SlideView repaint once its pixmap is cached (a blit)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tcdesk.ui.painting.images import ImageCache  # noqa: E402
from tcdesk.ui.slide_painter import SlidePainter  # noqa: E402
from tcdesk.ui.slide_view import SlideView  # noqa: E402
from tests.ui import slide_samples  # noqa: E402

KINDS = [
    "welcome",
    "concerns",
    "problem",
    "options",
    "timeline",
    "investment",
    "next_steps",
    "custom",
    "long_text",
]


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _paint(painter_obj: SlidePainter, slide, image: QImage) -> float:
    t0 = time.perf_counter()
    qp = QPainter(image)
    painter_obj.paint(qp, slide, QRectF(0, 0, image.width(), image.height()))
    qp.end()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("-n", type=int, default=40)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    app = QApplication.instance() or QApplication([])
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    shared = SlidePainter()
    view = SlideView(painter=shared)
    view.resize(width, height)
    target = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)

    print(f"paint_slide at {width}x{height}, n={args.n} (ms)")
    print(f"{'slide':<12} {'warm med':>9} {'warm p95':>9} {'cold med':>9} {'view med':>9}")
    for name in KINDS:
        slide = slide_samples.SAMPLES[name]()
        _paint(shared, slide, image)  # layout + image caches
        warm = [_paint(shared, slide, image) for _ in range(args.n)]
        images = ImageCache()
        cold = []
        for _ in range(max(5, args.n // 4)):
            images.clear()
            # A new slide in a running app: layout and pictures from scratch, with the
            # fonts and text measurements the app's one painter already holds.
            cold.append(_paint(SlidePainter(images, measure=shared.measure), slide, image))
        view.set_slide(slide)
        view.render(target)  # fills the widget's pixmap
        blits = []
        for _ in range(args.n):
            t0 = time.perf_counter()
            view.render(target)
            blits.append(time.perf_counter() - t0)
        w_med, w_p95 = _ms(warm)
        c_med, _ = _ms(cold)
        v_med, _ = _ms(blits)
        print(f"{name:<12} {w_med:9.2f} {w_p95:9.2f} {c_med:9.2f} {v_med:9.2f}")
    del app


if __name__ == "__main__":
    main()
