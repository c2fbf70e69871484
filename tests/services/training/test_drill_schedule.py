"""The Leitner rule on its own: right goes further out, weak comes back sooner, wrong soonest."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from tcdesk.services.training.drill_schedule import (
    INTERVALS,
    NEW,
    SLOW_SECONDS,
    Answer,
    Verdict,
    answered,
    replay,
    verdict,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("grade", "seconds", "expected"),
    [
        (5, 10, Verdict.RIGHT),
        (4, SLOW_SECONDS, Verdict.RIGHT),
        (5, SLOW_SECONDS + 1, Verdict.WEAK),  # right, but too slow
        (3, 5, Verdict.WEAK),
        (2, 5, Verdict.WRONG),
        (0, 100, Verdict.WRONG),
    ],
)
def test_verdicts(grade: int, seconds: float, expected: Verdict) -> None:
    assert verdict(grade, seconds) is expected


def test_a_grade_outside_0_to_5_is_refused() -> None:
    with pytest.raises(ValueError):
        verdict(6, 1)


def test_right_answers_on_time_go_further_out_each_time() -> None:
    state, at, gaps = NEW, T0, []
    for _ in range(7):
        state = answered(state, Answer(at, 5, 10))
        gaps.append(state.due_at - at)
        at = state.due_at
    assert gaps == [*INTERVALS[1:], INTERVALS[-1], INTERVALS[-1]]
    assert all(a < b for a, b in itertools.pairwise(gaps[:5]))


def test_wrong_sends_a_card_back_to_ten_minutes_from_any_box() -> None:
    high = replay([Answer(T0 + timedelta(days=d), 5, 5) for d in (0, 1, 4, 11)])
    assert high.box == 5
    after = answered(high, Answer(T0 + timedelta(days=30), 1, 5))
    assert (after.box, after.due_at, after.lapses) == (1, T0 + timedelta(days=30, minutes=10), 1)


def test_slow_is_weak_one_box_down() -> None:
    up = replay([Answer(T0, 5, 5), Answer(T0 + timedelta(days=1), 5, 5)])
    assert up.box == 3
    slow = answered(up, Answer(T0 + timedelta(days=4), 5, SLOW_SECONDS * 2))
    fast = answered(up, Answer(T0 + timedelta(days=4), 5, 5))
    assert (slow.box, fast.box) == (2, 4)
    assert slow.due_at < fast.due_at
    assert slow.last is Verdict.WEAK and slow.lapses == 0


def test_a_new_card_is_due_now() -> None:
    assert NEW.new and NEW.is_due(T0) and NEW.box == 1
