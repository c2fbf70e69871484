"""A new family: every field rule refuses at its field, saves all or nothing, edits."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from tcdesk.domain import InsuranceRank, LeadSource, Relationship
from tcdesk.errors import UserError
from tcdesk.services.intake import (
    InsuranceInput,
    PartyInput,
    add_family,
    family_for_editing,
    update_family,
)
from tcdesk.services.referrers import add_doctor
from tcdesk.services.validation import FieldErrors
from tests import intake_practice
from tests.intake_practice import TEEN

practice_desk = intake_practice.practice_desk  # the fixture

ADULT = replace(
    TEEN,
    first="Rosa",
    last="Diaz",
    preferred_name="",
    birth_date="1990-06-01",
    phone="",
    email="",
    parties=(),
    primary=None,
)


def _table_counts(desk) -> dict[str, int]:
    return {
        table: desk.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("patients", "responsible_parties", "insurance_policies", "audit_log")
    }


def test_saves_patient_party_and_insurance_together_with_an_audit_entry(practice_desk) -> None:
    saved = add_family(practice_desk, TEEN, actor_id=None)
    patient = practice_desk.patients.get(saved.patient.id)
    assert patient is not None and saved.created
    assert (patient.legal_first, patient.legal_last, patient.preferred_name) == (
        "Zoë",
        "Martínez",
        "Zo",
    )
    assert patient.birth_date == date(2012, 3, 4) and patient.birth_date_known
    assert patient.preferred_language == "es"
    assert patient.lead_source is LeadSource.DOCTOR_REFERRAL
    assert patient.referrer == "Dr. Priya Shah" and patient.referrer_kind == ""  # typed, nobody
    parties = practice_desk.patients.responsible_parties(patient.id)
    assert [(p.name, p.relationship, p.pays) for p in parties] == [
        ("Lucía Martínez", Relationship.MOTHER, True)
    ]
    (plan,) = practice_desk.patients.insurance(patient.id)
    assert plan.rank is InsuranceRank.PRIMARY and plan.carrier == "Delta Dental"
    assert (plan.coverage_pct, plan.lifetime_max_cents, plan.used_cents) == (
        Decimal(50),
        150_000,
        25_000,
    )
    assert (plan.age_limit, plan.member_id, plan.subscriber) == (19, "DD-99812", "Lucía Martínez")
    (entry,) = practice_desk.audit.for_subject(patient.id)
    assert entry["action"] == "family_added"
    assert json.loads(entry["detail"])["insurance"] == ["primary: Delta Dental"]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"first": "  "}, "patient.legal_first", "first name is needed"),
        ({"last": ""}, "patient.legal_last", "last name is needed"),
        ({"birth_date": ""}, "patient.birth_date", "date of birth is needed"),
        ({"birth_date": "2027-01-02"}, "patient.birth_date", "cannot be in the future"),
        ({"birth_date": "1890-05-05"}, "patient.birth_date", "more than 120 years"),
        ({"birth_date": "31/31/2012"}, "patient.birth_date", "must be a date"),
        ({"email": "lucia@"}, "patient.email", "not an email address"),
        ({"phone": "12"}, "patient.phone", "not a phone number"),
        ({"language": "klingon"}, "patient.preferred_language", "must be one of"),
        ({"lead_source": "billboard"}, "patient.lead_source", "must be one of"),
        ({"parties": ()}, "parties", "add a parent or guardian"),
        (
            {"parties": (PartyInput("Zoë Martínez", "other"),)},
            "parties",
            "someone other than the patient",
        ),
        ({"parties": (PartyInput("Lucía", "self"),)}, "parties", "add a parent or guardian"),
        ({"parties": (PartyInput(" ", "mother"),)}, "party[0].name", "name is needed"),
        ({"parties": (PartyInput("Lucía", "aunt"),)}, "party[0].relationship", "one of"),
        (
            {"parties": (PartyInput("Lucía", "mother", email="no-at-sign"),)},
            "party[0].email",
            "not an email",
        ),
        ({"primary": InsuranceInput("")}, "insurance.primary.carrier", "company is needed"),
        (
            {"primary": InsuranceInput("Delta", coverage_pct="120")},
            "insurance.primary.coverage_pct",
            "between 0% and 100%",
        ),
        (
            {"primary": InsuranceInput("Delta", lifetime_max="-1500")},
            "insurance.primary.lifetime_max",
            "cannot be negative",
        ),
        (
            {"primary": InsuranceInput("Delta", lifetime_max="1500", used="1600")},
            "insurance.primary.used",
            "more than the lifetime maximum",
        ),
        (
            {"primary": InsuranceInput("Delta", age_limit="old")},
            "insurance.primary.age_limit",
            "whole number",
        ),
        (
            {"primary": InsuranceInput("Delta", payout="yearly")},
            "insurance.primary.payout",
            "one of",
        ),
        (
            {"primary": None, "secondary": InsuranceInput("Aetna")},
            "insurance.secondary",
            "needs a primary",
        ),
        (
            {"secondary": InsuranceInput("Aetna", coverage_pct="abc")},
            "insurance.secondary.coverage_pct",
            "must be a percentage",
        ),
    ],
)
def test_each_rule_refuses_at_its_field_and_saves_nothing(
    practice_desk, change, field, words
) -> None:
    before = _table_counts(practice_desk)
    with pytest.raises(FieldErrors) as raised:
        add_family(practice_desk, replace(TEEN, **change))
    messages = raised.value.by_field()
    assert field in messages, messages
    assert words in messages[field]
    assert _table_counts(practice_desk) == before


def test_every_mistake_is_reported_at_once(practice_desk) -> None:
    family = replace(
        TEEN,
        first="",
        email="x@",
        parties=(PartyInput("", "mother"),),
        primary=InsuranceInput("Delta", coverage_pct="150", lifetime_max="-1"),
    )
    with pytest.raises(FieldErrors) as raised:
        add_family(practice_desk, family)
    assert set(raised.value.by_field()) == {
        "patient.legal_first",
        "patient.email",
        "party[0].name",
        "insurance.primary.coverage_pct",
        "insurance.primary.lifetime_max",
    }


def test_an_adult_needs_no_responsible_party_and_us_dates_are_read(practice_desk) -> None:
    saved = add_family(practice_desk, replace(ADULT, birth_date="06/01/1990"))
    assert saved.patient.birth_date == date(1990, 6, 1)
    # Their own responsible party, as an imported adult is (QA 17).
    (own,) = saved.parties
    assert (own.name, own.relationship.value, own.pays) == (saved.patient.legal_name, "self", True)


def test_the_first_party_pays_when_nobody_was_marked(practice_desk) -> None:
    parties = (PartyInput("Lucía Martínez", "mother"), PartyInput("Tomás Martínez", "father"))
    saved = add_family(practice_desk, replace(TEEN, parties=parties))
    assert [p.pays for p in saved.parties] == [True, False]


def test_a_typed_name_that_is_a_referring_doctor_is_linked(practice_desk) -> None:
    doctor = add_doctor(practice_desk, "Dr. Priya Shah", practice_name="Shah Family Dental")
    saved = add_family(practice_desk, replace(TEEN, referrer="dr. priya SHAH"))
    assert (saved.patient.referrer_kind, saved.patient.referrer_id) == ("doctor", doctor.id)
    assert saved.patient.referrer == "Dr. Priya Shah"


def test_a_patient_picked_as_referrer(practice_desk) -> None:
    rosa = add_family(practice_desk, ADULT).patient
    saved = add_family(
        practice_desk,
        replace(TEEN, lead_source="patient_referral", referrer_kind="patient", referrer_id=rosa.id),
    )
    assert (saved.patient.referrer_kind, saved.patient.referrer_id) == ("patient", rosa.id)
    assert saved.patient.referrer == "Rosa Diaz"


def test_a_secondary_plan_is_kept_with_the_primary(practice_desk) -> None:
    saved = add_family(
        practice_desk, replace(TEEN, secondary=InsuranceInput("Aetna", age_limit=""))
    )
    ranks = {p.rank: p for p in practice_desk.patients.insurance(saved.patient.id)}
    assert set(ranks) == {InsuranceRank.PRIMARY, InsuranceRank.SECONDARY}
    assert ranks[InsuranceRank.SECONDARY].age_limit is None


def test_edit_round_trips_and_changes_fields(practice_desk) -> None:
    saved = add_family(practice_desk, TEEN)
    form = family_for_editing(practice_desk, saved.patient.id)
    assert form.first == "Zoë" and form.birth_date == "2012-03-04"
    assert form.primary is not None and form.primary.lifetime_max == "1500"
    changed = replace(form, phone="503-555-0199", email="new@example.com")
    update_family(practice_desk, saved.patient.id, changed)
    patient = practice_desk.patients.get(saved.patient.id)
    assert patient is not None and patient.phone == "(503) 555-0199"  # one way for every way in
    assert patient.created_at == saved.patient.created_at
    assert [p.id for p in practice_desk.patients.responsible_parties(patient.id)] == [
        p.id for p in saved.parties
    ]
    actions = [e["action"] for e in practice_desk.audit.for_subject(patient.id)]
    assert actions == ["family_added", "family_updated"]


def test_edit_soft_deletes_a_removed_party_and_plan_and_can_add_the_plan_back(
    practice_desk,
) -> None:
    saved = add_family(practice_desk, replace(ADULT, parties=(PartyInput("Rosa Diaz", "self"),)))
    saved = update_family(
        practice_desk, saved.patient.id, replace(ADULT, primary=InsuranceInput("Cigna"))
    )
    patient_id = saved.patient.id
    assert practice_desk.patients.responsible_parties(patient_id) == []
    deleted = practice_desk.db.execute(
        "SELECT count(*) FROM responsible_parties WHERE patient_id = ? AND deleted_at IS NOT NULL",
        [patient_id],
    ).fetchone()[0]
    assert deleted == 1  # kept for history, not shown
    update_family(practice_desk, patient_id, replace(ADULT, primary=None))
    assert practice_desk.patients.insurance(patient_id) == []
    update_family(practice_desk, patient_id, replace(ADULT, primary=InsuranceInput("Aetna")))
    (plan,) = practice_desk.patients.insurance(patient_id)
    assert plan.carrier == "Aetna"


def test_a_bad_edit_changes_nothing(practice_desk) -> None:
    saved = add_family(practice_desk, TEEN)
    before = _table_counts(practice_desk)
    form = family_for_editing(practice_desk, saved.patient.id)
    with pytest.raises(FieldErrors):
        update_family(
            practice_desk,
            saved.patient.id,
            replace(form, phone="503-555-0199", primary=InsuranceInput("Delta", used="99999")),
        )
    assert _table_counts(practice_desk) == before
    patient = practice_desk.patients.get(saved.patient.id)
    assert patient is not None and patient.phone == TEEN.phone


def test_edit_of_an_unknown_patient_is_refused(practice_desk) -> None:
    with pytest.raises(UserError, match="No patient"):
        update_family(practice_desk, "nobody", TEEN)


def test_a_walk_in_keeps_an_unknown_birth_date_until_it_is_given(practice_desk) -> None:
    from tcdesk.services.walk_in import on_duty, start_walk_in
    from tests.conftest import FIXED_NOW

    duty = on_duty(practice_desk)
    started = start_walk_in(
        practice_desk, "Sam Okafor", "5035550142", duty.office.id, duty.coordinator.id,
        duty.doctor.id, FIXED_NOW,
    )  # fmt: skip
    form = family_for_editing(practice_desk, started.patient.id)
    assert form.birth_date == ""  # the placeholder is never shown
    saved = update_family(practice_desk, started.patient.id, replace(form, email="sam@example.com"))
    assert not saved.patient.birth_date_known and saved.patient.lead_source is LeadSource.WALK_IN
    saved = update_family(practice_desk, started.patient.id, replace(form, birth_date="1990-02-03"))
    assert saved.patient.birth_date_known and saved.patient.birth_date == date(1990, 2, 3)
    with pytest.raises(FieldErrors) as raised:  # once known, it cannot be emptied again
        update_family(practice_desk, started.patient.id, replace(form, birth_date=""))
    assert "patient.birth_date" in raised.value.by_field()
    assert practice_desk.consults.for_patient(started.patient.id)[0].id == started.consult.id
