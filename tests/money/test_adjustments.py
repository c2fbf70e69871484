from decimal import Decimal

import pytest

from tcdesk.money import Adjustment, DiscountKind, MoneyInputError, apply_adjustments

D = Decimal


def test_adjustments_become_named_discounts_in_order() -> None:
    discounts = apply_adjustments(
        D("5400.00"),
        [
            Adjustment.percent_off("Sibling discount", D(10), DiscountKind.FAMILY),
            Adjustment.amount_off("Courtesy: referral", D(150)),
        ],
    )
    assert [(d.name, d.amount, d.kind) for d in discounts] == [
        ("Sibling discount", D("540.00"), DiscountKind.FAMILY),
        ("Courtesy: referral", D("150.00"), DiscountKind.COURTESY),
    ]


@pytest.mark.parametrize(
    ("build", "words"),
    [
        (lambda: Adjustment(name="Courtesy"), "either a percent or an amount"),
        (lambda: Adjustment(name="Courtesy", percent=D(5), amount=D(5)), "not both"),
        (lambda: Adjustment.percent_off("Courtesy", D(150)), "between 0% and 100%"),
        (lambda: Adjustment.amount_off("Courtesy", D(-5)), "can't be negative"),
        (lambda: Adjustment.amount_off("  ", D(5)), "needs a name"),
    ],
)
def test_bad_adjustments_say_what_is_wrong(build, words: str) -> None:
    with pytest.raises(MoneyInputError) as error:
        build()
    assert error.value.field == "discount"
    assert words in str(error.value)


def test_pay_in_full_is_not_an_adjustment() -> None:
    with pytest.raises(ValueError, match="pif_discount_percent"):
        Adjustment.percent_off("PIF", D(5), DiscountKind.PAY_IN_FULL)
