"""What every screenshot script shares: where the pictures go, and taking one.

The scripts (``python -m tcdesk.ui....screenshots --out DIR``, run by
``make screenshots`` on two virtual monitors) draw real windows; off a screen
they still work, offscreen.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def screenshot_folder(argv: Sequence[str] | None, description: str | None) -> Path:
    """``--out DIR`` (default docs/screenshots), made; offscreen when there is no screen."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    return out


def grab(widget: QWidget, path: Path) -> Path:
    """The widget as it is drawn now, after pending paints, to ``path`` (PNG)."""
    for _ in range(5):
        QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path
