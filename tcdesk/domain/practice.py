"""The practice, its offices, its people, its fees and its money rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tcdesk.domain.enums import OfficeKind, RemainderPlacement, StaffRole, TreatmentType


@dataclass(frozen=True)
class Practice:
    id: str
    name: str
    phone: str = ""
    email: str = ""
    website: str = ""
    brand_color: str = "#1F6F8B"
    logo_path: str = ""  # relative to assets/ or absolute
    address: str = ""
    agreement_terms: str = ""  # the practice's own terms template; "" = the shipped one
    lock_after_minutes: int = 5  # the desk locks itself after this long without a key or click
    # The practice's targets (m008): percents, and "follow up within N business days".
    target_acceptance_pct: Decimal = Decimal("75")
    target_same_day_pct: Decimal = Decimal("35")
    target_follow_up_business_days: int = 2
    # Imports keep a copy sized for the largest screen; the camera's file only if asked (m011).
    keep_original_photos: bool = False


@dataclass(frozen=True)
class Office:
    id: str
    practice_id: str
    name: str
    kind: OfficeKind = OfficeKind.MAIN
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Staff:
    id: str
    practice_id: str
    role: StaffRole
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    office_id: str | None = None
    active: bool = True  # someone who left stays on old records but is not offered
    admin: bool = False  # may change fees, policy, terms and staff (the admin role always may)


@dataclass(frozen=True)
class FeeScheduleItem:
    """The practice's standard fee for one kind of treatment."""

    id: str
    practice_id: str
    treatment_type: TreatmentType
    name: str
    fee_cents: int
    typical_months: int
    visit_interval_weeks: int = 6
    description: str = ""  # what the family reads about this treatment
    position: int = 0


@dataclass(frozen=True)
class ReferringDoctor:
    """A dentist or doctor who sends families to the practice."""

    id: str
    practice_id: str
    name: str
    practice_name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class FinancialPolicy:
    """The owner's money rules; the TC works inside them."""

    practice_id: str
    min_down_pct: Decimal = Decimal("20")
    min_down_cents: int = 25_000
    low_down_cents: int = 25_000
    max_months: int = 24
    extended_max_months: int = 36
    pif_discount_pct: Decimal = Decimal("5")
    family_discount_pct: Decimal = Decimal("0")
    apr_pct: Decimal = Decimal("0")
    extended_apr_pct: Decimal = Decimal("0")
    late_fee_cents: int = 3_500
    late_after_days: int = 10
    returned_payment_fee_cents: int = 3_500
    estimate_valid_days: int = 365
    remainder: RemainderPlacement = RemainderPlacement.FIRST
    forgone_pif_is_finance_charge: bool = True
    # Usual rule: the pay-in-full discount does not stack on a family/courtesy discount.
    pif_combines_with_discounts: bool = False
    max_courtesy_pct: Decimal = Decimal("10")  # internal: never shown to a family
    # Figures only the agreement's terms print (m006); the defaults are the ones the
    # shipped terms always had, so a plan saved before keeps printing the same terms.
    extra_month_fee_cents: int = 15_000  # each month added by non-compliance
    default_after_days: int = 60  # days past due before the account is in default
    records_transfer_fee_cents: int = 5_000  # copies of records for another orthodontist
