"""Money for a consult: fee, discounts, insurance, payment plans, Truth in Lending.

Qt-free and stdlib-only; every amount is a ``Decimal`` rounded to the cent
(half up), every rate a ``Decimal`` percent. Input a person can fix raises
``MoneyInputError`` (a ``UserError``) whose ``field`` names the input.

Public API
----------
Quote
    ``QuoteRequest``, ``PlanKind``, ``build_quote(request) -> Quote``,
    ``Quote``, ``regular_installment``.
Fee breakdown
    ``Adjustment``, ``Discount``, ``DiscountKind``, ``apply_adjustments``,
    ``Pricing``, ``price(request)``, ``pay_in_full_discount``.
Insurance
    ``InsurancePlan``, ``InsuranceEstimate``, ``InsurerPayment``,
    ``InsuranceRole``, ``InsurerFrequency``, ``InsuranceLimit``,
    ``estimate_insurance``, ``insurer_payments``, ``age_on``, ``covered_on``,
    ``INSURANCE_DISCLAIMER``.
Schedule
    ``Payment``, ``RemainderPlacement``, ``build_schedule``, ``split_evenly``,
    ``level_payment``, ``due_dates``, ``add_months``.
Truth in Lending
    ``TruthInLending``, ``truth_in_lending``, ``disclosure_required``,
    ``FORGONE_DISCOUNT_WARNING``, ``solve_apr``, ``disclosed_apr``,
    ``unit_periods``.
Policy and choices
    ``PolicyLimits``, ``PolicyLimit``, ``PolicyViolation``, ``check_policy``,
    ``PaymentChoice``, ``ChoiceKey``, ``payment_choices``.
Input
    ``MoneyInputError``, ``MoneyField``, ``parse_money``, ``parse_percent``,
    ``parse_months``, ``parse_date``, ``money``, ``MAX_MONTHS``.
    (Shown amounts and dates are formatted by ``tcdesk.formatting``.)
Bounds
    ``MAX_AMOUNT``, ``MAX_FIRST_DUE_DAYS``, ``agreement_window``,
    ``check_agreement_date``, ``check_first_due``.
"""

from tcdesk.money.adjustments import Adjustment, Discount, DiscountKind, apply_adjustments
from tcdesk.money.amounts import money
from tcdesk.money.apr import disclosed_apr, solve_apr, unit_periods
from tcdesk.money.bounds import (
    MAX_AMOUNT,
    MAX_FIRST_DUE_DAYS,
    agreement_window,
    check_agreement_date,
    check_first_due,
)
from tcdesk.money.choices import ChoiceKey, PaymentChoice, payment_choices
from tcdesk.money.dates import add_months
from tcdesk.money.errors import MoneyField, MoneyInputError
from tcdesk.money.insurance import (
    INSURANCE_DISCLAIMER,
    InsuranceEstimate,
    InsuranceLimit,
    InsurancePlan,
    InsuranceRole,
    InsurerFrequency,
    InsurerPayment,
    age_on,
    covered_on,
    estimate_insurance,
    insurer_payments,
)
from tcdesk.money.parsing import parse_date, parse_money, parse_months, parse_percent
from tcdesk.money.policy import (
    MAX_APR_PERCENT,
    PolicyLimit,
    PolicyLimits,
    PolicyViolation,
    check_policy,
    check_quote,
)
from tcdesk.money.pricing import Pricing, pay_in_full_discount, price
from tcdesk.money.quote import Quote, build_quote, regular_installment
from tcdesk.money.request import MAX_MONTHS, PlanKind, QuoteRequest
from tcdesk.money.schedule import (
    Payment,
    RemainderPlacement,
    build_schedule,
    due_dates,
    level_payment,
    split_evenly,
)
from tcdesk.money.truth_in_lending import (
    FORGONE_DISCOUNT_WARNING,
    TruthInLending,
    disclosure_required,
    truth_in_lending,
)

__all__ = [
    "FORGONE_DISCOUNT_WARNING",
    "INSURANCE_DISCLAIMER",
    "MAX_AMOUNT",
    "MAX_APR_PERCENT",
    "MAX_FIRST_DUE_DAYS",
    "MAX_MONTHS",
    "Adjustment",
    "ChoiceKey",
    "Discount",
    "DiscountKind",
    "InsuranceEstimate",
    "InsuranceLimit",
    "InsurancePlan",
    "InsuranceRole",
    "InsurerFrequency",
    "InsurerPayment",
    "MoneyField",
    "MoneyInputError",
    "Payment",
    "PaymentChoice",
    "PlanKind",
    "PolicyLimit",
    "PolicyLimits",
    "PolicyViolation",
    "Pricing",
    "Quote",
    "QuoteRequest",
    "RemainderPlacement",
    "TruthInLending",
    "add_months",
    "age_on",
    "agreement_window",
    "apply_adjustments",
    "build_quote",
    "build_schedule",
    "check_agreement_date",
    "check_first_due",
    "check_policy",
    "check_quote",
    "covered_on",
    "disclosed_apr",
    "disclosure_required",
    "due_dates",
    "estimate_insurance",
    "insurer_payments",
    "level_payment",
    "money",
    "parse_date",
    "parse_money",
    "parse_months",
    "parse_percent",
    "pay_in_full_discount",
    "payment_choices",
    "price",
    "regular_installment",
    "solve_apr",
    "split_evenly",
    "truth_in_lending",
    "unit_periods",
]
