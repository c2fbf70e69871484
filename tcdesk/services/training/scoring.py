"""The scorecard of a finished solo session, and the family's decision.

The family decides on how the consult went before the next step is recorded
(the score of the other parts, in percent of their 90 points, the objections
settled, whether the start was asked for and the hidden concern found), by
the persona's own rules; then the next step the TC recorded is judged against
that decision: booking a start a family did not agree to earns nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tcdesk.services.training import scoring_parts as parts
from tcdesk.services.training.persona_model import DecisionRule, Outcome
from tcdesk.services.training.scorecard import WEIGHTS, Part, PartScore, Scorecard
from tcdesk.services.training.session import SoloSession
from tcdesk.services.training.session_facts import session_facts

FOLLOW_UP_DAYS = 7  # a follow-up later than this lets a family go cold


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    reason: str
    line: str  # what the family says


def decide(session: SoloSession, score: float) -> Decision:
    """The first of the persona's rules that holds (the last one always does)."""
    settled = all(a.settled for a in session.assessments.values())
    for rule in session.persona.decisions:
        if _holds(rule, score, settled, session):
            return Decision(rule.outcome, rule.reason, rule.line)
    last = session.persona.decisions[-1]
    return Decision(last.outcome, last.reason, last.line)


def _holds(rule: DecisionRule, score: float, settled: bool, session: SoloSession) -> bool:
    return (
        (rule.min_score is None or score >= rule.min_score)
        and (rule.max_score is None or score <= rule.max_score)
        and (rule.all_settled is None or rule.all_settled == settled)
        and (rule.asked is None or rule.asked == session.asked)
        and (rule.hidden_revealed is None or rule.hidden_revealed == session.hidden_revealed)
    )


def next_step_part(session: SoloSession, decision: Decision) -> PartScore:
    step = session.next_step
    good: list[str] = []
    improve: list[str] = []
    points = 0.0
    ready = decision.outcome in (Outcome.START_TODAY, Outcome.BOOK)
    if step is None:
        improve.append("record the next step: the start booked, or a follow-up date and reason")
    elif ready and step.kind == "start_booked":
        points, good = 10, ["you booked the start they agreed to"]
    elif ready:
        points, improve = 4, ["they were ready: book the start before they leave"]
    elif step.kind == "start_booked":
        improve.append("you booked a start the family did not agree to")
    elif decision.outcome is Outcome.DECLINE and step.kind == "declined":
        points, good = (10 if step.reason else 6), ["you recorded the decline"]
        if not step.reason:
            improve.append("record why they declined")
    else:
        soon = step.day is not None and step.day <= session.money.today + timedelta(
            days=FOLLOW_UP_DAYS
        )
        if step.day is None:
            improve.append("agree a follow-up date")
        elif soon:
            points += 4
            good.append("you agreed a follow-up date within a week")
        else:
            points += 2
            improve.append(f"follow up within {FOLLOW_UP_DAYS} days, while they are warm")
        if not step.reason:
            improve.append("record the one thing holding them back")
        elif step.reason == decision.reason:
            points += 6
            good.append(f"you named what holds them back ({step.reason})")
        else:
            points += 2
            improve.append(
                f"what holds them back is {decision.reason}, not {step.reason}: ask what part "
                "they want to think over"
            )
    return PartScore(Part.NEXT_STEP, points, tuple(good), tuple(improve))


PART_RULES = (
    parts.preparation,
    parts.rapport,
    parts.discovery,
    parts.explanation,
    parts.money,
    parts.objections,
    parts.same_day_ask,
)


@dataclass(frozen=True)
class SessionResult:
    card: Scorecard
    decision: Decision


def score_session(session: SoloSession) -> SessionResult:
    if not session.ended:
        session.end()
    facts = session_facts(session)
    scored = [rule(facts, session) for rule in PART_RULES]
    before = sum(p.points for p in scored) / (100 - WEIGHTS[Part.NEXT_STEP]) * 100
    decision = decide(session, before)
    scored.append(next_step_part(session, decision))
    by_part = {p.part: p for p in scored}
    ordered = tuple(by_part[part] for part in WEIGHTS)
    card = Scorecard(
        persona=session.persona.key,
        parts=ordered,
        decision=decision.outcome.value,
        decision_reason=decision.reason,
        minutes=facts.total_minutes,
        notes=_notes(ordered, session),
    )
    return SessionResult(card, decision)


def _notes(scored: tuple[PartScore, ...], session: SoloSession) -> tuple[str, ...]:
    """The most useful things to do next time: the parts that lost most, then model answers."""
    lost = sorted(scored, key=lambda p: p.points - p.out_of)
    notes = [p.to_improve[0] for p in lost if p.to_improve and p.points < p.out_of][:3]
    for key, result in session.assessments.items():
        objection = session.persona.objection(key)
        if objection is not None and not result.settled and objection.model_answer:
            notes.append(f"a model answer to {objection.line!r}: {objection.model_answer}")
    return tuple(notes)
