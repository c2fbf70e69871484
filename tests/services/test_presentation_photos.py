"""The slides' ``photos``: imported pictures as absolute paths inside the media folder only,
this consult's first."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from PIL import Image

from tcdesk.domain import Consult, PatientPhoto
from tcdesk.services import consult_record as rec
from tcdesk.services.media import media_dir_for
from tcdesk.services.presentation import build_context
from tests.services.record_seed import open_practice, png


def test_imported_photos_resolve_inside_the_media_folder(empty_store: Path, tmp_path) -> None:
    desk, cid = open_practice(empty_store)
    try:
        earlier = replace(
            desk.consults.get(cid), id="co-earlier", scheduled_at="2026-06-01T15:00:00+00:00"
        )
        desk.consults.save(earlier)
        old = rec.add_photos(desk, "co-earlier", [png(tmp_path / "old.png", (9, 9, 9))]).changed
        xray = rec.add_photos(
            desk, cid, [png(tmp_path / "pan.png", (1, 1, 1))], kind="xray", caption="Panoramic"
        ).changed
        photos = build_context(desk, cid)["photos"]
        media = media_dir_for(empty_store).resolve()
        assert [p["kind"] for p in photos] == ["xray", "photo"]  # this consult's first
        assert photos[0]["caption"] == "Panoramic"
        for p, row in zip(photos, [xray.added[0], old.added[0]], strict=True):
            assert Path(p["path"]).is_absolute() and Path(p["path"]) == media / row.path
        # a row pointing out of the media folder, or at a missing file, is never shown
        bad = replace(xray.added[0], id="evil", path="../../etc/passwd", sha256="ab" * 32)
        desk.patients.save_photo(bad)
        gone = replace(old.added[0], id="gone", path="cd/" + "cd" * 32 + ".png", sha256="cd" * 32)
        desk.patients.save_photo(gone)
        outside = replace(old.added[0], id="abs", path="/etc/hosts", sha256="")
        desk.patients.save_photo(outside)
        assert len(build_context(desk, cid)["photos"]) == 2
        assert isinstance(earlier, Consult)
    finally:
        desk.close()


def test_a_full_size_photo_from_an_older_file_is_shown_as_its_display_copy(
    empty_store: Path, tmp_path
) -> None:
    """A practice file from before display copies: its 54-MP picture is copied once, at 4K."""
    desk, cid = open_practice(empty_store)
    try:
        camera = tmp_path / "camera.jpg"
        Image.new("RGB", (9000, 6000), (30, 90, 200)).save(camera, "JPEG")
        data = camera.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        media = media_dir_for(empty_store).resolve()
        (media / digest[:2]).mkdir(parents=True)
        (media / digest[:2] / f"{digest}.jpg").write_bytes(data)
        old = PatientPhoto(
            id="ph-old",
            patient_id=desk.consults.get(cid).patient_id,
            path=f"{digest[:2]}/{digest}.jpg",
            consult_id=cid,
            sha256=digest,
        )  # no size on record, as older rows have
        desk.patients.save_photo(old)
        (photo,) = build_context(desk, cid)["photos"]
        shown = Path(photo["path"])
        assert shown == media / "display" / old.path
        with Image.open(shown) as copy:
            assert copy.size == (3240, 2160)
        made = shown.stat().st_mtime_ns
        assert build_context(desk, cid)["photos"][0]["path"] == str(shown)
        assert shown.stat().st_mtime_ns == made  # made once, then kept
        assert (media / old.path).read_bytes() == data  # the practice's file is untouched
    finally:
        desk.close()
