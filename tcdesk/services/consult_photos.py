"""The family's photos and x-rays, brought in from files and kept by content hash.

Every picture goes through ``media.store_image`` (upright, sRGB, fitted to a
4K screen, only JPEG or PNG), into the practice's media folder; the row keeps
the path inside that folder, never the file it came from. The camera's own
file is kept too only when the practice's "keep original photos" is on. A picture the patient
already has is not listed twice. One unreadable file refuses the whole
batch with its message, so nothing is half imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tcdesk.domain import PatientPhoto
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.media import ImageRefused, StoredImage, media_dir_for, store_image
from tcdesk.services.record_changes import (
    RecordChange,
    change,
    next_position,
    recording,
    reorder,
    require_consult,
)
from tcdesk.services.validation import FieldError

KINDS = ("photo", "xray")
KIND_LABELS = {"photo": "Photo", "xray": "X-ray"}
CAPTION_MAX = 120


@dataclass(frozen=True)
class PhotoImport:
    added: tuple[PatientPhoto, ...]
    already_there: tuple[PatientPhoto, ...]  # the same picture was in the record before


def check_kind(kind: str) -> str:
    cleaned = kind.strip().lower().replace("-", "")
    if cleaned not in KINDS:
        raise FieldError("kind", f'"{kind}" is not a kind of picture; use photo or xray.')
    return cleaned


def check_caption(caption: str) -> str:
    cleaned = " ".join(caption.split())
    if len(cleaned) > CAPTION_MAX:
        raise FieldError("caption", f"Keep the caption under {CAPTION_MAX} characters.")
    return cleaned


def media_folder(desk: Desk) -> Path:
    """Where this practice file keeps its pictures."""
    if desk.path is None:
        raise UserError("This practice file has no folder for pictures (it is not on disk).")
    return media_dir_for(desk.path)


def keeps_originals(desk: Desk) -> bool:
    """Whether imports keep the untouched file beside the display copy (a practice setting)."""
    practice = desk.practice()
    return bool(practice and practice.keep_original_photos)


def store_pictures(
    folder: Path, files: Sequence[Path | str], *, keep_originals: bool = False
) -> tuple[StoredImage, ...]:
    """Check, turn upright, shrink and keep each file: the slow part, safe on any thread
    (it writes only content-addressed files, never the practice file). A refused file
    writes nothing; the batch's rows are added only if every file was kept."""
    if not files:
        raise FieldError("photos", "Choose at least one picture (JPEG or PNG).")
    stored: list[StoredImage] = []
    for file in files:
        try:
            stored.append(store_image(folder, Path(file), keep_original=keep_originals))
        except ImageRefused as refused:
            raise FieldError("photos", str(refused)) from None
    return tuple(stored)


def add_photos(
    desk: Desk,
    consult_id: str,
    files: Sequence[Path | str],
    *,
    kind: str = "photo",
    caption: str = "",
) -> RecordChange:
    """Import pictures into the consult; ``changed`` is a ``PhotoImport``."""
    require_consult(desk, consult_id)
    check_kind(kind)
    check_caption(caption)
    stored = store_pictures(media_folder(desk), files, keep_originals=keeps_originals(desk))
    return add_stored_photos(desk, consult_id, stored, kind=kind, caption=caption)


def add_stored_photos(
    desk: Desk,
    consult_id: str,
    stored: Sequence[StoredImage],
    *,
    kind: str = "photo",
    caption: str = "",
) -> RecordChange:
    """The rows for pictures ``store_pictures`` kept; one the patient has is listed once."""
    consult = require_consult(desk, consult_id)
    kind_ = check_kind(kind)
    caption_ = check_caption(caption)
    existing = desk.patients.photos(consult.patient_id)
    by_hash = {p.sha256: p for p in existing if p.sha256}
    added: list[PatientPhoto] = []
    again: list[PatientPhoto] = []
    position = next_position(existing)
    for image in stored:
        if image.sha256 in by_hash:
            again.append(by_hash[image.sha256])
            continue
        photo = PatientPhoto(
            id=new_id(),
            patient_id=consult.patient_id,
            path=image.relative_path,
            caption=caption_,
            position=position,
            consult_id=consult_id,
            kind=kind_,
            sha256=image.sha256,
            width=image.width,
            height=image.height,
            original_path=image.original_path,
        )
        position += 1
        by_hash[image.sha256] = photo
        added.append(photo)
    if added:
        with recording(desk, consult, "photos_added", lambda: _detail(added)):
            for photo in added:
                desk.patients.save_photo(photo)
    note = ""
    if again:
        count = len(again)
        note = f"{count} picture{'s were' if count > 1 else ' was'} already in the record."
    return change(desk, consult, "photos_added", PhotoImport(tuple(added), tuple(again)), note)


def _require_photo(desk: Desk, photo_id: str) -> PatientPhoto:
    found = desk.records.get("patient_photos", PatientPhoto, photo_id)
    if found is None:
        raise UserError(f"No photo with id {photo_id}.")
    return found


def _consult_of(desk: Desk, photo: PatientPhoto, consult_id: str | None):
    """The consult a photo change is recorded on: the one asked, else the photo's own."""
    wanted = consult_id or photo.consult_id
    if not wanted:
        raise UserError("That photo belongs to no consult; say which consult it is for.")
    return require_consult(desk, wanted)


def edit_photo(
    desk: Desk,
    photo_id: str,
    *,
    caption: str | None = None,
    kind: str | None = None,
    consult_id: str | None = None,
) -> RecordChange:
    old = _require_photo(desk, photo_id)
    consult = _consult_of(desk, old, consult_id)
    new = replace(
        old,
        caption=old.caption if caption is None else check_caption(caption),
        kind=old.kind if kind is None else check_kind(kind),
    )
    with recording(desk, consult, "photo_edited", f"{new.kind}: {new.caption}"):
        desk.patients.save_photo(new)
    return change(desk, consult, "photo_edited", new)


def remove_photo(desk: Desk, photo_id: str, *, consult_id: str | None = None) -> RecordChange:
    """Take a picture off the record (the row is kept as deleted; the file stays)."""
    old = _require_photo(desk, photo_id)
    consult = _consult_of(desk, old, consult_id)
    with recording(desk, consult, "photo_removed", old.sha256 or old.path):
        desk.records.soft_delete("patient_photos", photo_id)
    return change(desk, consult, "photo_removed", old)


def reorder_photos(desk: Desk, consult_id: str, ids: list[str]) -> RecordChange:
    consult = require_consult(desk, consult_id)
    photos = desk.patients.photos(consult.patient_id)
    return reorder(desk, consult, ids, photos, desk.patients.save_photo, "photos")


def _detail(photos: list[PatientPhoto]) -> str:
    return ", ".join(f"{p.kind} {p.sha256[:12]}" for p in photos)
