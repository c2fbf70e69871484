"""The demo's families: homes, phone numbers, e-mail handles, responsible parties, insurance.

Each call takes the patient's own ``random.Random`` and draws from it in a
fixed order, so the same case always gives the same people.
"""

from __future__ import annotations

import random
import unicodedata
from decimal import Decimal

from tcdesk.domain import InsurancePolicy, Relationship, ResponsibleParty
from tcdesk.services import demo_data as data
from tcdesk.services.demo_content import SEED, demo_id

Person = tuple[str, Relationship, str, str]  # name, relationship, phone, e-mail

_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "'": ""})


def phone(rng: random.Random, area: str) -> str:
    return f"({area}) 555-01{rng.randint(0, 99):02d}"


def ascii_handle(*names: str) -> str:
    """``josé luis ramírez`` -> ``jose.luis.ramirez``; empty for names in other scripts."""
    text = unicodedata.normalize("NFKD", " ".join(names).casefold().translate(_LETTERS))
    kept = "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch in " -"))
    return ".".join(kept.replace("-", " ").split())


def home_address(case: data.Case) -> str:
    """One home per family name and office: siblings share it."""
    home_rng = random.Random(f"{SEED}:home:{case.last}:{case.office}")
    town = next(row for row in data.OFFICES if row.key == case.office)
    return (
        f"{home_rng.randint(100, 9899)} {home_rng.choice(data.STREETS)}, "
        f"{town.town}, OH {town.zip_code}"
    )


def people_of(case: data.Case, rng: random.Random, area: str) -> list[Person]:
    """Who answers for the patient: the patient if an adult, then the case's parties."""
    adult = case.age >= 18
    if not adult and not case.parties:
        raise ValueError(f"demo case {case.key}: a minor needs a responsible party")
    self_phone = phone(rng, area)
    self_email = f"{case.email_name or ascii_handle(case.first, case.last)}@" + rng.choice(
        data.MAIL_DOMAINS
    )
    people: list[Person] = []
    if adult:
        people.append((f"{case.first} {case.last}", Relationship.SELF, self_phone, self_email))
    for party in case.parties:
        party_rng = random.Random(f"{SEED}:party:{party.name}")
        handle = party.email_name or ascii_handle(party.name) or f"{case.key}.family"
        people.append(
            (
                party.name,
                party.relationship,
                phone(party_rng, area),
                f"{handle}@{party_rng.choice(data.MAIL_DOMAINS)}",
            )
        )
    return people


def parties_of(
    case: data.Case, patient_id: str, people: list[Person], address: str
) -> list[ResponsibleParty]:
    return [
        ResponsibleParty(
            id=demo_id("party", case.key, str(position)),
            patient_id=patient_id,
            name=name,
            relationship=relationship,
            phone=phone_number,
            email=email,
            address=address,
            position=position,
        )
        for position, (name, relationship, phone_number, email) in enumerate(people)
    ]


def insurance_of(case: data.Case, patient_id: str, rng: random.Random) -> list[InsurancePolicy]:
    policies = []
    for cover in case.cover:
        subscriber = (
            f"{case.first} {case.last}"
            if cover.subscriber < 0
            else case.parties[cover.subscriber].name
        )
        policies.append(
            InsurancePolicy(
                id=demo_id("insurance", case.key, cover.rank.value),
                patient_id=patient_id,
                rank=cover.rank,
                carrier=cover.carrier,
                coverage_pct=Decimal(cover.pct),
                lifetime_max_cents=cover.max_dollars * 100,
                used_cents=cover.used_dollars * 100,
                age_limit=cover.age_limit,
                payout=cover.payout,
                subscriber=subscriber,
                member_id=data.CARRIER_PREFIX.get(cover.carrier, "XX")
                + f"{rng.randint(0, 999_999_999):09d}",
            )
        )
    return policies
