"""Is this family already here? Each rule on its own, accents and case forgiven."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tcdesk.services.duplicates import (
    SAME_EMAIL,
    SAME_NAME_AND_BIRTH,
    SAME_PHONE,
    possible_duplicates,
)
from tcdesk.services.intake import add_family
from tests import intake_practice
from tests.intake_practice import TEEN

practice_desk = intake_practice.practice_desk  # the fixture

BORN = date(2012, 3, 4)


def test_same_name_and_birth_date_ignoring_accents_and_case(practice_desk) -> None:
    saved = add_family(practice_desk, TEEN)
    (match,) = possible_duplicates(practice_desk, "ZOE", "martinez", BORN)
    assert match.patient.id == saved.patient.id
    assert match.reasons == (SAME_NAME_AND_BIRTH,)
    assert match.responsible == ("Lucía Martínez",)


def test_the_preferred_name_counts_as_the_first_name(practice_desk) -> None:
    add_family(practice_desk, TEEN)
    assert [m.why for m in possible_duplicates(practice_desk, "zo", "Martinez", BORN)] == [
        SAME_NAME_AND_BIRTH
    ]


def test_same_name_other_birth_date_or_other_name_same_birth_date_is_no_match(
    practice_desk,
) -> None:
    add_family(practice_desk, TEEN)
    assert possible_duplicates(practice_desk, "Zoe", "Martinez", date(2012, 3, 5)) == []
    assert possible_duplicates(practice_desk, "Mia", "Martinez", BORN) == []
    assert possible_duplicates(practice_desk, "", "", None) == []


def test_same_phone_written_another_way(practice_desk) -> None:
    saved = add_family(practice_desk, TEEN)
    (match,) = possible_duplicates(practice_desk, "Mia", "Martinez", None, "+1 503.555.0101")
    assert (match.patient.id, match.reasons) == (saved.patient.id, (SAME_PHONE,))


def test_same_email_any_case(practice_desk) -> None:
    saved = add_family(practice_desk, TEEN)
    (match,) = possible_duplicates(practice_desk, "", "", None, email="Martinez.Family@EXAMPLE.com")
    assert (match.patient.id, match.reasons) == (saved.patient.id, (SAME_EMAIL,))


def test_every_reason_is_named_and_the_strongest_match_comes_first(practice_desk) -> None:
    sibling = add_family(
        practice_desk, replace(TEEN, first="Mateo", preferred_name="", birth_date="2015-07-07")
    )
    teen = add_family(practice_desk, TEEN)
    matches = possible_duplicates(practice_desk, "Zoë", "Martínez", BORN, TEEN.phone, TEEN.email)
    assert [m.patient.id for m in matches] == [teen.patient.id, sibling.patient.id]
    assert matches[0].reasons == (SAME_NAME_AND_BIRTH, SAME_PHONE, SAME_EMAIL)
    assert matches[1].reasons == (SAME_PHONE, SAME_EMAIL)


def test_the_family_being_edited_is_not_its_own_duplicate(practice_desk) -> None:
    saved = add_family(practice_desk, TEEN)
    found = possible_duplicates(
        practice_desk, "Zoë", "Martínez", BORN, TEEN.phone, exclude_id=saved.patient.id
    )
    assert found == []


def test_a_soft_deleted_patient_is_not_offered(practice_desk) -> None:
    saved = add_family(practice_desk, TEEN)
    practice_desk.records.soft_delete("patients", saved.patient.id)
    assert possible_duplicates(practice_desk, "Zoë", "Martínez", BORN, TEEN.phone) == []


def test_the_lookups_use_the_indexes(practice_desk) -> None:
    """Asked on every pause in typing: each part of the query is an index search."""
    plans = []
    for sql, params in (
        ("SELECT * FROM patients WHERE birth_date = ? AND birth_date_known = 1", ["2012-03-04"]),
        ("SELECT * FROM patients WHERE phone_key = ? AND phone_key != ''", ["5035550101"]),
        ("SELECT * FROM patients WHERE email = ? COLLATE NOCASE AND email != ''", ["a@b.co"]),
    ):
        rows = practice_desk.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        plans.append(" ".join(str(row[-1]) for row in rows))
    assert all("USING INDEX" in plan for plan in plans), plans
