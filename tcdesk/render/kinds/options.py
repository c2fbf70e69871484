"""The treatment options side by side, the recommended one marked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from tcdesk.render.slide import Block, OptionCard, OptionsBlock
from tcdesk.render.spec import RenderTools, StepSpec
from tcdesk.render.templates import slide_money


def options_blocks(step: StepSpec, context: Mapping[str, Any], tools: RenderTools) -> list[Block]:
    """One card per option in the context; nothing when there are none."""
    cards = tuple(_option_card(option, tools) for option in context.get("options") or ())
    if not cards:
        return []
    source = step.recommended_label or tools.content.word("options.recommended_label")
    label = tools.render_text(step, "recommended_label", source, context)
    chosen = tools.content.word("options.chosen_label")
    return [OptionsBlock(cards, recommended_label=label, chosen_label=chosen)]


def _option_card(option: Mapping[str, Any], tools: RenderTools) -> OptionCard:
    words = tools.content.word
    months = int(option.get("months") or 0)
    weeks = int(option.get("visit_weeks") or 0)
    fee = option.get("fee")
    monthly = option.get("monthly_from")
    kind = str(option.get("type") or "")
    return OptionCard(
        title=str(option["title"]),
        icon=tools.asset(option.get("icon") or f"illustrations/options/{kind}.svg"),
        lines=tuple(str(line) for line in option.get("lines") or ()),
        months=words("options.months", months=months) if months else "",
        visits=_visits(words, weeks),
        fee=slide_money(fee, locale=tools.locale) if fee else words("options.no_fee"),
        monthly=words("options.monthly_from", amount=slide_money(monthly, locale=tools.locale))
        if monthly
        else "",
        recommended=bool(option.get("recommended")),
        chosen=bool(option.get("chosen")),
    )


def _visits(words: Callable[..., str], weeks: int) -> str:
    """Visits every few weeks; long intervals (watch and wait) read better in months."""
    if not weeks:
        return ""
    if weeks >= 13:
        return words("options.checkups", months=round(weeks * 7 / 30.44))
    return words("options.visits", weeks=weeks)
