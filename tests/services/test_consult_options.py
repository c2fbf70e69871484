"""Options from the fee schedule: the fee filled in, a different fee needs a reason,
exactly one recommended."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tcdesk.domain import TreatmentType
from tcdesk.services import consult_options as options
from tcdesk.services.desk import Desk
from tcdesk.services.validation import FieldError, FieldErrors
from tests.services.record_seed import DESCRIPTIONS, open_practice


@pytest.fixture
def practice(empty_store: Path) -> Iterator[tuple[Desk, str]]:
    desk, consult_id = open_practice(empty_store)
    yield desk, consult_id
    desk.close()


def _line(desk: Desk, treatment: str):
    return next(i for i in options.fee_lines(desk) if i.treatment_type.value == treatment)


def test_an_option_copies_its_fee_schedule_line(practice) -> None:
    desk, cid = practice
    line = _line(desk, "metal_braces")
    made = options.add_option(desk, cid, "metal_braces").changed
    assert made.treatment_type is TreatmentType.METAL_BRACES
    assert (made.title, made.description) == (line.name, DESCRIPTIONS["metal_braces"])
    assert (made.fee_cents, made.estimated_months, made.visit_interval_weeks) == (
        line.fee_cents,
        line.typical_months,
        line.visit_interval_weeks,
    )
    assert (made.fee_schedule_id, made.schedule_fee_cents) == (line.id, line.fee_cents)
    assert made.recommended  # the first option is the recommendation
    assert desk.consults.options(cid) == [made]


def test_by_id_or_name_too_and_an_unknown_line_is_refused(practice) -> None:
    desk, cid = practice
    line = _line(desk, "clear_aligners")
    assert options.add_option(desk, cid, line.id).changed.fee_schedule_id == line.id
    assert options.add_option(desk, cid, "Clear braces").changed.title == "Clear braces"
    with pytest.raises(FieldError, match='No fee schedule line "gold braces"') as refused:
        options.add_option(desk, cid, "gold braces")
    assert refused.value.field == "fee_line"


def test_a_different_fee_needs_a_reason(practice) -> None:
    desk, cid = practice
    with pytest.raises(FieldErrors) as refused:
        options.add_option(desk, cid, "metal_braces", fee="5,000")
    assert "fee_reason" in refused.value.by_field()
    assert "$5,600.00" in refused.value.by_field()["fee_reason"]
    assert desk.consults.options(cid) == []
    made = options.add_option(desk, cid, "metal_braces", fee="5000", reason="Sibling courtesy")
    assert (made.changed.fee_cents, made.changed.fee_reason) == (500_000, "Sibling courtesy")
    with pytest.raises(FieldErrors, match="differs from the fee schedule"):
        options.edit_option(desk, made.changed.id, fee="5200", reason="  ")
    assert desk.consults.options(cid)[0].fee_cents == 500_000
    back = options.edit_option(desk, made.changed.id, fee="$5,600").changed
    assert (back.fee_cents, back.fee_reason) == (560_000, "")  # the schedule's fee: no reason


def test_a_bad_fee_or_months_is_refused_at_its_field(practice) -> None:
    desk, cid = practice
    made = options.add_option(desk, cid, "metal_braces").changed
    with pytest.raises(FieldErrors) as refused:
        options.edit_option(desk, made.id, fee="-5", months="ninety")
    assert set(refused.value.by_field()) >= {"fee", "months"}
    options.edit_option(desk, made.id, months=30)
    assert desk.consults.options(cid)[0].estimated_months == 30


def test_exactly_one_is_recommended(practice) -> None:
    desk, cid = practice
    metal = options.add_option(desk, cid, "metal_braces").changed
    aligners = options.add_option(desk, cid, "clear_aligners", recommended=True).changed
    assert [o.recommended for o in desk.consults.options(cid)] == [False, True]
    options.edit_option(desk, metal.id, recommended=True)
    assert [o.recommended for o in desk.consults.options(cid)] == [True, False]
    with pytest.raises(FieldErrors, match="always the doctor's recommendation"):
        options.edit_option(desk, metal.id, recommended=False)
    removed = options.remove_option(desk, metal.id)
    assert removed.note == "Clear aligners is now the recommended option."
    assert [(o.id, o.recommended) for o in desk.consults.options(cid)] == [(aligners.id, True)]


def test_reorder_and_remove_are_audited(practice) -> None:
    desk, cid = practice
    a = options.add_option(desk, cid, "metal_braces").changed
    b = options.add_option(desk, cid, "clear_braces").changed
    options.reorder_options(desk, cid, [b.id, a.id])
    assert [o.id for o in desk.consults.options(cid)] == [b.id, a.id]
    options.remove_option(desk, b.id)
    actions = [a["action"] for a in desk.audit.for_subject(cid)]
    assert actions[-2:] == ["record_options_reordered", "record_option_removed"]


def test_two_lines_of_one_treatment_type_are_refused_naming_the_lines(practice) -> None:
    """QA 14: the refusal listed "clear_aligners" twice; it lists the names, which work."""
    from tcdesk.services.settings import fees

    desk, cid = practice
    aligners = _line(desk, "clear_aligners")
    fees.add_fee(
        desk, {"name": "Invisalign Express", "treatment_type": "clear_aligners", "fee": "2500"}
    )
    with pytest.raises(FieldError) as refused:
        options.add_option(desk, cid, "clear_aligners")
    assert str(refused.value) == (
        f'"clear_aligners" fits several fee lines: "{aligners.name}", "Invisalign Express"; '
        "give the name (or the id)."
    )
    with pytest.raises(FieldError) as unknown:
        options.add_option(desk, cid, "gold braces")
    assert unknown.value.message.count(f'"{aligners.name}"') == 1
    assert '"Invisalign Express"' in unknown.value.message
    assert "clear_aligners" not in unknown.value.message
    made = options.add_option(desk, cid, "Invisalign Express").changed
    assert made.title == "Invisalign Express"
