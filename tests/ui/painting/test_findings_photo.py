"""The findings slide shows the family's own imported photo, upright, from the media folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tcdesk.render.slide import ImageBlock, SlideKind
from tcdesk.services import consult_record as rec
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.services.media import media_dir_for
from tcdesk.ui.slide_painter import render_slide_image
from tests.services.record_seed import open_practice, portrait_jpeg

MAGENTA = (220, 0, 200)
GREEN = (20, 160, 60)


def _box(image: QImage, colour: tuple[int, int, int], step: int = 2):
    """The bounding box (left, top, right, bottom) of pixels near ``colour``."""
    xs, ys = [], []
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            if (
                max(abs(c.red() - colour[0]), abs(c.green() - colour[1]), abs(c.blue() - colour[2]))
                < 40
            ):
                xs.append(x)
                ys.append(y)
    assert xs, f"no pixel of {colour} on the slide"
    return min(xs), min(ys), max(xs), max(ys)


@pytest.fixture(scope="module")
def kit() -> PresentationKit:
    return PresentationKit.load()


def findings_slide(store: Path, tmp_path: Path, kit: PresentationKit):
    desk, cid = open_practice(store)
    rec.add_finding(desk, cid, "crowding", "moderate")
    rec.add_option(desk, cid, "metal_braces")
    rec.add_photos(desk, cid, [portrait_jpeg(tmp_path / "IMG_0042.jpg")], caption="Your smile")
    room = ConsultRoom(desk, cid, kit, record=False)
    desk.close()
    return next(s for s in room.slides if s.kind is SlideKind.PROBLEM)


def test_the_findings_slide_draws_the_imported_photo_upright(
    qapp, empty_store: Path, tmp_path: Path, kit
) -> None:
    slide = findings_slide(empty_store, tmp_path, kit)
    images = [b for b in slide.blocks if isinstance(b, ImageBlock)]
    media = media_dir_for(empty_store).resolve()
    assert len(images) == 1 and Path(images[0].path).is_relative_to(media)
    image = render_slide_image(slide, 1920, 1080)
    left, top, right, bottom = _box(image, GREEN)
    assert bottom - top > right - left  # portrait: EXIF orientation honoured
    m_left, m_top, m_right, m_bottom = _box(image, MAGENTA)
    # The stored top-left corner, turned a quarter clockwise, is the photo's top right.
    assert m_top <= top + 6 and m_right >= right - 6
    assert m_left >= (left + right) / 2 - 6 and m_bottom <= (top + bottom) / 2 + 6
