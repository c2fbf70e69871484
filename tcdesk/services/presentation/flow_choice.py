"""Choosing a consult's flow, starting or resuming its session, and test-rendering a flow."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tcdesk.domain import SavedSession
from tcdesk.flows import ConsultSession, Flow, FlowError, facts_from_context
from tcdesk.flows.lines import LineFinder
from tcdesk.render import Renderer, RenderError
from tcdesk.render.sample import sample_contexts


def applicable_flow(
    flows: Mapping[str, Flow], context: Mapping[str, Any], flow_id: str = ""
) -> Flow | None:
    """The flow for this consult: the one saved on it, else by audience, else any.

    Audience: a walk-in gets ``walk_in``; under 11 ``child`` (Phase I);
    18 and over ``adult``; everyone else ``teen``. Then ``any``.
    """
    if flow_id and flow_id in flows:
        return flows[flow_id]
    if not flows:
        return None
    wanted = wanted_audience(context)
    for audience in (wanted, "any"):
        matches = sorted((f for f in flows.values() if f.audience == audience), key=lambda f: f.id)
        if matches:
            return matches[0]
    return flows[sorted(flows)[0]]


def wanted_audience(context: Mapping[str, Any]) -> str:
    """The audience a consult's flow is for: walk_in, child, adult or teen."""
    facts = facts_from_context(context)
    if facts["walk_in"]:
        return "walk_in"
    if facts["is_child"]:
        return "child"
    if facts["is_adult"]:
        return "adult"
    return "teen"


def start_session(
    flow: Flow, context: Mapping[str, Any], saved: SavedSession | None = None
) -> ConsultSession:
    """A new session for this patient, or the saved one resumed (same flow only)."""
    facts = facts_from_context(context)
    if saved is not None and saved.flow_id == flow.id:
        return ConsultSession.from_saved(flow, facts, saved)
    return ConsultSession.begin(flow, facts)


def check_flow_rendering(flow: Flow, renderer: Renderer) -> list[FlowError]:
    """Render every step against the sample contexts; each failure as a ``FlowError``.

    Catches what static checks cannot: ``{{ featured.title }}`` with no
    option, ``{{ patient.frist_name }}``, a filter given the wrong value.
    """
    errors: list[FlowError] = []
    seen: set[tuple[str, str]] = set()
    text = flow.path.read_text(encoding="utf-8") if flow.path and flow.path.is_file() else ""
    finder = LineFinder(text)
    for name, context in sample_contexts(renderer.content).items():
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
