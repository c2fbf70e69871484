"""Slide pictures are decoded no larger than a 4K screen and the caches stay within budget."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from tcdesk.ui.painting.images import MAX_DECODE, ImageCache, read_raster


def _jpeg(path: Path, size: tuple[int, int], orientation: int | None = None) -> Path:
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((40, 40, 200), (0, 0, size[0] // 2, size[1] // 4))  # a blue top-left strip
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", exif=exif.tobytes())
    return path


def _near(image: QImage, x: int, y: int, rgb: tuple[int, int, int]) -> bool:
    c = image.pixelColor(x, y)
    return max(abs(c.red() - rgb[0]), abs(c.green() - rgb[1]), abs(c.blue() - rgb[2])) < 16


def test_a_camera_sized_file_is_decoded_at_screen_size(qapp, tmp_path: Path) -> None:
    image = read_raster(str(_jpeg(tmp_path / "big.jpg", (9000, 6000))))
    assert image is not None and image.size() == QSize(3240, 2160)
    assert image.format() == QImage.Format.Format_RGB32  # opaque: no premultiplied copy
    assert _near(image, 10, 10, (40, 40, 200)) and _near(image, 3230, 2150, (200, 40, 40))


def test_a_turned_file_is_fitted_upright(qapp, tmp_path: Path) -> None:
    image = read_raster(str(_jpeg(tmp_path / "side.jpg", (9000, 6000), orientation=6)))
    assert image is not None and image.size() == QSize(1440, 2160)
    assert _near(image, 1430, 10, (40, 40, 200))  # the top-left strip turned to the right


def test_small_pictures_and_alpha_are_kept_as_they_are(qapp, tmp_path: Path) -> None:
    Image.new("RGBA", (300, 200), (10, 200, 10, 128)).save(tmp_path / "logo.png")
    image = read_raster(str(tmp_path / "logo.png"))
    assert image is not None and image.size() == QSize(300, 200)
    assert image.format() == QImage.Format.Format_ARGB32_Premultiplied
    (tmp_path / "junk.jpg").write_bytes(b"not a picture")
    assert read_raster(str(tmp_path / "junk.jpg")) is None


def test_the_cache_keeps_within_its_byte_budget(qapp, tmp_path: Path) -> None:
    screen = MAX_DECODE.width() * MAX_DECODE.height() * 4
    cache = ImageCache(source_budget=2 * screen, render_budget=screen)
    paths = [
        str(_jpeg(tmp_path / f"photo{i}.jpg", (MAX_DECODE.width(), MAX_DECODE.height())))
        for i in range(4)
    ]
    target = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(target)
    try:
        for path in paths:
            assert cache.draw(painter, path, QRectF(0, 0, 1920, 1080))
            sources, renders = cache.held_bytes()
            assert sources <= 2 * screen and renders <= screen
    finally:
        painter.end()
    assert cache.held_bytes()[0] == 2 * screen  # the two newest pictures
    assert cache.natural_size(paths[-1]) is not None
