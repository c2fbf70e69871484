"""How a consult ended: started today, start booked, thinking it over, declined,
observation or recall, or referred out.

(No-show and cancelled are for a consult still booked: services/schedule.py.)

DOMAIN.md's last step of a consult. Each outcome moves the consult along the
pipeline, and "thinking it over" always leaves a follow-up date and the one
thing holding the family back, so no pending family is forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from tcdesk.domain import Consult, ConsultFile, ConsultStatus, FollowUp, Warmth
from tcdesk.errors import UserError
from tcdesk.services.clock import today, utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id


class OutcomeKind(StrEnum):
    STARTED_TODAY = "started_today"
    START_BOOKED = "start_booked"
    THINKING = "thinking"
    DECLINED = "declined"
    OBSERVATION = "observation"  # not ready yet: seen again on the recall date
    REFERRED_OUT = "referred_out"  # sent to another specialist


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    start_date: date | None = None  # START_BOOKED
    follow_up_on: date | None = None  # THINKING
    reason: str = ""  # THINKING: what holds them back; DECLINED, REFERRED_OUT: why / to whom
    recall_on: date | None = None  # OBSERVATION: when the family is seen again
    warmth: Warmth | None = None  # THINKING: the TC's hot/warm/cold (ranks the queue)


class OutcomeError(UserError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class StartReadiness:
    """What a start needs that the consult may not have yet: a chosen option, its plan.

    A start the agreement would then refuse is refused here, when the TC can
    still fix it, rather than at the printer.
    """

    chosen_option: str = ""  # the chosen option's title; "" when none is chosen
    has_plan: bool = False  # a payment plan is saved for the chosen option
    needs_plan: bool = True  # the chosen option has a fee (watch and wait has none)

    @classmethod
    def of(cls, consult_file: ConsultFile) -> StartReadiness:
        consult, plan = consult_file.consult, consult_file.plan
        chosen = next((o for o in consult_file.options if o.id == consult.chosen_option_id), None)
        if chosen is None:
            return cls()
        return cls(
            chosen_option=chosen.title,
            has_plan=plan is not None and plan.option_id == chosen.id,
            needs_plan=chosen.fee_cents > 0,
        )


NO_OPTION_MESSAGE = (
    "No treatment is chosen yet. On the Payment tab, choose the option the family picked "
    "and save how they will pay, then end the consult."
)
NO_PLAN_MESSAGE = (
    "{option} is chosen, but no payment plan is saved for it. A start today needs the "
    "agreement signed: on the Payment tab, save how the family will pay."
)


def check_start(kind: OutcomeKind, ready: StartReadiness) -> None:
    """A start needs a chosen option; a start today also its payment plan."""
    if kind not in (OutcomeKind.STARTED_TODAY, OutcomeKind.START_BOOKED):
        return
    if not ready.chosen_option:
        raise OutcomeError("option", NO_OPTION_MESSAGE)
    if kind is OutcomeKind.STARTED_TODAY and ready.needs_plan and not ready.has_plan:
        raise OutcomeError("option", NO_PLAN_MESSAGE.format(option=ready.chosen_option))


def check_outcome(outcome: Outcome, on: date, ready: StartReadiness) -> None:
    """Refuse an outcome that would leave the pipeline unclear; nothing is saved then."""
    check_start(outcome.kind, ready)
    if outcome.kind is OutcomeKind.START_BOOKED:
        if outcome.start_date is None:
            raise OutcomeError("start_date", "Give the day treatment starts.")
        if outcome.start_date <= on:
            raise OutcomeError(
                "start_date", "A booked start is after today; for today, choose Started today."
            )
    if outcome.kind is OutcomeKind.THINKING:
        if outcome.follow_up_on is None or outcome.follow_up_on <= on:
            raise OutcomeError("follow_up_on", "Give a follow-up date after today.")
        if not outcome.reason.strip():
            raise OutcomeError(
                "reason", "Write the one thing holding them back, for the follow-up call."
            )
    if outcome.kind is OutcomeKind.DECLINED and not outcome.reason.strip():
        raise OutcomeError("reason", "Write why they declined, in a few words.")
    if outcome.kind is OutcomeKind.OBSERVATION and (
        outcome.recall_on is None or outcome.recall_on <= on
    ):
        raise OutcomeError("recall_on", "Give the recall date, after today.")
    if outcome.kind is OutcomeKind.REFERRED_OUT and not outcome.reason.strip():
        raise OutcomeError("reason", "Write to whom and why they were referred, in a few words.")


def record_outcome(desk: Desk, consult: Consult, outcome: Outcome) -> Consult:
    """Move the consult along the pipeline (and leave a follow-up when they need time)."""
    on = today(desk.clock)
    consult_file = desk.consults.load_file(consult.id)
    if consult_file is None:
        raise UserError(f"No consult with id {consult.id}.")
    check_outcome(outcome, on, StartReadiness.of(replace(consult_file, consult=consult)))
    reason = outcome.reason.strip()
    if outcome.kind is OutcomeKind.STARTED_TODAY:
        changed = replace(
            consult, status=ConsultStatus.STARTED, decided_on=on, started_on=on, planned_start=on
        )
    elif outcome.kind is OutcomeKind.START_BOOKED:
        changed = replace(
            consult, status=ConsultStatus.ACCEPTED, decided_on=on, planned_start=outcome.start_date
        )
    elif outcome.kind is OutcomeKind.THINKING:
        warmth = (outcome.warmth or Warmth.WARM).value
        changed = replace(
            consult, status=ConsultStatus.PENDING, outcome_reason=reason, warmth=warmth
        )
    elif outcome.kind is OutcomeKind.OBSERVATION:
        changed = replace(
            consult,
            status=ConsultStatus.OBSERVATION,
            decided_on=on,
            outcome_reason=reason,
            recall_on=outcome.recall_on,
        )
    elif outcome.kind is OutcomeKind.REFERRED_OUT:
        changed = replace(
            consult, status=ConsultStatus.REFERRED_OUT, decided_on=on, outcome_reason=reason
        )
    else:
        changed = replace(
            consult, status=ConsultStatus.DECLINED, decided_on=on, outcome_reason=reason
        )
    now = utc_iso(desk.clock())
    with desk.transaction():
        desk.consults.save(changed)
        if outcome.kind is OutcomeKind.THINKING:
            desk.consults.save_follow_up(
                FollowUp(
                    id=new_id(),
                    consult_id=consult.id,
                    due_on=outcome.follow_up_on,
                    reason=reason,
                    created_at=now,
                    assigned_to=consult.coordinator_id,
                )
            )
        desk.audit.record(
            id=new_id(),
            at=now,
            action=f"outcome_{outcome.kind.value}",
            subject_id=consult.id,
            actor_id=consult.coordinator_id,
            detail=reason,
        )
    return changed
