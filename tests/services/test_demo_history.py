"""The demo's thirteen months of history: in the past, realistic numbers, differences to see."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from tcdesk.domain import ConsultStatus
from tcdesk.services.demo import build_demo
from tcdesk.services.demo_history import compose_history, history_cases
from tcdesk.services.desk import Desk
from tcdesk.services.kpi import KpiFilters, kpi_report
from tests.conftest import DEMO_DAY, FIXED_NOW


def test_history_is_in_the_past_and_every_outcome_is_there() -> None:
    content = compose_history(DEMO_DAY)
    assert all(c.consult_date < DEMO_DAY for c in content.consults)
    statuses = Counter(c.status for c in content.consults)
    for status in (
        ConsultStatus.STARTED,
        ConsultStatus.PENDING,
        ConsultStatus.DECLINED,
        ConsultStatus.OBSERVATION,
        ConsultStatus.NO_SHOW,
        ConsultStatus.CANCELLED,
    ):
        assert statuses[status] > 0, status
    months = {c.consult_date.strftime("%Y-%m") for c in content.consults}
    assert len(months) == 13
    assert all(c.started_on is None or c.started_on <= DEMO_DAY for c in content.consults)
    assert len({(c.first, c.last) for c in history_cases()}) == len(history_cases())


def test_the_demo_numbers_look_like_a_practice(demo_desk: Desk) -> None:
    report = kpi_report(demo_desk)
    assert Decimal("0.65") <= report.total.case_acceptance <= Decimal("0.75")
    assert report.total.held >= 150
    by_tc = {s.label: s.tally.case_acceptance for s in report.by_coordinator}
    assert by_tc["Jessica Alvarez"] - by_tc["Tamika Brooks"] >= Decimal("0.10")
    by_source = {s.key: s.tally.case_acceptance for s in report.by_source}
    assert by_source["doctor_referral"] - by_source["social_media"] >= Decimal("0.20")
    assert report.pending_count > 0 and report.total.no_shows > 0
    # most past consults began as a lead; some leads never booked
    share = report.leads.lead_to_consult
    assert share is not None and Decimal("0.40") <= share <= Decimal("0.80"), share


def test_building_the_demo_again_adds_no_history(demo_store: Path) -> None:
    desk = Desk.open(demo_store, clock=lambda: FIXED_NOW)
    try:
        before = len(desk.consults.all())
        build_demo(desk, DEMO_DAY)
        assert len(desk.consults.all()) == before
        january = kpi_report(desk, KpiFilters(start=DEMO_DAY.replace(month=1, day=1)))
        assert january.total.held > 0
    finally:
        desk.close()
