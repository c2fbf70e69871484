"""The practice's targets: case acceptance, same-day starts, a follow-up within N business days.

The dashboard shows each as progress (tcdesk.services.kpi). Only an admin
changes them; every change is one audit entry naming what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from tcdesk.domain import Practice
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.settings import changes
from tcdesk.services.settings.practice_details import current_practice
from tcdesk.services.sign_in import require_admin
from tcdesk.services.validation import FieldError, Problems, percent, whole_number

# field -> label, in the order the form shows them
TARGET_FIELDS: dict[str, str] = {
    "target_acceptance_pct": "Case acceptance target (%)",
    "target_same_day_pct": "Same-day start target (%)",
    "target_follow_up_business_days": "Follow up every pending family within (business days)",
}
FOLLOW_UP_DAYS = (0, 30)


def check_targets(practice: Practice, values: Mapping[str, str]) -> Practice:
    """``practice`` with ``values`` (only the fields given) checked; every mistake at once."""
    unknown = sorted(set(values) - set(TARGET_FIELDS))
    if unknown:
        raise FieldError(unknown[0], f"There is no target {unknown[0]}.")
    problems = Problems()
    cleaned: dict[str, object] = {}
    for field, text in values.items():
        with problems.check():
            if field == "target_follow_up_business_days":
                low, high = FOLLOW_UP_DAYS
                cleaned[field] = whole_number(
                    field, "The follow-up target", text, least=low, most=high
                )
            else:
                label = "The acceptance target" if "acceptance" in field else "The same-day target"
                number: Decimal = percent(field, label, text)
                whole = number == number.to_integral_value()
                cleaned[field] = number.quantize(Decimal(1)) if whole else number
    problems.raise_if_any()
    return replace(practice, **cleaned)


def update_targets(
    desk: Desk, values: Mapping[str, str], *, actor_id: str | None = None
) -> Practice:
    """Change the targets (admins only); nothing is saved when any value is wrong."""
    old = current_practice(desk)
    try:
        require_admin(desk, "change the practice's targets")
    except UserError as refused:
        raise FieldError(next(iter(values), "target_acceptance_pct"), str(refused)) from None
    new = check_targets(old, values)
    found = changes.differences(old, new, skip=("agreement_terms",))
    if found:
        with desk.transaction():
            desk.practices.save(new)
            changes.record(desk, "settings_targets", new.id, actor_id, found)
    return new


def target_values(practice: Practice) -> dict[str, str]:
    return {field: str(getattr(practice, field)) for field in TARGET_FIELDS}
