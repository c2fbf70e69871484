"""Treatment options from the practice's fee schedule, with the doctor's recommendation.

An option starts as a copy of a fee schedule line (fee, months, visit
interval, title, the family's description) and remembers which line and
what it cost then. A fee different from the schedule's needs a reason, so
a discounted or raised case can be explained later. A consult with options
always has exactly one recommended.
"""

from __future__ import annotations

from dataclasses import replace

from tcdesk.domain import Consult, FeeScheduleItem, TreatmentOption
from tcdesk.errors import UserError
from tcdesk.formatting import money_from_cents
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.record_changes import (
    RecordChange,
    change,
    next_position,
    recording,
    reorder,
    require_consult,
)
from tcdesk.services.validation import FieldError, Problems, money_cents, whole_number
from tcdesk.text_safety import strip_controls

MAX_MONTHS = 60
REASON_MAX = 300


def fee_lines(desk: Desk) -> list[FeeScheduleItem]:
    """The practice's fee schedule in its own order (the picker's lines)."""
    practice = desk.practice()
    if practice is None:
        return []
    lines = desk.practices.fee_schedule(practice.id)
    return sorted(lines, key=lambda item: (item.position, item.name.lower()))


def find_fee_line(desk: Desk, key: str) -> FeeScheduleItem:
    """A fee schedule line by id, treatment type ("metal_braces") or name."""
    lines = fee_lines(desk)
    text = key.strip().lower()
    for matches in (
        [i for i in lines if i.id == key.strip()],
        [i for i in lines if i.treatment_type.value == text],
        [i for i in lines if i.name.lower() == text],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            names = ", ".join(f'"{i.name}"' for i in matches)
            raise FieldError(
                "fee_line",
                f'"{key}" fits several fee lines: {names}; give the name (or the id).',
            )
    known = ", ".join(f'"{i.name}"' for i in lines) or "none yet"
    raise FieldError("fee_line", f'No fee schedule line "{key}"; the lines are: {known}.')


def fee_needs_reason(option: TreatmentOption, fee_cents: int) -> bool:
    return option.schedule_fee_cents is not None and fee_cents != option.schedule_fee_cents


def _fee_and_reason(
    problems: Problems, option: TreatmentOption, fee: str | int | None, reason: str | None
) -> tuple[int, str]:
    """The fee asked for, with the reason it differs from the schedule's (refused without)."""
    fee_cents = option.fee_cents
    if fee is not None:
        with problems.check():
            fee_cents = fee if isinstance(fee, int) else money_cents("fee", "The fee", fee)
    why = strip_controls(option.fee_reason if reason is None else reason).strip()
    if not fee_needs_reason(option, fee_cents):
        return fee_cents, ""
    if not why:
        schedule = money_from_cents(option.schedule_fee_cents or 0)
        problems.add(
            "fee_reason",
            f"The fee differs from the fee schedule's {schedule}; say why "
            "(e.g. courtesy for a sibling, extra appliance).",
        )
    elif len(why) > REASON_MAX:
        problems.add("fee_reason", f"Keep the reason under {REASON_MAX} characters.")
    return fee_cents, why


def _months(problems: Problems, months: str | int | None, default: int) -> int:
    if months is None:
        return default
    with problems.check():
        return whole_number("months", "The months", months, least=0, most=MAX_MONTHS)
    return default


def _require_option(desk: Desk, option_id: str) -> TreatmentOption:
    found = desk.records.get("treatment_options", TreatmentOption, option_id)
    if found is None:
        raise UserError(f"No treatment option with id {option_id}.")
    return found


def _save_recommended(desk: Desk, options: list[TreatmentOption], recommended_id: str) -> None:
    """Exactly one recommended: ``recommended_id``; the others lose the mark."""
    for option in options:
        wanted = option.id == recommended_id
        if option.recommended != wanted:
            desk.consults.save_option(replace(option, recommended=wanted))


def add_option(
    desk: Desk,
    consult_id: str,
    fee_line: str,
    *,
    fee: str | int | None = None,
    reason: str = "",
    months: str | int | None = None,
    recommended: bool = False,
) -> RecordChange:
    """An option copied from a fee schedule line; the first option is the recommended one."""
    consult = require_consult(desk, consult_id)
    line = find_fee_line(desk, fee_line)
    existing = desk.consults.options(consult_id)
    option = TreatmentOption(
        id=new_id(),
        consult_id=consult_id,
        treatment_type=line.treatment_type,
        title=line.name,
        description=line.description,
        estimated_months=line.typical_months,
        visit_interval_weeks=line.visit_interval_weeks,
        fee_cents=line.fee_cents,
        recommended=recommended or not existing,
        position=next_position(existing),
        fee_schedule_id=line.id,
        schedule_fee_cents=line.fee_cents,
    )
    problems = Problems()
    fee_cents, why = _fee_and_reason(problems, option, fee, reason)
    month_count = _months(problems, months, line.typical_months)
    problems.raise_if_any()
    option = replace(option, fee_cents=fee_cents, fee_reason=why, estimated_months=month_count)
    with recording(desk, consult, "option_added", lambda: _detail(option)):
        desk.consults.save_option(option)
        if option.recommended:
            _save_recommended(desk, [*existing, option], option.id)
    return change(desk, consult, "option_added", option)


def edit_option(
    desk: Desk,
    option_id: str,
    *,
    fee: str | int | None = None,
    reason: str | None = None,
    months: str | int | None = None,
    recommended: bool | None = None,
) -> RecordChange:
    """Change an option's fee (with a reason when it differs), months, or make it recommended."""
    old = _require_option(desk, option_id)
    consult = require_consult(desk, old.consult_id)
    problems = Problems()
    fee_cents, why = _fee_and_reason(problems, old, fee, reason)
    month_count = _months(problems, months, old.estimated_months)
    if recommended is False and old.recommended:
        problems.add(
            "recommended",
            "One option is always the doctor's recommendation; mark another one instead.",
        )
    problems.raise_if_any()
    new = replace(
        old,
        fee_cents=fee_cents,
        fee_reason=why,
        estimated_months=month_count,
        recommended=old.recommended or bool(recommended),
    )
    with recording(desk, consult, "option_edited", lambda: _detail(new)):
        desk.consults.save_option(new)
        if new.recommended and not old.recommended:
            _save_recommended(desk, desk.consults.options(old.consult_id), new.id)
    return change(desk, consult, "option_edited", new)


def remove_option(desk: Desk, option_id: str) -> RecordChange:
    """Take an option off (kept for history); the recommendation moves to the first left."""
    old = _require_option(desk, option_id)
    consult = require_consult(desk, old.consult_id)
    note = ""
    with recording(desk, consult, "option_removed", old.title):
        desk.records.soft_delete("treatment_options", option_id)
        left = desk.consults.options(old.consult_id)
        if old.recommended and left:
            _save_recommended(desk, left, left[0].id)
            note = f"{left[0].title} is now the recommended option."
        if consult.chosen_option_id == option_id:
            desk.consults.save(_unchosen(consult))
    return change(desk, consult, "option_removed", old, note)


def _unchosen(consult: Consult) -> Consult:
    return replace(consult, chosen_option_id=None)


def reorder_options(desk: Desk, consult_id: str, ids: list[str]) -> RecordChange:
    """The order the options stand side by side on the slide."""
    consult = require_consult(desk, consult_id)
    options = desk.consults.options(consult_id)
    return reorder(desk, consult, ids, options, desk.consults.save_option, "options")


def _detail(option: TreatmentOption) -> str:
    parts = [option.title, money_from_cents(option.fee_cents), f"{option.estimated_months} months"]
    if option.recommended:
        parts.append("recommended")
    if option.fee_reason:
        parts.append(f"fee reason: {option.fee_reason}")
    return ", ".join(parts)
