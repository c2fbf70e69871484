"""The charts' words: the funnel never calls the consults booked a share of the leads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tcdesk.services.desk import Desk
from tcdesk.services.kpi import KpiFilters, kpi_report
from tcdesk.ui.pipeline.chart_data import funnel_chart
from tests.intake_practice import practice_desk  # noqa: F401  (fixture)
from tests.services.kpi_seed import FROM, TO, seed


@pytest.fixture
def desk(practice_desk: Desk) -> Iterator[Desk]:  # noqa: F811
    seed(practice_desk)
    yield practice_desk


def test_the_funnel_says_lead_to_consult_after_the_leads(desk: Desk) -> None:
    report = kpi_report(desk, KpiFilters(start=FROM, end=TO))
    texts = {bar.label: bar.text for bar in funnel_chart(report).bars}
    # 3 leads in the period, 12 consults booked (most not from a lead): no "400%"
    assert texts["Leads"] == "3"
    assert texts["Consults booked"] == "12 (lead to consult: 67%)"  # L1 and L3 of 3
    assert texts["Consults held"] == "9 (75% of the stage before)"
    assert texts["Started"] == "3 (33% of the stage before)"
