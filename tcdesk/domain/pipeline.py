"""The pipeline before and after a consult: leads, and the contacts that follow families up.

The words the app and the CLI both show live here next to the stored values,
so "Left a message" reads the same in the queue window and in ``tcdesk followups``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tcdesk.domain.enums import ContactKind, LeadSource, LeadStatus, Warmth


class ContactResult(StrEnum):
    """What came of one contact (``contacts.result``)."""

    REACHED = "reached"
    LEFT_MESSAGE = "left_message"
    NO_ANSWER = "no_answer"
    BOOKED = "booked"  # a consult (lead) or a start (pending family) was booked
    NOT_INTERESTED = "not_interested"


CHANNEL_LABELS: dict[LeadSource, str] = {
    LeadSource.PHONE: "Phone",
    LeadSource.EMAIL: "Email",
    LeadSource.TEXT: "Text",
    LeadSource.SOCIAL_MEDIA: "Social media",
    LeadSource.WEBSITE: "Website form",
    LeadSource.DOCTOR_REFERRAL: "Doctor referral",
    LeadSource.PATIENT_REFERRAL: "Patient referral",
    LeadSource.WALK_IN: "Walk-in",
}

LEAD_STATUS_LABELS: dict[LeadStatus, str] = {
    LeadStatus.NEW: "New",
    LeadStatus.CONTACTED: "Contacted",
    LeadStatus.CONSULT_BOOKED: "Consult booked",
    LeadStatus.NOT_INTERESTED: "Not interested",
    LeadStatus.UNREACHABLE: "Unreachable",
}

WARMTH_LABELS: dict[Warmth, str] = {Warmth.HOT: "Hot", Warmth.WARM: "Warm", Warmth.COLD: "Cold"}

CONTACT_KIND_LABELS: dict[ContactKind, str] = {
    ContactKind.CALL: "Call",
    ContactKind.TEXT: "Text",
    ContactKind.EMAIL: "Email",
    ContactKind.LETTER: "Letter",
    ContactKind.IN_PERSON: "In person",
}

CONTACT_RESULT_LABELS: dict[ContactResult, str] = {
    ContactResult.REACHED: "Reached",
    ContactResult.LEFT_MESSAGE: "Left a message",
    ContactResult.NO_ANSWER: "No answer",
    ContactResult.BOOKED: "Booked / started",
    ContactResult.NOT_INTERESTED: "Not interested",
}

# A lead still to be worked: the queue shows these.
OPEN_LEAD_STATUSES = (LeadStatus.NEW, LeadStatus.CONTACTED)


@dataclass(frozen=True)
class Lead:
    """A family that contacted the practice and has no consult yet."""

    id: str
    practice_id: str
    family_name: str
    channel: LeadSource
    contacted_at: str  # UTC ISO-8601: when they reached the practice
    created_at: str
    phone: str = ""
    email: str = ""
    channel_detail: str = ""  # which social network, which website form
    referrer_id: str | None = None  # a referring_doctors row
    referring_patient_id: str | None = None
    note: str = ""
    assigned_to: str | None = None  # the TC
    office_id: str | None = None
    status: LeadStatus = LeadStatus.NEW
    warmth: Warmth = Warmth.WARM
    next_contact_on: date | None = None
    patient_id: str | None = None  # set when a consult is booked from it
    consult_id: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_LEAD_STATUSES


@dataclass(frozen=True)
class Contact:
    """One call, text, e-mail, letter or talk, about a lead or a consult. Append-only."""

    id: str
    kind: ContactKind
    result: ContactResult
    at: str  # UTC ISO-8601
    consult_id: str | None = None
    lead_id: str | None = None
    note: str = ""
    next_on: date | None = None
    author_id: str | None = None
