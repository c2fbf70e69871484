"""Each scorecard part computed from the session's facts, with what was good and what to improve.

The point splits are documented in presentation_flows/training/README.md;
every point lost comes with a sentence saying what would have earned it.
"""

from __future__ import annotations

from tcdesk.services.training.matching import first_match
from tcdesk.services.training.scorecard import Part, PartScore
from tcdesk.services.training.session import SoloSession
from tcdesk.services.training.session_events import EventKind
from tcdesk.services.training.session_facts import (
    EXPLANATION_KINDS,
    MONEY_KINDS,
    Facts,
    in_time,
)


class _Tally:
    def __init__(self, part: Part) -> None:
        self.part = part
        self.points = 0.0
        self.good: list[str] = []
        self.to_improve: list[str] = []

    def check(self, ok: bool, points: float, good: str, improve: str) -> None:
        if ok:
            self.points += points
            self.good.append(good)
        else:
            self.to_improve.append(improve)

    def share(self, fraction: float, points: float, good: str, improve: str) -> None:
        self.points += points * fraction
        if fraction > 0:
            self.good.append(good)
        if fraction < 1:
            self.to_improve.append(improve)

    def score(self) -> PartScore:
        return PartScore(self.part, round(self.points, 1), tuple(self.good), tuple(self.to_improve))


def _coverage(tally: _Tally, facts: Facts, kinds: tuple[str, ...], points: float) -> None:
    steps = facts.steps_of(kinds)
    done, missed = facts.covered(steps)
    total = len(done) + len(missed)
    fraction = len(done) / total if total else 1.0
    tally.share(
        fraction,
        points,
        f"you covered {len(done)} of {total} checklist items" if total else "nothing to cover",
        "not covered: " + "; ".join(i.label for i in missed),
    )


def _timing(tally: _Tally, facts: Facts, kinds: tuple[str, ...], points: float) -> None:
    steps = facts.steps_of(kinds)
    if not steps:
        tally.points += points
        return
    off = [s for s in steps if not in_time(facts.minutes_on.get(s.id, 0.0), s.minutes)]
    on_time = len(steps) - len(off)
    tally.share(
        on_time / len(steps),
        points,
        "each step took about its planned time"
        if not off
        else f"{on_time} of {len(steps)} steps took about their planned time",
        "time: "
        + "; ".join(
            f"{s.id} {facts.minutes_on.get(s.id, 0.0):g} min (planned {s.minutes or 1})"
            for s in off
        ),
    )


def preparation(facts: Facts, session: SoloSession) -> PartScore:
    tally = _Tally(Part.PREPARATION)
    done = {e.item for e in facts.of(EventKind.PREPARED)}
    insured = session.persona.insurance is not None
    tally.check(
        "insurance_verified" in done or not insured,
        4,
        "the insurance was verified before the consult" if insured else "no insurance to verify",
        "verify the insurance benefit before the family arrives",
    )
    tally.check("forms_checked" in done, 3, "the forms were checked", "check the forms first")
    tally.check(
        "doctor_briefed" in done, 3, "you briefed the doctor", "brief the doctor before the exam"
    )
    return tally.score()


def rapport(facts: Facts, session: SoloSession) -> PartScore:
    tally = _Tally(Part.RAPPORT)
    _coverage(tally, facts, ("welcome",), 6)
    _timing(tally, facts, ("welcome",), 2)
    aim = facts.planned_minutes or 30
    tally.check(
        aim * 2 / 3 <= facts.total_minutes <= aim * 4 / 3,
        2,
        f"the consult took {facts.total_minutes:g} minutes, about the {aim:g} planned",
        f"the consult took {facts.total_minutes:g} minutes; aim for about {aim:g}",
    )
    return tally.score()


def discovery(facts: Facts, session: SoloSession) -> PartScore:
    tally = _Tally(Part.DISCOVERY)
    hidden = session.persona.hidden
    tally.check(
        bool(facts.of(EventKind.CONCERN_ASKED)),
        3,
        "you asked about their concerns",
        "ask the family what worries them, in their words",
    )
    tally.check(
        session.hidden_revealed,
        5,
        "your question brought out what they would not say unasked",
        'ask an open question ("what worries you most?", "anything else?"): '
        "they had a concern they did not volunteer",
    )
    records = " ".join(e.text for e in facts.of(EventKind.CONCERN_RECORDED))
    tally.check(
        bool(records) and first_match(hidden.words, records, session.persona.language) is not None,
        4,
        "you wrote down the real concern",
        "write down the concern that holds them back" if records else "record their concern",
    )
    _coverage(tally, facts, ("concerns",), 3)
    return tally.score()


def explanation(facts: Facts, session: SoloSession) -> PartScore:
    tally = _Tally(Part.EXPLANATION)
    _coverage(tally, facts, EXPLANATION_KINDS, 10)
    _timing(tally, facts, EXPLANATION_KINDS, 5)
    return tally.score()


def money(facts: Facts, session: SoloSession) -> PartScore:
    tally = _Tally(Part.MONEY)
    _coverage(tally, facts, MONEY_KINDS, 4)
    plan = session.plan()
    tally.check(
        plan is not None, 3, "you showed a way to pay", "show the payment choices on the screen"
    )
    if plan is not None:
        tally.check(
            not plan.violations,
            3,
            "the plan is within the practice's policy",
            "the plan breaks the policy: " + " ".join(v.message for v in plan.violations),
        )
        shown = bool(facts.of(EventKind.DISCLOSURES))
        tally.check(
            shown or not plan.disclosure_required,
            3,
            "the Truth in Lending disclosures were shown"
            if plan.disclosure_required
            else "pay in full needs no disclosure box",
            "show the Truth in Lending disclosures for a payment plan before signing",
        )
    else:
        tally.to_improve.append("with no plan there was nothing to check or disclose")
    minute, aim = facts.money_minute(), facts.planned_minutes or 30
    tally.check(
        minute is not None and aim * 0.4 <= minute <= aim * 0.75,
        2,
        "the money came at the right moment",
        "bring the money in about halfway (minute 15-20 of 30)"
        if minute is not None
        else "you never showed the investment",
    )
    return tally.score()


def objections(facts: Facts, session: SoloSession) -> PartScore:
    tally = _Tally(Part.OBJECTIONS)
    raised = [session.persona.objection(k) for k in session.raised]
    if not raised:
        tally.points = 15
        tally.good.append("no objection came up")
        return tally.score()
    for objection in raised:
        assert objection is not None
        result = session.assessments[objection.key]
        share = result.fraction * 0.7 + (0.3 if result.settled else 0.0)
        tally.points += 15 * share / len(raised)
        verdict = "settled" if result.settled else "not settled"
        line = f"{objection.kind.value} ({verdict}): {result.explanation}"
        (tally.good if result.settled else tally.to_improve).append(line)
    return tally.score()


def same_day_ask(facts: Facts, session: SoloSession) -> PartScore:
    tally = _Tally(Part.SAME_DAY_ASK)
    ask = facts.first(EventKind.ASK)
    tally.check(ask is not None, 7, "you asked for a same-day start", "ask for a same-day start")
    money_minute = facts.money_minute()
    tally.check(
        ask is not None and money_minute is not None and ask.minute >= money_minute,
        3,
        "you asked once the money was clear",
        "ask after the investment, when they know what it takes",
    )
    return tally.score()
