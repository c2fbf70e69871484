"""Which treatment option a consult's slides are about: chosen, else recommended, else first."""

from __future__ import annotations

from collections.abc import Sequence

from tcdesk.domain import Consult, PaymentPlan, TreatmentOption


def chosen_option_id(
    consult: Consult, saved_plan: PaymentPlan | None, plan_override: PaymentPlan | None = None
) -> str | None:
    """The plan being edited wins, then the decision on the consult, then the saved plan."""
    if plan_override is not None and plan_override.option_id:
        return plan_override.option_id
    if consult.chosen_option_id:
        return consult.chosen_option_id
    return saved_plan.option_id if saved_plan is not None else None


def featured_option(
    options: Sequence[TreatmentOption], chosen_id: str | None
) -> TreatmentOption | None:
    """The option the timeline and investment are about: chosen, else recommended, else first."""
    for option in options:
        if option.id == chosen_id:
            return option
    for option in options:
        if option.recommended:
            return option
    return options[0] if options else None
