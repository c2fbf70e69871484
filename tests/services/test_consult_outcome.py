"""How a consult ends moves it along the pipeline; a pending family always gets a follow-up."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tcdesk.domain import ConsultStatus
from tcdesk.services.consult_outcome import Outcome, OutcomeError, OutcomeKind, record_outcome
from tests.conftest import DEMO_DAY
from tests.ui.presentation.conftest import TEEN_CONSULT


def _consult(desk):
    return desk.consults.get(TEEN_CONSULT)


def test_started_today(demo_desk) -> None:
    changed = record_outcome(demo_desk, _consult(demo_desk), Outcome(OutcomeKind.STARTED_TODAY))
    assert changed.status is ConsultStatus.STARTED
    assert changed.started_on == DEMO_DAY and changed.same_day_start
    assert _consult(demo_desk) == changed


def test_start_booked_needs_a_later_day(demo_desk) -> None:
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
