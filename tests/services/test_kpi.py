"""The KPIs on fixed data (tests/services/kpi_seed.py), every answer worked out by hand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.kpi import KpiCounter, default_period, kpi_report
from tcdesk.services.kpi_figures import NO_CONSULTS, KpiFilters, rate
from tcdesk.services.kpi_pending import add_business_days
from tests.intake_practice import practice_desk  # noqa: F401  (fixture)
from tests.services.kpi_seed import FROM, TO, seed

D = Decimal


@pytest.fixture
def desk(practice_desk: Desk) -> Iterator[Desk]:  # noqa: F811
    seed(practice_desk)
    yield practice_desk


def report(desk: Desk, **filters):
    return kpi_report(desk, KpiFilters(start=FROM, end=TO, **filters))


def test_every_kpi_for_the_whole_period(desk: Desk) -> None:
    r = report(desk)
    t = r.total
    # Booked C1-C12; held: all but C9 (no-show), C10 (cancelled), C11 (only booked).
    assert (t.booked, t.held, t.no_shows, t.cancelled) == (12, 9, 1, 1)
    # Started within 45 days: C1 (day 0), C2 (day 45), C4 (signed day 10); C3 (day 46) not.
    assert t.started == 3 and t.same_day == 1
    assert t.case_acceptance == D("0.3333")  # 3 / 9
    assert t.case_acceptance_excl_observation == D("0.3750")  # 3 / (9 - 1)
    assert t.same_day_start_rate == D("0.1111")  # 1 / 9
    assert t.no_show_rate == D("0.1000")  # 1 / (9 + 1)
    assert t.observation_share == D("0.1111")  # C8: 1 / 9
    assert t.days_median == D("10.0")  # 0, 10, 45
    assert t.days_mean == D("18.3")  # 55 / 3
    # Pending: C5 and C6 (C3 started late, C7 declined, C8 observation, C12 referred out).
    assert r.pending_count == 2 == t.pending
    # C5: $5,000 less insurance (50%, capped at the $1,500 maximum) = $3,500;
    # C6: the chosen $4,000 less $200 off = $3,800 (its voided signature is no start).
    assert r.pending_value_cents == 730_000
    # Leads Sep 1 - Oct 31: L1 (-> C1 held), L2 (-> C9 a no-show), L3 (C7 names it).
    assert (r.leads.leads, r.leads.with_consult) == (3, 2)
    assert r.leads.lead_to_consult == D("0.6667")
    assert r.message == ""


def test_targets_as_progress(desk: Desk) -> None:
    acceptance, same_day, follow_up = report(desk).targets
    assert (acceptance.target, acceptance.actual, acceptance.met) == (D("75"), D("33.3"), False)
    assert (same_day.target, same_day.actual) == (D("35"), D("11.1"))
    # C5 was called the next day, C6's follow-up closed 6 business days later: 1 of 2.
    assert follow_up.label == "Follow-up within 2 business days"
    assert follow_up.actual == D("50.0")


def test_by_month_coordinator_and_source(desk: Desk) -> None:
    r = report(desk)
    months = {s.key: s.tally for s in r.by_month}
    assert list(months) == ["2026-09", "2026-10"]
    assert (months["2026-09"].held, months["2026-09"].started) == (5, 3)  # C1-C5
    assert (months["2026-10"].held, months["2026-10"].no_shows) == (4, 1)  # C6 C7 C8 C12
    coordinators = {s.label: s.tally for s in r.by_coordinator}
    assert (coordinators["Ana Ruiz"].held, coordinators["Ana Ruiz"].started) == (6, 2)
    assert (coordinators["Ben Cho"].held, coordinators["Ben Cho"].started) == (3, 1)
    sources = {s.key: s for s in r.by_source}
    assert (sources["phone"].tally.held, sources["phone"].tally.started) == (5, 1)
    assert sources["website"].tally.case_acceptance == D("0.5000")  # C2, C4 of C2 C4 C6 C8
    assert (sources["phone"].leads.leads, sources["phone"].leads.with_consult) == (2, 2)
    assert sources["website"].leads.lead_to_consult == D("0.0000")


def test_coordinator_filter(desk: Desk) -> None:
    r = report(desk, coordinator="ben cho")
    t = r.total
    assert (t.held, t.started, t.no_shows) == (3, 1, 1)  # C3 C4 C6; C4; C9
    assert t.case_acceptance == D("0.3333")
    assert t.no_show_rate == D("0.2500")  # 1 / (3 + 1)
    assert (r.pending_count, r.pending_value_cents) == (1, 380_000)
    assert r.filters == (("coordinator", "Ben Cho"),)
    assert r.leads.leads == 0  # no lead was assigned to Ben


def test_office_filter(desk: Desk) -> None:
    t = report(desk, office="Hillcrest").total
    assert (t.held, t.started, t.observation) == (4, 1, 1)  # C3 C4 C6 C8
    assert t.case_acceptance == D("0.2500")
    assert t.case_acceptance_excl_observation == D("0.3333")


def test_doctor_filter(desk: Desk) -> None:
    r = report(desk, doctor="Dr. Mia Kim")
    assert (r.total.held, r.total.started) == (3, 1)  # C3 C4 C6
    assert r.leads.lead_to_consult is None  # a lead has no doctor yet


def test_source_filter(desk: Desk) -> None:
    r = report(desk, source="Website")
    assert (r.total.held, r.total.started) == (4, 2)
    assert r.total.days_median == D("27.5")  # C2 45, C4 10
    assert (r.leads.leads, r.leads.with_consult) == (1, 0)  # L2 led to a no-show


def test_flow_filter(desk: Desk) -> None:
    r = report(desk, flow="short")
    assert (r.total.held, r.total.started, r.total.same_day) == (2, 2, 1)
    assert r.total.case_acceptance == D("1.0000")
    assert r.total.same_day_start_rate == D("0.5000")
    assert r.leads.lead_to_consult is None


def test_the_45_day_edge(desk: Desk) -> None:
    # Sep 3 - Sep 4 holds C2 (bands on day 45) and C3 (day 46).
    r = kpi_report(desk, KpiFilters(start=date(2026, 9, 3), end=date(2026, 9, 4)))
    assert (r.total.held, r.total.started) == (2, 1)
    assert r.total.days_median == D("45.0")
    assert r.pending_count == 0  # C3 did start, late: it is not pending


def test_an_empty_period_says_so(desk: Desk) -> None:
    r = kpi_report(desk, KpiFilters(start=date(2026, 1, 1), end=date(2026, 1, 31)))
    assert r.empty and r.message == NO_CONSULTS == "no consults in this period"
    t = r.total
    assert t.held == 0
    for value in (
        t.case_acceptance,
        t.case_acceptance_excl_observation,
        t.same_day_start_rate,
        t.no_show_rate,
        t.observation_share,
        t.days_median,
        t.days_mean,
        r.leads.lead_to_consult,
    ):
        assert value is None
    assert all(target.actual is None and target.met is None for target in r.targets)


def test_a_period_of_only_no_shows_has_a_rate_but_no_acceptance(desk: Desk) -> None:
    t = kpi_report(desk, KpiFilters(start=date(2026, 10, 6), end=date(2026, 10, 6))).total
    assert (t.held, t.no_shows, t.no_show_rate, t.case_acceptance) == (0, 1, D("1.0000"), None)


def test_bad_filters_are_refused_in_words(desk: Desk) -> None:
    with pytest.raises(UserError, match='No coordinator is named "Zed"'):
        report(desk, coordinator="Zed")
    with pytest.raises(UserError, match="not a lead source"):
        report(desk, source="pigeon")
    with pytest.raises(UserError, match=r"starts .* after it ends"):
        kpi_report(desk, KpiFilters(start=TO, end=FROM))


def test_default_period_and_helpers() -> None:
    assert default_period(date(2026, 11, 27)) == (date(2025, 11, 1), date(2026, 11, 27))
    assert default_period(date(2026, 1, 5)) == (date(2025, 1, 1), date(2026, 1, 5))
    assert rate(1, 0) is None and rate(2, 3) == D("0.6667")
    assert add_business_days(date(2026, 10, 2), 1) == date(2026, 10, 5)  # Friday -> Monday
    assert add_business_days(date(2026, 10, 3), 0) == date(2026, 10, 3)


def test_the_dashboards_kept_count_answers_every_filter_alike(desk: Desk) -> None:
    """One count kept for the period (the dashboard's) gives what a fresh query gives."""
    kept = KpiCounter()
    for filters in (
        {},
        {"coordinator": "Ben Cho"},
        {"office": "Hillcrest"},
        {"doctor": "Dr. Mia Kim"},
        {"source": "website"},
        {"flow": "short"},
        {"coordinator": "Ana Ruiz", "source": "phone"},
    ):
        fresh = report(desk, **filters)
        again = kpi_report(desk, KpiFilters(start=FROM, end=TO, **filters), kept)
        assert again == fresh, filters


def test_a_kept_count_sees_new_data(desk: Desk) -> None:
    kept = KpiCounter()
    before = kpi_report(desk, KpiFilters(start=FROM, end=TO), kept)
    consult = desk.consults.get("consult-C5")
    desk.consults.save(replace(consult, started_on=date(2026, 9, 16)))
    after = kpi_report(desk, KpiFilters(start=FROM, end=TO), kept)
    assert (before.total.started, after.total.started) == (3, 4)
    assert after.pending_count == 1


def test_each_coordinator_has_the_leads_assigned_to_them(desk: Desk) -> None:
    from tcdesk.store.lead_repo import LeadRepository

    leads = LeadRepository(desk.records)
    for name in ("lead-L1", "lead-L2"):  # L1 got a held consult (C1), L2 a no-show (C9)
        lead = leads.get(name)
        assert lead is not None
        leads.save(replace(lead, assigned_to="staff-ben"))
    by_name = {s.label: s.leads for s in report(desk).by_coordinator}
    assert (by_name["Ben Cho"].leads, by_name["Ben Cho"].with_consult) == (2, 1)
    assert by_name["Ben Cho"].lead_to_consult == D("0.5000")
    assert by_name["Ana Ruiz"].leads == 0


def test_a_period_and_a_flow_a_practice_can_have(desk: Desk) -> None:
    with pytest.raises(UserError, match="starts too early"):
        kpi_report(desk, KpiFilters(start=date(1, 1, 1), end=TO))
    with pytest.raises(UserError, match="longer than 25 years"):
        kpi_report(desk, KpiFilters(start=FROM, end=date(9999, 12, 31)))
    with pytest.raises(UserError, match='No consult was presented with a flow called "bogus"'):
        report(desk, flow="bogus")
    assert report(desk, flow="SHORT").filters == (("flow", "short"),)  # case does not matter


def test_a_doctor_is_not_offered_as_a_coordinator(desk: Desk) -> None:
    with pytest.raises(UserError, match=r'No coordinator is named "Dr\. Mia Kim"') as refused:
        report(desk, coordinator="Dr. Mia Kim")
    assert "Ana Ruiz" in str(refused.value) and "Mia Kim" not in str(refused.value).split(":")[-1]
