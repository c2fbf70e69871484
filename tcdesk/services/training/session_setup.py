"""Starting a solo session: the persona's flow, cut to the steps this family would see.

A persona names a shipped flow; its steps apply to the family as they would
in a real consult (``Flow.applicable_steps`` with the persona's facts), so an
uninsured family is never marked down for not explaining insurance.
"""

from __future__ import annotations

from dataclasses import replace

from tcdesk.flows import Flow, Step, load_flows
from tcdesk.services.clock import Clock
from tcdesk.services.training.persona_model import Persona
from tcdesk.services.training.practice_money import PracticeMoney
from tcdesk.services.training.session import SoloSession


def persona_facts(persona: Persona, money: PracticeMoney) -> dict[str, bool | int | str]:
    """The ``when`` facts of the persona's consult (see tcdesk.flows.when)."""
    featured = persona.recommended or (persona.options[0] if persona.options else "")
    fee = money.fees.get(featured)
    age = persona.patient_age
    return {
        "insured": persona.insurance is not None and persona.insurance.coverage_pct > 0,
        "age": age,
        "is_child": age < 11,
        "is_minor": age < 18,
        "is_adult": age >= 18,
        "walk_in": persona.walk_in,
        "has_concerns": bool(persona.chief_concern),
        "has_priorities": bool(persona.priorities),
        "has_findings": bool(persona.findings),
        "finding_count": len(persona.findings),
        "has_photos": False,
        "photo_count": 0,
        "has_options": bool(persona.options),
        "has_fee": bool(fee and fee.amount > 0),
        "option_count": len(persona.options),
        "featured_type": featured,
    }


def consult_steps(flow: Flow, facts: dict[str, bool | int | str]) -> tuple[Step, ...]:
    """The flow's steps for these facts, one per step id (a step's several slides merged)."""
    merged: dict[str, Step] = {}
    for step in flow.applicable_steps(facts):
        if step.id in merged:
            earlier = merged[step.id]
            step = replace(earlier, checklist=earlier.checklist + step.checklist)
        merged[step.id] = step
    return tuple(merged.values())


def shipped_flow(flow_id: str) -> Flow:
    from tcdesk.paths import flows_dir

    return load_flows(flows_dir()).flows[flow_id]


def start_session(
    persona: Persona, money: PracticeMoney, clock: Clock, flow: Flow | None = None
) -> SoloSession:
    flow = flow or shipped_flow(persona.flow)
    return SoloSession(persona, consult_steps(flow, persona_facts(persona, money)), money, clock)
