"""Imported pictures: upright, not larger than a screen, kept once by content hash."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from tcdesk.services.media import (
    DISPLAY_BOX,
    DISPLAY_FOLDER,
    ORIGINALS_FOLDER,
    ImageRefused,
    display_copy,
    media_dir_for,
    store_image,
)

SIXTY_MP = (10_000, 6_000)


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
    stored = store_image(
        tmp_path / "m", _jpeg(tmp_path / "big.jpg", (5000, 2500)), box=(2000, 2000)
    )
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


def _png_header(path: Path, width: int, height: int) -> Path:
    """A PNG that claims ``width`` x ``height`` (a decompression bomb's header), no pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def test_a_sixty_megapixel_photo_is_kept_as_a_4k_display_copy_only(tmp_path: Path) -> None:
    source = _jpeg(tmp_path / "camera.jpg", SIXTY_MP)
    media = tmp_path / "m"
    stored = store_image(media, source)
    assert (stored.width, stored.height) == (3600, 2160)  # fits 3840 x 2160, 5:3 kept
    with Image.open(media / stored.relative_path) as kept:
        assert kept.size == (3600, 2160) and kept.format == "JPEG"
        assert kept.getpixel((10, 10)) == pytest.approx((40, 40, 200), abs=8)  # blue corner
        assert kept.getpixel((3590, 2150)) == pytest.approx((200, 40, 40), abs=8)
    assert stored.original_path == ""
    assert [p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file()] == [
        stored.relative_path
    ]


def test_a_turned_sixty_megapixel_photo_is_stored_upright(tmp_path: Path) -> None:
    stored = store_image(tmp_path / "m", _jpeg(tmp_path / "side.jpg", SIXTY_MP, orientation=6))
    assert (stored.width, stored.height) == (1296, 2160)  # portrait, fitted to the 2160 height
    with Image.open(tmp_path / "m" / stored.relative_path) as kept:
        assert kept.size == (1296, 2160)
        assert kept.getexif().get(0x0112, 1) == 1
        # the stored top-left (blue) quarter-strip, turned clockwise, is now along the right
        assert kept.getpixel((1290, 10)) == pytest.approx((40, 40, 200), abs=8)
        assert kept.getpixel((5, 2150)) == pytest.approx((200, 40, 40), abs=8)


def test_the_original_is_kept_only_when_asked(tmp_path: Path) -> None:
    source = _jpeg(tmp_path / "camera.jpg", (5000, 3000))
    kept = store_image(tmp_path / "m", source, keep_original=True)
    assert kept.original_path.startswith(f"{ORIGINALS_FOLDER}/")
    assert (tmp_path / "m" / kept.original_path).read_bytes() == source.read_bytes()
    assert (kept.width, kept.height) == (3600, 2160)
    dropped = store_image(tmp_path / "n", source)
    assert dropped.original_path == "" and not (tmp_path / "n" / ORIGINALS_FOLDER).exists()
    small = store_image(
        tmp_path / "o", _jpeg(tmp_path / "small.jpg", (800, 600)), keep_original=True
    )
    assert small.original_path == small.relative_path  # already fits: one file is both


@pytest.mark.parametrize(
    ("size", "words"),
    [((40_000, 40_000), "too large an image to open safely"), ((12_000, 12_000), "144 megapixels")],
)
def test_a_decompression_bomb_is_refused_before_decoding(
    tmp_path: Path, size: tuple[int, int], words: str
) -> None:
    bomb = _png_header(tmp_path / "bomb.png", *size)
    with pytest.raises(ImageRefused, match=words):
        store_image(tmp_path / "m", bomb)
    assert not (tmp_path / "m").exists()


def test_a_truncated_large_jpeg_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    whole = _jpeg(tmp_path / "whole.jpg", (6000, 4000)).read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(ImageRefused, match="not a readable picture"):
        store_image(tmp_path / "m", cut, keep_original=True)
    assert not (tmp_path / "m").exists()


def test_a_full_size_picture_stored_earlier_gets_its_display_copy_once(tmp_path: Path) -> None:
    media = tmp_path / "m"
    (media / "ab").mkdir(parents=True)
    old = _jpeg(media / "ab" / "old.jpg", (8000, 6000))
    shown = display_copy(media, "ab/old.jpg")
    assert shown == f"{DISPLAY_FOLDER}/ab/old.jpg"
    with Image.open(media / shown) as copy:
        assert copy.size == (2880, 2160)
    made = (media / shown).stat().st_mtime_ns
    assert display_copy(media, "ab/old.jpg") == shown
    assert (media / shown).stat().st_mtime_ns == made  # kept, not made again
    assert old.is_file()  # the practice's own file is never removed
    _jpeg(media / "ab" / "fits.jpg", DISPLAY_BOX)
    assert display_copy(media, "ab/fits.jpg") == "ab/fits.jpg"
    (media / "ab" / "junk.jpg").write_bytes(b"not a picture")
    assert display_copy(media, "ab/junk.jpg") == "ab/junk.jpg"
    assert display_copy(media, "ab/missing.jpg") == "ab/missing.jpg"
    assert sorted(p.name for p in (media / DISPLAY_FOLDER).rglob("*")) == ["ab", "old.jpg"]


ADOBE_RGB = Path("/usr/share/color/icc/ghostscript/a98.icc")  # Ghostscript's, with cups-pdf


@pytest.mark.skipif(not ADOBE_RGB.is_file(), reason="no Adobe RGB profile on this machine")
def test_a_photo_in_adobe_rgb_is_kept_in_srgb(tmp_path: Path) -> None:
    source = tmp_path / "wide.png"
    Image.new("RGB", (400, 300), (60, 180, 120)).save(source, icc_profile=ADOBE_RGB.read_bytes())
    stored = store_image(tmp_path / "m", source)
    with Image.open(tmp_path / "m" / stored.relative_path) as kept:
        assert kept.info.get("icc_profile") is None  # untagged: sRGB, as screens assume
        red, green, blue = kept.getpixel((10, 10))
    assert red < 20 and green == pytest.approx(181, abs=3) and blue == pytest.approx(117, abs=3)
    plain = tmp_path / "plain.png"
    Image.new("RGB", (400, 300), (60, 180, 120)).save(plain)
    assert store_image(tmp_path / "n", plain).relative_path != stored.relative_path
    assert store_image(tmp_path / "m", source) == stored  # the same picture, kept once
