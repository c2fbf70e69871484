"""Slides to PNG files through the one rendering path the live display uses."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from tcdesk.errors import UserError
from tcdesk.render.slide import Slide


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "slide"


def ensure_gui_app() -> None:
    """A Qt application for drawing text, offscreen unless a platform is already chosen."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication([])


def export_slides(
    slides: Sequence[Slide], folder: Path, width: int, height: int, dpr: float = 1.0
) -> list[Path]:
    """One PNG per slide, named ``01-<title>.png``; alt text holds the slide's words."""
    from tcdesk.ui.slide_painter import render_slide_image

    ensure_gui_app()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"Cannot create {folder}: {error.strerror or error}.") from None
    paths = []
    for number, slide in enumerate(slides, start=1):
        image = render_slide_image(slide, width, height, dpr)
        image.setText("Title", slide.title)
        image.setText("Description", "\n".join(slide.texts()))
        path = folder / f"{number:02d}-{_slug(slide.title)}.png"
        temporary = path.with_suffix(".png.tmp")
        if not image.save(str(temporary), "PNG"):
            raise UserError(f"Cannot write {path}.")
        os.replace(temporary, path)
        paths.append(path)
    return paths


def close_gui_app() -> None:
    """Release cached Qt objects before the application object goes away."""
    from tcdesk.ui.slide_painter import release_caches

    release_caches()
