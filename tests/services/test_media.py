"""Imported pictures: upright, not larger than a screen, kept once by content hash."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tcdesk.services.media import ImageRefused, media_dir_for, store_image


def _jpeg(path: Path, size: tuple[int, int], orientation: int | None = None) -> Path:
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((40, 40, 200), (0, 0, size[0] // 2, size[1] // 4))  # a blue top-left corner
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", exif=exif.tobytes())
    return path


def test_a_photo_is_kept_by_hash_under_the_media_folder(tmp_path: Path) -> None:
    media = media_dir_for(tmp_path / "practice.sqlite3")
    stored = store_image(media, _jpeg(tmp_path / "smile.jpg", (640, 480)))
    assert media == tmp_path / "practice-media"
    assert stored.relative_path == f"{stored.sha256[:2]}/{stored.sha256}.jpg"
    assert (media / stored.relative_path).is_file()
    assert (stored.width, stored.height) == (640, 480)
    again = store_image(media, tmp_path / "smile.jpg")
    assert again == stored and len(list(media.rglob("*.jpg"))) == 1


def test_exif_orientation_is_honoured(tmp_path: Path) -> None:
    stored = store_image(tmp_path / "m", _jpeg(tmp_path / "side.jpg", (640, 480), orientation=6))
    assert (stored.width, stored.height) == (480, 640)  # turned upright: now portrait
    with Image.open(tmp_path / "m" / stored.relative_path) as kept:
        assert kept.size == (480, 640)
        assert kept.getexif().get(0x0112, 1) == 1


def test_large_pictures_are_downscaled(tmp_path: Path) -> None:
    stored = store_image(tmp_path / "m", _jpeg(tmp_path / "big.jpg", (5000, 2500)), max_side=2000)
    assert (stored.width, stored.height) == (2000, 1000)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("notes.txt", b"not a picture at all", "not a readable picture"),
        ("empty.jpg", b"", "is empty"),
        ("cut.jpg", None, "not a readable picture"),
    ],
)
def test_anything_else_is_refused_with_a_message(
    tmp_path: Path, name: str, content: bytes | None, words: str
) -> None:
    path = tmp_path / name
    if content is None:  # a JPEG cut short halfway
        whole = _jpeg(tmp_path / "whole.jpg", (800, 600)).read_bytes()
        content = whole[: len(whole) // 2]
    path.write_bytes(content)
    with pytest.raises(ImageRefused, match=words):
        store_image(tmp_path / "m", path)
    assert not (tmp_path / "m").exists()


def test_a_gif_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    Image.new("RGB", (10, 10)).save(tmp_path / "a.gif", "GIF")
    with pytest.raises(ImageRefused, match="use a JPEG or PNG"):
        store_image(tmp_path / "m", tmp_path / "a.gif")
    with pytest.raises(ImageRefused, match="There is no file"):
        store_image(tmp_path / "m", tmp_path / "gone.png")
