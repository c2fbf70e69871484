"""A new family as typed, checked field by field into domain objects.

Values stay text as typed ("1,500", "50%", "03/04/2012") so the form and the
command line hand them over unchanged and get the same messages back, each
under the form's own field name ("patient.birth_date", "party[0].email",
"insurance.primary.coverage_pct").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from tcdesk.domain import (
    InsurancePolicy,
    InsuranceRank,
    LeadSource,
    PayoutFrequency,
    Relationship,
    ResponsibleParty,
)
from tcdesk.services import validation
from tcdesk.services.validation import Problems
from tcdesk.store.text_search import fold

LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "pt": "Portuguese",
    "vi": "Vietnamese",
    "zh": "Chinese",
}
ADULT_AGE = 18


@dataclass(frozen=True)
class PartyInput:
    """A responsible party as typed; ``id`` is set when editing one already saved."""

    name: str
    relationship: str = Relationship.PARENT.value
    phone: str = ""
    email: str = ""
    address: str = ""
    pays: bool = False
    id: str | None = None


@dataclass(frozen=True)
class InsuranceInput:
    carrier: str
    coverage_pct: str = "50"
    lifetime_max: str = "1500"
    used: str = "0"
    age_limit: str = "19"  # "" = no age limit
    payout: str = PayoutFrequency.MONTHLY.value
    initial_pct: str = "25"
    subscriber: str = ""
    member_id: str = ""


@dataclass(frozen=True)
class NewFamily:
    """Everything the new-family form holds. ``birth_date`` is a date or the text typed."""

    first: str
    last: str
    birth_date: date | str | None
    preferred_name: str = ""
    phone: str = ""
    email: str = ""
    language: str = "en"
    lead_source: str = LeadSource.PHONE.value
    referrer: str = ""  # the words typed or the picked record's name
    referrer_kind: str = ""  # "", "doctor", "patient" when picked from the records
    referrer_id: str | None = None
    office_id: str | None = None
    parties: tuple[PartyInput, ...] = ()
    primary: InsuranceInput | None = None
    secondary: InsuranceInput | None = None
    # Only a walk-in's own record may stay without a date of birth when edited.
    birth_date_may_be_unknown: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class CheckedPatient:
    first: str
    last: str
    preferred_name: str
    birth_date: date | None
    phone: str
    email: str
    language: str
    lead_source: LeadSource


def check_patient(family: NewFamily, today: date, problems: Problems) -> CheckedPatient:
    values: dict[str, object] = {}

    def run(name: str, check) -> None:
        with problems.check():
            values[name] = check()

    run("first", lambda: validation.required("patient.legal_first", "The first name", family.first))
    run("last", lambda: validation.required("patient.legal_last", "The last name", family.last))
    run("birth_date", lambda: _birth_date(family, today))
    run("phone", lambda: validation.optional_phone("patient.phone", family.phone))
    run("email", lambda: validation.optional_email("patient.email", family.email))
    run(
        "language",
        lambda: validation.choice(
            "patient.preferred_language", "The language", family.language or "en", LANGUAGES
        ),
    )
    run(
        "lead_source",
        lambda: LeadSource(
            validation.choice(
                "patient.lead_source",
                "How they came to us",
                family.lead_source,
                [s.value for s in LeadSource],
            )
        ),
    )
    return CheckedPatient(
        first=str(values.get("first", "")),
        last=str(values.get("last", "")),
        preferred_name=" ".join(family.preferred_name.split()),
        birth_date=values.get("birth_date"),  # type: ignore[arg-type]
        phone=str(values.get("phone", "")),
        email=str(values.get("email", "")),
        language=str(values.get("language", "en")),
        lead_source=values.get("lead_source", LeadSource.PHONE),  # type: ignore[arg-type]
    )


def _birth_date(family: NewFamily, today: date) -> date | None:
    field_name = "patient.birth_date"
    typed = validation.date_text(field_name, "The date of birth", family.birth_date)
    if typed is None and family.birth_date_may_be_unknown:
        return None
    return validation.birth_date(field_name, typed, today)


def check_parties(
    family: NewFamily, patient: CheckedPatient, patient_id: str, today: date, problems: Problems
) -> list[ResponsibleParty]:
    """The parties as saved; the first pays when nobody was marked to."""
    parties: list[ResponsibleParty] = []
    for index, typed in enumerate(family.parties):
        prefix = f"party[{index}]"
        name = relationship = None
        phone = email = ""
        with problems.check():
            name = validation.required(f"{prefix}.name", "The responsible party's name", typed.name)
        with problems.check():
            relationship = Relationship(
                validation.choice(
                    f"{prefix}.relationship",
                    "The relationship",
                    typed.relationship,
                    [r.value for r in Relationship],
                )
            )
        with problems.check():
            phone = validation.optional_phone(f"{prefix}.phone", typed.phone)
        with problems.check():
            email = validation.optional_email(f"{prefix}.email", typed.email)
        if name is None or relationship is None:
            continue
        parties.append(
            ResponsibleParty(
                id=typed.id or "",
                patient_id=patient_id,
                name=name,
                relationship=relationship,
                phone=phone,
                email=email,
                address=" ".join(typed.address.split()),
                position=index,
                pays=typed.pays,
            )
        )
    if parties and not any(p.pays for p in parties):
        parties[0] = replace(parties[0], pays=True)
    _check_minor(family, patient, parties, today, problems)
    return parties


def _check_minor(
    family: NewFamily,
    patient: CheckedPatient,
    parties: list[ResponsibleParty],
    today: date,
    problems: Problems,
) -> None:
    """A minor needs an adult who answers for them: someone other than the patient."""
    born = patient.birth_date
    if born is None or not patient.first or not patient.last:
        return
    had_birthday = (today.month, today.day) >= (born.month, born.day)
    age = today.year - born.year - (0 if had_birthday else 1)
    if age >= ADULT_AGE:
        return
    own = {fold(f"{patient.first} {patient.last}")}
    if patient.preferred_name:
        own.add(fold(f"{patient.preferred_name} {patient.last}"))
    others = [
        p for p in parties if p.relationship is not Relationship.SELF and fold(p.name) not in own
    ]
    if not others and len(parties) == len(family.parties):
        problems.add(
            "parties",
            f"{patient.first} is {age}: add a parent or guardian who is responsible "
            "(someone other than the patient).",
        )


def check_insurance(
    family: NewFamily, patient_id: str, problems: Problems
) -> list[InsurancePolicy]:
    policies: list[InsurancePolicy] = []
    if family.secondary is not None and family.primary is None:
        problems.add(
            "insurance.secondary",
            "A secondary insurance needs a primary one: enter the primary plan first.",
        )
    for rank, typed in (
        (InsuranceRank.PRIMARY, family.primary),
        (InsuranceRank.SECONDARY, family.secondary),
    ):
        if typed is not None:
            policy = _check_policy(rank, typed, patient_id, problems)
            if policy is not None:
                policies.append(policy)
    return policies


def _check_policy(
    rank: InsuranceRank, typed: InsuranceInput, patient_id: str, problems: Problems
) -> InsurancePolicy | None:
    prefix = f"insurance.{rank.value}"
    found: dict[str, object] = {}

    def run(name: str, check) -> None:
        with problems.check():
            found[name] = check()

    run(
        "carrier",
        lambda: validation.required(f"{prefix}.carrier", "The insurance company", typed.carrier),
    )
    run(
        "coverage",
        lambda: validation.percent(f"{prefix}.coverage_pct", "The coverage", typed.coverage_pct),
    )
    run(
        "maximum",
        lambda: validation.money_cents(
            f"{prefix}.lifetime_max", "The lifetime maximum", typed.lifetime_max
        ),
    )
    run(
        "used",
        lambda: validation.money_cents(f"{prefix}.used", "The amount already used", typed.used),
    )
    run(
        "age_limit",
        lambda: validation.optional_whole_number(
            f"{prefix}.age_limit", "The age limit", typed.age_limit, least=1, most=99
        ),
    )
    run(
        "initial",
        lambda: validation.percent(
            f"{prefix}.initial_pct", "The initial payment", typed.initial_pct
        ),
    )
    run(
        "payout",
        lambda: PayoutFrequency(
            validation.choice(
                f"{prefix}.payout",
                "How the insurer pays",
                typed.payout,
                [p.value for p in PayoutFrequency],
            )
        ),
    )
    maximum, used = found.get("maximum"), found.get("used")
    if isinstance(maximum, int) and isinstance(used, int) and used > maximum:
        problems.add(
            f"{prefix}.used", "The amount already used cannot be more than the lifetime maximum."
        )
        return None
    if len(found) < 7:
        return None
    return InsurancePolicy(
        id="",
        patient_id=patient_id,
        rank=rank,
        carrier=str(found["carrier"]),
        coverage_pct=found["coverage"],  # type: ignore[arg-type]
        lifetime_max_cents=int(maximum),  # type: ignore[arg-type]
        used_cents=int(used),  # type: ignore[arg-type]
        age_limit=found["age_limit"],  # type: ignore[arg-type]
        initial_pct=found["initial"] or Decimal(0),  # type: ignore[arg-type]
        payout=found["payout"],  # type: ignore[arg-type]
        subscriber=" ".join(typed.subscriber.split()),
        member_id=typed.member_id.strip(),
    )
