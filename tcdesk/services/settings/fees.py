"""The fee schedule: what each kind of treatment costs and what the family reads.

A treatment option copies its fee from the schedule when it is made, so a fee
changed here applies to new options and quotes only; options already made
(and their plans and agreements) keep theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from tcdesk.domain import FeeScheduleItem, TreatmentType
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.settings import changes
from tcdesk.services.settings.practice_details import current_practice
from tcdesk.services.sign_in import require_admin
from tcdesk.services.validation import FieldError, Problems, money_cents, required, whole_number

FEE_FIELDS: dict[str, str] = {
    "treatment_type": "Treatment type",
    "name": "Name",
    "fee": "Fee",
    "months": "Estimated months",
    "visit_weeks": "Visit every (weeks)",
    "description": "What the family reads",
}
TREATMENT_WORDS = {
    TreatmentType.METAL_BRACES: "Metal braces",
    TreatmentType.CLEAR_BRACES: "Clear braces",
    TreatmentType.CLEAR_ALIGNERS: "Clear aligners",
    TreatmentType.PHASE_ONE: "Phase I (early treatment)",
    TreatmentType.PHASE_TWO: "Phase II",
    TreatmentType.LIMITED: "Limited treatment",
    TreatmentType.SURGICAL: "Surgical",
    TreatmentType.OBSERVATION: "Observation",
}
MOST_MONTHS = 60


def list_fees(desk: Desk) -> list[FeeScheduleItem]:
    items = desk.practices.fee_schedule(current_practice(desk).id)
    return sorted(items, key=lambda item: (item.position, item.name.casefold()))


def find_fee(desk: Desk, key: str) -> FeeScheduleItem:
    """A fee by id or by name (as typed on the command line)."""
    items = list_fees(desk)
    for item in items:
        if item.id == key:
            return item
    named = [i for i in items if i.name.casefold() == " ".join(key.split()).casefold()]
    if len(named) == 1:
        return named[0]
    raise UserError(f'There is no fee "{key}"; see tcdesk fees list.')


def _treatment(text: str) -> TreatmentType:
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    for kind, words in TREATMENT_WORDS.items():
        if key in (kind.value, words.lower().replace(" ", "_")):
            return kind
    choices = ", ".join(kind.value for kind in TreatmentType)
    raise FieldError("treatment_type", f"The treatment type is one of {choices}.")


def _checked(
    item: FeeScheduleItem, values: Mapping[str, str], others: list[FeeScheduleItem]
) -> FeeScheduleItem:
    problems = Problems()
    cleaned: dict[str, object] = {}
    for field, text in values.items():
        with problems.check():
            if field == "treatment_type":
                cleaned[field] = _treatment(text)
            elif field == "name":
                name = required(field, "The fee's name", text)
                if any(o.name.casefold() == name.casefold() for o in others):
                    raise FieldError(field, f"There is already a fee named {name}.")
                cleaned[field] = name
            elif field == "fee":
                required(field, "The fee", text)  # a line without a fee is a mistake, not $0
                cleaned["fee_cents"] = money_cents(field, "The fee", text)
            elif field == "months":
                cleaned["typical_months"] = whole_number(
                    field, "The estimated months", text, least=1, most=MOST_MONTHS
                )
            elif field == "visit_weeks":
                cleaned["visit_interval_weeks"] = whole_number(
                    field, "The weeks between visits", text, least=1, most=52
                )
            elif field == "description":
                cleaned[field] = text.strip()
            else:
                raise FieldError(field, f"There is no fee setting {field}.")
    problems.raise_if_any()
    return replace(item, **cleaned)


def add_fee(
    desk: Desk, values: Mapping[str, str], *, actor_id: str | None = None
) -> FeeScheduleItem:
    require_admin(desk, "change the fee schedule")
    practice = current_practice(desk)
    others = list_fees(desk)
    blank = FeeScheduleItem(
        id=new_id(),
        practice_id=practice.id,
        treatment_type=TreatmentType.METAL_BRACES,
        name="",
        fee_cents=0,
        typical_months=24,
        position=max((o.position for o in others), default=-1) + 1,
    )
    item = _checked(blank, {"name": "", "fee": "", **values}, others)
    _save(desk, None, item, actor_id, "settings_fee_added")
    return item


def edit_fee(
    desk: Desk, fee_id: str, values: Mapping[str, str], *, actor_id: str | None = None
) -> FeeScheduleItem:
    """Change a fee: new options and quotes use it; options already made keep theirs."""
    require_admin(desk, "change the fee schedule")
    old = find_fee(desk, fee_id)
    others = [o for o in list_fees(desk) if o.id != old.id]
    new = _checked(old, values, others)
    _save(desk, old, new, actor_id, "settings_fee_changed")
    return new


def remove_fee(desk: Desk, fee_id: str, *, actor_id: str | None = None) -> FeeScheduleItem:
    """Take a fee off the schedule (kept for history; options made from it keep their fee)."""
    require_admin(desk, "change the fee schedule")
    item = find_fee(desk, fee_id)
    with desk.transaction():
        desk.records.soft_delete("fee_schedule", item.id)
        changes.record(desk, "settings_fee_removed", item.id, actor_id, [f"removed {item.name!r}"])
    return item


def _save(
    desk: Desk,
    old: FeeScheduleItem | None,
    new: FeeScheduleItem,
    actor_id: str | None,
    action: str,
) -> None:
    found = changes.differences(old, new, skip=("id", "practice_id", "position"))
    if not found:
        return
    with desk.transaction():
        desk.practices.save_fee(new)
        changes.record(desk, action, new.id, actor_id, found)
