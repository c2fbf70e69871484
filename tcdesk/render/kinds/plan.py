"""What comes: the agenda (welcome), the phases (timeline) and the next step (next steps)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tcdesk.render.slide import Block, BulletsBlock, Phase, StepsBlock, TimelineBlock
from tcdesk.render.spec import RenderTools, StepSpec


def welcome_blocks(step: StepSpec, context: Mapping[str, Any], tools: RenderTools) -> list[Block]:
    """The deck's agenda, unless the step brings bullets of its own."""
    agenda = tuple(str(a) for a in context.get("agenda") or ())
    return [BulletsBlock(agenda)] if agenda and not step.bullets else []


def timeline_blocks(step: StepSpec, context: Mapping[str, Any], tools: RenderTools) -> list[Block]:
    """The treatment's phases on one time line; nothing without phases."""
    timeline = context.get("timeline") or {}
    phases = tuple(
        Phase(
            name=str(phase["name"]),
            icon=tools.asset(phase.get("icon") or f"illustrations/phases/{phase['key']}.svg"),
            start_month=int(phase["start_month"]),
            end_month=int(phase["end_month"]),
            detail=str(phase.get("detail") or ""),
            date_label=str(phase.get("date_label") or ""),
        )
        for phase in timeline.get("phases") or ()
    )
    if not phases:
        return []
    return [
        TimelineBlock(
            phases=phases,
            total_months=int(timeline.get("months") or 0),
            start_label=str(timeline.get("start_label") or ""),
            total_label=_months(tools, int(timeline.get("months") or 0)),
            start_word=tools.content.word("timeline.start.name"),
        )
    ]


def _months(tools: RenderTools, months: int) -> str:
    """ "24 months" under the time line's end."""
    key = "timeline.month" if months == 1 else "timeline.months"
    return tools.content.word(key, months=months)


def next_steps_blocks(
    step: StepSpec, context: Mapping[str, Any], tools: RenderTools
) -> list[Block]:
    """The step's own choices, or the practice's three standard ones."""
    if step.choices:
        items = tuple(
            text
            for i, source in enumerate(step.choices)
            if (text := tools.render_text(step, f"choices[{i}]", source, context))
        )
    else:
        words = tools.content.word
        coordinator = str((context.get("coordinator") or {}).get("name") or "")
        items = (
            words("next_steps.start_today"),
            words("next_steps.schedule"),
            words(
                "next_steps.think", coordinator=coordinator or words("next_steps.no_coordinator")
            ),
        )
    return [StepsBlock(items)] if items else []
