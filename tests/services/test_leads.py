"""Leads: three things required, every mistake at its field, booking carries everything over."""

from __future__ import annotations

import json
from datetime import time, timedelta
from pathlib import Path

import pytest

from tcdesk.domain import LeadSource, LeadStatus, Warmth
from tcdesk.errors import UserError
from tcdesk.services import leads
from tcdesk.services.clock import today
from tcdesk.services.leads import LeadInput, add_lead, book_from_lead, change_status
from tcdesk.services.referrers import add_doctor
from tcdesk.services.schedule import Slot
from tcdesk.services.sign_in import set_pin, sign_in
from tcdesk.services.validation import FieldErrors
from tests.services.pipeline_seed import TODAY, open_seeded


@pytest.fixture
def seeded(empty_store: Path):
    desk, p = open_seeded(empty_store)
    yield desk, p
    desk.close()


def test_three_fields_are_enough_and_the_tc_is_the_one_signed_in(seeded) -> None:
    desk, p = seeded
    set_pin(desk, p.tc.id, "4321")
    sign_in(desk, p.tc.id, "4321")
    lead = add_lead(desk, LeadInput(name="Rosa Díaz", channel="text", phone="503 555 0142"))
    stored = leads.repo(desk).get(lead.id)
    assert stored == lead
    assert lead.channel is LeadSource.TEXT and lead.status is LeadStatus.NEW
    assert lead.phone == "(503) 555-0142" and lead.assigned_to == p.tc.id
    assert lead.warmth is Warmth.WARM and lead.next_contact_on is None
    [entry] = desk.audit.for_subject(lead.id)
    assert entry["action"] == "lead_added" and "Rosa" not in entry["detail"]


def test_every_mistake_at_its_field_and_nothing_saved(seeded) -> None:
    desk, _p = seeded
    with pytest.raises(FieldErrors) as errors:
        add_lead(
            desk,
            LeadInput(
                name=" ", channel="carrier pigeon", warmth="tepid", next_contact_on="13/45/2026"
            ),
        )
    fields = errors.value.by_field()
    assert set(fields) == {
        "lead.name",
        "lead.channel",
        "lead.contact",
        "lead.warmth",
        "lead.next_contact_on",
    }
    assert "phone or an email" in fields["lead.contact"]
    assert leads.list_leads(desk) == []


def test_a_next_contact_date_in_the_past_is_refused(seeded) -> None:
    desk, _p = seeded
    past = (today(desk.clock) - timedelta(days=1)).isoformat()
    with pytest.raises(FieldErrors) as errors:
        add_lead(
            desk,
            LeadInput(name="Rosa Díaz", channel="text", phone="503 555 0142", next_contact_on=past),
        )
    assert "can't be in the past" in errors.value.by_field()["lead.next_contact_on"]
    assert leads.list_leads(desk) == []
    on_the_day = today(desk.clock).isoformat()  # today is fine: call them later today
    add_lead(
        desk,
        LeadInput(
            name="Rosa Díaz", channel="text", phone="503 555 0142", next_contact_on=on_the_day
        ),
    )


def test_the_optional_fields_and_a_referring_doctor(seeded) -> None:
    desk, p = seeded
    doctor = add_doctor(desk, "Dr. Priya Shah", practice_name="Shah Family Dental")
    lead = add_lead(
        desk,
        LeadInput(
            name="The Okafor family",
            channel="doctor_referral",
            email="okafor@example.com",
            referrer_id=doctor.id,
            note="Two kids, 9 and 12",
            assigned_to=p.tc2.id,
            office_id=p.satellite.id,
            warmth="hot",
            next_contact_on=(TODAY + timedelta(days=1)).isoformat(),
        ),
    )
    [row] = leads.list_leads(desk)
    assert row.lead == lead and row.referrer == "Dr. Priya Shah"
    assert (row.channel, row.status, row.warmth, row.assigned) == (
        "Doctor referral",
        "New",
        "Hot",
        "Sam Ortiz",
    )
    with pytest.raises(FieldErrors, match="not on the list"):
        add_lead(
            desk, LeadInput(name="X Y", channel="phone", phone="5035550100", referrer_id="nope")
        )


