"""The fee and what the family pays (investment), and the ways to pay (payment)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tcdesk.formatting import rate_number
from tcdesk.render.slide import Block, ChoicesBlock, Figure, FiguresBlock, PaymentChoiceCard
from tcdesk.render.spec import RenderTools, StepSpec
from tcdesk.render.templates import slide_money


def investment_blocks(
    step: StepSpec, context: Mapping[str, Any], tools: RenderTools
) -> list[Block]:
    """Fee, discount, insurance and the family's portion; nothing without a fee."""
    words = tools.content.word
    investment = context.get("investment") or {}
    fee = investment.get("fee")
    if fee is None:
        return []
    figures = [Figure(words("investment.fee"), slide_money(fee, locale=tools.locale))]
    discount = investment.get("discount") or Decimal(0)
    if discount:
        figures.append(
            Figure(words("investment.discount"), "-" + slide_money(discount, locale=tools.locale))
        )
    insured = bool(context.get("insured"))
    if step.footnote:
        footnote = tools.render_text(step, "footnote", step.footnote, context)
    else:
        footnote = words("investment.footnote") if insured else ""
    if insured:
        figures.append(
            Figure(
                words("investment.insurance"),
                "-"
                + slide_money(
                    investment.get("insurance_estimate") or Decimal(0), locale=tools.locale
                ),
                # Said once: under the figure only when no footnote says it.
                caption="" if footnote else words("investment.insurance_note"),
            )
        )
    figures.append(
        Figure(
            words("investment.portion"),
            slide_money(investment.get("patient_portion", fee), locale=tools.locale),
            emphasis=True,
        )
    )
    return [FiguresBlock(tuple(figures), footnote=footnote)]


def payment_blocks(step: StepSpec, context: Mapping[str, Any], tools: RenderTools) -> list[Block]:
    """The ways to pay, side by side: a slide of its own, after the fee."""
    investment = context.get("investment") or {}
    cards = tuple(_choice_card(choice, tools) for choice in investment.get("choices") or ())
    if not cards:
        return []
    footnote = tools.render_text(step, "footnote", step.footnote, context) if step.footnote else ""
    label = tools.content.word("investment.chosen_label")
    return [ChoicesBlock(cards, footnote=footnote, chosen_label=label)]


def _choice_card(choice: Mapping[str, Any], tools: RenderTools) -> PaymentChoiceCard:
    words = tools.content.word
    months = int(choice.get("months") or 0)
    total = slide_money(choice["total"], locale=tools.locale)
    lines: list[str] = []
    if months:
        headline = words(
            "investment.choice_monthly", monthly=slide_money(choice["monthly"], locale=tools.locale)
        )
        if choice.get("down"):
            lines.append(
                words(
                    "investment.choice_down", down=slide_money(choice["down"], locale=tools.locale)
                )
            )
        lines.append(words("investment.choice_months", months=months))
    else:
        headline = words("investment.choice_in_full", total=total)
    savings = choice.get("savings")
    if savings:
        lines.append(
            words("investment.choice_saves", amount=slide_money(savings, locale=tools.locale))
        )
    if months:
        lines.append(words("investment.choice_total", total=total))
    charge = choice.get("finance_charge") or Decimal(0)
    if months and charge > 0:
        lines.append(
            words(
                "investment.choice_apr",
                apr=rate_number(Decimal(choice["apr"]), locale=tools.locale),
            )
        )
        lines.append(
            words("investment.choice_finance", charge=slide_money(charge, locale=tools.locale))
        )
    return PaymentChoiceCard(
        key=str(choice["key"]),
        label=str(choice["label"]),
        headline=headline,
        lines=tuple(lines),
        selected=bool(choice.get("selected")),
    )
