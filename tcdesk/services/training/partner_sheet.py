"""The trainer's scoring sheet for a practice consult with a partner: what to tick, and its points.

A trainer playing the family cannot type into the TC's console, but can tick
what they saw. Each scorecard part (DOMAIN.md's weights) is split into a few
observable items whose points add up to the part's weight, so a ticked sheet
is a ``Scorecard`` like a solo session's and goes into the same history and
progress report. Each item says what was done (``done``) and, when it is not
ticked, what to do next time (``missed``), in the scorecard's words.

The same items print on the paper card (``partner_card``) and fill the
trainer's window, so a sheet ticked by hand and one ticked on screen agree.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from tcdesk.services.training.persona_model import HOLD_BACK_REASONS, Outcome, Persona
from tcdesk.services.training.scorecard import LABELS, WEIGHTS, Part, PartScore, Scorecard


@dataclass(frozen=True)
class SheetItem:
    key: str  # unique on the sheet, e.g. "insurance_verified"
    part: Part
    label: str  # what the trainer watches for
    points: int
    done: str  # "you verified the insurance before the consult"
    missed: str  # "verify the insurance benefit before the family arrives"


@dataclass(frozen=True)
class SheetPart:
    part: Part
    label: str
    items: tuple[SheetItem, ...]

    @property
    def out_of(self) -> int:
        return WEIGHTS[self.part]


def _item(part: Part, key: str, points: int, label: str, done: str, missed: str) -> SheetItem:
    return SheetItem(key, part, label, points, done, missed)


P = Part
# fmt: off
_ITEMS: tuple[SheetItem, ...] = (
    _item(P.PREPARATION, "insurance_verified", 4, "Insurance verified before they came",
          "you verified the insurance before the consult",
          "verify the insurance benefit before the family arrives"),
    _item(P.PREPARATION, "forms_checked", 3, "Forms and history checked",
          "the forms were checked", "check the forms first"),
    _item(P.PREPARATION, "doctor_briefed", 3, "Doctor briefed on the family",
          "you briefed the doctor", "brief the doctor before the exam"),
    _item(P.RAPPORT, "greeted_everyone", 3, "Greeted everyone by name",
          "you greeted everyone by name", "greet everyone in the room by name"),
    _item(P.RAPPORT, "spoke_to_patient", 3, "Talked with the patient, not only the payer",
          "you spoke to the patient too", "talk to the patient, not only to who pays"),
    _item(P.RAPPORT, "let_them_talk", 2, "Warm and unhurried: let them finish",
          "you let them talk", "slow down and let them finish"),
    _item(P.RAPPORT, "about_thirty_minutes", 2, "The consult took about 30 minutes",
          "the consult took about 30 minutes", "aim for a consult of about 30 minutes"),
    _item(P.DISCOVERY, "asked_concerns", 3, "Asked their concerns, in their words",
          "you asked about their concerns", "ask the family what worries them, in their words"),
    _item(P.DISCOVERY, "hidden_revealed", 5, "Brought out the hidden concern",
          "your question brought out what they would not say unasked",
          'ask an open question ("what worries you most?", "anything else?"): '
          "they had a concern they did not volunteer"),
    _item(P.DISCOVERY, "concern_recorded", 4, "Wrote the real concern down",
          "you wrote down the real concern", "write down the concern that holds them back"),
    _item(P.DISCOVERY, "who_decides", 3, "Asked who decides and what matters most",
          "you asked who decides and what matters most",
          "ask who decides, what matters most and who referred them"),
    _item(P.EXPLANATION, "plain_words", 4, "Plain words, no jargon",
          "you used plain words", "say it in plain words, without jargon"),
    _item(P.EXPLANATION, "showed_visuals", 4, "Showed it on their photos or drawings",
          "you showed the problem on the screen", "show the problem on their photos or drawings"),
    _item(P.EXPLANATION, "if_left_alone", 4, "Said what happens if it is left alone",
          "you said what happens if it is left alone",
          "say what happens if it is left alone"),
    _item(P.EXPLANATION, "steps_on_time", 3, "Each step took about its planned time",
          "each step took about its planned time", "keep each step to about its planned time"),
    _item(P.MONEY, "options_side_by_side", 4, "Options side by side, one recommended",
          "you showed the options side by side", "show the options side by side"),
    _item(P.MONEY, "insurance_math", 3, "Insurance: the maximum, the %, an estimate",
          "you explained the insurance as an estimate",
          "explain the insurance: the lifetime maximum, the percentage, an estimate"),
    _item(P.MONEY, "plan_within_policy", 3, "A plan within the practice's policy",
          "the plan was within the practice's policy",
          "offer a plan within the practice's policy"),
    _item(P.MONEY, "disclosures_shown", 3, "Truth in Lending box shown for a plan",
          "the Truth in Lending disclosures were shown",
          "show the Truth in Lending disclosures for a payment plan before signing"),
    _item(P.MONEY, "money_at_midpoint", 2, "The money at about minute 15-20",
          "the money came at the right moment",
          "bring the money in about halfway (minute 15-20 of 30)"),
    _item(P.OBJECTIONS, "listened", 3, "Listened: let them say it all",
          "you listened before answering", "listen first: let them say it all"),
    _item(P.OBJECTIONS, "acknowledged", 3, "Acknowledged how they feel",
          "you acknowledged how they feel", "acknowledge how they feel before answering"),
    _item(P.OBJECTIONS, "explored", 4, "Explored what part worries them",
          "you asked what part of it worries them", "ask what part of it worries them"),
    _item(P.OBJECTIONS, "responded", 3, "Responded with what settles it",
          "you answered with what settles it",
          "answer with what settles it: a choice, the monthly, a next step"),
    _item(P.OBJECTIONS, "all_settled", 2, "Every objection settled by the end",
          "every objection was settled", "settle each objection before moving on"),
    _item(P.SAME_DAY_ASK, "asked_for_start", 7, "Asked for a same-day start",
          "you asked for a same-day start", "ask for a same-day start"),
    _item(P.SAME_DAY_ASK, "asked_after_money", 3, "Asked once the money was clear",
          "you asked once the money was clear",
          "ask after the investment, when they know what it takes"),
    _item(P.NEXT_STEP, "next_step_recorded", 5, "Start booked, or a follow-up in 7 days",
          "you recorded the next step",
          "record the next step: the start booked, or a follow-up date within a week"),
    _item(P.NEXT_STEP, "reason_recorded", 5, "Recorded what holds them back",
          "you recorded what holds them back", "record the one thing holding them back"),
)
# fmt: on
assert all(sum(i.points for i in _ITEMS if i.part is p) == w for p, w in WEIGHTS.items())


def sheet_parts() -> tuple[SheetPart, ...]:
    """The sheet, part by part in the scorecard's order; each part's points are its weight."""
    return tuple(
        SheetPart(part, LABELS[part], tuple(i for i in _ITEMS if i.part is part))
        for part in WEIGHTS
    )


def sheet_items() -> tuple[SheetItem, ...]:
    return _ITEMS


DECISIONS: dict[str, str] = {  # the family's decision, as the trainer records it
    Outcome.START_TODAY.value: "Started today",
    Outcome.BOOK.value: "Booked the start",
    Outcome.THINK_IT_OVER.value: "Will think it over",
    Outcome.DECLINE.value: "Declined",
}


@dataclass(frozen=True)
class SheetMarks:
    """What the trainer set on the sheet."""

    ticked: frozenset[str]  # item keys
    decision: str = Outcome.THINK_IT_OVER.value  # one of DECISIONS
    reason: str = ""  # one of HOLD_BACK_REASONS, for think_it_over / decline
    minutes: float = 0.0
    notes: Mapping[Part, str] | None = None  # the trainer's words, per part


def points_of(parts: tuple[SheetPart, ...], ticked: Collection[str]) -> dict[Part, int]:
    """Each part's points for these ticks (what the sheet shows as totals)."""
    return {p.part: sum(i.points for i in p.items if i.key in ticked) for p in parts}


