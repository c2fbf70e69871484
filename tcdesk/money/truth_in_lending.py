"""Truth in Lending (Regulation Z, 12 CFR 1026.18) figures for a payment plan.

Disclosures are required when the plan is payable in more than four
installments or carries any finance charge (1026.2(a)(17)); installments here
are the monthly payments, the down payment is not counted as one.

A pay-in-full discount the family gives up by paying over time is a finance
charge (1026.4(b)(9)): the cash price is the pay-in-full price, so the amount
financed shrinks by the discount and the finance charge grows by it. A
practice may turn that off; the figures then carry a ``warning``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tcdesk.money.amounts import ZERO
from tcdesk.money.apr import disclosed_apr
from tcdesk.money.schedule import Payment
from tcdesk.money.wording import dollars_text

MAX_INSTALLMENTS_WITHOUT_DISCLOSURE = 4

FORGONE_DISCOUNT_WARNING = (
    "The pay-in-full discount a family gives up by paying over time is not counted as "
    "a finance charge. Regulation Z (12 CFR 1026.4(b)(9)) treats it as one, so the "
    "disclosed Finance Charge and APR may be understated; confirm with your compliance "
    "adviser before turning this off."
)


@dataclass(frozen=True)
class TruthInLending:
    """The 1026.18 figures; ``apr`` is percent with 2 decimals (e.g. ``Decimal("6.70")``).

    ``finance_charge == interest + forgone_discount`` and
    ``total_of_payments == amount_financed + finance_charge``, to the cent.
    """

    required: bool
    amount_financed: Decimal
    finance_charge: Decimal
    interest: Decimal
    forgone_discount: Decimal
    apr: Decimal
    total_of_payments: Decimal
    down_payment: Decimal
    total_sale_price: Decimal
    installments: int
    warning: str | None = None


def disclosure_required(installments: int, finance_charge: Decimal) -> bool:
    """More than four installments, or any finance charge at all."""
    return installments > MAX_INSTALLMENTS_WITHOUT_DISCLOSURE or finance_charge > 0


def no_credit(paid_at_agreement: Decimal) -> TruthInLending:
    """Pay in full: no credit is extended, nothing to disclose."""
    return TruthInLending(
        required=False,
        amount_financed=ZERO,
        finance_charge=ZERO,
        interest=ZERO,
        forgone_discount=ZERO,
        apr=Decimal("0.00"),
        total_of_payments=ZERO,
        down_payment=paid_at_agreement,
        total_sale_price=paid_at_agreement,
        installments=0,
    )


def truth_in_lending(
    *,
    balance: Decimal,
    down_payment: Decimal,
    payments: Sequence[Payment],
    agreement_date: date,
    pif_discount: Decimal = ZERO,
    pif_discount_is_finance_charge: bool = True,
) -> TruthInLending:
    """Figures for ``payments`` repaying ``balance`` (patient portion minus down payment).

    ``pif_discount`` is the pay-in-full discount the practice offers on this
    patient portion (0 when none); it is the discount given up.
    """
    total_of_payments = sum((payment.amount for payment in payments), ZERO)
    interest = sum((payment.interest for payment in payments), ZERO)
    forgone = pif_discount if pif_discount_is_finance_charge else ZERO
    amount_financed = balance - forgone
    if amount_financed <= 0:
        raise ValueError("down payment reaches the pay-in-full price; quote checks this first")
    finance_charge = total_of_payments - amount_financed
    apr = (
        disclosed_apr(
            amount_financed, [(payment.due, payment.amount) for payment in payments], agreement_date
        )
        if finance_charge > 0
        else Decimal("0.00")
    )
    warning = None
    if pif_discount > 0 and not pif_discount_is_finance_charge:
        warning = (
            f"{FORGONE_DISCOUNT_WARNING} On this plan: {dollars_text(pif_discount)} "
            "is left out of the finance charge."
        )
    return TruthInLending(
        required=disclosure_required(len(payments), finance_charge),
        amount_financed=amount_financed,
        finance_charge=finance_charge,
        interest=interest,
        forgone_discount=forgone,
        apr=apr,
        total_of_payments=total_of_payments,
        down_payment=down_payment,
        total_sale_price=total_of_payments + down_payment,
        installments=len(payments),
        warning=warning,
    )