def test_status_changes_and_filters(seeded) -> None:
    desk, p = seeded
    a = add_lead(
        desk,
        LeadInput(
            name="Ann Lee",
            channel="website",
            email="ann@example.com",
            channel_detail="Free consult form",
            assigned_to=p.tc.id,
        ),
    )
    b = add_lead(
        desk,
        LeadInput(
            name="Bo Chan",
            channel="social_media",
            phone="5035550111",
            channel_detail="Instagram",
            assigned_to=p.tc2.id,
        ),
    )
    change_status(desk, a.id, "contacted")
    change_status(desk, b.id, "unreachable")
    assert [r.lead.id for r in leads.list_leads(desk, status="contacted")] == [a.id]
    assert [r.lead.id for r in leads.list_leads(desk, assigned_to=p.tc2.id)] == [b.id]
    assert leads.list_leads(desk, status="unreachable")[0].channel == "Social media (Instagram)"
    with pytest.raises(UserError, match="Book the consult from the lead"):
        change_status(desk, a.id, "consult_booked")
    with pytest.raises(UserError, match="must be one of"):
        change_status(desk, a.id, "maybe")
    actions = [e["action"] for e in desk.audit.for_subject(a.id)]
    assert actions == ["lead_added", "lead_status"]
    assert json.loads(desk.audit.for_subject(a.id)[1]["detail"]) == {
        "from": "new",
        "to": "contacted",
    }


def test_booking_from_a_lead_carries_everything_over(seeded) -> None:
    desk, p = seeded
    doctor = add_doctor(desk, "Dr. Priya Shah")
    lead = add_lead(
        desk,
        LeadInput(
            name="Maya Okafor",
            channel="doctor_referral",
            phone="5035550177",
            email="maya@example.com",
            referrer_id=doctor.id,
            office_id=p.office.id,
            assigned_to=p.tc.id,
        ),
    )
    family = leads.family_from_lead(desk, lead.id)
    assert (family.first, family.last, family.phone, family.email) == (
        "Maya",
        "Okafor",
        "(503) 555-0177",
        "maya@example.com",
    )
    assert family.lead_source == "doctor_referral" and family.referrer_id == doctor.id
    from dataclasses import replace

    slot = Slot(p.office.id, p.tc.id, p.doctor.id, TODAY + timedelta(days=3), time(10))
    done = book_from_lead(desk, lead.id, replace(family, birth_date="1990-05-06"), slot)
    patient = desk.patients.get(done.family.patient.id)
    assert patient.lead_source is LeadSource.DOCTOR_REFERRAL and patient.referrer_id == doctor.id
    consult = desk.consults.get(done.booked.consult.id)
    assert consult.lead_id == lead.id and consult.patient_id == patient.id
    stored = leads.repo(desk).get(lead.id)
    assert stored.status is LeadStatus.CONSULT_BOOKED
    assert (stored.patient_id, stored.consult_id) == (patient.id, consult.id)
    with pytest.raises(UserError, match="has a consult booked"):
        change_status(desk, lead.id, "new")


def test_a_booking_that_fails_saves_neither_family_nor_consult(seeded) -> None:
    desk, p = seeded
    lead = add_lead(desk, LeadInput(name="Maya Okafor", channel="phone", phone="5035550177"))
    family = leads.family_from_lead(desk, lead.id)  # no birth date: the family is refused
    slot = Slot(p.office.id, p.tc.id, p.doctor.id, TODAY + timedelta(days=3), time(10))
    before = len(desk.patients.list("", limit=100))
    with pytest.raises(FieldErrors):
        book_from_lead(desk, lead.id, family, slot)
    assert len(desk.patients.list("", limit=100)) == before
    assert leads.repo(desk).get(lead.id).status is LeadStatus.NEW
