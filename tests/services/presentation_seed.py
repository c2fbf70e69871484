"""One small practice for the presentation service tests: 13-year-old Emma's consult."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

from tcdesk.domain import (
    ConditionCode,
    Consult,
    FinancialPolicy,
    Finding,
    InsurancePolicy,
    InsuranceRank,
    LeadSource,
    Note,
    Objection,
    ObjectionLog,
    Office,
    Patient,
    PatientPhoto,
    Practice,
    Severity,
    Staff,
    StaffRole,
    TreatmentOption,
    TreatmentType,
)
from tcdesk.render import load_content
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tests.conftest import local_moment

TODAY = date(2026, 11, 27)
NOW = local_moment(TODAY, 15)
MARKER = "PRIVATE-7f3a"
CONTENT = load_content()


def open_desk(store: Path) -> Iterator[Desk]:
    """The test's own practice file on a clock fixed at 15:00 local on TODAY (a fixture body)."""
    desk = Desk.open(store, clock=lambda: NOW)
    yield desk
    desk.close()


def seed(
    desk: Desk,
    *,
    birth: date = date(2013, 5, 2),
    insured: bool = True,
    lead: LeadSource = LeadSource.PHONE,
) -> str:
    """A practice with one consult: 13-year-old Emma, two findings, three options."""
    _seed_practice(desk)
    _seed_patient(desk, birth=birth, insured=insured, lead=lead)
    return _seed_consult(desk)


def _seed_practice(desk: Desk) -> None:
    practice = Practice(
        "pr", "Bright Smiles Orthodontics", phone="(614) 555-0100", logo_path="brand/demo_logo.svg"
    )
    desk.practices.save(practice)
    desk.practices.save_office(Office("of", "pr", "Westerville", phone="(614) 555-0101"))
    desk.practices.save_staff(Staff("dr", "pr", StaffRole.DOCTOR, "Dr. Priya Raman", "DDS, MS"))
    desk.practices.save_staff(
        Staff("tc", "pr", StaffRole.COORDINATOR, "Jessica Alvarez", "Treatment Coordinator")
    )
    desk.practices.save_policy(
        FinancialPolicy(
            "pr",
            min_down_pct=Decimal("20"),
            min_down_cents=50_000,
            low_down_cents=25_000,
            max_months=24,
            extended_max_months=24,
            pif_discount_pct=Decimal("5"),
            max_courtesy_pct=Decimal("10"),
        )
    )


def _seed_patient(desk: Desk, *, birth: date, insured: bool, lead: LeadSource) -> None:
    desk.patients.save(
        Patient(
            "pa",
            "pr",
            "Emily",
            "Johnson",
            birth,
            preferred_name="Emma",
            lead_source=lead,
            office_id="of",
            created_at="2026-11-20T10:00:00+00:00",
        )
    )
    if insured:
        desk.patients.save_insurance(
            InsurancePolicy(
                "in",
                "pa",
                InsuranceRank.PRIMARY,
                "Delta Dental",
                Decimal("50"),
                150_000,
                age_limit=19,
            )
        )
    desk.patients.save_photo(PatientPhoto("ph", "pa", "photos/emma_front.jpg", "Front"))


def _seed_consult(desk: Desk) -> str:
    desk.consults.save(
        Consult(
            "co",
            "pa",
            "of",
            "tc",
            "dr",
            utc_iso(NOW),
            chief_concern="Her front teeth are crooked.",
            priorities=("School photos", "Soccer"),
            planned_start=date(2026, 12, 10),
        )
    )
    desk.consults.save_finding(
        Finding(
            "f1",
            "co",
            ConditionCode.CROWDING,
            Severity.MODERATE,
            note=f"{MARKER} UR3 blocked out",
            position=0,
        )
    )
    desk.consults.save_finding(
        Finding("f2", "co", ConditionCode.DEEP_BITE, Severity.MILD, position=1)
    )
    for position, (oid, kind, title, months, weeks, fee, rec) in enumerate(
        [
            ("o1", TreatmentType.METAL_BRACES, "Metal braces", 24, 6, 580_000, True),
            ("o2", TreatmentType.CLEAR_BRACES, "Clear braces", 24, 6, 640_000, False),
            ("o3", TreatmentType.CLEAR_ALIGNERS, "Clear aligners", 20, 8, 620_000, False),
        ]
    ):
        desk.consults.save_option(
            TreatmentOption(
                oid,
                "co",
                kind,
                title,
                "Line one\nLine two",
                months,
                weeks,
                fee,
                recommended=rec,
                position=position,
            )
        )
    desk.consults.add_note(
        Note("n1", "co", f"{MARKER} dad worried about cost", "2026-11-27T15:05:00+00:00")
    )
    desk.consults.add_objection(
        ObjectionLog("ob", "co", Objection.COST, "2026-11-27T15:06:00+00:00", detail=MARKER)
    )
    return "co"
