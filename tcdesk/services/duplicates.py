"""Is this family already here? Same name and date of birth, or the same phone or email.

Asked by the new-family form on every pause in typing, so it uses the store's
indexes (birth date, phone key, email) and never scans the patient list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tcdesk.domain import Patient
from tcdesk.formatting import medium_date
from tcdesk.services.desk import Desk
from tcdesk.store.text_search import fold, phone_key

SAME_NAME_AND_BIRTH = "same name and date of birth"
SAME_PHONE = "same phone"
SAME_EMAIL = "same email"


@dataclass(frozen=True)
class PossibleDuplicate:
    patient: Patient
    reasons: tuple[str, ...]  # e.g. ("same name and date of birth", "same phone")
    responsible: tuple[str, ...] = ()  # who pays, to tell a sibling from the same child

    @property
    def why(self) -> str:
        return ", ".join(self.reasons)

    @property
    def described(self) -> str:
        """Who is on file, in the same words on the form and the command line."""
        patient = self.patient
        parts = [patient.display_name]
        if patient.birth_date_known:
            parts.append(f"born {medium_date(patient.birth_date)}")
        if patient.phone:
            parts.append(f"phone {patient.phone}")
        elif patient.email:
            parts.append(patient.email)
        if self.responsible:
            parts.append(f"responsible: {', '.join(self.responsible)}")
        return ", ".join(parts)


def possible_duplicates(
    desk: Desk,
    first: str,
    last: str,
    birth_date: date | None,
    phone: str = "",
    email: str = "",
    *,
    exclude_id: str | None = None,
) -> list[PossibleDuplicate]:
    """The families already on file that this one may be, each with why it matched."""
    key = phone_key(phone)
    mail = email.strip()
    if "@" not in mail:
        mail = ""
    found = desk.patients.matching(birth_date.isoformat() if birth_date else "", key, mail)
    first_key, last_key = fold(first), fold(last)
    matches = []
    for patient in found:
        if patient.id == exclude_id:
            continue
        reasons = []
        if (
            birth_date is not None
            and patient.birth_date_known
            and patient.birth_date == birth_date
            and last_key
            and fold(patient.legal_last) == last_key
            and first_key in (fold(patient.legal_first), fold(patient.preferred_name))
        ):
            reasons.append(SAME_NAME_AND_BIRTH)
        if key and phone_key(patient.phone) == key:
            reasons.append(SAME_PHONE)
        if mail and patient.email.casefold() == mail.casefold():
            reasons.append(SAME_EMAIL)
        if reasons:
            parties = desk.patients.responsible_parties(patient.id)
            matches.append(
                PossibleDuplicate(patient, tuple(reasons), tuple(p.name for p in parties))
            )
    # The strongest match first: name and birth date beats a shared family phone.
    matches.sort(key=lambda m: (SAME_NAME_AND_BIRTH not in m.reasons, -len(m.reasons)))
    return matches
