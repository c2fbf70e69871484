"""The patient, who pays for them, and the insurance that may help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tcdesk.domain.enums import InsuranceRank, LeadSource, PayoutFrequency, Relationship


@dataclass(frozen=True)
class Patient:
    id: str
    practice_id: str
    legal_first: str
    legal_last: str
    birth_date: date
    preferred_name: str = ""
    email: str = ""
    phone: str = ""
    preferred_language: str = "en"
    lead_source: LeadSource = LeadSource.PHONE
    referrer: str = ""
    office_id: str | None = None
    created_at: str = ""
    external_id: str = ""  # the id in the practice-management system it came from
    referrer_kind: str = ""  # "", "patient", "doctor": what ``referrer_id`` points at
    referrer_id: str | None = None
    # False for a walk-in whose date of birth was not asked yet; ``birth_date``
    # then holds the day they came in and must not be shown or used as an age.
    birth_date_known: bool = True

    @property
    def display_first(self) -> str:
        return self.preferred_name or self.legal_first

    @property
    def display_name(self) -> str:
        return f"{self.display_first} {self.legal_last}".strip()

    @property
    def legal_name(self) -> str:
        return f"{self.legal_first} {self.legal_last}".strip()

    def age_on(self, day: date) -> int:
        had_birthday = (day.month, day.day) >= (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - (0 if had_birthday else 1)

    def is_minor_on(self, day: date) -> bool:
        return self.age_on(day) < 18


@dataclass(frozen=True)
class ResponsibleParty:
    """A person who signs and pays; a minor needs at least one who is not the patient."""

    id: str
    patient_id: str
    name: str
    relationship: Relationship
    phone: str = ""
    email: str = ""
    address: str = ""
    position: int = 0
    pays: bool = False  # responsible for the account (signs the financial agreement)


@dataclass(frozen=True)
class InsurancePolicy:
    id: str
    patient_id: str
    rank: InsuranceRank
    carrier: str
    coverage_pct: Decimal
    lifetime_max_cents: int
    used_cents: int = 0
    age_limit: int | None = 19
    initial_pct: Decimal = Decimal("25")
    payout: PayoutFrequency = PayoutFrequency.MONTHLY
    subscriber: str = ""
    member_id: str = ""


@dataclass(frozen=True)
class PatientListEntry:
    """One row of the patient list: who, and where their latest consult stands.

    On the day's list (``services.patient_overview.search_patients`` with a day)
    the ``latest_*`` fields hold that day's consult instead, and ``state`` /
    ``state_label`` say where it stands right now ("here", "Here since 9:05 AM").
    """

    patient: Patient
    responsible: str
    latest_consult_id: str | None
    latest_consult_at: str | None
    latest_status: str | None
    office_name: str
    state: str = ""  # the day's list only: services.today_board.consult_state's key
    state_label: str = ""
