"""Every shipped persona can be played to a start: each of its lines comes up, and a TC who
covers the checklist, asks the open question and answers with the model answers wins it."""

from __future__ import annotations

import pytest

from tcdesk.services.training.answers import ScriptedClock
from tcdesk.services.training.personas import load_personas
from tcdesk.services.training.practice_money import PlanMoves, price_plan
from tcdesk.services.training.scoring import score_session
from tcdesk.services.training.session import SoloSession
from tcdesk.services.training.session_events import NextStep
from tcdesk.services.training.session_setup import start_session

KEYS = sorted(load_personas().personas)


def _answer_open(session: SoloSession, said) -> None:
    for line in said:
        if line.objection and line.objection not in session.assessments:
            objection = session.persona.objection(line.objection)
            _answer_open(session, session.answer(objection.key, objection.model_answer))


def _fitting_choice(session: SoloSession) -> str:
    persona = session.persona
    wanted = [c for o in persona.objections for c in o.settled_by.choices]
    for choice in (*wanted, "pay_in_full", "standard", "low_down", "extended"):
        plan = price_plan(session.money, persona, PlanMoves(choice=choice))
        if plan is not None and plan.fits_budget and not plan.violations:
            return choice
    return wanted[0] if wanted else "standard"


def _question(phrase: str) -> str:
    return " ".join(word.split("/")[0] for word in phrase.split()) + "?"


@pytest.mark.parametrize("key", KEYS)
def test_a_model_consult_wins_the_family(key: str, personas, money) -> None:
    clock = ScriptedClock()
    session = start_session(personas[key], money, clock)
    persona = session.persona
    for prep in ("insurance_verified", "forms_checked", "doctor_briefed"):
        session.prepare(prep)
    for step in session.steps:
        start = clock.minutes
        said = session.show_step(step.id)
        if step.kind in ("investment", "payment") and not session.moves.choice:
            said += session.move("choice", _fitting_choice(session))  # the plan, then the answer
            session.show_disclosures()
        _answer_open(session, said)
        clock.minutes += (step.minutes or 1) / 2
        if step.kind == "concerns":
            _answer_open(session, session.ask_concern(_question(persona.hidden.revealed_by[0])))
            session.record_concern(" ".join(persona.hidden.words))
        for item in step.checklist:
            _answer_open(session, session.tick(item.id))
        if step.kind == "next_steps":
            _answer_open(session, session.ask_for_start("Would you like to start today?"))
            session.record_next_step(NextStep("start_booked", money.today))
            session.hand_over("agreement")
        clock.minutes = start + (step.minutes or 1)
    result = score_session(session)
    own = {o.key for o in persona.objections if o.when.kind != "follow_up"}
    assert own <= set(session.raised), "every line that is not a follow-up comes up"
    assert session.hidden_revealed
    assert all(a.settled for a in session.assessments.values())
    assert result.card.decision == "start_today", result.card.as_json()
    assert result.card.total >= 90, result.card.as_json()


@pytest.mark.parametrize("key", KEYS)
def test_a_silent_consult_loses_the_family(key: str, personas, money) -> None:
    clock = ScriptedClock()
    session = start_session(personas[key], money, clock)
    for step in session.steps:
        session.show_step(step.id)
        clock.minutes += 1
    result = score_session(session)
    persona = session.persona
    follow_ups = {
        o.follow_up for o in persona.objections if o.follow_up and o.key in session.raised
    }
    assert follow_ups <= set(session.raised), "a line left unanswered brings its follow-up"
    assert not any(a.settled for a in session.assessments.values())
    assert result.card.decision in ("decline", "think_it_over")
    assert result.card.total <= 40, result.card.as_json()
