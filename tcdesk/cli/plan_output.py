"""How ``tcdesk plan`` shows a consult's options, payment choices and saved plan.

The figures are ``tcdesk quote``'s (``quote_output``): money as strings with
2 decimals in JSON, the same Truth in Lending words in the table. The
choices carry the console's names ("Pay in full", "Standard plan" ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tcdesk.cli.quote_output import quote_to_json, render_quote
from tcdesk.cli.table import format_table
from tcdesk.domain import TreatmentOption
from tcdesk.formatting import money_from_cents, money_from_dollars, rate_percent
from tcdesk.money import PlanKind, Quote
from tcdesk.services.consult_quote import PricedPlan, plan_terms


@dataclass(frozen=True)
class LabelledQuote:
    """One way to pay as the console names it."""

    key: str
    label: str
    quote: Quote


def option_json(option: TreatmentOption, chosen_id: str | None) -> dict[str, Any]:
    return {
        "id": option.id,
        "type": option.treatment_type.value,
        "title": option.title,
        "fee": _cents_text(option.fee_cents),
        "months": option.estimated_months,
        "recommended": option.recommended,
        "chosen": option.id == chosen_id,
    }


def _cents_text(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def way_to_pay_json(key: str, label: str, quote: Quote) -> dict[str, Any]:
    """``quote``'s JSON (``tcdesk quote --json``) with the choice's key, name and monthly."""
    data = quote_to_json(quote)
    installments = quote.plan is PlanKind.INSTALLMENTS
    return {
        "key": key,
        "label": label,
        "months": quote.months,
        "monthly_payment": f"{quote.monthly_payment:.2f}" if installments else None,
        "down_payment": data.get("down_payment"),
        "apr": data.get("apr"),
        "total_paid": f"{quote.total_paid:.2f}",
        # What the family hands over when signing: the down payment, or everything.
        "due_at_signing": f"{quote.down_payment if installments else quote.total_paid:.2f}",
        **data,
    }


def plan_json(priced: PricedPlan, option: TreatmentOption, label: str) -> dict[str, Any]:
    """A saved (or about to be saved) plan: its row, its figures, the exceptions it needs."""
    plan = priced.plan
    return {
        "id": plan.id or None,
        "option_id": option.id,
        "option": option.title,
        "first_due": plan.first_due.isoformat() if plan.first_due else None,
        "over_limit_reason": plan.over_limit_reason,
        "policy_exceptions": [v.message for v in priced.violations],
        "created_at": plan.created_at or None,
        **way_to_pay_json(plan.choice_key, label, priced.quote),
    }


def render_options(options: list[TreatmentOption], chosen_id: str | None) -> str:
    if not options:
        return "No treatment options yet: add them with 'tcdesk record option add'."
    rows = [
        [
            ("★ " if o.recommended else "") + o.title + (" (chosen)" if o.id == chosen_id else ""),
            o.treatment_type.value,
            money_from_cents(o.fee_cents),
            f"{o.estimated_months} months",
            o.id,
        ]
        for o in options
    ]
    return format_table(["Option", "Fee line", "Fee", "Treatment", "ID"], rows)


def render_choices(title: str, ways: list[LabelledQuote]) -> str:
    """The console's payment choices of one option, side by side as rows."""
    if not ways:
        return f"{title}: nothing to pay, so there are no payment choices."
    first = ways[0].quote
    lines = [f"Payment choices for {title}"]
    lines.append(f"  Fee {money_from_dollars(first.total_fee)}")
    for item in first.discounts:
        lines.append(f"  {item.name} {money_from_dollars(-item.amount)}")
    if first.insurance:
        lines.append(f"  Insurance estimate * {money_from_dollars(-first.insurance_estimate)}")
    lines.append(f"  Patient portion {money_from_dollars(first.patient_portion)}")
    rows = []
    for way in ways:
        quote = way.quote
        til = quote.truth_in_lending
        monthly = quote.plan is PlanKind.INSTALLMENTS
        rows.append(
            [
                way.label,
                way.key,
                money_from_dollars(quote.down_payment) if monthly else "—",
                str(quote.months) if monthly else "—",
                money_from_dollars(quote.monthly_payment) if monthly else "—",
                rate_percent(til.apr) if monthly else "—",
                money_from_dollars(til.finance_charge) if monthly else "—",
                money_from_dollars(til.amount_financed) if monthly else "—",
                money_from_dollars(til.total_of_payments) if monthly else "—",
                money_from_dollars(quote.total_paid),
            ]
        )
    headers = [
        "Choice",
        "Key",
        "Down",
        "Months",
        "Monthly",
        "APR",
        "Finance charge",
        "Amount financed",
        "Total of payments",
        "Total paid",
    ]
    lines += ["", format_table(headers, rows)]
    if first.insurance:
        from tcdesk.money import INSURANCE_DISCLAIMER

        lines += ["", f"* {INSURANCE_DISCLAIMER}"]
    return "\n".join(lines)


def render_saved(priced: PricedPlan | None, option: TreatmentOption | None, label: str) -> str:
    if priced is None or option is None:
        return "Plan saved now: none yet ('tcdesk plan choose' records the family's choice)."
    text = plan_terms(priced).text
    reason = priced.plan.over_limit_reason
    extra = f" (outside policy: {reason})" if reason else ""
    return f"Plan saved now: {label} for {option.title}: {text}{extra}"


def render_chosen(priced: PricedPlan, option: TreatmentOption, label: str) -> str:
    """What ``plan choose`` prints: what was saved, then the quote as ``tcdesk quote`` shows it."""
    head = f"Saved: {label} for {option.title} (plan {priced.plan.id})"
    lines = [head, "", render_quote(priced.quote)]
    if priced.violations:
        lines += ["", f"Outside the practice's policy, because: {priced.plan.over_limit_reason}"]
        lines += [f"  {v.message}" for v in priced.violations]
    return "\n".join(lines)
