"""What the printed documents hold: plain values gathered once, then laid out.

``AgreementData`` is everything the financial agreement prints and
``SummaryData`` everything the take-home summary prints. The service layer
(``tcdesk.services.agreement_data``) fills them from the practice file; the
PDF builders never read the store, so a document can be rebuilt from these
values alone (and tests build them by hand).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType

from tcdesk.documents.agreement_words import ENGLISH_WORDS, AgreementWords
from tcdesk.money import Quote

RESPONSIBLE = "responsible"
PRACTICE = "practice"
SIGNER_ROLES = (RESPONSIBLE, PRACTICE)
DEFAULT_BRAND_COLOR = "#1F6F8B"
DAYS_PER_MONTH_OF_VALIDITY = MappingProxyType({365: 12, 366: 12, 730: 24, 180: 6, 183: 6, 90: 3})


def months_of_validity(days: int) -> int | None:
    """An estimate's validity in whole months, when its days are a usual number of months."""
    return DAYS_PER_MONTH_OF_VALIDITY.get(days)


@dataclass(frozen=True)
class PartyLine:
    """A responsible party as printed: ``relationship`` is a word ("Mother", "Self")."""

    name: str
    relationship: str


@dataclass(frozen=True)
class SignatureMark:
    """A captured signature: drawn on the signer's line with "Signed <date time>".

    ``signer`` is the printed name it belongs to (a responsible party's name,
    or the coordinator's for ``role == "practice"``); ``png`` is the ink.
    """

    signer: str
    role: str  # "responsible" | "practice"
    png: bytes
    signed_at: datetime

    def __post_init__(self) -> None:
        if self.role not in SIGNER_ROLES:
            raise ValueError(f"signature role must be one of {SIGNER_ROLES}, not {self.role!r}")


@dataclass(frozen=True)
class AgreementData:
    """One financial agreement, version ``version`` of agreement ``number``.

    ``quote`` carries every figure (fee breakdown, schedule, Truth in Lending);
    the rest is who, what and the practice's policy terms. ``logo_path`` is
    absolute or empty. ``void_reason`` non-empty prints the agreement as VOID.
    """

    # practice and office
    practice_name: str
    practice_address: str
    practice_phone: str
    logo_path: str
    office_name: str
    office_address: str
    office_phone: str
    # the agreement itself
    number: str
    version: int
    issued_on: date
    # who
    patient_legal_name: str
    patient_preferred_name: str
    patient_birth_date: date
    responsible: tuple[PartyLine, ...]
    # what
    treatment_category: str  # "Comprehensive", "Phase I", "Limited", ...
    option_title: str
    estimated_months: int
    planned_start: date | None
    visit_interval_weeks: int
    # money
    quote: Quote
    # policy terms
    late_fee: Decimal
    late_fee_days: int
    returned_payment_fee: Decimal
    estimate_valid_days: int
    creditor_name: str
    coordinator_name: str
    coordinator_title: str = "Treatment Coordinator"
    signatures: tuple[SignatureMark, ...] = ()
    void_reason: str = ""
    brand_color: str = DEFAULT_BRAND_COLOR
    # The practice's own terms template (Settings); "" prints the shipped one.
    terms_text: str = ""
    # The family's language: its words and its money and dates (English by default);
    # ``terms_file`` the language's own terms template ("": the practice's or English).
    language: str = "en"
    words: AgreementWords = ENGLISH_WORDS
    terms_file: str = ""
    # Figures only the terms print (the financial policy; defaults as the terms always had).
    extra_month_fee: Decimal = Decimal("150")
    default_after_days: int = 60
    records_transfer_fee: Decimal = Decimal("50")

    @property
    def is_void(self) -> bool:
        return bool(self.void_reason.strip())

    @property
    def title(self) -> str:
        """The PDF's metadata title."""
        return f"Financial Agreement {self.number}"

    def signature_for(self, signer: str, role: str) -> SignatureMark | None:
        """The latest mark for ``signer`` in ``role`` (practice: any practice mark)."""
        found = None
        for mark in self.signatures:
            if mark.role != role:
                continue
            if role == PRACTICE or _same_name(mark.signer, signer):
                found = mark
        return found


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# -- take-home summary ------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryFinding:
    """One thing the doctor found, in plain words, with its drawing (absolute path or "")."""

    code: str
    label: str
    severity: str  # the severity's label ("Moderate")
    what_it_is: str
    if_untreated: str
    note: str = ""
    illustration: str = ""


@dataclass(frozen=True)
class SummaryOption:
    title: str
    description: str
    category: str
    months: int
    visit_interval_weeks: int
    fee: Decimal
    recommended: bool = False
    chosen: bool = False


@dataclass(frozen=True)
class SummaryPhase:
    """A timeline phase, in months from the planned start; ``date_label`` may be ""."""

    name: str
    detail: str
    start_month: int
    end_month: int
    date_label: str = ""


@dataclass(frozen=True)
class SummaryChoice:
    """One way to pay, as the family saw it on the investment screen."""

    key: str
    label: str
    down_payment: Decimal
    monthly_payment: Decimal
    months: int
    total_paid: Decimal
    finance_charge: Decimal
    apr: Decimal
    savings: Decimal = Decimal("0.00")
    chosen: bool = False


@dataclass(frozen=True)
class SummaryData:
    """The take-home summary of one consult."""

    practice_name: str
    practice_address: str
    practice_phone: str
    practice_website: str
    logo_path: str
    office_name: str
    office_address: str
    office_phone: str
    patient_name: str  # the name the family uses (preferred first name)
    consult_date: date
    prepared_on: date
    doctor_name: str
    chief_concern: str
    findings: tuple[SummaryFinding, ...]
    options: tuple[SummaryOption, ...]
    timeline_option: str  # the option the timeline and payments are for
    timeline_months: int
    planned_start: date | None
    phases: tuple[SummaryPhase, ...]
    choices: tuple[SummaryChoice, ...]
    total_fee: Decimal
    discounts: Decimal
    insurance_estimate: Decimal
    patient_portion: Decimal
    insurance_disclaimer: str
    status: str  # ConsultStatus value
    started_on: date | None
    follow_up_on: date | None
    coordinator_name: str
    coordinator_title: str
    coordinator_phone: str
    coordinator_email: str
    timeline_visit_weeks: int = 0
    estimate_valid_days: int = 365
    brand_color: str = DEFAULT_BRAND_COLOR
    # the family's language: its code, babel locale and words (summary_text.toml; "" the
    # shipped English one)
    language: str = "en"
    locale: str = "en_US"
    text_file: str = ""

    @property
    def title(self) -> str:
        return f"Consultation summary for {self.patient_name}"
