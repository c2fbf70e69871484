"""A presentation flow, as loaded from ``presentation_flows/*.toml``.

A flow is an ordered list of steps. Each step holds what the family sees
(jinja2 templates, rendered later by ``tcdesk.render``) and what only the
coordinator sees (talking points, checklist, objection hints). The two never
mix: rendering reads only the patient-facing fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from tcdesk.domain import Objection
from tcdesk.flows.pages import split_findings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tcdesk.flows.when import Condition

FORMAT_VERSION = 1

# The values of ``tcdesk.render.slide.SlideKind`` (flows may not import render;
# a test keeps the two equal).
STEP_KINDS: tuple[str, ...] = (
    "welcome",
    "concerns",
    "problem",
    "options",
    "timeline",
    "investment",
    "payment",
    "next_steps",
    "custom",
)

AUDIENCES: tuple[str, ...] = ("child", "teen", "adult", "walk_in", "any")

# Top-level names a step template may use: the render context, documented in
# presentation_flows/README.md and built by tcdesk.services.presentation.
CONTEXT_NAMES: frozenset[str] = frozenset(
    {
        "practice",
        "office",
        "patient",
        "coordinator",
        "doctor",
        "concerns",
        "priorities",
        "findings",
        "photos",
        "options",
        "recommended",
        "chosen",
        "featured",
        "insured",
        "insurance",
        "investment",
        "timeline",
        "today",
        "consult_date",
        "walk_in",
        "agenda",
    }
)

# Filters the renderer adds to jinja2's built-in ones (tcdesk.render.templates).
TEMPLATE_FILTERS: tuple[str, ...] = ("money", "month_year", "long_date", "join_and")


# What each kind of step needs to have anything to show: without one of these
# facts the step is left out (and so is its line on the welcome's agenda),
# whatever its own ``when`` says. A slide of empty space is worse than none.
KIND_NEEDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "concerns": ("has_concerns", "has_priorities"),
        "problem": ("has_findings", "has_photos"),
        "options": ("has_options",),
        "timeline": ("has_options",),
        "investment": ("has_fee",),
        "payment": ("has_fee",),
    }
)


# What a checklist item's ``done_by`` may name: things the coordinator does in
# tcdesk, rather than says. Such an item ticks when the thing happens, never
# because its slide was on screen a while (showing "Booked the start" is not
# booking it). Documented in presentation_flows/README.md.
DONE_BY_EVENTS: Mapping[str, str] = MappingProxyType(
    {
        "plan_saved": "when the plan is saved",
        "agreement_generated": "when the agreement is made",
        "agreement_signed": "when the agreement is signed",
        "summary_given": "when the summary is saved or printed",
        "outcome_recorded": "when the outcome is recorded",
    }
)


@dataclass(frozen=True)
class ChecklistItem:
    """Something the coordinator must cover; ``id`` is unique in its flow.

    ``when`` (same language as a step's) keeps an item off the list for families
    it does not concern, e.g. explaining insurance to a family without any.
    ``done_by`` (keys of ``DONE_BY_EVENTS``) makes it an action: it ticks when
    any of those events happens, not by being shown.
    """

    id: str
    label: str
    step_id: str = ""
    when: str = ""
    done_by: tuple[str, ...] = ()
    condition: Condition | None = field(default=None, compare=False, repr=False)

    def applies(self, facts: Mapping[str, object]) -> bool:
        return self.condition is None or self.condition.evaluate(facts)

    @property
    def ticks_when(self) -> str:
        """ "when the plan is saved" (or-ed); "" for an item covered by talking."""
        return " or ".join(DONE_BY_EVENTS.get(event, event) for event in self.done_by)


@dataclass(frozen=True)
class ObjectionHint:
    """What to say when the family raises ``objection`` during this step."""

    objection: Objection
    responses: tuple[str, ...]
    answer_step: str = ""  # a step id that answers it (the console can jump there)


@dataclass(frozen=True)
class Step:
    """One screen of the consult. Templates are kept as source text."""

    id: str
    kind: str  # one of STEP_KINDS
    title: str
    text: str = ""
    subtitle: str = ""
    when: str = ""
    minutes: int | None = None
    bullets: tuple[str, ...] = ()
    image: str = ""  # relative to assets/
    image_caption: str = ""
    # kind-specific
    show_logo: bool = True  # welcome
    attribution: str = ""  # concerns
    show_photos: bool = True  # problem
    recommended_label: str = ""  # options
    footnote: str = ""  # investment
    choices: tuple[str, ...] = ()  # next_steps
    agenda: str = ""  # its line on the welcome's agenda; steps that share one are listed once
    dense: str = ""  # why this slide may carry more than about 40 words
    # set by ``Flow.applicable_steps`` when findings need several slides (flows/pages.py):
    # this is slide ``part`` of ``parts``, showing these findings and photos ([start, stop))
    part: int = 1
    parts: int = 1
    finding_range: tuple[int, int] | None = None
    photo_range: tuple[int, int] | None = None
    # coordinator only: never rendered for the family
    talking_points: tuple[str, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    objections: tuple[ObjectionHint, ...] = ()
    condition: Condition | None = field(default=None, compare=False, repr=False)
    line: int | None = field(default=None, compare=False)

    def applies(self, facts: Mapping[str, object]) -> bool:
        """Whether this step is part of the consult for a patient with ``facts``.

        A step whose kind has nothing to show for this patient (see
        ``KIND_NEEDS``) never applies.
        """
        needs = KIND_NEEDS.get(self.kind, ())
        if needs and not any(facts.get(fact, True) for fact in needs):
            return False
        return self.condition is None or self.condition.evaluate(facts)

    def objection(self, code: Objection | str) -> ObjectionHint | None:
        for hint in self.objections:
            if hint.objection == code:
                return hint
        return None


@dataclass(frozen=True)
class Flow:
    id: str
    name: str
    description: str
    audience: str
    steps: tuple[Step, ...]
    format: int = FORMAT_VERSION
    path: Path | None = field(default=None, compare=False)
    # The treatment types this flow centres on (TreatmentType values): when every
    # option of a consult is one of them, the automatic choice picks this flow
    # (services.presentation.flow_choice). Empty: chosen by age only.
    treatments: tuple[str, ...] = ()

    def step(self, step_id: str) -> Step | None:
        for step in self.steps:
            if step.id == step_id:
                return step
        return None

    def applicable_steps(self, facts: Mapping[str, object]) -> tuple[Step, ...]:
        """The steps shown to a patient with ``facts`` (see ``tcdesk.flows.when``),
        each with only the checklist items that concern this patient; a findings
        step that needs several slides is that many steps (``tcdesk.flows.pages``)."""
        return tuple(
            part
            for step in self.steps
            if step.applies(facts)
            for part in split_findings(
                replace(step, checklist=tuple(i for i in step.checklist if i.applies(facts))),
                facts,
            )
        )

    def checklist(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for step in self.steps for item in step.checklist)
