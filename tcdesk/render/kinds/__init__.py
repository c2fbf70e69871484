"""The blocks each kind of slide adds between its text and its bullets.

One module per family of kinds; ``kind_blocks`` picks the builder. Builders
read the documented context keys only (presentation_flows/README.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from tcdesk.render.kinds.findings import concerns_blocks, problem_blocks
from tcdesk.render.kinds.money import investment_blocks, payment_blocks
from tcdesk.render.kinds.options import options_blocks
from tcdesk.render.kinds.plan import next_steps_blocks, timeline_blocks, welcome_blocks
from tcdesk.render.slide import Block, SlideKind
from tcdesk.render.spec import RenderTools, StepSpec

Builder = Callable[[StepSpec, Mapping[str, Any], RenderTools], list[Block]]

_BUILDERS: Mapping[SlideKind, Builder] = MappingProxyType(
    {
        SlideKind.CONCERNS: concerns_blocks,
        SlideKind.PROBLEM: problem_blocks,
        SlideKind.OPTIONS: options_blocks,
        SlideKind.TIMELINE: timeline_blocks,
        SlideKind.WELCOME: welcome_blocks,
        SlideKind.INVESTMENT: investment_blocks,
        SlideKind.PAYMENT: payment_blocks,
        SlideKind.NEXT_STEPS: next_steps_blocks,
    }
)


def kind_blocks(
    kind: SlideKind, step: StepSpec, context: Mapping[str, Any], tools: RenderTools
) -> list[Block]:
    """The kind-specific blocks of ``step``'s slide (none for a kind without a builder)."""
    builder = _BUILDERS.get(kind)
    return builder(step, context, tools) if builder else []


__all__ = ["kind_blocks"]
