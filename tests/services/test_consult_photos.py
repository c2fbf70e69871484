"""Photos and x-rays: kept by content hash in the media folder, listed once, upright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from tcdesk.services import consult_photos as photos
from tcdesk.services.desk import Desk
from tcdesk.services.media import media_dir_for
from tcdesk.services.settings import practice_details
from tcdesk.services.validation import FieldError
from tests.services.record_seed import open_practice, png, portrait_jpeg


@pytest.fixture
def practice(empty_store: Path) -> Iterator[tuple[Desk, str]]:
    desk, consult_id = open_practice(empty_store)
    yield desk, consult_id
    desk.close()


def test_imported_by_hash_into_the_media_folder(practice, tmp_path: Path) -> None:
    desk, cid = practice
    outside = tmp_path / "camera"
    outside.mkdir()
    source = portrait_jpeg(outside / "IMG_0042.jpg")
    change = photos.add_photos(desk, cid, [source], caption="Smile, front")
    (photo,) = change.changed.added
    media = media_dir_for(desk.path)
    assert (media / photo.path).is_file()
    assert photo.path == f"{photo.sha256[:2]}/{photo.sha256}.jpg"
    assert (photo.consult_id, photo.kind, photo.caption) == (cid, "photo", "Smile, front")
    assert (photo.width, photo.height) == (480, 640)  # EXIF turned upright: portrait
    with Image.open(media / photo.path) as kept:
        assert kept.size == (480, 640)
        assert kept.getpixel((400, 60))[0] > 180  # the magenta corner turned to the top right
    source.unlink()  # the original may go: the record never pointed at it
    assert (media / photo.path).is_file()
    assert "camera" not in photo.path and not Path(photo.path).is_absolute()


def test_the_same_picture_twice_is_stored_once_and_listed_once(practice, tmp_path) -> None:
    desk, cid = practice
    first = png(tmp_path / "xray.png")
    copy = tmp_path / "copy of xray.png"
    copy.write_bytes(first.read_bytes())
    change = photos.add_photos(desk, cid, [first, copy], kind="xray")
    assert len(change.changed.added) == 1 and len(change.changed.already_there) == 1
    again = photos.add_photos(desk, cid, [first])
    assert again.changed.added == () and again.note == "1 picture was already in the record."
    assert len(desk.patients.photos("pa-mia")) == 1
    assert len(list(media_dir_for(desk.path).rglob("*.png"))) == 1


def test_an_unreadable_file_refuses_the_batch(practice, tmp_path) -> None:
    desk, cid = practice
    good = png(tmp_path / "good.png")
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a picture")
    with pytest.raises(FieldError, match=r"notes\.jpg is not a readable picture") as refused:
        photos.add_photos(desk, cid, [good, bad])
    assert refused.value.field == "photos"
    assert desk.patients.photos("pa-mia") == []
    with pytest.raises(FieldError, match="There is no file"):
        photos.add_photos(desk, cid, [tmp_path / "gone.jpg"])
    with pytest.raises(FieldError, match="photo or xray"):
        photos.add_photos(desk, cid, [good], kind="scan")


def test_caption_kind_order_and_removal(practice, tmp_path) -> None:
    desk, cid = practice
    added = photos.add_photos(
        desk, cid, [png(tmp_path / "a.png", (1, 2, 3)), png(tmp_path / "b.png", (4, 5, 6))]
    ).changed.added
    a, b = added
    photos.edit_photo(desk, a.id, caption="Panoramic", kind="xray")
    photos.reorder_photos(desk, cid, [b.id, a.id])
    listed = desk.patients.photos("pa-mia")
    assert [(p.id, p.kind, p.caption) for p in listed] == [
        (b.id, "photo", ""),
        (a.id, "xray", "Panoramic"),
    ]
    photos.remove_photo(desk, b.id)
    assert [p.id for p in desk.patients.photos("pa-mia")] == [a.id]
    # a removed picture imported again comes back as a new row
    back = photos.add_photos(desk, cid, [tmp_path / "b.png"]).changed.added
    assert len(back) == 1 and back[0].id != b.id


def _camera_jpeg(path: Path, size=(6000, 4000)) -> Path:
    Image.new("RGB", size, (200, 40, 40)).save(path, "JPEG", quality=90)
    return path


def test_the_practice_setting_keeps_or_drops_the_original(practice, tmp_path) -> None:
    desk, cid = practice
    media = media_dir_for(desk.path)
    source = _camera_jpeg(tmp_path / "DSC_0001.jpg")
    assert not photos.keeps_originals(desk)  # off unless the practice asks
    (dropped,) = photos.add_photos(desk, cid, [source]).changed.added
    assert (dropped.width, dropped.height) == (3240, 2160) and dropped.original_path == ""
    assert not (media / "originals").exists()
    practice_details.update_practice(desk, {"keep_original_photos": "yes"})
    assert photos.keeps_originals(desk)
    other = _camera_jpeg(tmp_path / "DSC_0002.jpg", (4000, 6000))
    (kept,) = photos.add_photos(desk, cid, [other]).changed.added
    assert (kept.width, kept.height) == (1440, 2160)
    assert kept.original_path.startswith("originals/")
    assert (media / kept.original_path).read_bytes() == other.read_bytes()
    saved = {p.id: p for p in desk.patients.photos(kept.patient_id)}
    assert saved[kept.id].original_path == kept.original_path
    assert saved[dropped.id].original_path == ""
