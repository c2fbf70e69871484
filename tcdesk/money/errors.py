"""The one error the money layer raises for input a person can fix.

It names the field so a UI can put the message next to the right box; the
CLI just prints it (it is a ``UserError``).
"""

from __future__ import annotations

from enum import StrEnum

from tcdesk.errors import UserError


class MoneyField(StrEnum):
    """The inputs a quote is built from; a ``MoneyInputError`` names one of them."""

    FEE = "fee"
    DISCOUNT = "discount"
    PIF_DISCOUNT = "pif_discount"
    DOWN_PAYMENT = "down_payment"
    MONTHS = "months"
    TREATMENT_MONTHS = "treatment_months"
    AGREEMENT_DATE = "agreement_date"
    FIRST_DUE = "first_due"
    TREATMENT_START = "treatment_start"
    APR = "apr"
    PLAN = "plan"
    BIRTH_DATE = "birth_date"
    COVERAGE = "coverage"
    INSURANCE_MAX = "insurance_max"
    INSURANCE_USED = "insurance_used"
    INSURANCE_INITIAL = "insurance_initial"
    SECONDARY_COVERAGE = "secondary_coverage"
    SECONDARY_INSURANCE_MAX = "secondary_insurance_max"
    SECONDARY_INSURANCE_USED = "secondary_insurance_used"
    SECONDARY_INSURANCE_INITIAL = "secondary_insurance_initial"
    AGE_LIMIT = "age_limit"


FIELD_LABELS: dict[str, str] = {
    MoneyField.FEE: "Fee",
    MoneyField.DISCOUNT: "Discount",
    MoneyField.PIF_DISCOUNT: "Pay-in-full discount",
    MoneyField.DOWN_PAYMENT: "Down payment",
    MoneyField.MONTHS: "Number of months",
    MoneyField.TREATMENT_MONTHS: "Treatment months",
    MoneyField.AGREEMENT_DATE: "Agreement date",
    MoneyField.FIRST_DUE: "First due date",
    MoneyField.TREATMENT_START: "Treatment start date",
    MoneyField.APR: "APR",
    MoneyField.BIRTH_DATE: "Date of birth",
    MoneyField.COVERAGE: "Insurance coverage",
    MoneyField.INSURANCE_MAX: "Insurance lifetime maximum",
    MoneyField.INSURANCE_USED: "Insurance already used",
    MoneyField.INSURANCE_INITIAL: "Insurance initial payment",
    MoneyField.SECONDARY_COVERAGE: "Secondary insurance coverage",
    MoneyField.SECONDARY_INSURANCE_MAX: "Secondary insurance lifetime maximum",
    MoneyField.SECONDARY_INSURANCE_USED: "Secondary insurance already used",
    MoneyField.SECONDARY_INSURANCE_INITIAL: "Secondary insurance initial payment",
    MoneyField.AGE_LIMIT: "Insurance age limit",
}


def field_label(field: str) -> str:
    """The words a person sees for ``field`` (unknown fields get a readable fallback)."""
    return FIELD_LABELS.get(field) or field.replace("_", " ").capitalize()


def the_label(field: str) -> str:
    """``field`` as a sentence starts it: "The fee", "The down payment", "The APR"."""
    label = field_label(field)
    return "The " + (label if label[:2].isupper() else label[:1].lower() + label[1:])


class MoneyInputError(UserError):
    """A money input a person can fix; ``field`` says which input, ``str()`` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = str(field)

    def __reduce__(self) -> tuple[type[MoneyInputError], tuple[str, str]]:
        # Exceptions pickle as cls(*args); keep ``field`` across process boundaries.
        return (type(self), (self.field, str(self)))
