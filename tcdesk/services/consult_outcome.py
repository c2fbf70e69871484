"""How a consult ended: started today, start booked, thinking it over, or declined.

DOMAIN.md's last step of a consult. Each outcome moves the consult along the
pipeline, and "thinking it over" always leaves a follow-up date and the one
thing holding the family back, so no pending family is forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from tcdesk.domain import Consult, ConsultStatus, FollowUp
from tcdesk.errors import UserError
from tcdesk.services.clock import today, utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id


class OutcomeKind(StrEnum):
    STARTED_TODAY = "started_today"
    START_BOOKED = "start_booked"
    THINKING = "thinking"
    DECLINED = "declined"


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    start_date: date | None = None  # START_BOOKED
    follow_up_on: date | None = None  # THINKING
    reason: str = ""  # THINKING: what holds them back; DECLINED: why


class OutcomeError(UserError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_outcome(outcome: Outcome, on: date) -> None:
    """Refuse an outcome that would leave the pipeline unclear; nothing is saved then."""
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


def record_outcome(desk: Desk, consult: Consult, outcome: Outcome) -> Consult:
    """Move the consult along the pipeline (and leave a follow-up when they need time)."""
    on = today(desk.clock)
    check_outcome(outcome, on)
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
        changed = replace(consult, status=ConsultStatus.PENDING, outcome_reason=reason)
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
