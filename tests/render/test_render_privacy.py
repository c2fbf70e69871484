"""Privacy by construction: nothing coordinator-only can reach the patient display."""

from __future__ import annotations

import dataclasses
import re
import typing
from decimal import Decimal

import pytest

from tcdesk.domain import Objection
from tcdesk.flows import ChecklistItem, ObjectionHint, Step, load_flows
from tcdesk.paths import flows_dir
from tcdesk.render import Renderer, load_content, sample_context
from tcdesk.render import slide as slide_module

MARKER = "PRIVATE-7f3a"
# "notes" (plural, a coordinator's notes), not Figure.note / footnote (words on the slide).
FORBIDDEN_FIELD = re.compile(
    r"(^|_)notes($|_)|draft|talking|checklist|objection|discount_limit|courtesy|limit|policy"
    r"|private|internal|coordinator_only|tc_only",
    re.IGNORECASE,
)


def leaky_context() -> dict:
    """A context polluted with coordinator-only data, as a buggy caller might pass it."""
    context = sample_context(load_content())
    context["notes"] = [f"{MARKER} dad is worried about money"]
    context["talking_points"] = [MARKER]
    context["checklist"] = [{"id": "x", "label": MARKER}]
    context["objections"] = [{"objection": "cost", "detail": MARKER}]
    context["policy"] = {"max_courtesy_pct": Decimal("10"), "note": MARKER}
    context["discount_limit"] = MARKER
    context["draft_note"] = MARKER
    for finding in context["findings"]:
        finding["note"] = f"{MARKER} UR3 blocked out"
    for option in context["options"]:
        option["internal_note"] = MARKER
    context["investment"]["max_courtesy_pct"] = MARKER
    context["patient"]["notes"] = MARKER
    context["coordinator"]["notes"] = MARKER
    return context


def leaky_step(kind: str) -> Step:
    return Step(
        id=f"{kind}_step",
        kind=kind,
        title="A title",
        text="Some text",
        talking_points=(f"Say {MARKER}",),
        checklist=(ChecklistItem("covered", f"Covered {MARKER}", f"{kind}_step"),),
        objections=(ObjectionHint(Objection.COST, (f"Respond {MARKER}",), ""),),
    )


@pytest.mark.parametrize(
    "kind",
    ["welcome", "concerns", "problem", "options", "timeline", "investment", "next_steps", "custom"],
)
def test_no_private_data_on_any_kind_of_slide(kind: str) -> None:
    renderer = Renderer.default()
    slide = renderer.render_slide(leaky_step(kind), leaky_context())
    assert slide.blocks or kind in ("welcome", "custom")
    assert not any(MARKER in text for text in slide.texts())
    assert MARKER not in repr(slide)


def test_no_private_data_on_shipped_flows() -> None:
    renderer = Renderer.default()
    context = leaky_context()
    for flow in load_flows(flows_dir()).flows.values():
        for slide in renderer.render_deck(flow.steps, context):
            assert MARKER not in repr(slide), (flow.id, slide.title)
    assert MARKER not in repr(renderer.practice_welcome(context))


def _slide_dataclasses() -> list[type]:
    found: list[type] = []
    pending: list[type] = [slide_module.Slide]
    while pending:
        cls = pending.pop()
        if cls in found:
            continue
        found.append(cls)
        hints = typing.get_type_hints(cls, vars(slide_module))
        for hint in hints.values():
            for arg in _flatten(hint):
                if dataclasses.is_dataclass(arg):
                    pending.append(arg)
    return found


def _flatten(hint: object) -> list[object]:
    args = typing.get_args(hint)
    if not args:
        return [hint]
    return [leaf for arg in args for leaf in _flatten(arg)]


def test_slide_model_has_no_field_for_private_data() -> None:
    classes = _slide_dataclasses()
    # Every block type is reachable from Slide.
    for block in typing.get_args(slide_module.Block):
        assert block in classes
    offending = [
        f"{cls.__name__}.{field.name}"
        for cls in classes
        for field in dataclasses.fields(cls)
        if FORBIDDEN_FIELD.search(field.name)
    ]
    assert offending == []
    assert len(classes) >= 15


def test_slide_fields_hold_only_display_values() -> None:
    """Strings, numbers, bools, enums and other slide dataclasses: no domain objects."""
    allowed = {str, int, bool, slide_module.SlideKind, tuple}
    for cls in _slide_dataclasses():
        for name, hint in typing.get_type_hints(cls, vars(slide_module)).items():
            for leaf in _flatten(hint):
                origin = typing.get_origin(leaf) or leaf
                assert origin in allowed or dataclasses.is_dataclass(leaf) or leaf is Ellipsis, (
                    f"{cls.__name__}.{name}: {leaf!r}"
                )
