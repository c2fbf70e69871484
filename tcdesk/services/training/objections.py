"""The ten objections a TC is trained on, with the LAER pattern that answers each.

From DOMAIN.md's table (Listen, Acknowledge, Explore, Respond). A persona's
objections and the drills' deck name these keys. ``app_objection`` is the
console's own objection (``tcdesk.domain.Objection``) a TC logs it as, where
there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tcdesk.domain import Objection


class TrainingObjection(StrEnum):
    COST = "cost"
    DOWN_PAYMENT = "down_payment"
    OTHER_DECISION_MAKER = "other_decision_maker"
    THINK_ABOUT_IT = "think_about_it"
    WAIT = "wait"
    INSURANCE = "insurance"
    OTHER_OPINIONS = "other_opinions"
    SCHEDULE = "schedule"
    NO_FELT_NEED = "no_felt_need"
    LOOKS_OR_COMFORT = "looks_or_comfort"


@dataclass(frozen=True)
class ObjectionPattern:
    key: TrainingObjection
    label: str  # as a TC would name it
    what_works: str  # DOMAIN.md's pattern, in a sentence
    app_objection: Objection | None


PATTERNS: dict[TrainingObjection, ObjectionPattern] = {
    p.key: p
    for p in (
        ObjectionPattern(
            TrainingObjection.COST,
            "It costs too much",
            "Acknowledge; tie the value to their own stated goal; show the monthly "
            "and the pay-in-full discount.",
            Objection.COST,
        ),
        ObjectionPattern(
            TrainingObjection.DOWN_PAYMENT,
            "We can't do the down payment",
            "Offer the low-down or zero-down choice and a longer term; let them see "
            "the slider move.",
            Objection.MONTHLY_TOO_HIGH,
        ),
        ObjectionPattern(
            TrainingObjection.OTHER_DECISION_MAKER,
            "I need to talk to my spouse / the other parent",
            "Invite both decision makers before the visit; if one is absent, agree a "
            "call-back day, pencil in the start, offer a call from the room.",
            Objection.TALK_TO_PARTNER,
        ),
        ObjectionPattern(
            TrainingObjection.THINK_ABOUT_IT,
            "Let me think about it",
            "There is an unspoken concern: ask what part they want to think about; "
            "with no start, log the reason and a date.",
            Objection.NEED_TO_THINK,
        ),
        ObjectionPattern(
            TrainingObjection.WAIT,
            "We'll wait / is it needed now?",
            "Explain the timing (growth window, harder later); observation is a real "
            "outcome when it is honest.",
            Objection.TIMING,
        ),
        ObjectionPattern(
            TrainingObjection.INSURANCE,
            "What about insurance?",
            "The lifetime maximum, the percentage, paid over the treatment; an "
            "estimate, not a guarantee.",
            Objection.INSURANCE,
        ),
        ObjectionPattern(
            TrainingObjection.OTHER_OPINIONS,
            "We're getting other opinions",
            "Never criticise another doctor; differentiate on the plan, the doctor "
            "and the service; offer to hold the quote.",
            Objection.SECOND_OPINION,
        ),
        ObjectionPattern(
            TrainingObjection.SCHEDULE,
            "The timing / our schedule",
            "Offer two concrete appointment times; show the visit interval.",
            Objection.ACTIVITIES,
        ),
        ObjectionPattern(
            TrainingObjection.NO_FELT_NEED,
            "I don't see the need / I'm not sure I trust this",
            "Use the family's own photos and words; the doctor's reason in plain language.",
            None,
        ),
        ObjectionPattern(
            TrainingObjection.LOOKS_OR_COMFORT,
            "Braces look bad / will it hurt?",
            "Show the aesthetic options honestly, with what compliance means.",
            Objection.APPEARANCE,
        ),
    )
}
