"""Choosing a consult's flow, starting or resuming its session, and test-rendering a flow."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from tcdesk.domain import SavedSession
from tcdesk.flows import ConsultSession, Flow, FlowError, facts_from_context
from tcdesk.flows.lines import LineFinder
from tcdesk.render import Renderer, RenderError
from tcdesk.render.language import Language
from tcdesk.render.sample import sample_contexts

# How the reason names an option's treatment type ("age 12, Phase I options").
TREATMENT_WORDS = MappingProxyType(
    {
        "metal_braces": "braces",
        "clear_braces": "clear braces",
        "clear_aligners": "aligners",
        "phase_one": "Phase I",
        "phase_two": "Phase II",
        "limited": "limited",
        "surgical": "surgical",
        "observation": "observation",
    }
)
AUDIENCE_WORDS = MappingProxyType(
    {"child": "a child", "teen": "a teen", "adult": "an adult", "walk_in": "a walk-in"}
)
MINOR_AUDIENCES = ("child", "teen")


@dataclass(frozen=True)
class FlowChoice:
    """The flow the automatic choice picks and why, in a few words for the TC."""

    flow: Flow
    reason: str  # "age 12, only Phase I / observation options", "age 13: the flow for a teen"


def applicable_flow(
    flows: Mapping[str, Flow], context: Mapping[str, Any], flow_id: str = ""
) -> Flow | None:
    """The flow for this consult: the one saved on it, else the automatic choice."""
    if flow_id and flow_id in flows:
        return flows[flow_id]
    choice = automatic_flow(flows, context)
    return choice.flow if choice else None


def automatic_flow(flows: Mapping[str, Flow], context: Mapping[str, Any]) -> FlowChoice | None:
    """Pick the flow from age and options (README.md in presentation_flows/ says the same).

    1. A walk-in gets a ``walk_in`` flow.
    2. Options: when the consult has options and every one of them is a treatment
       a flow lists in its ``treatments``, that flow, if it is for the patient's
       side of 18 (``child``/``teen`` flows for under 18, ``adult`` for 18 and
       over, ``any`` for all): Phase I or observation only gets the early-
       treatment flow at 12 too, never an adult; aligners only gets an aligner
       flow for that age. Several fit: the one for the age group, then the most
       focused (fewest treatments), then by id.
    3. Age: under 11 ``child``; 18 and over ``adult``; else ``teen`` (a general
       flow, without ``treatments``, before a focused one).
    4. Then a flow with audience ``any``, then the first by id.
    """
    if not flows:
        return None
    facts = facts_from_context(context)
    age = int(facts["age"])
    wanted = wanted_audience(context)
    if wanted == "walk_in":
        found = _first(flows, "walk_in")
        if found:
            return FlowChoice(found, "a walk-in")
        wanted = _age_audience(facts)
    by_options = _by_options(flows, context, wanted, age)
    if by_options:
        return by_options
    for audience in (wanted, "any"):
        found = _first(flows, audience)
        if found:
            words = AUDIENCE_WORDS.get(audience, "everyone")
            return FlowChoice(found, f"age {age}: the flow for {words}")
    return FlowChoice(flows[sorted(flows)[0]], f"age {age}: no flow for {AUDIENCE_WORDS[wanted]}")


def _by_options(
    flows: Mapping[str, Flow], context: Mapping[str, Any], wanted: str, age: int
) -> FlowChoice | None:
    types = [str(o["type"]) for o in context.get("options") or ()]
    if not types:
        return None
    side = MINOR_AUDIENCES if age < 18 else ("adult",)
    fitting = [
        f
        for f in flows.values()
        if f.treatments
        and all(t in f.treatments for t in types)
        and (f.audience in side or f.audience == "any")
    ]
    if not fitting:
        return None
    best = min(fitting, key=lambda f: (f.audience != wanted, len(f.treatments), f.id))
    named = " / ".join(TREATMENT_WORDS.get(t, t) for t in dict.fromkeys(types))
    return FlowChoice(best, f"age {age}, only {named} options")


def _first(flows: Mapping[str, Flow], audience: str) -> Flow | None:
    """The audience's general flow (no ``treatments``) before a focused one, then by id."""
    matches = sorted(
        (f for f in flows.values() if f.audience == audience),
        key=lambda f: (bool(f.treatments), f.id),
    )
    return matches[0] if matches else None


def _age_audience(facts: Mapping[str, Any]) -> str:
    if facts["is_child"]:
        return "child"
    if facts["is_adult"]:
        return "adult"
    return "teen"


def wanted_audience(context: Mapping[str, Any]) -> str:
    """The audience a consult's flow is for by who they are: walk_in, child, adult or teen."""
    facts = facts_from_context(context)
    if facts["walk_in"]:
        return "walk_in"
    return _age_audience(facts)


def start_session(
    flow: Flow, context: Mapping[str, Any], saved: SavedSession | None = None
) -> ConsultSession:
    """A new session for this patient, or the saved one resumed (same flow only)."""
    facts = facts_from_context(context)
    if saved is not None and saved.flow_id == flow.id:
        return ConsultSession.from_saved(flow, facts, saved)
    return ConsultSession.begin(flow, facts)


def check_flow_rendering(
    flow: Flow, renderer: Renderer, language: Language | None = None
) -> list[FlowError]:
    """Render every step against the sample contexts; each failure as a ``FlowError``.

    Catches what static checks cannot: ``{{ featured.title }}`` with no
    option, ``{{ patient.frist_name }}``, a filter given the wrong value.
    With a ``language`` (and its renderer), ``flow`` is that language's and
    the samples are put in it first.
    """
    errors: list[FlowError] = []
    seen: set[tuple[str, str]] = set()
    text = flow.path.read_text(encoding="utf-8") if flow.path and flow.path.is_file() else ""
    finder = LineFinder(text)
    for name, english in sample_contexts(renderer.content).items():
        context = language.localize(english) if language is not None else english
        facts = facts_from_context(context)
        for step in flow.steps:
            if not step.applies(facts):
                continue
            try:
                renderer.render_slide(step, context)
            except RenderError as error:
                if (step.id, error.key) in seen:
                    continue
                seen.add((step.id, error.key))
                index = flow.steps.index(step)
                errors.append(
                    FlowError(
                        flow.path or flow.id,
                        f"fails to render for the sample {name} patient: {error.message}",
                        line=finder.find(index, error.key) or step.line,
                        step=step.id,
                        key=error.key,
                    )
                )
    return errors
