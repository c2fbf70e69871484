"""Referring doctors: a short list to pick from; typed names kept when they match nobody."""

from __future__ import annotations

import pytest

from tcdesk.services import referrers
from tcdesk.services.intake import add_family
from tcdesk.services.validation import FieldError, FieldErrors
from tests import intake_practice
from tests.intake_practice import TEEN

practice_desk = intake_practice.practice_desk  # the fixture


def test_add_list_and_find(practice_desk) -> None:
    shah = referrers.add_doctor(practice_desk, " Dr.  Priya Shah ", practice_name="Shah Dental")
    referrers.add_doctor(practice_desk, "Dr. Omar Haddad")
    assert [d.name for d in referrers.list_doctors(practice_desk)] == [
        "Dr. Omar Haddad",
        "Dr. Priya Shah",
    ]
    (found,) = referrers.find(practice_desk, "shah dent")
    assert (found.kind, found.id, found.label) == (
        "doctor",
        shah.id,
        "Dr. Priya Shah (Shah Dental)",
    )
    assert len(referrers.find(practice_desk, "")) == 2
    (entry,) = practice_desk.audit.for_subject(shah.id)
    assert entry["action"] == "referring_doctor_added"


def test_find_offers_patients_too(practice_desk) -> None:
    saved = add_family(practice_desk, TEEN)
    choices = referrers.find(practice_desk, "martinez")
    assert [(c.kind, c.id) for c in choices] == [("patient", saved.patient.id)]


def test_a_name_twice_or_empty_is_refused(practice_desk) -> None:
    referrers.add_doctor(practice_desk, "Dr. Priya Shah")
    with pytest.raises(FieldError, match="already on the list"):
        referrers.add_doctor(practice_desk, "dr. priya shah")
    with pytest.raises(FieldErrors) as raised:
        referrers.add_doctor(practice_desk, "", email="nope")
    assert set(raised.value.by_field()) == {"doctor.name", "doctor.email"}


def test_resolve_links_one_match_and_keeps_other_text(practice_desk) -> None:
    shah = referrers.add_doctor(practice_desk, "Dr. Priya Shah", practice_name="Shah Dental")
    assert referrers.resolve(practice_desk, "Dr. Priya Shah (Shah Dental)").id == shah.id
    assert referrers.resolve(practice_desk, "DR PRIYA SHAH") == referrers.Referrer(
        "DR PRIYA SHAH"
    )  # not the same name: kept as typed
    assert referrers.resolve(practice_desk, "  a  friend ") == referrers.Referrer("a friend")
    assert referrers.resolve(practice_desk, "") == referrers.Referrer("")
    saved = add_family(practice_desk, TEEN)
    linked = referrers.resolve(practice_desk, "zo martinez")
    assert (linked.kind, linked.id) == ("patient", saved.patient.id)


def test_resolve_a_picked_record_that_is_gone(practice_desk) -> None:
    with pytest.raises(FieldError, match="no longer listed"):
        referrers.resolve(practice_desk, "", "doctor", "gone")
    with pytest.raises(FieldError, match="no longer on file"):
        referrers.resolve(practice_desk, "", "patient", "gone")
