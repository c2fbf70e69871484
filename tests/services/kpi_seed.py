"""Fixed consults and leads with hand-computed numbers, for the KPI tests.

Lakeside Orthodontics (tests/intake_practice.py) gains a second office
(Hillcrest), a second coordinator (Ben Cho) and a second doctor (Dr. Mia Kim).
The period is 1 Sep - 31 Oct 2026; every figure the tests expect is worked out
by hand in tests/services/test_kpi.py from the table below.

| consult | day    | TC  | office    | doctor | source  | flow     | what happened |
|---------|--------|-----|-----------|--------|---------|----------|---------------|
| C1      | Sep 2  | Ana | Lakeside  | Lee    | phone   | short    | started the same day |
| C2      | Sep 3  | Ana | Lakeside  | Lee    | website | short    | bands on day 45 (counts) |
| C3      | Sep 4  | Ben | Hillcrest | Kim    | phone   | standard | bands on day 46 (does not) |
| C4      | Sep 10 | Ben | Hillcrest | Kim    | website | standard | agreement signed day 10 |
| C5      | Sep 15 | Ana | Lakeside  | Lee    | phone   | standard | pending (a)  |
| C6      | Oct 1  | Ben | Hillcrest | Kim    | website | standard | pending (b)  |
| C7      | Oct 2  | Ana | Lakeside  | Lee    | phone   | standard | declined (came from lead L3) |
| C8      | Oct 5  | Ana | Hillcrest | Lee    | website | standard | observation |
| C9      | Oct 6  | Ben | Lakeside  | Lee    | phone   | standard | no-show |
| C10     | Oct 7  | Ben | Lakeside  | Lee    | phone   | standard | cancelled |
| C11     | Oct 8  | Ana | Lakeside  | Lee    | phone   | standard | still only booked |
| C12     | Oct 9  | Ana | Lakeside  | Lee    | phone   | standard | referred out |
| C13     | Aug 31 | Ana | Lakeside  | Lee    | phone   | standard | started (before the period) |
| C14     | Nov 1  | Ana | Lakeside  | Lee    | phone   | standard | started (after the period) |

(a) an insured teen, $5,000 recommended, called the next day.
(b) chose $4,000 with $200 off; signed, then voided; follow-up closed Oct 9.

Leads: L1 Sep 1 phone -> C1 (held); L2 Sep 5 website -> C9 (a no-show);
L3 Sep 20 phone (C7 names it as its lead); L4 Aug 1 phone (before the period).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from tcdesk.domain import (
    Consult,
    ConsultStatus,
    Discount,
    FollowUp,
    InsurancePolicy,
    InsuranceRank,
    LeadSource,
    Office,
    OfficeKind,
    Patient,
    PaymentPlan,
    Staff,
    StaffRole,
    TreatmentOption,
    TreatmentType,
)
from tcdesk.domain.agreement import Agreement, AgreementEvent, AgreementEventKind, sha256_hex
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.store.agreement_repo import AgreementRepository
from tcdesk.store.codec import to_row
from tests.conftest import local_moment

FROM, TO = date(2026, 9, 1), date(2026, 10, 31)
Y = 2026


def _at(day: date, hour: int = 10) -> str:
    return utc_iso(local_moment(day, hour))


def seed(desk: Desk) -> dict[str, str]:
    """Write the table above; returns the consult ids by name (C1 ... C14)."""
    practice = desk.practice()
    assert practice is not None
    staff = desk.practices.staff(practice.id)
    ana = next(s for s in staff if s.role is StaffRole.COORDINATOR)
    lee = next(s for s in staff if s.role is StaffRole.DOCTOR)
    lakeside = desk.practices.offices(practice.id)[0]
    hill = Office("office-hill", practice.id, "Hillcrest", OfficeKind.SATELLITE)
    ben = Staff("staff-ben", practice.id, StaffRole.COORDINATOR, "Ben Cho")
    kim = Staff("staff-kim", practice.id, StaffRole.DOCTOR, "Dr. Mia Kim")
    ids: dict[str, str] = {}
    with desk.transaction():
        desk.practices.save_office(hill)
        desk.practices.save_staff(ben)
        desk.practices.save_staff(kim)
        rows = [
            ("C1", date(Y, 9, 2), ana, lakeside, lee, "phone", "short", "started", 0),
            ("C2", date(Y, 9, 3), ana, lakeside, lee, "website", "short", "started", 45),
            ("C3", date(Y, 9, 4), ben, hill, kim, "phone", "standard", "started", 46),
            ("C4", date(Y, 9, 10), ben, hill, kim, "website", "standard", "accepted", None),
            ("C5", date(Y, 9, 15), ana, lakeside, lee, "phone", "standard", "pending", None),
            ("C6", date(Y, 10, 1), ben, hill, kim, "website", "standard", "pending", None),
            ("C7", date(Y, 10, 2), ana, lakeside, lee, "phone", "standard", "declined", None),
            ("C8", date(Y, 10, 5), ana, hill, lee, "website", "standard", "observation", None),
            ("C9", date(Y, 10, 6), ben, lakeside, lee, "phone", "standard", "no_show", None),
            ("C10", date(Y, 10, 7), ben, lakeside, lee, "phone", "standard", "cancelled", None),
            ("C11", date(Y, 10, 8), ana, lakeside, lee, "phone", "standard", "scheduled", None),
            ("C12", date(Y, 10, 9), ana, lakeside, lee, "phone", "standard", "referred_out", None),
            ("C13", date(Y, 8, 31), ana, lakeside, lee, "phone", "standard", "started", 0),
            ("C14", date(Y, 11, 1), ana, lakeside, lee, "phone", "standard", "started", 0),
        ]
        for name, day, tc, office, doctor, source, flow, status, start_after in rows:
            patient = Patient(
                id=f"patient-{name}",
                practice_id=practice.id,
                legal_first=name,
                legal_last="Family",
                birth_date=date(2012, 3, 4),
                lead_source=LeadSource(source),
                office_id=office.id,
                created_at=_at(day),
            )
            desk.patients.save(patient)
            consult = Consult(
                id=f"consult-{name}",
                patient_id=patient.id,
                office_id=office.id,
                coordinator_id=tc.id,
                doctor_id=doctor.id,
                scheduled_at=_at(day),
                status=ConsultStatus.SCHEDULED if status == "referred_out" else status,
                flow_id=flow,
                started_on=None if start_after is None else day + timedelta(days=start_after),
            )
            ids[name] = consult.id
            if status == "referred_out":  # a status the enum does not know yet (issue 10)
                desk.records.upsert_row("consults", {**to_row(consult), "status": status})
            else:
                desk.consults.save(consult)
        _pending_money(desk, ids)
        _agreements(desk, ids)
        _leads(desk, practice.id, ids)
    return ids


def _option(consult_id: str, key: str, fee_cents: int, recommended: bool) -> TreatmentOption:
    return TreatmentOption(
        id=f"{consult_id}-{key}",
        consult_id=consult_id,
        treatment_type=TreatmentType.METAL_BRACES,
        title=key,
        description="Braces. Two years. Visits monthly.",
        estimated_months=24,
        visit_interval_weeks=6,
        fee_cents=fee_cents,
        recommended=recommended,
        position=0 if recommended else 1,
    )


def _pending_money(desk: Desk, ids: dict[str, str]) -> None:
    """C5: recommended $5,000, insurance 50% up to $1,500 -> $3,500. C6: chose $4,000, $200 off."""
    c5, c6 = ids["C5"], ids["C6"]
    desk.consults.save_option(_option(c5, "aligners", 300_000, False))
    desk.consults.save_option(_option(c5, "braces", 500_000, True))
    desk.patients.save_insurance(
        InsurancePolicy(
            id="ins-C5",
            patient_id="patient-C5",
            rank=InsuranceRank.PRIMARY,
            carrier="Delta Dental",
            coverage_pct=Decimal("50"),
            lifetime_max_cents=150_000,
            age_limit=19,
        )
    )
    desk.consults.save_option(_option(c6, "recommended", 600_000, True))
    chosen = _option(c6, "chosen", 400_000, False)
    desk.consults.save_option(chosen)
    consult = desk.consults.get(c6)
    assert consult is not None
    desk.consults.save(replace(consult, chosen_option_id=chosen.id))
    desk.consults.add_plan(
        PaymentPlan(
            id="plan-C6",
            consult_id=c6,
            option_id=chosen.id,
            choice_key="pay_in_full",
            down_cents=0,
            months=0,
            apr_pct=Decimal("0"),
            agreement_date=date(Y, 10, 1),
            first_due=None,
            discounts=(Discount("Courtesy", amount_cents=20_000),),
            created_at=_at(date(Y, 10, 1)),
        )
    )
    # C5 was called the next day (Wednesday 16 Sep: within 2 business days).
    desk.db["contacts"].insert(
        {
            "id": "contact-C5",
            "consult_id": c5,
            "kind": "call",
            "result": "left a message",
            "at": _at(date(Y, 9, 16), 11),
        }
    )
    # C6's follow-up was closed on Friday 9 Oct: later than 2 business days after 1 Oct.
    desk.consults.save_follow_up(
        FollowUp(
            id="fu-C6",
            consult_id=c6,
            due_on=date(Y, 10, 8),
            reason="cost",
            created_at=_at(date(Y, 10, 1)),
            done_at=_at(date(Y, 10, 9), 12),
        )
    )


def _agreements(desk: Desk, ids: dict[str, str]) -> None:
    """C4 signed on day 10 (a start); C6 signed and then voided (not a start)."""
    repo = AgreementRepository(desk.records)
    for name, signed_on, voided in (("C4", date(Y, 9, 20), False), ("C6", date(Y, 10, 2), True)):
        consult_id = ids[name]
        plan_id = f"plan-{name}" if name == "C6" else "plan-C4"
        if name == "C4":
            desk.consults.save_option(_option(consult_id, "braces", 550_000, True))
            desk.consults.add_plan(
                PaymentPlan(
                    id=plan_id,
                    consult_id=consult_id,
                    option_id=f"{consult_id}-braces",
                    choice_key="pay_in_full",
                    down_cents=0,
                    months=0,
                    apr_pct=Decimal("0"),
                    agreement_date=date(Y, 9, 10),
                    first_due=None,
                    created_at=_at(date(Y, 9, 10)),
                )
            )
        pdf = f"%PDF {name}".encode()
        agreement = Agreement(
            id=f"agr-{name}",
            consult_id=consult_id,
            number=f"A-{name}",
            version=1,
            plan_id=plan_id,
            pdf=pdf,
            sha256=sha256_hex(pdf),
            created_at=_at(signed_on, 9),
        )
        repo.add(agreement)
        repo.add_event(
            AgreementEvent(f"ev-{name}-s", agreement.id, AgreementEventKind.SIGNED, _at(signed_on))
        )
        if voided:
            repo.add_event(
                AgreementEvent(
                    f"ev-{name}-v", agreement.id, AgreementEventKind.VOIDED, _at(signed_on, 14)
                )
            )


def _leads(desk: Desk, practice_id: str, ids: dict[str, str]) -> None:
    for name, day, channel, consult in (
        ("L1", date(Y, 9, 1), "phone", ids["C1"]),
        ("L2", date(Y, 9, 5), "website", ids["C9"]),
        ("L3", date(Y, 9, 20), "phone", None),
        ("L4", date(Y, 8, 1), "phone", None),
    ):
        desk.records.upsert_row(
            "leads",
            {
                "id": f"lead-{name}",
                "practice_id": practice_id,
                "family_name": f"{name} Family",
                "channel": channel,
                "contacted_at": _at(day, 9),
                "consult_id": consult,
                "status": "consult_booked" if consult else "new",
                "created_at": _at(day, 9),
            },
        )
    c7 = desk.consults.get(ids["C7"])
    assert c7 is not None
    desk.records.upsert_row("consults", {**to_row(c7), "lead_id": "lead-L3"})
