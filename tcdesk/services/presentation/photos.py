"""The ``photos`` of the render context: the family's own pictures, where the painter finds them.

Imported photos and x-rays are kept under the practice's media folder by
content hash; the store holds only the path inside that folder. Here it
becomes an absolute path, and only if it really is inside the media folder
and the file is there: nothing else on the computer is ever shown. The
demo's pictures (no hash) stay relative to assets/, as before.

The slides get each picture's display copy (sized for a 4K screen). A
practice file from before display copies may hold the camera's full-size
file: a picture on record as larger than a screen gets its copy made once,
the first time it is shown (``media.display_copy``), and kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tcdesk.domain import PatientPhoto
from tcdesk.services.desk import Desk
from tcdesk.services.media import DISPLAY_BOX, display_copy, media_dir_for


def media_path(desk: Desk, photo: PatientPhoto) -> str:
    """The absolute file of an imported picture, or "" when it is missing or not in the folder."""
    if desk.path is None or not photo.path:
        return ""
    folder = media_dir_for(desk.path).resolve()
    candidate = (folder / photo.path).resolve()
    if not candidate.is_relative_to(folder) or not candidate.is_file():
        return ""
    return str(candidate)


def display_path(desk: Desk, photo: PatientPhoto) -> str:
    """The absolute file the slides show for an imported picture ("" when it is missing).

    Rows written by imports with display copies say the picture fits a screen
    and cost no look at the file; any other (an older row, a larger picture)
    is checked and, if larger, its display copy made once.
    """
    found = media_path(desk, photo)
    if not found or (0 < max(photo.width, photo.height) <= max(DISPLAY_BOX)):
        return found
    assert desk.path is not None  # media_path found the file
    folder = media_dir_for(desk.path).resolve()
    shown = (folder / display_copy(folder, photo.path)).resolve()
    return str(shown) if shown.is_relative_to(folder) and shown.is_file() else found


def slide_path(desk: Desk, photo: PatientPhoto) -> str:
    """What the slide's ``path`` holds: absolute for an import, assets-relative for the demo."""
    if photo.sha256:
        return display_path(desk, photo)
    if Path(photo.path).is_absolute():
        return ""  # never a path from outside the practice's own folders
    return photo.path


def ordered_photos(desk: Desk, patient_id: str, consult_id: str) -> list[PatientPhoto]:
    """This consult's photos and x-rays first (in their order), then the patient's others."""
    photos = desk.patients.photos(patient_id)
    mine = [p for p in photos if p.consult_id == consult_id]
    others = [p for p in photos if p.consult_id != consult_id]
    return mine + others


def photo_contexts(desk: Desk, patient_id: str, consult_id: str) -> list[dict[str, Any]]:
    """``[{path, caption, kind}]`` for the slides; a picture that cannot be found is left out."""
    found = []
    for photo in ordered_photos(desk, patient_id, consult_id):
        path = slide_path(desk, photo)
        if path:
            found.append({"path": path, "caption": photo.caption, "kind": photo.kind})
    return found
