"""A consultation and everything said and decided in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from tcdesk.domain.enums import (
    ConditionCode,
    ConsultStatus,
    Objection,
    RemainderPlacement,
    Severity,
    TreatmentType,
)
from tcdesk.domain.practice import FinancialPolicy


@dataclass(frozen=True)
class Consult:
    id: str
    patient_id: str
    office_id: str
    coordinator_id: str
    doctor_id: str
    scheduled_at: str  # UTC ISO-8601
    chief_concern: str = ""  # in the family's own words
    priorities: tuple[str, ...] = ()
    status: ConsultStatus = ConsultStatus.SCHEDULED
    outcome_reason: str = ""  # why declined / what holds them back
    decided_on: date | None = None
    planned_start: date | None = None
    started_on: date | None = None
    flow_id: str = ""
    chosen_option_id: str | None = None
    duration_minutes: int = 60
    arrived_at: str | None = None  # UTC ISO-8601 when the family checked in
    warmth: str = ""  # the TC's hot/warm/cold (a Warmth value) on "thinking it over"
    recall_on: date | None = None  # observation or recall: when they are seen again
    lead_id: str | None = None  # the lead this consult was booked from

    @property
    def consult_date(self) -> date:
        """The local calendar day of the consult (stored time is UTC)."""
        return datetime.fromisoformat(self.scheduled_at).astimezone().date()

    @property
    def same_day_start(self) -> bool:
        return self.started_on is not None and self.started_on == self.consult_date


@dataclass(frozen=True)
class Finding:
    id: str
    consult_id: str
    code: ConditionCode
    severity: Severity
    note: str = ""
    position: int = 0


@dataclass(frozen=True)
class TreatmentOption:
    id: str
    consult_id: str
    treatment_type: TreatmentType
    title: str
    description: str
    estimated_months: int
    visit_interval_weeks: int
    fee_cents: int
    recommended: bool = False
    position: int = 0
    fee_schedule_id: str | None = None  # the fee schedule line it came from
    schedule_fee_cents: int | None = None  # that line's fee when the option was made
    fee_reason: str = ""  # why the fee differs from the schedule's


@dataclass(frozen=True)
class Discount:
    """A named discount the TC applied to this consult (family, courtesy ...)."""

    name: str
    percent: Decimal | None = None
    amount_cents: int | None = None
    family: bool = False  # a family/sibling discount (the policy caps these separately)


@dataclass(frozen=True)
class PaymentPlan:
    """The payment choice a family made; each save is a new row (history kept)."""

    id: str
    consult_id: str
    option_id: str
    choice_key: str  # e.g. "pay_in_full", "standard", "low_down", "custom"
    down_cents: int
    months: int  # 0 = pay in full
    apr_pct: Decimal
    agreement_date: date
    first_due: date | None
    remainder: RemainderPlacement = RemainderPlacement.FIRST
    discounts: tuple[Discount, ...] = ()
    over_limit_reason: str = ""
    created_at: str = ""
    created_by: str | None = None
    # The money rules the plan was quoted under (a snapshot taken when it is saved), so
    # a later policy change leaves it and its agreement alone; None: an old store's plan.
    policy: FinancialPolicy | None = None


@dataclass(frozen=True)
class Note:
    """Private coordinator note. Append-only: an edit is a new row that ``revises`` the last."""

    id: str
    consult_id: str
    body: str
    created_at: str
    author_id: str | None = None
    revises: str | None = None


@dataclass(frozen=True)
class ObjectionLog:
    id: str
    consult_id: str
    objection: Objection
    created_at: str
    author_id: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class FollowUp:
    id: str
    consult_id: str
    due_on: date
    reason: str  # the one thing holding them back
    created_at: str
    assigned_to: str | None = None
    done_at: str | None = None


@dataclass(frozen=True)
class PatientPhoto:
    id: str
    patient_id: str
    path: str  # under the data folder (imports) or assets/ (the demo)
    caption: str = ""
    position: int = 0
    consult_id: str | None = None
    kind: str = "photo"  # "photo" or "xray"
    sha256: str = ""
    width: int = 0
    height: int = 0
    original_path: str = ""  # the untouched file under the media folder, if kept (m011)


@dataclass(frozen=True)
class ConsultFile:
    """Everything needed to present one consult, loaded in one go."""

    consult: Consult
    findings: tuple[Finding, ...] = ()
    options: tuple[TreatmentOption, ...] = ()
    plan: PaymentPlan | None = None
    notes: tuple[Note, ...] = field(default=())
    objections: tuple[ObjectionLog, ...] = ()


@dataclass(frozen=True)
class SavedSession:
    """The live state of a consult as last saved: enough to resume after a crash."""

    consult_id: str
    flow_id: str
    step_id: str
    step_index: int
    started: bool = False
    blank: str = ""  # "", "black" or "white"
    checked: tuple[str, ...] = ()
    draft_note: str = ""
    note_id: str | None = None  # the latest saved revision of this session's note
    elapsed_seconds: int = 0
    updated_at: str = ""
    ended_at: str | None = None
