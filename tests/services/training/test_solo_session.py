"""A solo session: the family's lines come when due, answers are judged by LAER, and the
family reacts (settled, or the follow-up objection)."""

from __future__ import annotations

from tcdesk.services.training.session_events import EventKind

GOOD_COST = (
    "I hear you, it's a real amount. Tell me more: what part of it worries you most? "
    "With the low down payment you start at $250 and pay monthly."
)


def test_a_line_due_at_the_investment_comes_with_the_first_money_step(session) -> None:
    maya, _clock = session("maya_teen_cost")
    for step in ("welcome", "concerns", "problem", "options"):
        assert maya.show_step(step) == []
    said = maya.show_step("investment")
    assert [line.objection for line in said] == ["cost"]
    assert said[0].speaker == "Laura" and said[0].text.startswith("Wow.")
    maya.move("choice", "low_down")
    maya.answer("cost", GOOD_COST)
    assert maya.show_step("payment") == []  # said once


def test_a_good_answer_settles_the_line_only_once_the_plan_fits(session) -> None:
    maya, _clock = session("maya_teen_cost")
    maya.show_step("investment")
    said = maya.answer("cost", GOOD_COST)
    assessment = maya.assessments["cost"]
    assert len(assessment.moves) == 4 and not assessment.settled
    assert "the plan on the screen did not change to one that fits them" in assessment.explanation
    assert [line.objection for line in said] == ["think"]  # the follow-up comes instead


def test_with_the_low_down_plan_shown_the_same_answer_settles_it(session) -> None:
    maya, _clock = session("maya_teen_cost")
    maya.show_step("investment")
    maya.move("choice", "low_down")
    said = maya.answer("cost", GOOD_COST)
    assert maya.assessments["cost"].settled
    assert said[0].text == "Okay. $250 to start, that we can do."
    assert "think" not in maya.raised


def test_the_explanation_names_what_was_done_and_what_was_not(session) -> None:
    maya, _clock = session("maya_teen_cost")
    maya.show_step("investment")
    maya.move("choice", "low_down")
    maya.answer("cost", "I understand. We have a low down payment plan.")
    result = maya.assessments["cost"]
    assert result.explanation == (
        "you acknowledged the cost and showed a way to pay that fits; you did not let her say "
        "what she expected to pay or ask what part of it worries her"
    )
    assert not result.settled  # two moves of the three needed


def test_a_line_left_unanswered_brings_its_follow_up_at_the_next_step(session) -> None:
    maya, _clock = session("maya_teen_cost")
    maya.show_step("investment")
    said = maya.show_step("payment")
    assert [line.objection for line in said] == ["think"]
    assert maya.assessments["cost"].explanation == "you moved on without answering it"


def test_a_line_due_after_n_minutes_waits_for_the_clock(session) -> None:
    tyler, clock = session("tyler_dad_down_payment")
    tyler.show_step("welcome")
    clock.minutes = 11.5
    assert tyler.tick("introduced") == []
    clock.minutes = 12
    assert [line.objection for line in tyler.tick("decision_makers")] == ["wait"]


def test_a_line_due_at_the_ask_comes_when_the_start_is_asked_for(session) -> None:
    marcus, _clock = session("marcus_spouse_absent")
    marcus.show_step("next_steps")
    said = marcus.ask_for_start("Shall we start today?")
    assert [line.objection for line in said] == ["spouse"]


def test_only_an_open_question_reveals_the_hidden_concern(session) -> None:
    maya, _clock = session("maya_teen_cost")
    maya.show_step("concerns")
    assert maya.ask_concern("Any questions?") == []
    said = maya.ask_concern("What worries you most about starting?")
    assert said[0].text.startswith("Honestly? My hours got cut")
    assert maya.hidden_revealed


def test_spanish_answers_are_judged_with_spanish_phrases(session) -> None:
    garcia, _clock = session("familia_garcia_es")
    garcia.show_step("investment")
    garcia.move("choice", "low_down")
    said = garcia.answer(
        "enganche",
        "La entiendo. ¿Cuánto le quedaría cómodo? Hay un pago inicial bajo de $250.",
    )
    assert garcia.assessments["enganche"].settled
    assert said[0].text == "Ah, con $250 sí podemos empezar."


def test_every_move_is_an_event_with_its_minute(session) -> None:
    maya, clock = session("maya_teen_cost")
    maya.show_step("welcome")
    clock.minutes = 1.5
    maya.tick("introduced")
    assert [(e.kind, e.minute, e.step) for e in maya.events] == [
        (EventKind.STEP, 0.0, "welcome"),
        (EventKind.TICK, 1.5, "welcome"),
    ]


def test_a_line_is_said_by_its_speaker_else_by_the_one_who_pays(session) -> None:
    olivia, _clock = session("olivia_grandma_comfort")
    olivia.show_step("welcome")
    said = olivia.show_step("options")
    assert [(line.speaker, line.objection) for line in said] == [("Olivia", "hurt")]
    assert [line.speaker for line in olivia.show_step("payment")][-1] == "Joan"
