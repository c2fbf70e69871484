"""The people of the practice: coordinators, doctors and admins.

Someone who leaves is deactivated, never deleted: their name stays on the
consults they had, and they are no longer offered for new ones. The practice
always keeps one active coordinator and one active doctor: a walk-in, a
booking and the consult record all need one of each, so the last one is not
deactivated or moved to another role.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from tcdesk.domain import Staff, StaffRole
from tcdesk.errors import UserError
from tcdesk.services import practice_lookup
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.settings import changes
from tcdesk.services.settings.offices import list_offices
from tcdesk.services.settings.practice_details import current_practice
from tcdesk.services.sign_in import require_admin
from tcdesk.services.validation import (
    FieldError,
    Problems,
    optional_email,
    optional_phone,
    required,
)

STAFF_FIELDS: dict[str, str] = {
    "name": "Name",
    "role": "Role",
    "title": "Title",
    "email": "Email",
    "phone": "Phone",
    "office": "Office",
}
ROLE_WORDS = {
    StaffRole.COORDINATOR: "Treatment coordinator",
    StaffRole.DOCTOR: "Doctor",
    StaffRole.ADMIN: "Admin",
}
# The roles a consult needs one active person in: (the only active ..., add another ...).
NEEDED_ROLES = {
    StaffRole.COORDINATOR: ("treatment coordinator", "coordinator"),
    StaffRole.DOCTOR: ("doctor", "doctor"),
}


def list_staff(desk: Desk, *, active_only: bool = False) -> list[Staff]:
    people = desk.practices.staff(current_practice(desk).id)
    return [s for s in people if s.active or not active_only]


def find_staff(desk: Desk, key: str) -> Staff:
    """A staff member by id or by their whole name (as typed on the command line)."""
    return practice_lookup.find_staff(desk, key, partial=False)


def _role(text: str) -> StaffRole:
    try:
        return StaffRole(text.strip().lower())
    except ValueError:
        raise FieldError("role", "The role is coordinator, doctor or admin.") from None


def _office_id(desk: Desk, text: str) -> str | None:
    key = text.strip()
    if not key:
        return None
    for office in list_offices(desk):
        if key in (office.id, office.name) or office.name.casefold() == key.casefold():
            return office.id
    raise FieldError("office", f'There is no office "{key}".')


def _checked(desk: Desk, member: Staff, values: Mapping[str, str]) -> Staff:
    problems = Problems()
    cleaned: dict[str, object] = {}
    for field, text in values.items():
        with problems.check():
            if field == "name":
                cleaned[field] = required(field, "The name", text)
                _name_free(desk, member, str(cleaned[field]))
            elif field == "role":
                cleaned[field] = _role(text)
            elif field == "title":
                cleaned[field] = " ".join(text.split())
            elif field == "email":
                cleaned[field] = optional_email(field, text)
            elif field == "phone":
                cleaned[field] = optional_phone(field, text)
            elif field == "office":
                cleaned["office_id"] = _office_id(desk, text)
            else:
                raise FieldError(field, f"There is no staff setting {field}.")
    problems.raise_if_any()
    return replace(member, **cleaned)


def add_staff(desk: Desk, values: Mapping[str, str], *, actor_id: str | None = None) -> Staff:
    require_admin(desk, "change the staff list")
    practice = current_practice(desk)
    blank = Staff(id=new_id(), practice_id=practice.id, role=StaffRole.COORDINATOR, name="")
    member = _checked(desk, blank, {"name": "", **values})
    _save(desk, None, member, actor_id, "settings_staff_added")
    return member


def edit_staff(
    desk: Desk, staff_id: str, values: Mapping[str, str], *, actor_id: str | None = None
) -> Staff:
    require_admin(desk, "change the staff list")
    old = _member(desk, staff_id)
    new = _checked(desk, old, values)
    if new.role is not old.role:
        _keep_one(desk, old, "role", "changing their role")
    _save(desk, old, new, actor_id, "settings_staff_changed")
    return new


def set_staff_active(
    desk: Desk, staff_id: str, active: bool, *, actor_id: str | None = None
) -> Staff:
    """Deactivate someone who left (kept on old consults), or bring them back."""
    require_admin(desk, "change the staff list")
    old = _member(desk, staff_id)
    if not active:
        _keep_one(desk, old, None, "deactivating them")
    new = replace(old, active=active)
    if active and not old.active:
        _name_free(desk, new, new.name, None)
    action = "settings_staff_activated" if active else "settings_staff_deactivated"
    _save(desk, old, new, actor_id, action)
    return new


def _name_free(desk: Desk, member: Staff, name: str, field: str | None = "name") -> None:
    """Two active people with one name could not be told apart when booking."""
    if not member.active:
        return
    key = practice_lookup.name_key(name)
    twin = next(
        (
            s
            for s in list_staff(desk, active_only=True)
            if s.id != member.id and practice_lookup.name_key(s.name) == key
        ),
        None,
    )
    if twin is not None:
        message = (
            f"{twin.name} ({twin.id}) already works here; add a middle initial or a title "
            "so the two can be told apart."
        )
        raise FieldError(field, message) if field else UserError(message)


def _keep_one(desk: Desk, member: Staff, field: str | None, doing: str) -> None:
    """Refuse to leave the practice without an active coordinator or doctor.

    ``field`` is the form field the mistake is in (the role in the edit dialog);
    None for the Deactivate button, whose message shows on the staff page.
    """
    words = NEEDED_ROLES.get(member.role)
    if words is None or not member.active:
        return
    others = [s for s in list_staff(desk, active_only=True) if s.role is member.role]
    if all(s.id == member.id for s in others):
        only, another = words
        message = f"{member.name} is the only active {only}; add another {another} before {doing}."
        raise FieldError(field, message) if field else UserError(message)


def _member(desk: Desk, staff_id: str) -> Staff:
    member = desk.practices.staff_member(staff_id)
    if member is None:
        raise UserError("That staff member is not in this practice.")
    return member


def _save(desk: Desk, old: Staff | None, new: Staff, actor_id: str | None, action: str) -> None:
    found = changes.differences(old, new, skip=("id", "practice_id"))
    if not found:
        return
    with desk.transaction():
        desk.practices.save_staff(new)
        changes.record(desk, action, new.id, actor_id, found)
