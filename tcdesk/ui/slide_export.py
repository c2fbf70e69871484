"""Slides to PNG files through the one rendering path the live display uses."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from tcdesk.documents.files import file_slug, private_folder, write_private_file
from tcdesk.errors import UserError
from tcdesk.render.slide import Slide


def ensure_gui_app() -> None:
    """A Qt application for drawing text: on the screen there is, offscreen when there is none.

    (Forcing offscreen while a display exists would leave a later window in the
    same process, e.g. the app opened after a command, on an 800x800 fake screen.)
    """
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication([])


def export_slides(
    slides: Sequence[Slide], folder: Path, width: int, height: int, dpr: float = 1.0
) -> list[Path]:
    """One PNG per slide, named ``01-<title>.png``; alt text holds the slide's words."""
    from tcdesk.ui.slide_painter import render_slide_image

    ensure_gui_app()
    folder = private_folder(folder)  # 0700 when tcdesk creates it: the family's name is inside
    paths = []
    for number, slide in enumerate(slides, start=1):
        image = render_slide_image(slide, width, height, dpr)
        image.setText("Title", slide.title)
        image.setText("Description", "\n".join(slide.texts()))
        path = folder / f"{number:02d}-{file_slug(slide.title, 'slide')}.png"
        paths.append(write_private_file(_png_bytes(image, path), path))  # 0600, like the PDFs
    return paths


def _png_bytes(image, path: Path) -> bytes:
    """The image as PNG bytes (written by ``write_private_file``, never by Qt)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")
    buffer.close()
    if not saved:
        raise UserError(f"Cannot write {path}.")
    return bytes(data.data())


def close_gui_app() -> None:
    """Release cached Qt objects before the application object goes away."""
    from tcdesk.ui.slide_painter import release_caches

    release_caches()
