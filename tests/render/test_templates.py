"""The money filter slides and flow templates use: Decimal dollars, int cents."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tcdesk.render.templates import make_environment, slide_money


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("5997"), "$5,997"),
        (Decimal("5997.00"), "$5,997"),
        (Decimal("166.58"), "$166.58"),
        (Decimal("166.5"), "$166.50"),
        (Decimal("0.005"), "$0.01"),  # half up, to the cent
        (Decimal("-250"), "-$250"),
        (16658, "$166.58"),  # int is cents
        (500000, "$5,000"),
        (0, "$0"),
    ],
)
def test_slide_money(value: Decimal | int, text: str) -> None:
    assert slide_money(value) == text


@pytest.mark.parametrize("bad", [5997.0, True, "5997", None])
def test_slide_money_refuses_what_is_not_money(bad: object) -> None:
    with pytest.raises(TypeError):
        slide_money(bad)  # type: ignore[arg-type]


def test_templates_say_money_and_dates_as_the_slides_do() -> None:
    env = make_environment(html=False)
    text = env.from_string("{{ fee | money }} or {{ 10333 | money }}; {{ items | join_and }}")
    assert text.render(fee=Decimal("5600"), items=["braces", "aligners"]) == (
        "$5,600 or $103.33; braces and aligners"
    )
