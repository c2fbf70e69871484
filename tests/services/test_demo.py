"""The demo practice: reproducible, complete, realistic, and never over a real practice."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tcdesk.domain import (
    ConsultStatus,
    InsuranceRank,
    LeadSource,
    Practice,
    Relationship,
    TreatmentType,
)
from tcdesk.errors import UserError
from tcdesk.services.demo import (
    DEMO_PRACTICE_ID,
    HELD,
    DemoContent,
    build_demo,
    compose_demo,
)
from tcdesk.services.desk import Desk
from tcdesk.store import engine

DAY = date(2026, 11, 27)  # a Friday, the day after Thanksgiving
FLOWS = {"teen_comprehensive", "adult_aligners", "phase_one", "walk_in"}
UTC_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")
SCRIPTS = {
    "Chinese": re.compile(r"[\u4e00-\u9fff]"),
    "Greek": re.compile(r"[\u0370-\u03ff]"),
    "Cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "Japanese kana": re.compile(r"[\u3040-\u30ff]|佐藤"),
    "Korean": re.compile(r"[\uac00-\ud7af]"),
}


def _open(path: Path) -> Desk:
    return Desk.open(path)


def _build(path: Path, day: date = DAY) -> None:
    desk = _open(path)
    try:
        build_demo(desk, day)
    finally:
        desk.close()


def _rows(conn: engine.Connection, table: str) -> list[tuple]:
    """A table's rows, sorted, without ``updated_at``: when a row was written is not its content."""
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    kept = ", ".join(f'"{c}"' for c in columns if c != "updated_at")
    return sorted(conn.execute(f'SELECT {kept} FROM "{table}"').fetchall(), key=repr)


def _dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in a stable order (sqlite_utils' own bookkeeping left out)."""
    conn = engine.connect(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
            )
        ]
        return {table: _rows(conn, table) for table in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    _build(path)
    return path


@pytest.fixture
def desk(demo_path: Path) -> Iterator[Desk]:
    desk = _open(demo_path)
    yield desk
    desk.close()


@pytest.fixture(scope="module")
def content() -> DemoContent:
    return compose_demo(DAY)


# --- reproducible -----------------------------------------------------------------


def test_building_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    desk = _open(path)
    try:
        first = build_demo(desk, DAY)
        listing = desk.patients.list()
    finally:
        desk.close()
    dump = _dump(path)

    desk = _open(path)
    try:
        second = build_demo(desk, DAY)
        assert desk.patients.list() == listing
    finally:
        desk.close()
    assert _dump(path) == dump
    assert not first.refreshed and second.refreshed
    assert second.by_status == first.by_status and second.today == first.today


def test_two_files_built_the_same_day_are_identical(tmp_path: Path) -> None:
    _build(tmp_path / "a.sqlite3")
    _build(tmp_path / "b.sqlite3")
    assert _dump(tmp_path / "a.sqlite3") == _dump(tmp_path / "b.sqlite3")


def test_the_file_is_sound(demo_path: Path) -> None:
    conn = engine.connect(demo_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 11, 28),  # Saturday
        date(2026, 11, 30),  # Monday
        date(2027, 1, 1),  # a holiday
        date(2028, 2, 29),  # leap day
        date(2026, 3, 8),  # the day clocks change in the US
    ],
)
def test_any_day_gives_a_consistent_demo(day: date) -> None:
    content = compose_demo(day)
    assert compose_demo(day) == content
    for consult in content.consults:
        for decided in (consult.decided_on, consult.started_on):
            assert decided is None or consult.consult_date <= decided <= day
        if consult.status is ConsultStatus.ACCEPTED:
            assert consult.planned_start is not None and consult.planned_start > day
        if consult.status is ConsultStatus.SCHEDULED:
            assert consult.consult_date >= day
        else:
            assert consult.consult_date < day
    assert [c.consult_date for c in content.consults if c.id in _today_ids(content)] == [day] * 4


