"""``tcdesk quote``: price a fee, lay out a payment plan, show its Truth in Lending figures.

Without ``--db`` only sanity limits apply (fee above zero, 1-120 months,
coverage 0-100%); there is deliberately no fallback to a default database.
With ``--db`` the practice's financial policy also applies: its APR,
pay-in-full discount and rounding are the defaults, and a plan that breaks
one of its limits is refused with the sentence saying which.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from tcdesk.cli import common
from tcdesk.errors import UserError
from tcdesk.money import (
    INSURANCE_DISCLAIMER,
    InsurancePlan,
    MoneyField,
    MoneyInputError,
    PolicyLimits,
    Quote,
    QuoteRequest,
    RemainderPlacement,
    build_quote,
    check_agreement_date,
    check_policy,
    format_money,
    parse_date,
    parse_money,
    parse_months,
    parse_percent,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "quote",
        "Price a fee and lay out a payment plan with its Truth in Lending figures.",
    )
    for action in parser._actions:
        if "--db" in action.option_strings:  # quote never falls back to a default file
            action.help = "also apply this practice file's financial policy (none when omitted)"
    parser.add_argument("--fee", required=True, metavar="AMOUNT", help="total fee, e.g. 5000")
    parser.add_argument("--down", default="0", metavar="AMOUNT", help="down payment (default 0)")
    parser.add_argument("--months", required=True, metavar="N", help="monthly payments, 1-120")
    parser.add_argument("--apr", metavar="PERCENT", help="annual rate (default 0, or the policy's)")
    parser.add_argument(
        "--pif-discount", metavar="PERCENT", help="pay-in-full discount offered (default 0)"
    )
    parser.add_argument("--insurance-pct", metavar="PERCENT", help="insurance coverage percent")
    parser.add_argument("--insurance-max", metavar="AMOUNT", help="lifetime orthodontic maximum")
    parser.add_argument("--insurance-used", metavar="AMOUNT", help="maximum already used")
    parser.add_argument("--start", metavar="YYYY-MM-DD", help="agreement date (default today)")
    parser.add_argument(
        "--first-due", metavar="YYYY-MM-DD", help="first payment (default a month after start)"
    )
    parser.add_argument(
        "--remainder",
        choices=[placement.value for placement in RemainderPlacement],
        help="which payment carries leftover cents (default first, or the policy's)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db = getattr(args, "db", None)
    limits = _load_limits(Path(db)) if db else None
    request = _request(args, limits)
    quote = build_quote(request)
    if limits is not None:
        violations = check_policy(request, limits)
        if violations:
            raise UserError(" ".join(violation.message for violation in violations))
    for warning in quote.warnings:
        print(f"tcdesk: warning: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(quote_to_json(quote), indent=2))
    else:
        print(render_quote(quote))
    return 0


def _load_limits(db_path: Path) -> PolicyLimits:
    from tcdesk.services.policy import load_policy_limits  # only with --db: needs the store

    return load_policy_limits(db_path)


def _request(args: argparse.Namespace, limits: PolicyLimits | None) -> QuoteRequest:
    """Parse the flags in the order they are listed, so the first bad one is reported."""
    fee = parse_money(args.fee, MoneyField.FEE)
    down = parse_money(args.down, MoneyField.DOWN_PAYMENT)
    months = parse_months(args.months, MoneyField.MONTHS)
    changes: dict[str, object] = {}  # explicit flags win over the practice policy
    if args.apr is not None:
        changes["apr_percent"] = parse_percent(args.apr, MoneyField.APR)
    if args.pif_discount is not None:
        changes["pif_discount_percent"] = parse_percent(args.pif_discount, MoneyField.PIF_DISCOUNT)
    if args.remainder is not None:
        changes["remainder"] = RemainderPlacement(args.remainder)
    insurance = _insurance(args)
    start = (
        parse_date(args.start, MoneyField.AGREEMENT_DATE)
        if args.start is not None
        else common.today(args)
    )
    check_agreement_date(start, common.today(args))
    first_due = (
        parse_date(args.first_due, MoneyField.FIRST_DUE) if args.first_due is not None else None
    )
    request = QuoteRequest(
        total_fee=fee,
        agreement_date=start,
        down_payment=down,
        months=months,
        first_due=first_due,
        primary_insurance=insurance,
    )
    if limits is not None:
        request = limits.apply_to(request)
    return replace(request, **changes)


def _insurance(args: argparse.Namespace) -> InsurancePlan | None:
    if args.insurance_pct is None:
        if args.insurance_max is not None or args.insurance_used is not None:
            raise MoneyInputError(
                MoneyField.COVERAGE,
                "Give the insurance coverage (--insurance-pct) with its maximum or amount used.",
            )
        return None
    return InsurancePlan(
        coverage_percent=parse_percent(args.insurance_pct, MoneyField.COVERAGE),
        lifetime_max=(
            parse_money(args.insurance_max, MoneyField.INSURANCE_MAX)
            if args.insurance_max is not None
            else None
        ),
        used=(
            parse_money(args.insurance_used, MoneyField.INSURANCE_USED)
            if args.insurance_used is not None
            else Decimal("0.00")
        ),
    )


def _cents(amount: Decimal) -> str:
    return f"{amount:.2f}"


def quote_to_json(quote: Quote) -> dict[str, object]:
    """The quote as JSON-ready data: money as strings with 2 decimals, dates ISO."""
    disclosure = quote.truth_in_lending
    return {
        "total_fee": _cents(quote.total_fee),
        "discounts": [
            {"name": discount.name, "amount": _cents(discount.amount)}
            for discount in quote.discounts
        ],
        "insurance_estimate": _cents(quote.insurance_estimate),
        "patient_portion": _cents(quote.patient_portion),
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
    return " + ".join(f"{count} x {format_money(amount)}" for count, amount in runs)


def render_quote(quote: Quote) -> str:
    """Summary figures, then the Truth in Lending box, then the payment schedule."""
    disclosure = quote.truth_in_lending
    summary: list[tuple[str, str]] = [("Total fee", format_money(quote.total_fee))]
    summary += [(f"  {item.name}", format_money(-item.amount)) for item in quote.discounts]
    if quote.insurance:
        summary.append(("Insurance estimate *", format_money(-quote.insurance_estimate)))
    summary += [
        ("Patient portion", format_money(quote.patient_portion)),
        ("Down payment", format_money(quote.down_payment)),
        ("Payments", _grouped_payments(quote)),
    ]
    required = "required" if disclosure.required else "not required"
    truth = [
        ("Amount financed", format_money(disclosure.amount_financed)),
        ("Finance charge", format_money(disclosure.finance_charge)),
    ]
    if disclosure.forgone_discount > 0:
        truth.append(
            ("  includes pay-in-full discount given up", format_money(disclosure.forgone_discount))
        )
    truth += [
        ("Annual percentage rate", f"{disclosure.apr:.2f}%"),
        ("Total of payments", format_money(disclosure.total_of_payments)),
        ("Total sale price", format_money(disclosure.total_sale_price)),
    ]
    lines = _pairs(summary + truth)
    lines.insert(len(summary), "")
    lines.insert(len(summary) + 1, f"Truth in Lending disclosure (12 CFR 1026.18): {required}")
    lines += ["", *_schedule(quote)]
    if quote.insurance:
        lines += ["", f"* {INSURANCE_DISCLAIMER}"]
    return "\n".join(lines)


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
            format_money(payment.amount),
            format_money(payment.principal),
            format_money(payment.interest),
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
