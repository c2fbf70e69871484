"""The flows tcdesk ships: valid, complete, paced, short on screen, and renderable."""

from __future__ import annotations

import re

import pytest

from tcdesk.flows import facts_from_context, load_flows
from tcdesk.paths import flows_dir
from tcdesk.render import Renderer, load_content, sample_contexts
from tcdesk.render.slide import TextBlock
from tcdesk.services.presentation import check_flow_rendering

CORE_KINDS_ORDER = (
    "welcome",
    "concerns",
    "problem",
    "options",
    "timeline",
    "investment",
    "next_steps",
)
CORE_KINDS = set(CORE_KINDS_ORDER)
SHIPPED = {
    "teen_comprehensive": "teen",
    "adult_aligners": "adult",
    "phase_one": "child",
    "walk_in": "walk_in",
}


@pytest.fixture(scope="module")
def flows():
    result = load_flows(flows_dir())
    assert result.errors == []
    return result.flows


@pytest.fixture(scope="module")
def renderer():
    from tcdesk.paths import assets_dir

    return Renderer(load_content(), assets_dir())


def test_the_four_flows_load(flows) -> None:
    assert {fid: f.audience for fid, f in flows.items()} == SHIPPED
    for flow in flows.values():
        assert flow.path is not None and flow.path.name == f"{flow.id}.toml"
        assert flow.description


@pytest.mark.parametrize("flow_id", sorted(SHIPPED))
def test_each_flow_covers_the_consult(flows, flow_id: str) -> None:
    flow = flows[flow_id]
    assert {s.kind for s in flow.steps} >= CORE_KINDS
    order = [s.kind for s in flow.steps if s.kind in CORE_KINDS]
    assert order == sorted(order, key=lambda k: CORE_KINDS_ORDER.index(k))
    for step in flow.steps:
        assert step.talking_points, step.id
        assert step.checklist, step.id
        assert step.minutes, step.id


@pytest.mark.parametrize("flow_id", ["teen_comprehensive", "adult_aligners", "phase_one"])
def test_money_comes_at_minute_15_to_20(flows, flow_id: str) -> None:
    steps = flows[flow_id].applicable_steps(
        {
            "insured": True,
            "age": 13,
            "is_child": False,
            "is_minor": True,
            "is_adult": False,
            "walk_in": False,
            "has_concerns": True,
            "has_priorities": True,
            "has_findings": True,
            "finding_count": 2,
            "has_photos": False,
            "has_options": True,
            "option_count": 3,
            "featured_type": {"adult_aligners": "clear_aligners", "phase_one": "phase_one"}.get(
                flow_id, "metal_braces"
            ),
        }
    )
    before_money = 0
    for step in steps:
        if step.kind == "investment":
            break
        before_money += step.minutes or 0
    total = sum(s.minutes or 0 for s in steps)
    assert 15 <= before_money <= 20, before_money
    assert 25 <= total <= 35, total


def test_custom_steps_where_useful(flows) -> None:
    customs = {fid: [s.id for s in f.steps if s.kind == "custom"] for fid, f in flows.items()}
    assert customs["teen_comprehensive"] == ["caring_for_braces"]
    assert customs["adult_aligners"] == ["living_with_aligners"]
    assert customs["phase_one"] == ["two_phases"]


@pytest.mark.parametrize("flow_id", sorted(SHIPPED))
def test_every_step_renders_for_every_sample_patient(flows, renderer, flow_id: str) -> None:
    assert check_flow_rendering(flows[flow_id], renderer) == []


@pytest.mark.parametrize("flow_id", sorted(SHIPPED))
def test_screens_stay_short(flows, renderer, flow_id: str) -> None:
    """Read from across the room: short titles, a sentence or two of text."""
    for name, context in sample_contexts(renderer.content).items():
        steps = flows[flow_id].applicable_steps(facts_from_context(context))
        for slide in renderer.render_deck(steps, context):
            assert len(slide.title) <= 45, (name, slide.title)
            for block in slide.blocks:
                if isinstance(block, TextBlock):
                    words = re.sub(r"<[^>]+>", " ", block.html).split()
                    assert len(words) <= 30, (name, block.html)


ACTION_WORDS = ("booked", "gave the agreement", "asked for a decision", "which choice works")


def test_shipped_action_items_tick_by_their_action_not_by_their_slide(flows) -> None:
    """ "Booked the start" ticks when the outcome is recorded, not when the last slide shows."""
    actions = {
        (flow_id, item.id): item.done_by
        for flow_id, flow in flows.items()
        for item in flow.checklist()
        if any(word in item.label.casefold() for word in ACTION_WORDS)
    }
    assert len(actions) >= 10
    assert all(actions.values()), [key for key, done_by in actions.items() if not done_by]
    assert actions[("teen_comprehensive", "booked")] == ("outcome_recorded",)
    assert actions[("teen_comprehensive", "take_home")] == ("agreement_generated", "summary_given")
    assert actions[("adult_aligners", "asked_choice")] == ("plan_saved",)