def test_consults_fall_on_the_local_day_in_another_time_zone(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        content = compose_demo(DAY)
        today = [c for c in content.consults if c.id in _today_ids(content)]
        assert {c.consult_date for c in today} == {DAY}
        assert [datetime.fromisoformat(c.scheduled_at).astimezone().strftime("%H:%M")
                for c in today] == ["09:00", "10:30", "14:00", "15:30"]  # fmt: skip
        assert all(c.scheduled_at.endswith("+00:00") for c in today)
    finally:
        monkeypatch.undo()
        time.tzset()


def _today_ids(content: DemoContent) -> set[str]:
    return {c.consult_id for c in content.today}


# --- refusing -------------------------------------------------------------------


def test_refuses_a_real_practice_and_leaves_its_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "real.sqlite3"
    desk = _open(path)
    desk.practices.save(Practice(id="b7a4f0c2-0000-4000-8000-000000000001", name="Lakeside Ortho"))
    desk.close()
    before = path.read_bytes()

    desk = _open(path)
    try:
        with pytest.raises(UserError, match=r"Lakeside Ortho.*not the demo"):
            build_demo(desk, DAY)
        assert desk.patients.count() == 0
    finally:
        desk.close()
    assert path.read_bytes() == before


def test_refuses_to_move_a_demo_built_for_another_day(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    _build(path)
    before = _dump(path)
    desk = _open(path)
    try:
        with pytest.raises(UserError, match=r"built for 2026-11-27.*new file"):
            build_demo(desk, DAY + timedelta(days=3))
    finally:
        desk.close()
    assert _dump(path) == before


# --- what it holds --------------------------------------------------------------


def test_practice_offices_people_fees_and_policy(desk: Desk) -> None:
    practice = desk.practice()
    assert practice is not None and practice.id == DEMO_PRACTICE_ID
    assert practice.name == "Bright Smiles Orthodontics"
    assert practice.logo_path == "brand/demo_logo.svg"
    assert re.fullmatch(r"#[0-9A-F]{6}", practice.brand_color)
    assert practice.phone and practice.address and practice.website
    offices = desk.practices.offices(practice.id)
    assert sorted(o.kind.value for o in offices) == ["main", "satellite", "satellite"]
    roles = Counter(s.role.value for s in desk.practices.staff(practice.id))
    assert roles == {"doctor": 2, "coordinator": 3, "admin": 1}
    doctors = [s for s in desk.practices.staff(practice.id) if s.role.value == "doctor"]
    assert all(d.name.startswith("Dr. ") and d.title == "DDS, MS" for d in doctors)

    fees = {f.treatment_type: f for f in desk.practices.fee_schedule(practice.id)}
    assert set(fees) == set(TreatmentType)
    assert fees[TreatmentType.METAL_BRACES].fee_cents == 560_000
    assert fees[TreatmentType.METAL_BRACES].typical_months == 24
    assert fees[TreatmentType.CLEAR_BRACES].fee_cents == 640_000
    assert fees[TreatmentType.CLEAR_ALIGNERS].fee_cents == 590_000
    assert fees[TreatmentType.CLEAR_ALIGNERS].typical_months == 18
    assert fees[TreatmentType.PHASE_ONE].fee_cents == 280_000
    assert fees[TreatmentType.LIMITED].fee_cents == 240_000
    assert fees[TreatmentType.OBSERVATION].fee_cents == 0

    policy = desk.practices.policy(practice.id)
    assert (policy.min_down_pct, policy.min_down_cents) == (Decimal("20"), 50_000)
    assert policy.low_down_cents == 25_000
    assert (policy.max_months, policy.extended_max_months) == (24, 36)
    assert policy.pif_discount_pct == Decimal("5")
    assert policy.family_discount_pct == Decimal("5")
    assert (policy.apr_pct, policy.extended_apr_pct) == (Decimal("0"), Decimal("6.9"))
    assert (policy.late_fee_cents, policy.late_after_days) == (3_500, 10)
    assert policy.returned_payment_fee_cents == 3_500
    assert policy.estimate_valid_days == 365
    assert policy.forgone_pif_is_finance_charge


def test_patients_consults_and_every_status(desk: Desk, content: DemoContent) -> None:
    assert desk.patients.count() >= 40
    consults = desk.consults.all()
    statuses = Counter(c.status for c in consults)
    assert set(statuses) == set(ConsultStatus)
    own = {c.id for c in content.consults}  # the hand-made families (not demo_history's)
    assert 1 <= Counter(c.status for c in consults if c.id in own)[ConsultStatus.NO_SHOW] <= 2
    started = [c for c in consults if c.status is ConsultStatus.STARTED]
    assert any(c.same_day_start for c in started)
    assert any(not c.same_day_start for c in started)
    first = min(c.consult_date for c in consults)
    assert timedelta(days=365) <= DAY - first <= timedelta(days=14 * 31)
    assert {c.flow_id for c in consults} == FLOWS
    assert all(UTC_STAMP.match(c.scheduled_at) for c in consults)


def test_people_are_diverse(desk: Desk, content: DemoContent) -> None:
    patients = [e.patient for e in desk.patients.list()]
    names = [f"{p.legal_first} {p.legal_last}" for p in patients] + [
        party.name for party in content.parties
    ]
    text = " ".join(names)
    for script, pattern in SCRIPTS.items():
        assert pattern.search(text), f"no {script} name"
    for mark in ("é", "ë", "ễ", "'", "-"):
        assert mark in text
    assert any(p.preferred_name for p in patients)
    assert len({p.preferred_language for p in patients}) >= 6
    assert {p.lead_source for p in patients} == set(LeadSource)
    referred = [
        p for p in patients
        if p.lead_source in (LeadSource.DOCTOR_REFERRAL, LeadSource.PATIENT_REFERRAL)
    ]  # fmt: skip
    assert referred and all(p.referrer for p in referred)
    ages = [p.age_on(DAY) for p in patients]
    assert min(ages) <= 8 and max(ages) >= 40
    relationships = {party.relationship for party in content.parties}
    assert {
        Relationship.SELF, Relationship.MOTHER, Relationship.FATHER,
        Relationship.GUARDIAN, Relationship.GRANDPARENT, Relationship.SPOUSE,
    } <= relationships  # fmt: skip
    for patient in patients:
        parties = desk.patients.responsible_parties(patient.id)
        first_seen = min(c.consult_date for c in desk.consults.for_patient(patient.id))
        if patient.is_minor_on(first_seen):
            assert parties and all(p.relationship is not Relationship.SELF for p in parties)
        else:
            assert parties[0].relationship is Relationship.SELF


def test_insurance_cases(desk: Desk) -> None:
    patients = [e.patient for e in desk.patients.list()]
    policies = {p.id: desk.patients.insurance(p.id) for p in patients}
    insured = [p for p in patients if policies[p.id]]
    assert 0 < len(insured) < len(patients)
    assert any(len(policies[p.id]) == 2 for p in insured if p.is_minor_on(DAY))
    assert any(pol.used_cents > 0 for p in insured for pol in policies[p.id])
    assert all(
        pol.coverage_pct == Decimal("50") and pol.lifetime_max_cents in (100_000, 150_000, 200_000)
        for p in insured
        for pol in policies[p.id]
    )
    past_limit = [
        p for p in insured
        if any(pol.age_limit == 19 for pol in policies[p.id])
        and p.age_on(DAY) == 20
        and any(c.consult_date < DAY and p.age_on(c.consult_date) == 19
                for c in desk.consults.for_patient(p.id))
    ]  # fmt: skip
    assert past_limit
    for p in insured:
        assert policies[p.id][0].rank is InsuranceRank.PRIMARY


def test_every_held_consult_has_findings_and_options(desk: Desk) -> None:
    fees = {f.treatment_type: f.fee_cents for f in desk.practices.fee_schedule(DEMO_PRACTICE_ID)}
    held = [c for c in desk.consults.all() if c.status in HELD]
    assert held
    for consult in held:
        file = desk.consults.load_file(consult.id)
        assert file is not None
        assert 1 <= len(file.findings) <= 3, consult.id
        assert 2 <= len(file.options) <= 4, consult.id
        assert sum(o.recommended for o in file.options) == 1, consult.id
        assert consult.chief_concern and 2 <= len(consult.priorities) <= 3
        for option in file.options:
            assert option.fee_cents == fees[option.treatment_type]
            assert option.title and option.description.count(".") >= 2
            assert option.estimated_months > 0 and option.visit_interval_weeks > 0
        assert file.notes, f"no notes for {consult.id}"


def test_options_suit_the_age(desk: Desk) -> None:
    for consult in desk.consults.all():
        patient = desk.patients.get(consult.patient_id)
        assert patient is not None
        age = patient.age_on(consult.consult_date)
        kinds = {o.treatment_type for o in desk.consults.options(consult.id)}
        if TreatmentType.PHASE_ONE in kinds:
            assert 7 <= age <= 10
        if age >= 18 and kinds:
            recommended = next(o for o in desk.consults.options(consult.id) if o.recommended)
            assert recommended.treatment_type in (
                TreatmentType.CLEAR_ALIGNERS, TreatmentType.LIMITED, TreatmentType.SURGICAL,
            )  # fmt: skip


def test_yes_families_chose_an_option_and_a_plan(desk: Desk) -> None:
    decided = [
        c for c in desk.consults.all()
        if c.status in (ConsultStatus.ACCEPTED, ConsultStatus.STARTED)
    ]  # fmt: skip
    assert decided
    for consult in decided:
        options = {o.id for o in desk.consults.options(consult.id)}
        assert consult.chosen_option_id in options
        plan = desk.consults.latest_plan(consult.id)
        assert plan is not None and plan.option_id == consult.chosen_option_id
        assert plan.agreement_date == consult.decided_on
        assert consult.decided_on is not None and consult.planned_start is not None
        if consult.status is ConsultStatus.ACCEPTED:
            assert consult.planned_start > DAY and consult.started_on is None
        else:
            assert consult.started_on == consult.planned_start <= DAY


def test_payment_plans_cover_the_choices(desk: Desk) -> None:
    plans = [p for c in desk.consults.all() if (p := desk.consults.latest_plan(c.id)) is not None]
    keys = Counter(p.choice_key for p in plans)
    assert {"pay_in_full", "standard", "low_down", "extended"} <= set(keys)
    assert keys["standard"] > keys["pay_in_full"]
    assert any(p.apr_pct > 0 and p.months == 36 for p in plans)
    assert any(p.choice_key == "low_down" and p.down_cents == 25_000 for p in plans)
    assert any(d.name.startswith("Sibling") for p in plans for d in p.discounts)
    for plan in plans:
        assert UTC_STAMP.match(plan.created_at)
        if plan.choice_key == "pay_in_full":
            assert plan.months == 0 and plan.first_due is None
        else:
            assert plan.months > 0 and plan.first_due is not None
            assert plan.first_due.day in (1, 15)
            assert 14 <= (plan.first_due - plan.agreement_date).days <= 47
        if plan.choice_key in ("standard", "low_down"):
            assert plan.months <= 24 and plan.apr_pct == 0
    # A family who could have taken the pay-in-full discount and chose monthly payments.
    forgone = [p for p in plans if p.choice_key == "standard" and p.months > 0]
    assert forgone


def test_siblings_share_a_family(desk: Desk) -> None:
    by_parent: dict[str, set[str]] = {}
    for entry in desk.patients.list():
        for party in desk.patients.responsible_parties(entry.patient.id):
            by_parent.setdefault(party.name, set()).add(entry.patient.id)
    assert any(len(children) == 2 for children in by_parent.values())


def test_pending_declined_and_observation_have_their_story(desk: Desk) -> None:
    for consult in desk.consults.all():
        follow_ups = desk.consults.follow_ups(consult.id)
        objections = desk.consults.objections(consult.id)
        if consult.status is ConsultStatus.PENDING:
            assert consult.outcome_reason and consult.decided_on is None
            assert objections
            assert any(f.done_at is None for f in follow_ups)
        if consult.status is ConsultStatus.DECLINED:
            assert consult.outcome_reason and objections and consult.decided_on
        if consult.status is ConsultStatus.OBSERVATION:
            assert any("6-month" in f.reason for f in follow_ups)
            recall = follow_ups[0].due_on - consult.consult_date
            assert timedelta(days=175) <= recall <= timedelta(days=190)
    pending = [c for c in desk.consults.all() if c.status is ConsultStatus.PENDING]
    assert any(desk.consults.latest_plan(c.id) is not None for c in pending)


def test_todays_consults_are_ready_to_present(desk: Desk, content: DemoContent) -> None:
    today = [c for c in desk.consults.all() if c.consult_date == DAY]
    assert 3 <= len(today) <= 4
    assert {c.id for c in today} == _today_ids(content)
    assert [c.local_time for c in content.today] == ["09:00", "10:30", "14:00", "15:30"]
    shapes = set()
    for consult in today:
        assert consult.status is ConsultStatus.SCHEDULED
        assert consult.chief_concern and consult.priorities
        file = desk.consults.load_file(consult.id)
        assert file is not None and file.findings and file.options
        assert sum(o.recommended for o in file.options) == 1
        assert not file.notes and not file.objections and file.plan is None
        assert not desk.consults.follow_ups(consult.id)
        patient = desk.patients.get(consult.patient_id)
        assert patient is not None
        age = patient.age_on(DAY)
        kinds = [o.treatment_type for o in file.options]
        insured = bool(desk.patients.insurance(patient.id))
        if 13 <= age <= 17 and insured and len(kinds) == 3:
            shapes.add("teen")
        if age >= 18 and kinds[0] is TreatmentType.CLEAR_ALIGNERS:
            shapes.add("adult aligners")
        if age == 8 and kinds[0] is TreatmentType.PHASE_ONE:
            shapes.add("phase one")
    assert shapes == {"teen", "adult aligners", "phase one"}


def test_upcoming_and_missed_consults_hold_only_the_intake(desk: Desk) -> None:
    for consult in desk.consults.all():
        if consult.status is ConsultStatus.NO_SHOW or (
            consult.status is ConsultStatus.SCHEDULED and consult.consult_date > DAY
        ):
            assert consult.chief_concern and consult.priorities
            assert not desk.consults.findings(consult.id)
            assert not desk.consults.options(consult.id)
            assert desk.consults.latest_plan(consult.id) is None


def test_today_two_families_are_here_and_a_cancelled_consult_keeps_its_reason(desk: Desk) -> None:
    from tcdesk.services.demo import demo_id

    today = [c for c in desk.consults.all() if c.consult_date == DAY]
    arrived = sorted(c.id for c in today if c.arrived_at is not None)
    assert arrived == sorted(
        demo_id("consult", key) for key in ("zoe_martinez_reyes", "mary_kate_obrien")
    )
    for consult in today:
        if consult.arrived_at is not None:
            assert UTC_STAMP.match(consult.arrived_at)
            assert consult.arrived_at < consult.scheduled_at
    own = {c.id for c in compose_demo(DAY).consults}  # the hand-made families, not the history
    (cancelled,) = [
        c for c in desk.consults.all() if c.status is ConsultStatus.CANCELLED and c.id in own
    ]
    assert cancelled.outcome_reason == "Had to work late; rebooked for a morning."
    assert cancelled.consult_date < DAY
