"""The coach: what happens in the real consult, fed to the solo session, without Qt."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tcdesk.services.consult_outcome import Outcome, OutcomeKind
from tcdesk.services.training.session_events import EventKind, SessionMistake
from tcdesk.services.training.solo_coach import (
    PlanFigures,
    SoloCoach,
    hold_back_reason,
    next_step_of,
)

DAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ("The down payment is too much right now", "cost"),
        ("Needs to talk to her husband", "other_parent"),
        ("Wants to check what the insurance covers", "insurance"),
        ("Getting a second opinion", "other_opinions"),
        ("El enganche es mucho", "cost"),
        ("timing", "timing"),
        ("something else entirely", "other"),
        ("", ""),
    ],
)
def test_the_outcome_reason_names_what_holds_them_back(words: str, reason: str) -> None:
    assert hold_back_reason(words, "es" if "enganche" in words else "en") == reason


def test_outcomes_become_the_sessions_next_steps() -> None:
    booked = next_step_of(Outcome(OutcomeKind.START_BOOKED, start_date=DAY), DAY)
    assert (booked.kind, booked.day) == ("start_booked", DAY)
    assert next_step_of(Outcome(OutcomeKind.STARTED_TODAY), DAY).kind == "start_booked"
    thinking = next_step_of(
        Outcome(OutcomeKind.THINKING, follow_up_on=DAY, reason="the monthly cost"), DAY
    )
    assert (thinking.kind, thinking.day, thinking.reason) == ("follow_up", DAY, "cost")
    assert next_step_of(Outcome(OutcomeKind.DECLINED, reason="x"), DAY).kind == "declined"


def _kinds(coach: SoloCoach) -> list[EventKind]:
    return [e.kind for e in coach.session.events]


def test_a_step_counts_once_and_ticks_only_new_items(session) -> None:
    solo, _clock = session("maya_teen_cost")
    coach = SoloCoach(solo)
    coach.step_shown("welcome")
    coach.step_shown("welcome")  # the step's second slide: nothing new
    coach.checked(["introduced"])
    coach.checked(["introduced", "decision_makers"])
    assert _kinds(coach) == [EventKind.STEP, EventKind.TICK, EventKind.TICK]


def test_the_family_line_is_heard_spoken_and_answered(session) -> None:
    solo, clock = session("maya_teen_cost")
    spoken: list[tuple[str, str]] = []
    changes: list[int] = []
    coach = SoloCoach(
        solo,
        speak=lambda text, lang: spoken.append((text, lang)),
        changed=lambda: changes.append(1),
    )
    with pytest.raises(SessionMistake, match="not waiting"):
        coach.answer("anything")
    assert EventKind.ANSWER not in _kinds(coach)
    clock.minutes = 15
    coach.step_shown("investment")
    [waiting] = coach.waiting()
    assert waiting.objection == "cost" and spoken[-1] == (waiting.text, "en")
    with pytest.raises(SessionMistake, match="Type what"):
        coach.answer("   ")
    coach.answer("I hear you. What part worries you, the total or the monthly? Low down.")
    # no plan that fits was shown, so the cost is not settled: its follow-up waits now
    assert [line.objection for line in coach.waiting()] == ["think"]
    assert [s.by_tc for s in coach.transcript] == [False, True, False]
    assert changes


def test_a_speech_engine_that_fails_leaves_the_session_playing(session) -> None:
    solo, _clock = session("maya_teen_cost")

    def broken(_text: str, _language: str) -> None:
        raise OSError("no audio device")

    coach = SoloCoach(solo, speak=broken)
    coach.step_shown("investment")
    assert coach.waiting() and "no audio device" in coach.problems[0]


def test_the_payment_tab_moves_the_sessions_plan(session) -> None:
    solo, _clock = session("maya_teen_cost")
    coach = SoloCoach(solo)
    coach.plan_changed(PlanFigures("metal_braces", "low_down", Decimal(250), 24))
    coach.plan_changed(PlanFigures("metal_braces", "custom", Decimal(300), 24))
    moves = [(e.item, e.value) for e in solo.events if e.kind is EventKind.MOVE]
    assert moves == [
        ("option", "metal_braces"),
        ("choice", "low_down"),
        ("down_payment", "250"),
        ("months", "24"),
        ("down_payment", "300"),
    ]
    assert solo.moves.choice == "low_down" and solo.moves.down_payment == Decimal(300)
    coach.plan_changed(PlanFigures("metal_braces", "custom", Decimal(300), 999))
    assert coach.problems  # a plan the session cannot price is noted, not raised


def test_finishing_records_the_next_step_and_scores(session) -> None:
    solo, clock = session("maya_teen_cost")
    coach = SoloCoach(solo)
    coach.step_shown("welcome")
    clock.minutes = 30
    result = coach.finish(Outcome(OutcomeKind.THINKING, follow_up_on=DAY, reason="cost"), DAY)
    assert solo.ended and solo.next_step is not None and solo.next_step.reason == "cost"
    assert coach.finish(None, DAY) is result  # once
