"""How ``tcdesk quote`` shows a quote: a table for people, JSON for scripts.

Money is printed with 2 decimals (strings in JSON, so no float ever holds a
price), dates ISO. A pay-in-full quote has no schedule and no Truth in
Lending box: nothing is financed.
"""

from __future__ import annotations

from decimal import Decimal

from tcdesk.formatting import money_from_dollars, rate_percent
from tcdesk.money import INSURANCE_DISCLAIMER, PlanKind, Quote


def _cents(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _breakdown_json(quote: Quote) -> dict[str, object]:
    return {
        "plan": quote.plan.value,
        "agreement_date": quote.request.agreement_date.isoformat(),
        "total_fee": _cents(quote.total_fee),
        "discounts": [
            {"name": discount.name, "amount": _cents(discount.amount)}
            for discount in quote.discounts
        ],
        "insurance_estimate": _cents(quote.insurance_estimate),
        "patient_portion": _cents(quote.patient_portion),
    }


def quote_to_json(quote: Quote) -> dict[str, object]:
    """The quote as JSON-ready data: money as strings with 2 decimals, dates ISO."""
    if quote.plan is PlanKind.PAY_IN_FULL:
        taken = quote.pay_in_full_discount
        return {
            **_breakdown_json(quote),
            "pay_in_full_discount": (
                {"name": taken.name, "amount": _cents(taken.amount)} if taken else None
            ),
            "amount_due": _cents(quote.total_paid),
        }
    disclosure = quote.truth_in_lending
    return {
        **_breakdown_json(quote),
        "down_payment": _cents(quote.down_payment),
        "amount_financed": _cents(disclosure.amount_financed),
        "finance_charge": _cents(disclosure.finance_charge),
        "apr": _cents(disclosure.apr),
        "total_of_payments": _cents(disclosure.total_of_payments),
        "total_sale_price": _cents(disclosure.total_sale_price),
        "disclosure_required": disclosure.required,
        "payments": [
            {
                "number": payment.number,
                "due": payment.due.isoformat(),
                "amount": _cents(payment.amount),
                "principal": _cents(payment.principal),
                "interest": _cents(payment.interest),
            }
            for payment in quote.payments
        ],
    }


def _grouped_payments(quote: Quote) -> str:
    """``1 x $166.70 + 35 x $166.58``: runs of equal payments, in order."""
    if not quote.payments:
        return "none (paid in full)"
    runs: list[list] = []
    for payment in quote.payments:
        if runs and runs[-1][1] == payment.amount:
            runs[-1][0] += 1
        else:
            runs.append([1, payment.amount])
    return " + ".join(f"{count} x {money_from_dollars(amount)}" for count, amount in runs)


def _breakdown(quote: Quote) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = [("Total fee", money_from_dollars(quote.total_fee))]
    rows += [(f"  {item.name}", money_from_dollars(-item.amount)) for item in quote.discounts]
    if quote.insurance:
        rows.append(("Insurance estimate *", money_from_dollars(-quote.insurance_estimate)))
    rows.append(("Patient portion", money_from_dollars(quote.patient_portion)))
    return rows


def _footer(quote: Quote) -> list[str]:
    return ["", f"* {INSURANCE_DISCLAIMER}"] if quote.insurance else []


def render_pay_in_full(quote: Quote) -> str:
    """The fee, its discounts, and the one amount due at the agreement."""
    rows = _breakdown(quote)
    taken = quote.pay_in_full_discount
    if taken is not None:
        rows.append((f"  {taken.name}", money_from_dollars(-taken.amount)))
    rows.append(
        (
            f"Due in full on {quote.request.agreement_date.isoformat()}",
            money_from_dollars(quote.total_paid),
        )
    )
    lines = _pairs(rows)
    lines += ["", "Paid in full: no payment plan, nothing financed (no Truth in Lending box)."]
    return "\n".join(lines + _footer(quote))


def render_quote(quote: Quote) -> str:
    """Summary figures, then the Truth in Lending box, then the payment schedule."""
    if quote.plan is PlanKind.PAY_IN_FULL:
        return render_pay_in_full(quote)
    disclosure = quote.truth_in_lending
    summary = [
        *_breakdown(quote),
        ("Down payment", money_from_dollars(quote.down_payment)),
        ("Payments", _grouped_payments(quote)),
    ]
    required = "required" if disclosure.required else "not required"
    truth = [
        ("Amount financed", money_from_dollars(disclosure.amount_financed)),
        ("Finance charge", money_from_dollars(disclosure.finance_charge)),
    ]
    if disclosure.forgone_discount > 0:
        truth.append(
            (
                "  includes pay-in-full discount given up",
                money_from_dollars(disclosure.forgone_discount),
            )
        )
    truth += [
        ("Annual percentage rate", rate_percent(disclosure.apr)),
        ("Total of payments", money_from_dollars(disclosure.total_of_payments)),
        ("Total sale price", money_from_dollars(disclosure.total_sale_price)),
    ]
    lines = _pairs(summary + truth)
    lines.insert(len(summary), "")
    lines.insert(len(summary) + 1, f"Truth in Lending disclosure (12 CFR 1026.18): {required}")
    lines += ["", *_schedule(quote)]
    return "\n".join(lines + _footer(quote))


def _pairs(rows: list[tuple[str, str]]) -> list[str]:
    label_width = max(len(label) for label, _ in rows)
    value_width = max(len(value) for _, value in rows)
    return [f"{label:<{label_width}}  {value:>{value_width}}" for label, value in rows]


def _schedule(quote: Quote) -> list[str]:
    headers = ("#", "Due", "Amount", "Principal", "Interest")
    rows = [
        (
            str(payment.number),
            payment.due.isoformat(),
            money_from_dollars(payment.amount),
            money_from_dollars(payment.principal),
            money_from_dollars(payment.interest),
        )
        for payment in quote.payments
    ]
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        number, due, *amounts = cells
        parts = [number.rjust(widths[0]), due.ljust(widths[1])]
        parts += [cell.rjust(width) for cell, width in zip(amounts, widths[2:], strict=True)]
        return "  ".join(parts)

    return [line(headers), *(line(row) for row in rows)]
