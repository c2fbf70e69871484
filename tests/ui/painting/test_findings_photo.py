"""The findings slide shows the family's own imported photo, upright, from the media folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPainter

from tcdesk.domain import PatientPhoto
from tcdesk.render.slide import ImageBlock, SlideKind
from tcdesk.services import consult_record as rec
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.services.media import media_dir_for
from tcdesk.ui.slide_painter import SlidePainter, render_slide_image
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


def test_a_full_size_photo_from_an_older_file_is_drawn_from_its_display_copy(
    qapp, empty_store: Path, tmp_path: Path, kit
) -> None:
    """A 54-MP photo an older practice file holds: the slide names its 4K copy and the
    painter never holds more than that copy decoded."""
    desk, cid = open_practice(empty_store)
    rec.add_finding(desk, cid, "crowding", "moderate")
    camera = tmp_path / "camera.jpg"
    Image.new("RGB", (9000, 6000), GREEN).save(camera, "JPEG")
    data = camera.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    media = media_dir_for(empty_store).resolve()
    (media / digest[:2]).mkdir(parents=True)
    (media / digest[:2] / f"{digest}.jpg").write_bytes(data)
    patient_id = desk.consults.get(cid).patient_id
    desk.patients.save_photo(
        PatientPhoto("ph-old", patient_id, f"{digest[:2]}/{digest}.jpg", sha256=digest)
    )
    room = ConsultRoom(desk, cid, kit, record=False)
    desk.close()
    slide = next(s for s in room.slides if s.kind is SlideKind.PROBLEM)
    (block,) = [b for b in slide.blocks if isinstance(b, ImageBlock)]
    assert Path(block.path) == media / "display" / digest[:2] / f"{digest}.jpg"
    painter = SlidePainter()
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    qp = QPainter(image)
    painter.paint(qp, slide, QRectF(0, 0, 1920, 1080))
    qp.end()
    _box(image, GREEN)  # the photo is on the slide
    assert painter.images.natural_size(block.path) == QSizeF(3240, 2160)
    sources, _renders = painter.images.held_bytes()
    assert sources < 3240 * 2160 * 4 + 8 * 2**20  # the copy, and the small illustrations
