"""Kept month counts: every kind of change is seen, and an unchanged month is not counted again.

Each test changes the fixed data (tests/services/kpi_seed.py) the way the app
does, then compares the report made from the kept months with one counted
from nothing (the kept months forgotten).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tcdesk.domain import ConsultStatus, LeadSource
from tcdesk.domain.agreement import AgreementEvent, AgreementEventKind
from tcdesk.services.desk import Desk
from tcdesk.services.kpi import KpiFilters, KpiReport, kpi_report
from tcdesk.services.kpi_months import month_slices
from tcdesk.store.agreement_repo import AgreementRepository
from tcdesk.store.kpi_month_repo import KpiMonthRepository
from tests.conftest import local_moment
from tests.intake_practice import practice_desk  # noqa: F401  (fixture)
from tests.services.kpi_seed import FROM, TO, seed

PERIOD = KpiFilters(start=FROM, end=TO)  # September and October 2026


@pytest.fixture
def desk(practice_desk: Desk) -> Iterator[Desk]:  # noqa: F811
    seed(practice_desk)
    yield practice_desk


def _kept(desk: Desk, kind: str = "consults") -> dict[str, tuple[int, str]]:
    """Each kept month of one kind (consults, leads, pending): its count and marks."""
    rows = desk.db.execute("SELECT key, counted, marks FROM kpi_month_counts").fetchall()
    found = {}
    for key, counted, marks in rows:
        _zone, what, bounds = key.split("|", 2)
        if what == kind:
            found[bounds] = (counted, marks)
    return found


def _from_nothing(desk: Desk) -> KpiReport:
    months = KpiMonthRepository(desk.db)
    months.forget()
    return kpi_report(desk, PERIOD)


def _utc(day: date, hour: int = 10) -> str:
    from tcdesk.services.clock import utc_iso

    return utc_iso(local_moment(day, hour))


def test_a_count_is_kept_per_month_and_used_again(desk: Desk) -> None:
    first = kpi_report(desk, PERIOD)
    kept = _kept(desk)
    assert len(kept) == 2  # September and October
    again = kpi_report(desk, PERIOD)
    assert again == first
    assert _kept(desk) == kept  # nothing was counted (and written) again


def _status(desk: Desk) -> None:  # C11, only booked, was a no-show
    desk.consults.save(replace(desk.consults.get("consult-C11"), status=ConsultStatus.NO_SHOW))


def _moved(desk: Desk) -> None:  # September's count drops, October's rises
    consult = desk.consults.get("consult-C5")
    desk.consults.save(replace(consult, scheduled_at=local_moment(date(2026, 10, 20), 10)))


def _removed(desk: Desk) -> None:
    desk.records.soft_delete("consults", "consult-C2")


def _voided(desk: Desk) -> None:  # C4 (September) was signed: voiding it takes its start away
    repo = AgreementRepository(desk.records)
    agreement = repo.for_consult("consult-C4")[0]
    repo.add_event(
        AgreementEvent("ev-C4-v", agreement.id, AgreementEventKind.VOIDED, _utc(date(2026, 9, 25)))
    )


def _source(desk: Desk) -> None:
    patient_id = desk.consults.get("consult-C3").patient_id
    patient = desk.patients.get(patient_id)
    desk.patients.save(replace(patient, lead_source=LeadSource.WALK_IN))


@pytest.mark.parametrize(
    ("change", "counted_again"),
    [
        (_status, {"Oct"}),
        (_moved, {"Sep", "Oct"}),
        (_removed, {"Sep"}),
        (_voided, {"Sep"}),
        (_source, {"Sep"}),
    ],
    ids=["october status", "moved month", "removed", "agreement voided", "lead source"],
)
def test_each_change_is_counted_again_in_its_month_only(
    desk: Desk, change: Callable[[Desk], None], counted_again: set[str]
) -> None:
    before = kpi_report(desk, PERIOD)
    kept = _kept(desk)
    september, october = sorted(kept)
    change(desk)
    after = kpi_report(desk, PERIOD)
    assert after != before
    now = _kept(desk)
    again = {name for name, key in (("Sep", september), ("Oct", october)) if now[key] != kept[key]}
    assert again == counted_again
    assert after == _from_nothing(desk)


def test_a_read_only_file_counts_without_keeping(desk: Desk, tmp_path: Path) -> None:
    assert desk.path is not None
    expected = kpi_report(desk, PERIOD)
    KpiMonthRepository(desk.db).forget()
    desk.checkpoint()
    looking = Desk.open(desk.path, clock=desk.clock, read_only=True)
    try:
        assert kpi_report(looking, PERIOD) == expected
    finally:
        looking.db.conn.close()
    assert _kept(desk) == {}


def test_a_filtered_report_uses_the_kept_months_too(desk: Desk) -> None:
    whole = kpi_report(desk, PERIOD)
    kept = _kept(desk)
    ben = kpi_report(desk, replace(PERIOD, coordinator="Ben Cho"))
    assert _kept(desk) == kept
    assert ben.total.held < whole.total.held


def test_months_are_clipped_to_the_period() -> None:
    from tcdesk.store.kpi_repo import ConsultScope

    scope = ConsultScope(
        "2026-09-10T07:00:00+00:00",
        "2026-10-15T07:00:00+00:00",
        months=(("2026-09", "2026-09-10T07:00:00+00:00"), ("2026-10", "2026-10-01T07:00:00+00:00")),
    )
    assert [(s.month, s.start_utc, s.end_utc) for s in month_slices(scope)] == [
        ("2026-09", "2026-09-10T07:00:00+00:00", "2026-10-01T07:00:00+00:00"),
        ("2026-10", "2026-10-01T07:00:00+00:00", "2026-10-15T07:00:00+00:00"),
    ]


def _lead_held(desk: Desk) -> None:  # C9, booked from lead L2 (September), is held after all
    consult = desk.consults.get("consult-C9")
    desk.consults.save(replace(consult, status=ConsultStatus.PENDING))


def test_leads_are_kept_per_month_and_follow_their_consults(desk: Desk) -> None:
    before = kpi_report(desk, PERIOD)
    kept = _kept(desk, "leads")
    assert len(kept) == 2
    _lead_held(desk)
    after = kpi_report(desk, PERIOD)
    assert after.leads != before.leads
    now = _kept(desk, "leads")
    assert [now[k] != kept[k] for k in sorted(kept)] == [True, False]  # September only
    assert after == _from_nothing(desk)


def test_pending_families_are_kept_until_anything_changes(desk: Desk) -> None:
    first = kpi_report(desk, PERIOD)
    (kept,) = _kept(desk, "pending").values()
    assert kept[0] == first.pending_count == 2
    assert kpi_report(desk, PERIOD) == first
    assert _kept(desk, "pending") != {} and list(_kept(desk, "pending").values()) == [kept]
    _moved(desk)  # C5, pending, moves to October: still pending, the stamp moved
    after = kpi_report(desk, PERIOD)
    assert list(_kept(desk, "pending").values()) != [kept]
    assert after == _from_nothing(desk)


def test_a_contact_logged_reads_only_its_family_again(desk: Desk) -> None:
    """C6 (pending, October) was never contacted: a call logged the next day is a
    follow-up within the target, found through the contacts' newest row."""
    from tcdesk.domain.pipeline import Contact, ContactKind, ContactResult
    from tcdesk.store.contact_repo import ContactRepository

    before = kpi_report(desk, PERIOD)
    ContactRepository(desk.records).add(
        Contact(
            "contact-C6",
            ContactKind.CALL,
            ContactResult.REACHED,
            _utc(date(2026, 10, 2), 11),
            consult_id="consult-C6",
        )
    )
    after = kpi_report(desk, PERIOD)
    assert after.targets[2].actual != before.targets[2].actual
    assert after == _from_nothing(desk)


def test_one_counter_through_every_change_keeps_up(desk: Desk) -> None:
    """The dashboard's counter remembers the kept months it read; each change still shows."""
    from tcdesk.services.kpi import KpiCounter

    counter = KpiCounter()
    kpi_report(desk, PERIOD, counter)
    for change in (_status, _moved, _removed, _voided, _source, _lead_held):
        change(desk)
        seen = kpi_report(desk, PERIOD, counter)
        assert seen == kpi_report(desk, PERIOD), change.__name__  # a new counter: from the file
        assert seen == _from_nothing(desk), change.__name__
