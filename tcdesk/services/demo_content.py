"""What the demo writes, as domain objects, and how its ids are made.

Shared by the composer (``demo_compose``) and the writer (``demo``): ids are
``stable_id("demo", ...)``, so the same day always gives the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tcdesk.domain import (
    Consult,
    ConsultStatus,
    FeeScheduleItem,
    FinancialPolicy,
    Finding,
    FollowUp,
    InsurancePolicy,
    Note,
    ObjectionLog,
    Office,
    Patient,
    PaymentPlan,
    Practice,
    ResponsibleParty,
    Staff,
    TreatmentOption,
)
from tcdesk.services.ids import stable_id

SEED = "tcdesk-demo-1"
DEMO_PRACTICE_ID = stable_id("demo", "practice")
HELD = frozenset(
    {
        ConsultStatus.PENDING,
        ConsultStatus.ACCEPTED,
        ConsultStatus.STARTED,
        ConsultStatus.DECLINED,
        ConsultStatus.OBSERVATION,
    }
)


def demo_id(*parts: str) -> str:
    return stable_id("demo", *parts)


@dataclass(frozen=True)
class DemoConsult:
    """One of today's consults, for the summary."""

    consult_id: str
    patient_id: str
    patient_name: str
    local_time: str  # "HH:MM" in the practice's time zone
    flow_id: str


@dataclass(frozen=True)
class DemoContent:
    """Everything the demo writes, as domain objects, in writing order."""

    practice: Practice
    offices: tuple[Office, ...]
    staff: tuple[Staff, ...]
    fees: tuple[FeeScheduleItem, ...]
    policy: FinancialPolicy
    patients: tuple[Patient, ...] = ()
    parties: tuple[ResponsibleParty, ...] = ()
    insurance: tuple[InsurancePolicy, ...] = ()
    consults: tuple[Consult, ...] = ()
    findings: tuple[Finding, ...] = ()
    options: tuple[TreatmentOption, ...] = ()
    plans: tuple[PaymentPlan, ...] = ()
    notes: tuple[Note, ...] = ()
    objections: tuple[ObjectionLog, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    today: tuple[DemoConsult, ...] = field(default=())
