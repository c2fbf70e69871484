"""The financial policy: every rule the money layer quotes under, checked as typed.

A change applies to new quotes only: each saved plan keeps the snapshot of the
policy it was quoted under (``PaymentPlan.policy``), so its figures, its
agreement and its summary stay as the family saw them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from tcdesk.domain import FinancialPolicy, RemainderPlacement
from tcdesk.money import MAX_APR_PERCENT, MAX_MONTHS, MoneyInputError
from tcdesk.services.desk import Desk
from tcdesk.services.policy import limits_from_policy
from tcdesk.services.settings import changes
from tcdesk.services.settings.practice_details import current_practice
from tcdesk.services.sign_in import require_admin
from tcdesk.services.validation import FieldError, Problems, money_cents, percent, whole_number


@dataclass(frozen=True)
class PolicyField:
    """One rule as a form and the command line show it."""

    key: str  # the form's and the command line's name (``--late-fee``)
    attr: str  # the FinancialPolicy field
    label: str
    kind: str  # percent | money | months | days | yes_no | remainder
    help: str = ""
    most: int = 100

    @property
    def noun(self) -> str:
        """``The late fee``: the label as the subject of an error sentence."""
        words = self.label.split(" (")[0]
        first = words.split()[0]
        return "The " + (words if first.isupper() else words[0].lower() + words[1:])


POLICY_FIELDS: tuple[PolicyField, ...] = (
    PolicyField(
        "min_down_pct",
        "min_down_pct",
        "Minimum down payment (%)",
        "percent",
        "Of the patient portion; the larger of this and the amount below applies.",
    ),
    PolicyField("min_down", "min_down_cents", "Minimum down payment ($)", "money"),
    PolicyField(
        "low_down",
        "low_down_cents",
        "Low down payment option ($)",
        "money",
        "A plan may start as low as this; 0 = no low down payment option.",
    ),
    PolicyField("max_months", "max_months", "Longest standard plan (months)", "months"),
    PolicyField(
        "extended_max_months",
        "extended_max_months",
        "Longest extended plan (months)",
        "months",
        "At the extended APR; the same as the standard plan = none.",
    ),
    PolicyField("apr_pct", "apr_pct", "APR (%)", "percent", "", int(MAX_APR_PERCENT)),
    PolicyField(
        "extended_apr_pct",
        "extended_apr_pct",
        "Extended plan APR (%)",
        "percent",
        "",
        int(MAX_APR_PERCENT),
    ),
    PolicyField("pif_discount_pct", "pif_discount_pct", "Pay-in-full discount (%)", "percent"),
    PolicyField("family_discount_pct", "family_discount_pct", "Family discount (%)", "percent"),
    PolicyField(
        "pif_combines_with_discounts",
        "pif_combines_with_discounts",
        "Pay-in-full discount stacks on other discounts",
        "yes_no",
    ),
    PolicyField(
        "forgone_pif_is_finance_charge",
        "forgone_pif_is_finance_charge",
        "A pay-in-full discount given up counts as a finance charge",
        "yes_no",
        "Truth in Lending: leave this on unless your counsel says otherwise.",
    ),
    PolicyField(
        "max_courtesy_pct",
        "max_courtesy_pct",
        "Largest courtesy discount (%)",
        "percent",
        "Internal: never shown to a family.",
    ),
    PolicyField("late_fee", "late_fee_cents", "Late fee ($)", "money"),
    PolicyField("late_after_days", "late_after_days", "Late after (days)", "days", "", 60),
    PolicyField(
        "returned_payment_fee", "returned_payment_fee_cents", "Returned payment fee ($)", "money"
    ),
    PolicyField(
        "extra_month_fee",
        "extra_month_fee_cents",
        "Extra month of treatment ($)",
        "money",
        "Charged for each month treatment runs long because appliances are not worn or "
        "visits are missed (the agreement's terms); 0 = none.",
    ),
    PolicyField(
        "default_after_days",
        "default_after_days",
        "In default after (days past due)",
        "days",
        "The agreement's terms: then the whole balance may be asked for at once.",
        365,
    ),
    PolicyField(
        "records_transfer_fee",
        "records_transfer_fee_cents",
        "Records transfer fee ($)",
        "money",
        "Copies of records for another orthodontist (the agreement's terms); 0 = free.",
    ),
    PolicyField(
        "estimate_valid_days",
        "estimate_valid_days",
        "Estimates are good for (days)",
        "days",
        "",
        1095,
    ),
    PolicyField(
        "remainder",
        "remainder",
        "Leftover cents go on the",
        "remainder",
        '"first" or "last" payment.',
    ),
)
BY_KEY = {f.key: f for f in POLICY_FIELDS}
_YES = {"yes", "y", "true", "1", "on"}
_NO = {"no", "n", "false", "0", "off"}


def dollars_text(cents: int) -> str:
    """Cents as the dollars a person types back: ``3500`` -> ``35.00``."""
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


def current_policy(desk: Desk) -> FinancialPolicy:
    return desk.practices.policy(current_practice(desk).id)


def form_value(policy: FinancialPolicy, field: PolicyField) -> str:
    """The rule as text a form or ``policy show`` shows (dollars, not cents)."""
    value = getattr(policy, field.attr)
    if field.kind == "money":
        return dollars_text(value)
    if field.kind == "yes_no":
        return "yes" if value else "no"
    if field.kind == "remainder":
        return value.value
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def _parse(field: PolicyField, text: str) -> Any:
    if field.kind == "percent":
        return percent(field.key, field.noun, text, most=field.most)
    if field.kind == "money":
        return money_cents(field.key, field.noun, text)
    if field.kind == "months":
        return whole_number(field.key, field.noun, text, least=1, most=MAX_MONTHS)
    if field.kind == "days":
        return whole_number(field.key, field.noun, text, least=1, most=field.most)
    if field.kind == "yes_no":
        word = str(text).strip().lower()
        if word in _YES or word in _NO:
            return word in _YES
        raise FieldError(field.key, f'{field.label}: answer yes or no (not "{text}").')
    try:
        return RemainderPlacement(str(text).strip().lower())
    except ValueError:
        raise FieldError(field.key, 'Leftover cents go on the "first" or "last" payment.') from None


def check_policy_change(old: FinancialPolicy, values: Mapping[str, str]) -> FinancialPolicy:
    """``old`` with ``values`` applied, or every mistake at once (``FieldErrors``)."""
    problems = Problems()
    cleaned: dict[str, Any] = {}
    for key, text in values.items():
        field = BY_KEY.get(key)
        if field is None:
            problems.add(key, f"There is no money rule {key}.")
            continue
        with problems.check():
            cleaned[field.attr] = _parse(field, text)
    problems.raise_if_any()
    new = replace(old, **cleaned)
    _check_together(new, problems)
    problems.raise_if_any()
    try:
        limits_from_policy(new)  # what the money layer itself refuses
    except MoneyInputError as error:
        raise FieldError(_KEY_OF_LIMIT.get(error.field, error.field), str(error)) from None
    return new


def _check_together(policy: FinancialPolicy, problems: Problems) -> None:
    if policy.low_down_cents > policy.min_down_cents:
        problems.add(
            "low_down",
            "The low down payment option cannot be more than the minimum down payment.",
        )
    if policy.extended_max_months < policy.max_months:
        problems.add(
            "extended_max_months",
            f"The longest extended plan cannot be shorter than the standard one "
            f"({policy.max_months} months).",
        )


_KEY_OF_LIMIT = {
    "min_down_percent": "min_down_pct",
    "min_down_amount": "min_down",
    "low_down_amount": "low_down",
    "pif_discount_percent": "pif_discount_pct",
    "family_discount_percent": "family_discount_pct",
    "apr_percent": "apr_pct",
    "extended_apr_percent": "extended_apr_pct",
}


def update_policy(
    desk: Desk, values: Mapping[str, str], *, actor_id: str | None = None
) -> FinancialPolicy:
    """Change the money rules for new quotes; one audit entry lists each rule changed."""
    require_admin(desk, "change the money rules")
    old = current_policy(desk)
    new = check_policy_change(old, values)
    found = changes.differences(old, new, skip=("practice_id",))
    if found:
        with desk.transaction():
            desk.practices.save_policy(new)
            changes.record(desk, "settings_policy", new.practice_id, actor_id, found)
    return new
