"""Closed sets of the consult world. Values are what the database stores."""

from __future__ import annotations

from enum import StrEnum


class LeadSource(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    TEXT = "text"
    SOCIAL_MEDIA = "social_media"
    WEBSITE = "website"
    DOCTOR_REFERRAL = "doctor_referral"
    PATIENT_REFERRAL = "patient_referral"
    WALK_IN = "walk_in"


class LeadStatus(StrEnum):
    """Where a lead stands before it has a consult (the values ``leads.status`` stores)."""

    NEW = "new"
    CONTACTED = "contacted"
    CONSULT_BOOKED = "consult_booked"
    NOT_INTERESTED = "not_interested"
    UNREACHABLE = "unreachable"


class Warmth(StrEnum):
    """The TC's own read of how ready a family is: ranks the follow-up queue."""

    HOT = "hot"
    WARM = "warm"
    COLD = "cold"


class ContactKind(StrEnum):
    """How a follow-up contact was made (``contacts.kind``)."""

    CALL = "call"
    TEXT = "text"
    EMAIL = "email"
    LETTER = "letter"
    IN_PERSON = "in_person"


class StaffRole(StrEnum):
    COORDINATOR = "coordinator"
    DOCTOR = "doctor"
    ADMIN = "admin"


class OfficeKind(StrEnum):
    MAIN = "main"
    SATELLITE = "satellite"


class Relationship(StrEnum):
    SELF = "self"
    MOTHER = "mother"
    FATHER = "father"
    PARENT = "parent"
    GUARDIAN = "guardian"
    GRANDPARENT = "grandparent"
    SPOUSE = "spouse"
    OTHER = "other"


class InsuranceRank(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


class PayoutFrequency(StrEnum):
    """How an insurer pays out the orthodontic benefit after the initial amount."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class ConsultStatus(StrEnum):
    """Where a consult stands in the pipeline, from booked to started."""

    SCHEDULED = "scheduled"
    PENDING = "pending"  # held, family has not decided
    ACCEPTED = "accepted"  # said yes, start booked
    STARTED = "started"
    DECLINED = "declined"
    OBSERVATION = "observation"  # not ready yet; recall
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"  # taken off the schedule before it happened
    REFERRED_OUT = "referred_out"  # held; sent to another specialist (e.g. a surgeon)

    @property
    def label(self) -> str:
        """The words the app and the CLI both show ("Pending decision", not "pending")."""
        return CONSULT_STATUS_LABELS[self]


CONSULT_STATUS_LABELS: dict[ConsultStatus, str] = {
    ConsultStatus.SCHEDULED: "Consult booked",
    ConsultStatus.PENDING: "Pending decision",
    ConsultStatus.ACCEPTED: "Start booked",
    ConsultStatus.STARTED: "In treatment",
    ConsultStatus.DECLINED: "Declined",
    ConsultStatus.OBSERVATION: "Observation",
    ConsultStatus.NO_SHOW: "No-show",
    ConsultStatus.CANCELLED: "Cancelled",
    ConsultStatus.REFERRED_OUT: "Referred out",
}


def status_label(status: str | None) -> str:
    """The label of a stored status value ("" for none; an unknown value as is)."""
    if not status:
        return ""
    try:
        return ConsultStatus(status).label
    except ValueError:
        return status


class ConditionCode(StrEnum):
    CROWDING = "crowding"
    SPACING = "spacing"
    DEEP_BITE = "deep_bite"
    OPEN_BITE = "open_bite"
    OVERJET = "overjet"
    UNDERBITE = "underbite"
    CROSSBITE = "crossbite"
    MIDLINE_SHIFT = "midline_shift"
    IMPACTED = "impacted"
    MISSING = "missing"


class Severity(StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


class TreatmentType(StrEnum):
    METAL_BRACES = "metal_braces"
    CLEAR_BRACES = "clear_braces"
    CLEAR_ALIGNERS = "clear_aligners"
    PHASE_ONE = "phase_one"
    PHASE_TWO = "phase_two"
    LIMITED = "limited"
    SURGICAL = "surgical"
    OBSERVATION = "observation"

    @property
    def category(self) -> str:
        """The agreement's treatment category (comprehensive, limited, ...)."""
        return {
            TreatmentType.METAL_BRACES: "Comprehensive",
            TreatmentType.CLEAR_BRACES: "Comprehensive",
            TreatmentType.CLEAR_ALIGNERS: "Comprehensive",
            TreatmentType.PHASE_ONE: "Phase I",
            TreatmentType.PHASE_TWO: "Phase II",
            TreatmentType.LIMITED: "Limited",
            TreatmentType.SURGICAL: "Surgical",
            TreatmentType.OBSERVATION: "Observation",
        }[self]


class Objection(StrEnum):
    COST = "cost"
    MONTHLY_TOO_HIGH = "monthly_too_high"
    TIMING = "timing"
    NEED_TO_THINK = "need_to_think"
    TALK_TO_PARTNER = "talk_to_partner"
    SECOND_OPINION = "second_opinion"
    INSURANCE = "insurance"
    DISCOMFORT = "discomfort"
    APPEARANCE = "appearance"
    ACTIVITIES = "activities"  # school, sports, music

    @property
    def label(self) -> str:
        return OBJECTION_LABELS[self]


OBJECTION_LABELS: dict[Objection, str] = {
    Objection.COST: "Cost",
    Objection.MONTHLY_TOO_HIGH: "Monthly too high",
    Objection.TIMING: "Timing",
    Objection.NEED_TO_THINK: "Need to think",
    Objection.TALK_TO_PARTNER: "Talk to spouse/partner",
    Objection.SECOND_OPINION: "Second opinion",
    Objection.INSURANCE: "Insurance",
    Objection.DISCOMFORT: "Discomfort",
    Objection.APPEARANCE: "Appearance",
    Objection.ACTIVITIES: "School, sports, music",
}


class RemainderPlacement(StrEnum):
    """Where leftover cents of equal installments go (practices differ)."""

    FIRST = "first"
    LAST = "last"