def scorecard_from_marks(persona: Persona | str, marks: SheetMarks) -> Scorecard:
    """The scorecard a ticked sheet gives: the same parts and weights as a solo session.

    Refuses (``ValueError``) a tick the sheet does not have, a decision that
    is not one, or a think-it-over/decline without a known reason, so nothing
    half-right is kept.
    """
    key = persona.key if isinstance(persona, Persona) else persona
    parts = sheet_parts()
    known = {i.key for i in _ITEMS}
    unknown = sorted(set(marks.ticked) - known)
    if unknown:
        raise ValueError(f"the sheet has no item {', '.join(unknown)}")
    if marks.decision not in DECISIONS:
        raise ValueError(f"{marks.decision!r} is not a decision ({', '.join(DECISIONS)})")
    undecided = marks.decision in (Outcome.THINK_IT_OVER.value, Outcome.DECLINE.value)
    if undecided and marks.reason not in HOLD_BACK_REASONS:
        raise ValueError(
            f"a {marks.decision} decision needs one of: {', '.join(HOLD_BACK_REASONS)}"
        )
    notes = {part: text.strip() for part, text in (marks.notes or {}).items() if text.strip()}
    scores = tuple(
        PartScore(
            sheet.part,
            float(sum(i.points for i in sheet.items if i.key in marks.ticked)),
            good=tuple(i.done for i in sheet.items if i.key in marks.ticked),
            to_improve=tuple(i.missed for i in sheet.items if i.key not in marks.ticked),
        )
        for sheet in parts
    )
    trainer = tuple(f"{LABELS[part]}: {notes[part]}" for part in WEIGHTS if part in notes)
    lost = sorted((s for s in scores if s.to_improve), key=lambda s: s.points - s.out_of)
    return Scorecard(
        persona=key,
        parts=scores,
        decision=marks.decision,
        decision_reason=marks.reason if undecided else "",
        minutes=round(max(0.0, marks.minutes), 1),
        notes=trainer + tuple(s.to_improve[0] for s in lost[:3]),
    )
