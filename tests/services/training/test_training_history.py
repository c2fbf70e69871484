"""Sessions are kept per coordinator and come back exactly, in the order they were practised."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tcdesk.errors import UserError
from tcdesk.services.training.history import TrainingMode, record_session, recorded_sessions
from tcdesk.services.training.scorecard import Part, PartScore
from tests.conftest import local_moment
from tests.training_seed import DOCTOR, JESSICA, KELSEY, scorecard, staff_id

NOV_20 = local_moment(date(2026, 11, 20), 10)


def test_a_scorecard_comes_back_as_it_was_recorded(training) -> None:
    tc = staff_id(training, JESSICA)
    card = replace(
        scorecard([9, 7.5, 12, 10, 11, 6.5, 10, 5], decision="think_it_over"),
        decision_reason="wants to ask her husband",
        notes=("ask what part of the cost worries them", "offer two start times"),
    )
    kept = record_session(training, tc, card, TrainingMode.PARTNER, NOV_20)
    (back,) = recorded_sessions(training, tc)
    assert back == kept
    assert back.scorecard == card and back.total == 71.0
    assert back.mode is TrainingMode.PARTNER and back.started_at == NOV_20.replace(microsecond=0)
    assert back.day == date(2026, 11, 20)


def test_sessions_are_read_per_coordinator_and_local_day(training) -> None:
    jessica, kelsey = staff_id(training, JESSICA), staff_id(training, KELSEY)
    for days, who in ((0, jessica), (1, kelsey), (2, jessica), (5, jessica)):
        record_session(training, who, scorecard([5] * 8), "solo", NOV_20 + timedelta(days=days))
    assert len(recorded_sessions(training)) == 4
    mine = recorded_sessions(training, jessica)
    assert [s.day.day for s in mine] == [20, 22, 25]
    window = recorded_sessions(training, jessica, date(2026, 11, 21), date(2026, 11, 22))
    assert [s.day.day for s in window] == [22]
    assert [s.day.day for s in recorded_sessions(training, None, until=date(2026, 11, 21))] == [
        20,
        21,
    ]


def test_a_doctor_or_a_stranger_has_no_sessions_to_keep(training) -> None:
    with pytest.raises(UserError, match="is a doctor, not a coordinator"):
        record_session(training, staff_id(training, DOCTOR), scorecard([5] * 8), "solo", NOV_20)
    with pytest.raises(UserError, match="No one on staff"):
        record_session(training, "nobody", scorecard([5] * 8), "solo", NOV_20)
    assert recorded_sessions(training) == []


@pytest.mark.parametrize(
    "card",
    [
        scorecard([11, 5, 5, 5, 5, 5, 5, 5]),  # preparation is worth 10
        scorecard([-1, 5, 5, 5, 5, 5, 5, 5]),
        scorecard([float("nan"), 5, 5, 5, 5, 5, 5, 5]),
    ],
)
def test_a_score_outside_its_part_is_refused(training, card) -> None:
    with pytest.raises(ValueError):
        record_session(training, staff_id(training, JESSICA), card, "solo", NOV_20)


def test_a_scorecard_missing_a_part_or_a_naive_time_or_a_bad_mode_is_refused(training) -> None:
    tc = staff_id(training, JESSICA)
    card = scorecard([5] * 8)
    with pytest.raises(ValueError):
        record_session(training, tc, replace(card, parts=card.parts[1:]), "solo", NOV_20)
    with pytest.raises(ValueError):
        shuffled = (PartScore(Part.RAPPORT, 5), PartScore(Part.PREPARATION, 5), *card.parts[2:])
        record_session(training, tc, replace(card, parts=shuffled), "solo", NOV_20)
    with pytest.raises(ValueError):
        record_session(training, tc, card, "solo", datetime(2026, 11, 20, 10))
    with pytest.raises(ValueError):
        record_session(training, tc, card, "group", NOV_20.astimezone(UTC))
    assert recorded_sessions(training) == []
