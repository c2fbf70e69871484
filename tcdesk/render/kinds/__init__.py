"""The blocks each kind of slide adds between its text and its bullets.

One module per family of kinds; ``kind_blocks`` picks the builder. Builders
read the documented context keys only (presentation_flows/README.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tcdesk.render.kinds.findings import concerns_blocks, problem_blocks
from tcdesk.render.kinds.money import investment_blocks, payment_blocks
from tcdesk.render.kinds.options import options_blocks
from tcdesk.render.kinds.plan import next_steps_blocks, timeline_blocks, welcome_blocks
from tcdesk.render.slide import Block, SlideKind
from tcdesk.render.spec import RenderTools, StepSpec


def kind_blocks(
    kind: SlideKind, step: StepSpec, context: Mapping[str, Any], tools: RenderTools
) -> list[Block]:
    """The kind-specific blocks of ``step``'s slide."""
    match kind:
        case SlideKind.CONCERNS:
            return concerns_blocks(step, context, tools)
        case SlideKind.PROBLEM:
            return problem_blocks(step, context, tools)
        case SlideKind.OPTIONS:
            return options_blocks(step, context, tools)
        case SlideKind.TIMELINE:
            return timeline_blocks(context, tools)
        case SlideKind.WELCOME:
            return welcome_blocks(step, context)
        case SlideKind.INVESTMENT:
            return investment_blocks(step, context, tools)
        case SlideKind.PAYMENT:
            return payment_blocks(step, context, tools)
        case SlideKind.NEXT_STEPS:
            return next_steps_blocks(step, context, tools)
        case _:
            return []


__all__ = ["kind_blocks"]
