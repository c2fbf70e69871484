"""What the demo's doctors offer: treatment options and the flow that presents them."""

from __future__ import annotations

from tcdesk.domain import LeadSource, TreatmentOption, TreatmentType
from tcdesk.services import demo_data as data
from tcdesk.services.demo_content import HELD, demo_id


def options_of(
    case: data.Case, cid: str, fees: dict[TreatmentType, data.FeeRow]
) -> list[TreatmentOption]:
    """The options the doctor offers, the recommended one's months from the case."""
    template = data.KINDS[case.kind]
    recommended_type = template[case.recommend][0]
    options = []
    for position, (kind, words) in enumerate(template):
        fee = fees[kind]
        title, description = words or data.OPTION_TEXT[kind]
        months = fee.typical_months
        if case.months is not None:
            if kind is recommended_type:
                months = case.months
            elif kind in data.COMPREHENSIVE and recommended_type in data.COMPREHENSIVE:
                months = case.months + fee.typical_months - fees[recommended_type].typical_months
            months = max(months, 6)
        options.append(
            TreatmentOption(
                id=demo_id("option", case.key, str(position)),
                consult_id=cid,
                treatment_type=kind,
                title=title,
                description=description,
                estimated_months=months,
                visit_interval_weeks=fee.visit_interval_weeks,
                fee_cents=fee.fee_dollars * 100,
                recommended=position == case.recommend,
                position=position,
            )
        )
    return options


def flow_for(case: data.Case, owner: data.Case, age: int) -> str:
    """The presentation for the patient's age and how they came (walk-ins their own)."""
    if owner.lead is LeadSource.WALK_IN and case.status in HELD and not case.patient:
        return data.FLOW_WALK_IN
    if case.kind in ("phase1", "observation") or age <= 10:
        return data.FLOW_PHASE_ONE
    if age >= 18:
        return data.FLOW_ADULT
    return data.FLOW_TEEN
