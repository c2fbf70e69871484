"""The practice's offices: one main office and any satellites.

An office is never deleted: removing it hides it from lists and choices,
while the consults held there keep its name and address.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from tcdesk.domain import Office, OfficeKind
from tcdesk.errors import UserError
from tcdesk.services import practice_lookup
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.settings import changes
from tcdesk.services.settings.practice_details import current_practice
from tcdesk.services.validation import FieldError, Problems, optional_phone, required

OFFICE_FIELDS: dict[str, str] = {
    "name": "Office name",
    "kind": "Main or satellite",
    "address": "Address",
    "phone": "Phone",
}


def list_offices(desk: Desk) -> list[Office]:
    """The offices still in use, the main office first."""
    return desk.practices.offices(current_practice(desk).id)


def _office(desk: Desk, office_id: str) -> Office:
    for office in list_offices(desk):
        if office.id == office_id:
            return office
    raise UserError("That office is not in this practice (or was removed).")


def find_office(desk: Desk, key: str) -> Office:
    """An office by id or by its whole name (as typed on the command line)."""
    return practice_lookup.find_office(desk, key, partial=False)


def _kind(text: str) -> OfficeKind:
    try:
        return OfficeKind(text.strip().lower())
    except ValueError:
        raise FieldError("kind", 'An office is "main" or "satellite".') from None


def _checked(office: Office, values: Mapping[str, str], others: list[Office]) -> Office:
    problems = Problems()
    cleaned: dict[str, object] = {}
    for field, text in values.items():
        with problems.check():
            if field == "name":
                name = required(field, "The office's name", text)
                if any(o.name.casefold() == name.casefold() for o in others):
                    raise FieldError(field, f"There is already an office named {name}.")
                cleaned[field] = name
            elif field == "kind":
                cleaned[field] = _kind(text)
            elif field == "phone":
                cleaned[field] = optional_phone(field, text)
            elif field == "address":
                cleaned[field] = " ".join(text.split())
            else:
                raise FieldError(field, f"There is no office setting {field}.")
    problems.raise_if_any()
    return replace(office, **cleaned)


def add_office(desk: Desk, values: Mapping[str, str], *, actor_id: str | None = None) -> Office:
    """A new office; the first one is the main office, later ones satellites unless asked."""
    practice = current_practice(desk)
    others = list_offices(desk)
    kind = OfficeKind.SATELLITE if others else OfficeKind.MAIN
    blank = Office(id=new_id(), practice_id=practice.id, name="", kind=kind)
    office = _checked(blank, {"name": "", **values}, others)
    if not others:
        office = replace(office, kind=OfficeKind.MAIN)
    _save(desk, None, office, others, actor_id, "settings_office_added")
    return office


def edit_office(
    desk: Desk, office_id: str, values: Mapping[str, str], *, actor_id: str | None = None
) -> Office:
    """Change an office; making it the main office makes the old main one a satellite."""
    old = _office(desk, office_id)
    others = [o for o in list_offices(desk) if o.id != office_id]
    new = _checked(old, values, others)
    if old.kind is OfficeKind.MAIN and new.kind is not OfficeKind.MAIN:
        raise FieldError(
            "kind", "There must be one main office: make another office the main one instead."
        )
    _save(desk, old, new, others, actor_id, "settings_office_changed")
    return new


def remove_office(desk: Desk, office_id: str, *, actor_id: str | None = None) -> Office:
    """Hide an office from lists; its consults keep it. The main office stays."""
    office = _office(desk, office_id)
    if office.kind is OfficeKind.MAIN:
        raise UserError(
            f"{office.name} is the main office; make another office the main one first."
        )
    with desk.transaction():
        desk.records.soft_delete("offices", office.id)
        changes.record(
            desk, "settings_office_removed", office.id, actor_id, [f"removed {office.name!r}"]
        )
    return office


def _save(
    desk: Desk,
    old: Office | None,
    new: Office,
    others: list[Office],
    actor_id: str | None,
    action: str,
) -> None:
    found = changes.differences(old, new, skip=("id", "practice_id"))
    if not found:
        return
    demoted = [
        replace(o, kind=OfficeKind.SATELLITE)
        for o in others
        if new.kind is OfficeKind.MAIN and o.kind is OfficeKind.MAIN
    ]
    found += [f"{o.name!r} is now a satellite" for o in demoted]
    with desk.transaction():
        for office in demoted:
            desk.practices.save_office(office)
        desk.practices.save_office(new)
        changes.record(desk, action, new.id, actor_id, found)
