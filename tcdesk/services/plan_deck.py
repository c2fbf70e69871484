"""A payment plan rendered privately: which slides depend on it, and which one previews it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tcdesk.domain import PaymentPlan
from tcdesk.flows.model import Step
from tcdesk.render import Renderer
from tcdesk.render.slide import Slide, SlideKind

# Slides whose content depends on the payment plan being discussed.
PLAN_DEPENDENT = frozenset(
    {SlideKind.INVESTMENT, SlideKind.PAYMENT, SlideKind.OPTIONS, SlideKind.NEXT_STEPS}
)
# Of those, the slides that show the plan's own figures (the fee, down payment,
# months, monthly): the only ones that change while one option's figures are adjusted.
FIGURE_DEPENDENT = frozenset({SlideKind.INVESTMENT, SlideKind.PAYMENT})


@dataclass(frozen=True)
class PlanDeck:
    """A plan rendered privately: the slides that depend on it, as they would look.

    ``slides`` maps a step's index to its slide; nothing here is on the display
    until ``ConsultRoom.show_plan`` puts it there.
    """

    plan: PaymentPlan
    context: dict[str, Any]
    slides: dict[int, Slide]
    # the same slides in each language rendered (code -> index -> slide); ``slides``
    # holds each step's in its own language
    by_language: dict[str, dict[int, Slide]] = field(default_factory=dict)


def render_kinds(
    renderer: Renderer,
    steps: Sequence[Step],
    kinds: frozenset[SlideKind],
    context: dict[str, Any],
) -> dict[int, Slide]:
    """The slides of ``kinds`` rendered from ``context``, by step index."""
    return {
        i: renderer.render_slide(step, context)
        for i, step in enumerate(steps)
        if SlideKind(step.kind) in kinds
    }


def preview_slide(deck: PlanDeck, steps: Sequence[Step], current: int) -> Slide | None:
    """The one slide that previews ``deck`` on the console: the ways to pay (where
    a down payment or months show), else the slide on screen (``current``, -1 for
    none) when it shows the plan's figures, else the first that does, else any."""
    kinds = {i: SlideKind(steps[i].kind) for i in deck.slides}
    payment = [i for i, kind in kinds.items() if kind is SlideKind.PAYMENT]
    if payment:
        return deck.slides[payment[0]]
    figures = [i for i, kind in kinds.items() if kind in FIGURE_DEPENDENT]
    if current in figures:
        return deck.slides[current]
    if figures:
        return deck.slides[figures[0]]
    if current in deck.slides:
        return deck.slides[current]
    return next(iter(deck.slides.values()), None)
