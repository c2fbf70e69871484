"""A persona as a trainer reads it before playing the family: plain lines, nothing to decode.

The trainer's window and the printed card both show this, so they say the
same thing in the same words: who is in the room and who decides, what the
doctor found, their money comfort, the concern they only give when asked
(and what question brings it out), how they decide, and each objection with
when to raise it and what settles it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from tcdesk.domain import ConditionCode, Severity, TreatmentType
from tcdesk.formatting import money_from_dollars
from tcdesk.services.consult_findings import CONDITION_LABELS
from tcdesk.services.settings.fees import TREATMENT_WORDS
from tcdesk.services.training.objections import PATTERNS
from tcdesk.services.training.persona_model import (
    DecisionRule,
    Laer,
    Persona,
    ScriptedObjection,
    When,
)

if TYPE_CHECKING:
    from tcdesk.flows import Flow

LAER_WORDS = {
    Laer.LISTEN: "Listen",
    Laer.ACKNOWLEDGE: "Acknowledge",
    Laer.EXPLORE: "Explore",
    Laer.RESPOND: "Respond",
}
CHOICE_WORDS = {
    "pay_in_full": "pay in full",
    "standard": "the standard plan",
    "low_down": "the low down payment",
    "extended": "the extended plan",
}
REASON_WORDS = {
    "cost": "the cost",
    "timing": "the timing",
    "insurance": "the insurance",
    "other_parent": "the other parent or partner",
    "confidence": "confidence",
    "other_opinions": "other opinions",
    "wants_to_wait": "wanting to wait",
    "other": "something else",
}
LANGUAGE_WORDS = {"en": "English", "es": "Spanish"}
OUTCOME_WORDS = {
    "start_today": "Start today",
    "book": "Book the start",
    "think_it_over": "Think it over",
    "decline": "Decline",
}


@dataclass(frozen=True)
class BriefObjection:
    key: str
    kind: str  # "It costs too much"
    speaker: str
    moment: str  # "When the money is first shown"
    line: str  # what to say
    settles: tuple[str, ...]  # what settles it, one thought a line
    laer: tuple[tuple[str, str], ...]  # ("Explore", "ask what part of it worries her")
    model_answer: str
    settled_line: str
    follow_up: str  # "If it is answered poorly, go on to: Let me think about it"

    @property
    def settles_text(self) -> str:
        """What settles it, in one sentence or two (the window and the card say the same)."""
        first, *rest = self.settles
        ways = f"{first}, {rest[0]}" if rest and rest[0].startswith("or ") else first
        return f"Settled by {ways}. {self.settles[-1]}."

    @property
    def laer_text(self) -> str:
        return "LAER · " + "; ".join(f"{step}: {what}" for step, what in self.laer) + "."


@dataclass(frozen=True)
class PartnerBrief:
    key: str
    title: str
    language: str
    notes: str  # how to play them
    facts: tuple[tuple[str, str], ...]  # (label, value), in reading order
    hidden: tuple[tuple[str, str], ...]  # what it is, what brings it out, what to say
    decides: tuple[str, ...]  # how the family decides, rule by rule
    objections: tuple[BriefObjection, ...]  # in the order they can come


def moment_words(when: When, parent: str = "") -> str:
    """When to raise a line, for a person: "On the Timeline step", "After 12 minutes" ..."""
    if when.kind == "step":
        return f"On the {when.step.replace('_', ' ').capitalize()} step"
    if when.kind == "investment":
        return "When the money is first shown"
    if when.kind == "ask":
        return "When the TC asks for a start today"
    if when.kind == "minutes":
        return f"After {when.minutes:g} minutes"
    if parent:
        return f"Only if “{parent}” is answered poorly"
    return "Only as a follow-up"


def _money(amount: Decimal) -> str:
    """Whole dollars without cents: "$1,500", as a family says it."""
    text = money_from_dollars(amount)
    return text.removesuffix(".00")


def _people(persona: Persona) -> str:
    def one(person) -> str:
        tongue = LANGUAGE_WORDS.get(person.speaks, person.speaks)
        extra = f", speaks {tongue}" if person.speaks else ""
        return f"{person.name} ({person.role}{extra})"

    return "; ".join(one(p) for p in persona.people)


def _findings(persona: Persona) -> str:
    words = []
    for finding in persona.findings:
        label = CONDITION_LABELS.get(ConditionCode(finding.code), finding.code)
        words.append(f"{label}, {Severity(finding.severity).value}")
    return "; ".join(words)


def _options(persona: Persona) -> str:
    def one(option: str) -> str:
        word = TREATMENT_WORDS.get(TreatmentType(option), option)
        return f"{word} (recommended)" if option == persona.recommended else word

    return ", ".join(one(o) for o in persona.options)


def _insurance(persona: Persona) -> str:
    plan = persona.insurance
    if plan is None:
        return "None"
    text = (
        f"{plan.carrier}: {plan.coverage_pct:g}% up to a "
        f"{_money(plan.lifetime_max)} lifetime maximum"
    )
    if plan.age_limit:
        text += f", to age {plan.age_limit}"
    if plan.used:
        text += f"; {_money(plan.used)} already used"
    return text


def _facts(persona: Persona) -> tuple[tuple[str, str], ...]:
    patient = persona.patient
    room = [
        ("In the room", _people(persona)),
        ("Decides", ", ".join(persona.decides)),
        ("Pays", persona.pays),
        ("Patient", f"{patient.name}, {persona.patient_age}"),
        ("Findings", _findings(persona)),
        ("Options", _options(persona)),
        ("Chief concern", f"“{persona.chief_concern}”"),
        ("Priorities", ", ".join(persona.priorities) or "—"),
        ("Insurance", _insurance(persona)),
        (
            "Money comfort",
            f"at most {_money(persona.monthly_ceiling)} a month; "
            f"{_money(persona.down_payment)} down today",
        ),
    ]
    visit = [w for w, on in (("walked in", persona.walk_in), ("shopping", persona.shopping)) if on]
    if visit:
        room.append(("Visit", "; ".join(visit)))
    if persona.language != "en":
        room.append(("Language", "Spanish: say the lines in Spanish"))
    return tuple(room)


def _hidden(persona: Persona) -> tuple[tuple[str, str], ...]:
    hidden = persona.hidden
    who = hidden.speaker or persona.pays
    return (
        ("What it is", hidden.concern),
        ("Only when asked like", "; ".join(f"“{p}”" for p in hidden.revealed_by)),
        (f"Then {who} says", f"“{hidden.line}”"),
        ("Holds them back", REASON_WORDS.get(hidden.reason, hidden.reason)),
    )


def _rule(rule: DecisionRule) -> str:
    conditions = []
    if rule.min_score is not None:
        conditions.append(f"it went well (score {rule.min_score:g}+)")
    if rule.max_score is not None:
        conditions.append(f"it went badly (score {rule.max_score:g} or less)")
    if rule.all_settled is not None:
        conditions.append(
            "every objection settled" if rule.all_settled else "an objection left open"
        )
    if rule.asked is not None:
        conditions.append("asked for a start today" if rule.asked else "not asked for a start")
    if rule.hidden_revealed is not None:
        conditions.append(
            "the hidden concern came out" if rule.hidden_revealed else "the hidden concern stayed"
        )
    outcome = OUTCOME_WORDS[rule.outcome.value]
    if rule.reason:
        outcome += f" ({REASON_WORDS.get(rule.reason, rule.reason)})"
    when = "If " + ", ".join(conditions) if conditions else "Otherwise"
    return f"{when}: {outcome}. “{rule.line}”"


def _settles(objection: ScriptedObjection, persona: Persona) -> tuple[str, ...]:
    needed = objection.settle_at
    lines = [
        f"{needed} of the 4 LAER moves, Respond among them"
        if needed < 4
        else "All 4 LAER moves (Listen, Acknowledge, Explore, Respond)"
    ]
    choices = [CHOICE_WORDS.get(c, c) for c in objection.settled_by.choices]
    ways = []
    if choices:
        ways.append(" or ".join(choices))
    if objection.settled_by.fits_budget:
        ways.append(
            f"a plan within {_money(persona.down_payment)} down and "
            f"{_money(persona.monthly_ceiling)} a month"
        )
    if ways:
        lines.append("or the TC moves to " + ", or ".join(ways))
    lines.append(PATTERNS[objection.kind].what_works.rstrip("."))
    return tuple(lines)


def _objection(objection: ScriptedObjection, persona: Persona) -> BriefObjection:
    parent = next((o for o in persona.objections if o.follow_up == objection.key), None)
    follow = persona.objection(objection.follow_up) if objection.follow_up else None
    return BriefObjection(
        key=objection.key,
        kind=PATTERNS[objection.kind].label,
        speaker=objection.speaker or persona.pays,
        moment=moment_words(objection.when, PATTERNS[parent.kind].label if parent else ""),
        line=objection.line,
        settles=_settles(objection, persona),
        laer=tuple(
            (LAER_WORDS[step], idea.missed or idea.done)
            for step, idea in sorted(objection.ideas.items(), key=lambda i: list(Laer).index(i[0]))
        ),
        model_answer=objection.model_answer,
        settled_line=objection.settled_line,
        follow_up=f"If it is answered poorly, go on to: {PATTERNS[follow.kind].label}"
        if follow
        else "",
    )


MONEY_STEPS = ("investment", "payment")


def _position(when: When, steps: Sequence[tuple[str, int]]) -> float:
    """Where in the consult a line comes, as a step number (``steps``: id, planned minutes).

    A line due after N minutes is placed at the step the plan reaches by then;
    the ask comes after every step, a follow-up after what it follows.
    """
    ids = [step for step, _ in steps]
    if when.kind == "step" and when.step in ids:
        return ids.index(when.step)
    if when.kind == "investment":
        money = [ids.index(s) for s in MONEY_STEPS if s in ids]
        return min(money) if money else len(ids) - 1
    if when.kind == "minutes":
        elapsed = 0
        for index, (_, minutes) in enumerate(steps):
            elapsed += minutes
            if elapsed >= when.minutes:
                return index + 0.5
        return len(ids)
    if when.kind == "ask":
        return len(ids) + 1
    return len(ids) + 2


def flow_plan(flow: Flow | None) -> tuple[tuple[str, int], ...]:
    """The flow's step ids with their planned minutes (1 when it plans none), in order."""
    if flow is None:
        return ()
    return tuple((step.id, step.minutes or 1) for step in flow.steps)


def partner_brief(persona: Persona, flow: Flow | None = None) -> PartnerBrief:
    """The trainer's reading of ``persona``; with its ``flow`` the objections come in the
    order they will be raised (a follow-up right after the one it follows)."""
    steps = flow_plan(flow)

    def position(objection: ScriptedObjection) -> tuple[float, int]:
        parent = next((o for o in persona.objections if o.follow_up == objection.key), None)
        if objection.when.kind == "follow_up" and parent is not None:
            return (position(parent)[0], persona.objections.index(parent) + 0.5)
        return (_position(objection.when, steps), persona.objections.index(objection))

    ordered = sorted(persona.objections, key=position)
    return PartnerBrief(
        key=persona.key,
        title=persona.title,
        language=persona.language,
        notes=persona.notes,
        facts=_facts(persona),
        hidden=_hidden(persona),
        decides=tuple(_rule(rule) for rule in persona.decisions),
        objections=tuple(_objection(o, persona) for o in ordered),
    )
