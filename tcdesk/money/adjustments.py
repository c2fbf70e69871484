"""Named discounts on the fee: what the family sees listed line by line.

Percent discounts (family, courtesy) are taken from the total fee, never from
each other, so the order they are listed in cannot change the price. The
pay-in-full discount is different: it is a percent of what the family itself
pays (the patient portion), so it is worked out in the quote, not here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from tcdesk.money.amounts import HUNDRED, ZERO, as_decimal, as_money, percent_of
from tcdesk.money.errors import MoneyField, MoneyInputError
from tcdesk.money.wording import dollars_text


class DiscountKind(Enum):
    """Why a discount is given; decides where it applies and how it is reported."""

    PAY_IN_FULL = "pay_in_full"
    FAMILY = "family"
    COURTESY = "courtesy"


@dataclass(frozen=True)
class Adjustment:
    """A discount on the total fee: a percent of it, or a fixed amount (exactly one)."""

    name: str
    kind: DiscountKind = DiscountKind.COURTESY
    percent: Decimal | None = None
    amount: Decimal | None = None

    def __post_init__(self) -> None:
        if self.kind is DiscountKind.PAY_IN_FULL:
            raise ValueError("the pay-in-full discount is QuoteRequest.pif_discount_percent")
        if not self.name.strip():
            raise MoneyInputError(MoneyField.DISCOUNT, "Every discount needs a name.")
        if (self.percent is None) == (self.amount is None):
            raise MoneyInputError(
                MoneyField.DISCOUNT,
                f"Discount '{self.name}' needs either a percent or an amount, not both.",
            )
        if self.percent is not None:
            percent = as_decimal(self.percent, MoneyField.DISCOUNT)
            if not ZERO <= percent <= HUNDRED:
                raise MoneyInputError(
                    MoneyField.DISCOUNT,
                    f"Discount '{self.name}' must be between 0% and 100%, not {percent}%.",
                )
            object.__setattr__(self, "percent", percent)
        if self.amount is not None:
            amount = as_money(self.amount, MoneyField.DISCOUNT)
            if amount < 0:
                raise MoneyInputError(
                    MoneyField.DISCOUNT, f"Discount '{self.name}' can't be negative."
                )
            object.__setattr__(self, "amount", amount)

    @classmethod
    def percent_off(
        cls, name: str, percent: Decimal, kind: DiscountKind = DiscountKind.COURTESY
    ) -> Adjustment:
        return cls(name=name, kind=kind, percent=percent)

    @classmethod
    def amount_off(
        cls, name: str, amount: Decimal, kind: DiscountKind = DiscountKind.COURTESY
    ) -> Adjustment:
        return cls(name=name, kind=kind, amount=amount)

    def amount_on(self, total_fee: Decimal) -> Decimal:
        """The dollars this adjustment takes off ``total_fee``."""
        if self.percent is not None:
            return percent_of(total_fee, self.percent)
        assert self.amount is not None
        return self.amount


@dataclass(frozen=True)
class Discount:
    """A discount as given: the name the family reads and the dollars it takes off."""

    name: str
    amount: Decimal
    kind: DiscountKind = DiscountKind.COURTESY


def apply_adjustments(
    total_fee: Decimal, adjustments: Iterable[Adjustment]
) -> tuple[Discount, ...]:
    """Turn adjustments into listed discounts; together they may not exceed the fee."""
    discounts = tuple(
        Discount(name=item.name, amount=item.amount_on(total_fee), kind=item.kind)
        for item in adjustments
    )
    total = sum((item.amount for item in discounts), ZERO)
    if total > total_fee:
        raise MoneyInputError(
            MoneyField.DISCOUNT,
            f"Discounts of {dollars_text(total)} are more than the total fee "
            f"of {dollars_text(total_fee)}.",
        )
    return discounts
