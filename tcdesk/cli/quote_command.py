"""``tcdesk quote``: price a fee, lay out a payment plan, show its Truth in Lending figures.

Without ``--db`` only sanity limits apply (a fee above zero up to $1,000,000,
1-120 months, coverage 0-100%, an agreement date near today); there is
deliberately no fallback to a default database. With ``--db`` the practice's
financial policy also applies: its APR, pay-in-full discount and rounding are
the defaults, and a plan that breaks one of its limits is refused with the
sentence saying which. ``--pay-in-full`` quotes paying the whole patient
portion at the agreement, with the pay-in-full discount taken.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from tcdesk.cli import common
from tcdesk.cli.quote_output import quote_to_json, render_quote
from tcdesk.errors import UserError
from tcdesk.money import (
    InsurancePlan,
    MoneyField,
    MoneyInputError,
    PlanKind,
    PolicyLimits,
    QuoteRequest,
    RemainderPlacement,
    build_quote,
    check_agreement_date,
    check_policy,
    parse_date,
    parse_money,
    parse_months,
    parse_percent,
)

# Flags that describe monthly payments: meaningless when the family pays in full.
PLAN_ONLY_FLAGS = (
    ("down", "--down"),
    ("months", "--months"),
    ("apr", "--apr"),
    ("first_due", "--first-due"),
    ("remainder", "--remainder"),
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
    parser.add_argument("--down", metavar="AMOUNT", help="down payment (default 0)")
    parser.add_argument(
        "--months", metavar="N", help="monthly payments, 1-120 (required unless --pay-in-full)"
    )
    parser.add_argument(
        "--pay-in-full",
        action="store_true",
        help="quote paying the whole fee at the agreement, pay-in-full discount taken",
    )
    parser.add_argument("--apr", metavar="PERCENT", help="annual rate (default 0, or the policy's)")
    parser.add_argument(
        "--pif-discount",
        metavar="PERCENT",
        help="pay-in-full discount offered, below 100 (default 0, or the policy's)",
    )
    parser.add_argument("--insurance-pct", metavar="PERCENT", help="insurance coverage percent")
    parser.add_argument("--insurance-max", metavar="AMOUNT", help="lifetime orthodontic maximum")
    parser.add_argument("--insurance-used", metavar="AMOUNT", help="maximum already used")
    parser.add_argument(
        "--treatment-months",
        metavar="N",
        help="estimated treatment months, over which insurance pays (default --months)",
    )
    parser.add_argument(
        "--start",
        metavar="YYYY-MM-DD",
        help="agreement date, within 3 years back to 1 year ahead (default today)",
    )
    parser.add_argument(
        "--first-due",
        metavar="YYYY-MM-DD",
        help="first payment, within 90 days of the agreement (default a month after it)",
    )
    parser.add_argument(
        "--remainder",
        choices=[placement.value for placement in RemainderPlacement],
        help="which payment carries leftover cents at 0%% APR (default first, or the policy's)",
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


def _check_plan_flags(args: argparse.Namespace) -> None:
    """Pay in full takes no plan flags; a plan needs ``--months``. Said before any parsing."""
    if args.pay_in_full:
        given = [flag for name, flag in PLAN_ONLY_FLAGS if getattr(args, name) is not None]
        if given:
            raise UserError(f"--pay-in-full has no payment plan; leave out {', '.join(given)}.")
    elif args.months is None:
        raise UserError("Give --months N for a payment plan, or --pay-in-full.")


def _request(args: argparse.Namespace, limits: PolicyLimits | None) -> QuoteRequest:
    """Parse the flags in the order they are listed, so the first bad one is reported."""
    _check_plan_flags(args)
    fee = parse_money(args.fee, MoneyField.FEE)
    down = parse_money(args.down or "0", MoneyField.DOWN_PAYMENT)
    months = 0 if args.pay_in_full else parse_months(args.months, MoneyField.MONTHS)
    changes: dict[str, object] = {}  # explicit flags win over the practice policy
    if args.apr is not None:
        changes["apr_percent"] = parse_percent(args.apr, MoneyField.APR)
    if args.pif_discount is not None:
        changes["pif_discount_percent"] = parse_percent(args.pif_discount, MoneyField.PIF_DISCOUNT)
    if args.remainder is not None:
        changes["remainder"] = RemainderPlacement(args.remainder)
    insurance = _insurance(args)
    treatment_months = _treatment_months(args, insurance)
    today = common.today(args)
    start = parse_date(args.start, MoneyField.AGREEMENT_DATE) if args.start else today
    check_agreement_date(start, today)
    first_due = parse_date(args.first_due, MoneyField.FIRST_DUE) if args.first_due else None
    request = QuoteRequest(
        total_fee=fee,
        agreement_date=start,
        plan=PlanKind.PAY_IN_FULL if args.pay_in_full else PlanKind.INSTALLMENTS,
        down_payment=down,
        months=months,
        first_due=first_due,
        primary_insurance=insurance,
        treatment_months=treatment_months,
    )
    if limits is not None:
        request = limits.apply_to(request)
    request = replace(request, **changes)
    _check_remainder(args, request)
    return request


def _check_remainder(args: argparse.Namespace, request: QuoteRequest) -> None:
    """With interest the payments are level and the last one carries the odd cents."""
    if args.remainder == RemainderPlacement.FIRST.value and request.apr_percent > 0:
        raise UserError(
            "--remainder first works only at 0% APR: with interest every payment is the level "
            "payment and the last one carries the leftover cents; leave out --remainder."
        )


def _treatment_months(args: argparse.Namespace, insurance: InsurancePlan | None) -> int | None:
    if args.treatment_months is not None:
        return parse_months(args.treatment_months, MoneyField.TREATMENT_MONTHS)
    if args.pay_in_full and insurance is not None:
        raise UserError(
            "With --pay-in-full and insurance, give --treatment-months N: the insurer pays "
            "over the treatment."
        )
    return None


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
