"""The Truth in Lending box on its own, read back with pypdf: what it holds, in form order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tcdesk.documents import agreement_text as words
from tcdesk.documents.fonts import SANS, SANS_BOLD, string_width
from tcdesk.documents.layout import CONTENT_WIDTH, styles
from tcdesk.documents.truth_in_lending_box import (
    FIGURE_SHARES,
    PAD,
    figure_sizes,
    figure_texts,
    truth_in_lending_box,
)
from tcdesk.formatting import money_from_dollars, rate_percent
from tests.documents.helpers import agreement, flat, flowables_pdf, pages, quote


def _box_text(**changes) -> tuple[str, object]:
    data = agreement(**changes)
    (page,) = pages(flowables_pdf([truth_in_lending_box(data, styles(data.brand_color))]))
    return flat(page), data


def _in_order(body: str, parts: list[str]) -> list[str]:
    """``parts`` that are missing or out of order in ``body`` (empty when all is well)."""
    wrong, at = [], 0
    for part in parts:
        found = body.find(flat(part), at)
        if found < 0:
            wrong.append(part)
        else:
            at = found + len(flat(part))
    return wrong


@pytest.mark.parametrize("apr", [Decimal(0), Decimal("6.9")])
def test_the_box_holds_the_disclosures_in_the_order_of_the_form(apr: Decimal) -> None:
    body, data = _box_text(quote=quote(apr_percent=apr, months=36))
    q = data.quote
    disclosure = q.truth_in_lending
    titles = ["ANNUAL PERCENTAGE RATE", "FINANCE CHARGE", "Amount Financed"]
    titles += ["Total of Payments", "Total Sale Price"]
    descriptors = [
        words.APR_DESCRIPTOR,
        words.FINANCE_CHARGE_DESCRIPTOR,
        words.AMOUNT_FINANCED_DESCRIPTOR,
        words.TOTAL_OF_PAYMENTS_DESCRIPTOR,
        words.total_sale_price_descriptor(disclosure.down_payment),
    ]
    headers = [part for pair in zip(titles, descriptors, strict=True) for part in pair]
    schedule = ["Number of payments", "Amount of payments", "When payments are due"]
    for group in words.group_payments(q.payments):
        schedule += [str(group.count), money_from_dollars(group.amount), group.when_due()]
    expected = [
        "TRUTH IN LENDING DISCLOSURES",
        "Creditor: Bright Smiles Orthodontics",
        *headers,
        *figure_texts(disclosure),
        "Your payment schedule will be:",
        *schedule,
        f"Late charge: {words.late_charge(data.late_fee, data.late_fee_days)}",
        f"Prepayment: {words.prepayment(q)}",
        words.SEE_TERMS,
        f"Itemization: {words.ITEMIZATION_RIGHT}",
        f"{words.CHECKBOX} {words.WANT_ITEMIZATION}",
        f"{words.CHECKBOX} {words.NO_ITEMIZATION}",
    ]
    assert _in_order(body, expected) == []
    # The note on a discount given up belongs outside the box.
    assert "pay-in-full discount you are not taking" not in body


def test_the_figures_are_printed_as_the_disclosure_says() -> None:
    disclosure = quote(apr_percent=Decimal("6.9"), months=36).truth_in_lending
    assert figure_texts(disclosure) == [
        rate_percent(disclosure.apr),
        money_from_dollars(disclosure.finance_charge),
        money_from_dollars(disclosure.amount_financed),
        money_from_dollars(disclosure.total_of_payments),
        money_from_dollars(disclosure.total_sale_price),
    ]


@pytest.mark.parametrize("fee", [Decimal("5600"), Decimal("98765.43"), Decimal("999999.99")])
def test_each_figure_fits_its_cell_on_one_line(fee: Decimal) -> None:
    disclosure = quote(total_fee=fee, apr_percent=Decimal("9.9"), months=60).truth_in_lending
    texts = figure_texts(disclosure)
    widths = [(CONTENT_WIDTH - 2 * PAD) * share for share in FIGURE_SHARES]
    big, size = figure_sizes(texts, widths, cell_padding=10)
    assert 11.0 <= big <= 16.0 and 8.0 <= size <= big - 3.5
    for k, (figure, width) in enumerate(zip(texts, widths, strict=True)):
        font, points = (SANS_BOLD, big) if k < 2 else (SANS, size)
        if points > (11.0 if k < 2 else 8.0):  # not held at the smallest size
            assert string_width(figure, points, font) <= width - 10 + 1e-6
