"""Free text from an export to tcdesk's values: phones one way, lead-source words, relationships."""

from __future__ import annotations

import pytest

from tcdesk.domain import LeadSource, Relationship
from tcdesk.services.importer import values
from tcdesk.services.validation import FieldError


@pytest.mark.parametrize(
    "typed", ["503.555.0101", "5035550101", "(503) 555-0101", "+1 503 555 0101", "503-555-0101"]
)
def test_north_american_phones_are_written_one_way(typed: str) -> None:
    assert values.phone("phone", typed) == "(503) 555-0101"


def test_other_phones_are_kept_as_typed_and_non_phones_refused() -> None:
    assert values.phone("phone", "+44 20 7946 0958") == "+44 20 7946 0958"
    assert values.phone("phone", "") == ""
    with pytest.raises(FieldError, match='"12" is not a phone number'):
        values.phone("phone", "12")


@pytest.mark.parametrize(
    ("typed", "source"),
    [
        ("Referral - Dr", LeadSource.DOCTOR_REFERRAL),
        ("Referral - Dr. Smith", LeadSource.DOCTOR_REFERRAL),
        ("Dentist referral", LeadSource.DOCTOR_REFERRAL),
        ("Referral - Patient", LeadSource.PATIENT_REFERRAL),
        ("Friend / family", LeadSource.PATIENT_REFERRAL),
        ("Word of mouth", LeadSource.PATIENT_REFERRAL),
        ("Facebook", LeadSource.SOCIAL_MEDIA),
        ("Google search", LeadSource.WEBSITE),
        ("walk-in", LeadSource.WALK_IN),
        ("Walk In", LeadSource.WALK_IN),
        ("doctor_referral", LeadSource.DOCTOR_REFERRAL),
        ("E-mail", LeadSource.EMAIL),
        ("SMS", LeadSource.TEXT),
        ("Phone call", LeadSource.PHONE),
        ("", values.DEFAULT_LEAD_SOURCE),
    ],
)
def test_lead_source_words(typed: str, source: LeadSource) -> None:
    assert values.lead_source("lead_source", typed) is source


def test_a_referral_that_does_not_say_who_is_refused_with_what_to_write() -> None:
    with pytest.raises(FieldError, match=r'does not say who referred.*"Referral - Dr"'):
        values.lead_source("lead_source", "Referral")


def test_an_unknown_lead_source_lists_the_choices() -> None:
    with pytest.raises(FieldError, match=r'"Billboard" is not one tcdesk knows.*walk-in'):
        values.lead_source("lead_source", "Billboard")


@pytest.mark.parametrize(
    ("typed", "relationship"),
    [
        ("Mother", Relationship.MOTHER),
        ("mom", Relationship.MOTHER),
        ("Dad", Relationship.FATHER),
        ("", Relationship.GUARDIAN),
        ("Grandma", Relationship.GRANDPARENT),
        ("Stepfather", Relationship.OTHER),
    ],
)
def test_relationships(typed: str, relationship: Relationship) -> None:
    assert values.relationship(typed) is relationship
