"""How a consult ends moves it along the pipeline; a pending family always gets a follow-up."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from tcdesk.domain import ConsultStatus, PaymentPlan
from tcdesk.services.consult_outcome import Outcome, OutcomeError, OutcomeKind, record_outcome
from tcdesk.services.ids import new_id
from tests.conftest import DEMO_DAY
from tests.ui.presentation.conftest import TEEN_CONSULT


def _consult(desk):
    return desk.consults.get(TEEN_CONSULT)


def _choose(desk, *, with_plan: bool) -> None:
    """The family's choice, as the console's Payment tab saves it."""
    consult = _consult(desk)
    option = next(o for o in desk.consults.options(TEEN_CONSULT) if o.recommended)
    desk.consults.save(replace(consult, chosen_option_id=option.id))
    if with_plan:
        desk.consults.add_plan(
            PaymentPlan(
                id=new_id(),
                consult_id=TEEN_CONSULT,
                option_id=option.id,
                choice_key="pay_in_full",
                down_cents=0,
                months=0,
                apr_pct=Decimal(0),
                agreement_date=DEMO_DAY,
                first_due=None,
                created_at="2026-11-27T15:00:00+00:00",
            )
        )


@pytest.mark.parametrize("kind", [OutcomeKind.STARTED_TODAY, OutcomeKind.START_BOOKED])
def test_a_start_needs_a_chosen_treatment(demo_desk, kind) -> None:
    later = DEMO_DAY + timedelta(days=10)
    outcome = Outcome(kind, start_date=later if kind is OutcomeKind.START_BOOKED else None)
    with pytest.raises(OutcomeError, match="No treatment is chosen yet") as error:
        record_outcome(demo_desk, _consult(demo_desk), outcome)
    assert error.value.field == "option"
    assert _consult(demo_desk).status is ConsultStatus.SCHEDULED
    assert demo_desk.audit.for_subject(TEEN_CONSULT) == []


def test_started_today_also_needs_the_payment_plan(demo_desk) -> None:
    _choose(demo_desk, with_plan=False)
    with pytest.raises(OutcomeError, match="no payment plan is saved for it") as error:
        record_outcome(demo_desk, _consult(demo_desk), Outcome(OutcomeKind.STARTED_TODAY))
    assert "Metal braces is chosen" in str(error.value)
    assert _consult(demo_desk).status is ConsultStatus.SCHEDULED
    later = DEMO_DAY + timedelta(days=10)  # a booked start can wait for the plan
    booked = record_outcome(
        demo_desk, _consult(demo_desk), Outcome(OutcomeKind.START_BOOKED, start_date=later)
    )
    assert booked.status is ConsultStatus.ACCEPTED


def test_started_today(demo_desk) -> None:
    _choose(demo_desk, with_plan=True)
    changed = record_outcome(demo_desk, _consult(demo_desk), Outcome(OutcomeKind.STARTED_TODAY))
    assert changed.status is ConsultStatus.STARTED
    assert changed.started_on == DEMO_DAY and changed.same_day_start
    assert _consult(demo_desk) == changed


def test_start_booked_needs_a_later_day(demo_desk) -> None:
    _choose(demo_desk, with_plan=False)
    with pytest.raises(OutcomeError) as error:
        record_outcome(
            demo_desk, _consult(demo_desk), Outcome(OutcomeKind.START_BOOKED, start_date=DEMO_DAY)
        )
    assert error.value.field == "start_date"
    assert _consult(demo_desk).status is ConsultStatus.SCHEDULED
    later = DEMO_DAY + timedelta(days=10)
    changed = record_outcome(
        demo_desk, _consult(demo_desk), Outcome(OutcomeKind.START_BOOKED, start_date=later)
    )
    assert changed.status is ConsultStatus.ACCEPTED and changed.planned_start == later


def test_thinking_it_over_leaves_a_follow_up_with_the_reason(demo_desk) -> None:
    with pytest.raises(OutcomeError, match="holding them back"):
        record_outcome(
            demo_desk,
            _consult(demo_desk),
            Outcome(OutcomeKind.THINKING, follow_up_on=DEMO_DAY + timedelta(days=3)),
        )
    assert demo_desk.consults.follow_ups(TEEN_CONSULT) == []
    changed = record_outcome(
        demo_desk,
        _consult(demo_desk),
        Outcome(
            OutcomeKind.THINKING,
            follow_up_on=DEMO_DAY + timedelta(days=3),
            reason="Dad wants to compare the monthly with his budget",
        ),
    )
    assert changed.status is ConsultStatus.PENDING
    (follow_up,) = demo_desk.consults.follow_ups(TEEN_CONSULT)
    assert follow_up.due_on == DEMO_DAY + timedelta(days=3)
    assert "budget" in follow_up.reason and "budget" in changed.outcome_reason


def test_declined_needs_a_reason(demo_desk) -> None:
    with pytest.raises(OutcomeError) as error:
        record_outcome(demo_desk, _consult(demo_desk), Outcome(OutcomeKind.DECLINED))
    assert error.value.field == "reason"
    changed = record_outcome(
        demo_desk, _consult(demo_desk), Outcome(OutcomeKind.DECLINED, reason="Moving out of state")
    )
    assert changed.status is ConsultStatus.DECLINED
    audit = demo_desk.audit.for_subject(TEEN_CONSULT)
    assert audit[-1]["action"] == "outcome_declined"


def test_observation_keeps_the_recall_date_for_the_queue(demo_desk) -> None:
    recall = DEMO_DAY + timedelta(days=180)
    with pytest.raises(OutcomeError, match="recall date") as error:
        record_outcome(demo_desk, _consult(demo_desk), Outcome(OutcomeKind.OBSERVATION))
    assert error.value.field == "recall_on"
    changed = record_outcome(
        demo_desk, _consult(demo_desk), Outcome(OutcomeKind.OBSERVATION, recall_on=recall)
    )
    stored = _consult(demo_desk)
    assert changed.status is stored.status is ConsultStatus.OBSERVATION
    assert stored.recall_on == recall and stored.decided_on == DEMO_DAY


def test_referred_out_needs_to_whom_and_is_its_own_status(demo_desk) -> None:
    with pytest.raises(OutcomeError, match="to whom") as error:
        record_outcome(demo_desk, _consult(demo_desk), Outcome(OutcomeKind.REFERRED_OUT))
    assert error.value.field == "reason"
    assert _consult(demo_desk).status is ConsultStatus.SCHEDULED
    record_outcome(
        demo_desk,
        _consult(demo_desk),
        Outcome(OutcomeKind.REFERRED_OUT, reason="Oral surgeon: impacted canine"),
    )
    stored = _consult(demo_desk)
    assert stored.status is ConsultStatus.REFERRED_OUT
    assert stored.status.label == "Referred out"
    assert stored.outcome_reason == "Oral surgeon: impacted canine"


def test_thinking_it_over_keeps_the_tcs_warmth(demo_desk) -> None:
    from tcdesk.domain import Warmth

    outcome = Outcome(
        OutcomeKind.THINKING,
        follow_up_on=DEMO_DAY + timedelta(days=2),
        reason="talk to dad",
        warmth=Warmth.HOT,
    )
    record_outcome(demo_desk, _consult(demo_desk), outcome)
    assert _consult(demo_desk).warmth == "hot"
