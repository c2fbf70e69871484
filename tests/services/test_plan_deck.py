"""Which privately rendered slide previews a plan on the console."""

from __future__ import annotations

from types import SimpleNamespace

from tcdesk.services.plan_deck import PlanDeck, preview_slide


def _deck(kinds: list[str]) -> tuple[PlanDeck, list]:
    steps = [SimpleNamespace(kind=kind) for kind in kinds]
    slides = {i: object() for i, kind in enumerate(kinds) if kind != "welcome"}
    return PlanDeck(plan=None, context={}, slides=slides), steps  # type: ignore[arg-type]


def test_the_ways_to_pay_preview_first_wherever_the_consult_is() -> None:
    deck, steps = _deck(["welcome", "investment", "payment", "options"])
    assert preview_slide(deck, steps, current=1) is deck.slides[2]


def test_without_ways_to_pay_the_figures_on_screen_preview() -> None:
    deck, steps = _deck(["investment", "options", "investment"])
    assert preview_slide(deck, steps, current=2) is deck.slides[2]
    assert preview_slide(deck, steps, current=1) is deck.slides[0]  # else the first figures


def test_without_figures_the_slide_on_screen_else_any() -> None:
    deck, steps = _deck(["welcome", "options", "next_steps"])
    assert preview_slide(deck, steps, current=2) is deck.slides[2]
    assert preview_slide(deck, steps, current=-1) is deck.slides[1]
    assert preview_slide(PlanDeck(None, {}, {}), steps, current=-1) is None  # type: ignore[arg-type]
