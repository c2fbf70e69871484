"""The practice's own details: name, logo, brand colour and how families reach it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from tcdesk.domain import Practice
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.document_sources import MEDIA_PREFIX, logo_path
from tcdesk.services.media import media_dir_for, store_image
from tcdesk.services.settings import changes
from tcdesk.services.sign_in import require_admin
from tcdesk.services.validation import (
    FieldError,
    Problems,
    colour,
    optional_email,
    optional_phone,
    required,
)

# field -> label, in the order the form shows them
PRACTICE_FIELDS: dict[str, str] = {
    "name": "Practice name",
    "phone": "Phone",
    "email": "Email",
    "website": "Website",
    "address": "Address",
    "brand_color": "Brand colour",
    "lock_after_minutes": "Lock after (idle minutes)",
    "keep_original_photos": "Keep original photos",
}
YES_NO_FIELDS = ("keep_original_photos",)
LOCK_MINUTES = (1, 60)  # a desk that never locks is not offered
_YES = {"yes", "y", "true", "1", "on"}
_NO = {"no", "n", "false", "0", "off"}
KEEP_ORIGINALS_SHORT = "Also keep the camera's own file (off: only the copy a 4K screen shows)"
# Said wherever the setting is offered (Settings, the command line).
KEEP_ORIGINALS_HELP = (
    "Off: an imported photo is kept only as a copy sized for the largest screen "
    "(4K), which is all a slide shows. On: the camera's own file is kept beside it."
)


def current_practice(desk: Desk) -> Practice:
    practice = desk.practice()
    if practice is None:
        raise UserError("This file holds no practice yet; set up the practice first.")
    return practice


def form_value(practice: Practice, field: str) -> str:
    """The setting as a form or ``settings show`` shows it ("yes"/"no" for a switch)."""
    value = getattr(practice, field)
    if field in YES_NO_FIELDS:
        return "yes" if value else "no"
    return str(value)


def check_practice(practice: Practice, values: Mapping[str, str]) -> Practice:
    """``practice`` with ``values`` (only the fields given) checked; every mistake at once."""
    unknown = set(values) - set(PRACTICE_FIELDS)
    if unknown:
        raise FieldError(sorted(unknown)[0], f"There is no practice setting {sorted(unknown)[0]}.")
    problems = Problems()
    cleaned: dict[str, object] = {}
    for field, text in values.items():
        with problems.check():
            if field == "name":
                cleaned[field] = required(field, "The practice's name", text)
            elif field == "phone":
                cleaned[field] = optional_phone(field, text)
            elif field == "email":
                cleaned[field] = optional_email(field, text)
            elif field == "brand_color":
                cleaned[field] = colour(field, text)
            elif field == "website":
                cleaned[field] = _website(text)
            elif field == "lock_after_minutes":
                cleaned[field] = _lock_minutes(text)
            elif field in YES_NO_FIELDS:
                cleaned[field] = _yes_no(field, text)
            else:
                cleaned[field] = "\n".join(
                    " ".join(line.split()) for line in text.strip().splitlines()
                )
    problems.raise_if_any()
    return replace(practice, **cleaned)


def _lock_minutes(text: str) -> int:
    low, high = LOCK_MINUTES
    cleaned = text.strip()
    if not (cleaned.isascii() and cleaned.isdigit()) or not low <= int(cleaned) <= high:
        message = f"The desk locks after {low} to {high} idle minutes; type a number."
        raise FieldError("lock_after_minutes", message)
    return int(cleaned)


def _yes_no(field: str, text: str) -> bool:
    word = str(text).strip().lower()
    if word in _YES or word in _NO:
        return word in _YES
    raise FieldError(field, f'{PRACTICE_FIELDS[field]}: answer yes or no (not "{text}").')


def _website(text: str) -> str:
    cleaned = text.strip()
    if cleaned and (" " in cleaned or "." not in cleaned):
        raise FieldError("website", f'"{cleaned}" is not a web address (like brightsmiles.com).')
    return cleaned


def update_practice(
    desk: Desk, values: Mapping[str, str], *, actor_id: str | None = None
) -> Practice:
    """Change the practice's details; one audit entry lists what changed."""
    old = current_practice(desk)
    new = check_practice(old, values)
    if new.lock_after_minutes != old.lock_after_minutes:
        try:
            require_admin(desk, "change when the desk locks")
        except UserError as refused:
            raise FieldError("lock_after_minutes", str(refused)) from None
    if new.keep_original_photos != old.keep_original_photos:
        try:
            require_admin(desk, "change whether original photos are kept")
        except UserError as refused:
            raise FieldError("keep_original_photos", str(refused)) from None
    _save(desk, old, new, actor_id)
    return new


def import_logo(desk: Desk, source: Path, *, actor_id: str | None = None) -> Practice:
    """Keep ``source`` (JPEG or PNG) in the media folder and make it the practice's logo."""
    old = current_practice(desk)
    if desk.path is None:
        raise UserError("This practice file has no folder to keep a logo in.")
    stored = store_image(media_dir_for(desk.path), Path(source))
    new = replace(old, logo_path=f"{MEDIA_PREFIX}{stored.relative_path}")
    _save(desk, old, new, actor_id)
    return new


def remove_logo(desk: Desk, *, actor_id: str | None = None) -> Practice:
    old = current_practice(desk)
    new = replace(old, logo_path="")
    _save(desk, old, new, actor_id)
    return new


def logo_file(desk: Desk) -> str:
    """The logo as an absolute path a renderer opens ("" for none)."""
    return logo_path(current_practice(desk), desk.path)


def _save(desk: Desk, old: Practice, new: Practice, actor_id: str | None) -> None:
    found = changes.differences(old, new, skip=("agreement_terms",))
    if not found:
        return
    with desk.transaction():
        desk.practices.save(new)
        changes.record(desk, "settings_practice", new.id, actor_id, found)
