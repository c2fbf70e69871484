"""A practice with held consults and leads written the way the app leaves them.

The seven schedule_seed families had their consults on known days; each test
says how it ended (pending with a follow-up, observation with a recall date)
and what the option costs, so the queue's order can be worked out by hand.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from tcdesk.domain import (
    Consult,
    ConsultStatus,
    FollowUp,
    TreatmentOption,
    TreatmentType,
    Warmth,
)
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tests.conftest import DEMO_DAY, FIXED_NOW, local_moment
from tests.services.schedule_seed import Practice, seed_practice

TODAY = DEMO_DAY  # FIXED_NOW's local day: Fri 27 Nov 2026


def open_seeded(store: Path) -> tuple[Desk, Practice]:
    desk = Desk.open(store, clock=lambda: FIXED_NOW)
    return desk, seed_practice(desk)


def held_consult(
    desk: Desk,
    p: Practice,
    first: str,
    *,
    days_ago: int,
    fee_cents: int = 550_000,
    status: ConsultStatus = ConsultStatus.PENDING,
    warmth: Warmth | None = None,
    follow_up_in: int | None = None,  # days from today (negative: overdue)
    recall_in: int | None = None,
    tc=None,
) -> Consult:
    """A consult held ``days_ago`` with one recommended option at ``fee_cents``."""
    tc = tc or p.tc
    day = TODAY - timedelta(days=days_ago)
    consult = Consult(
        id=new_id(),
        patient_id=p.patients[first].id,
        office_id=p.office.id,
        coordinator_id=tc.id,
        doctor_id=p.doctor.id,
        scheduled_at=utc_iso(local_moment(day, 10)),
        status=status,
        outcome_reason="cost" if status is ConsultStatus.PENDING else "",
        warmth=warmth.value if warmth else "",
        recall_on=TODAY + timedelta(days=recall_in) if recall_in is not None else None,
    )
    option = TreatmentOption(
        id=new_id(),
        consult_id=consult.id,
        treatment_type=TreatmentType.METAL_BRACES,
        title="Metal braces",
        description="",
        estimated_months=24,
        visit_interval_weeks=6,
        fee_cents=fee_cents,
        recommended=True,
    )
    with desk.transaction():
        desk.consults.save(consult)
        desk.consults.save_option(option)
        if follow_up_in is not None:
            desk.consults.save_follow_up(
                FollowUp(
                    id=new_id(),
                    consult_id=consult.id,
                    due_on=TODAY + timedelta(days=follow_up_in),
                    reason="cost",
                    created_at=utc_iso(local_moment(day, 11)),
                    assigned_to=tc.id,
                )
            )
    return consult


def choose(desk: Desk, consult: Consult, fee_cents: int) -> Consult:
    """Add a second, chosen option: the queue values the chosen one over the recommended."""
    option = TreatmentOption(
        id=new_id(),
        consult_id=consult.id,
        treatment_type=TreatmentType.CLEAR_ALIGNERS,
        title="Clear aligners",
        description="",
        estimated_months=18,
        visit_interval_weeks=8,
        fee_cents=fee_cents,
        position=1,
    )
    changed = replace(consult, chosen_option_id=option.id)
    with desk.transaction():
        desk.consults.save_option(option)
        desk.consults.save(changed)
    return changed


def practice_day() -> date:
    return TODAY
