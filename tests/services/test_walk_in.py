"""A walk-in: the patient and a consult now, at this office, ready to present."""

from __future__ import annotations

import pytest

from tcdesk.domain import ConsultStatus, LeadSource, StaffRole
from tcdesk.errors import UserError
from tcdesk.services.clock import utc_iso
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.services.ids import new_id
from tcdesk.services.machine_settings import MachineSettings, MachineSettingsStore
from tcdesk.services.validation import FieldErrors
from tcdesk.services.walk_in import WALK_IN_MINUTES, on_duty, start_walk_in
from tests import intake_practice
from tests.conftest import FIXED_NOW

practice_desk = intake_practice.practice_desk  # the fixture


def _start(desk, name="Sam Okafor", contact="(503) 555-0142", **kwargs):
    duty = on_duty(desk)
    return start_walk_in(
        desk,
        name,
        contact,
        duty.office.id,
        duty.coordinator.id,
        duty.doctor.id,
        FIXED_NOW,
        **kwargs,
    )


def test_creates_the_patient_and_a_consult_starting_now(practice_desk) -> None:
    started = _start(practice_desk)
    patient = practice_desk.patients.get(started.patient.id)
    consult = practice_desk.consults.get(started.consult.id)
    assert patient is not None and consult is not None
    assert (patient.legal_first, patient.legal_last, patient.phone) == (
        "Sam",
        "Okafor",
        "(503) 555-0142",
    )
    assert patient.lead_source is LeadSource.WALK_IN
    assert not patient.birth_date_known  # not asked at the door
    assert consult.status is ConsultStatus.SCHEDULED
    assert consult.scheduled_at == consult.arrived_at == utc_iso(FIXED_NOW)
    assert consult.duration_minutes == WALK_IN_MINUTES == 15  # the walk-in flow's length
    duty = on_duty(practice_desk)
    assert (consult.office_id, consult.coordinator_id, consult.doctor_id) == (
        duty.office.id,
        duty.coordinator.id,
        duty.doctor.id,
    )
    (entry,) = practice_desk.audit.for_subject(consult.id)
    assert entry["action"] == "walk_in_started"


def test_the_consult_presents_with_the_walk_in_flow(practice_desk) -> None:
    started = _start(practice_desk)
    room = ConsultRoom(practice_desk, started.consult.id, PresentationKit.load(), record=False)
    assert room.flow.id == "walk_in"
    assert room.slides


def test_an_email_and_a_date_of_birth_may_be_given(practice_desk) -> None:
    started = _start(practice_desk, "Ana María López", "ANA@example.com", birth_date="04/05/2010")
    assert (started.patient.legal_first, started.patient.legal_last) == ("Ana María", "López")
    assert started.patient.email == "ANA@example.com" and started.patient.phone == ""
    assert started.patient.birth_date_known and started.patient.birth_date.year == 2010


@pytest.mark.parametrize(
    ("name", "contact", "birth", "field"),
    [
        ("", "503 555 0142", None, "walk_in.name"),
        ("Sam", "503 555 0142", None, "walk_in.name"),
        ("Sam Okafor", "", None, "walk_in.contact"),
        ("Sam Okafor", "sam@", None, "walk_in.contact"),
        ("Sam Okafor", "55", None, "walk_in.contact"),
        ("Sam Okafor", "503 555 0142", "2030-01-01", "walk_in.birth_date"),
    ],
)
def test_bad_input_is_refused_at_its_field_and_saves_nothing(
    practice_desk, name, contact, birth, field
) -> None:
    with pytest.raises(FieldErrors) as raised:
        _start(practice_desk, name, contact, birth_date=birth)
    assert field in raised.value.by_field()
    assert practice_desk.patients.count() == 0
    assert practice_desk.consults.all() == []


def test_a_doctor_is_not_a_coordinator(practice_desk) -> None:
    duty = on_duty(practice_desk)
    with pytest.raises(FieldErrors) as raised:
        start_walk_in(
            practice_desk,
            "Sam Okafor",
            "5035550142",
            duty.office.id,
            duty.doctor.id,
            duty.doctor.id,
            FIXED_NOW,
        )
    assert set(raised.value.by_field()) == {"walk_in.coordinator"}


def test_on_duty_defaults_and_follows_this_machines_choice(practice_desk, tmp_path) -> None:
    from dataclasses import replace

    from tcdesk.domain import Staff

    practice = practice_desk.practice()
    default = on_duty(practice_desk)
    assert default.coordinator.name == "Ana Ruiz" and default.doctor.name == "Dr. Sam Lee"
    second = Staff(new_id(), practice.id, StaffRole.COORDINATOR, "Bea Cole")
    practice_desk.practices.save_staff(second)
    store = MachineSettingsStore(tmp_path / "machine.json")
    store.update(coordinator_id=second.id)
    assert on_duty(practice_desk, store.load()).coordinator.id == second.id
    practice_desk.practices.save_staff(replace(second, active=False))  # left the practice
    assert on_duty(practice_desk, store.load()).coordinator.name == "Ana Ruiz"
    assert on_duty(practice_desk, MachineSettings(office_id="gone")).office == default.office


def test_unknown_birth_date_is_asked_for_before_the_agreement_or_an_age_limit(
    demo_desk,
) -> None:
    """A walk-in whose date of birth was not asked: the placeholder is never an age."""
    from dataclasses import replace

    from tcdesk.money import MoneyInputError
    from tcdesk.services.agreement_data import agreement_data
    from tcdesk.services.consult_quote import ConsultPricing
    from tcdesk.services.demo import demo_id

    consult_id = demo_id("consult", "adaeze_okafor")
    agreement_data(demo_desk, consult_id)  # fine while the date of birth is known
    consult_file = demo_desk.consults.load_file(consult_id)
    patient = demo_desk.patients.get(consult_file.consult.patient_id)
    demo_desk.patients.save(replace(patient, birth_date_known=False))
    with pytest.raises(UserError, match="date of birth"):
        agreement_data(demo_desk, consult_id)
    assert any(p.age_limit is not None for p in demo_desk.patients.insurance(patient.id))
    with pytest.raises(MoneyInputError, match="date of birth"):
        ConsultPricing(demo_desk, consult_file).price(consult_file.plan)


def test_a_walk_in_holds_a_short_slot_on_the_schedule_and_board(practice_desk) -> None:
    """15 minutes, as the walk-in flow runs: the TC is free again a quarter hour later."""
    from datetime import timedelta

    from tcdesk.services.schedule import Slot, find_clashes
    from tcdesk.services.schedule_days import day_schedule
    from tcdesk.services.today_board import today_board

    started = _start(practice_desk)
    duty = on_duty(practice_desk)
    day = FIXED_NOW.astimezone().date()
    (entry,) = day_schedule(practice_desk, duty.office, day).entries
    assert entry.end - entry.start == timedelta(minutes=WALK_IN_MINUTES)
    (here,) = today_board(practice_desk, duty.office, day).here
    assert here.consult_id == started.consult.id and here.entry.minutes == WALK_IN_MINUTES

    def slot_at(moment) -> Slot:
        local = moment.astimezone()
        return Slot(duty.office.id, duty.coordinator.id, duty.doctor.id, day, local.time(), 30)

    assert find_clashes(practice_desk, slot_at(FIXED_NOW + timedelta(minutes=10)))
    assert not find_clashes(practice_desk, slot_at(FIXED_NOW + timedelta(minutes=15)))


def test_this_desks_people_and_office_leaving_falls_back_to_the_next_active(
    practice_desk, tmp_path
) -> None:
    """Deactivated or removed in the settings, this desk's defaults give way, the form works."""
    from tcdesk.services.settings import offices, staff

    default = on_duty(practice_desk)
    hill = offices.add_office(practice_desk, {"name": "Hilltop"})
    bea = staff.add_staff(practice_desk, {"name": "Bea Cole", "role": "coordinator"})
    kim = staff.add_staff(practice_desk, {"name": "Dr. Kim Ito", "role": "doctor"})
    store = MachineSettingsStore(tmp_path / "machine.json")
    store.update(office_id=hill.id, coordinator_id=bea.id, doctor_id=kim.id)
    chosen = on_duty(practice_desk, store.load())
    assert (chosen.office.id, chosen.coordinator.id, chosen.doctor.id) == (hill.id, bea.id, kim.id)

    offices.remove_office(practice_desk, hill.id)
    staff.set_staff_active(practice_desk, bea.id, False)
    staff.set_staff_active(practice_desk, kim.id, False)
    duty = on_duty(practice_desk, store.load())
    assert (duty.office, duty.coordinator, duty.doctor) == (
        default.office,
        default.coordinator,
        default.doctor,
    )
    started = start_walk_in(
        practice_desk,
        "Sam Okafor",
        "503 555 0142",
        duty.office.id,
        duty.coordinator.id,
        duty.doctor.id,
        FIXED_NOW,
    )
    assert started.consult.doctor_id == default.doctor.id
    # The last ones left cannot go, so there is always someone to fall back to.
    with pytest.raises(UserError, match="only active doctor"):
        staff.set_staff_active(practice_desk, default.doctor.id, False)
    with pytest.raises(UserError, match="main office"):
        offices.remove_office(practice_desk, default.office.id)


def test_on_duty_is_this_offices_one_coordinator_else_refused_naming_the_choices(
    practice_desk, tmp_path
) -> None:
    """QA: a Main Street walk-in went to the Eastside TC. One rule, no guessing."""
    from tcdesk.services.settings import offices, staff
    from tcdesk.services.walk_in import DutyUnclear

    main = on_duty(practice_desk).office
    east = offices.add_office(practice_desk, {"name": "Eastside"})
    jenny = staff.add_staff(
        practice_desk, {"name": "Jenny Park", "role": "coordinator", "office": "Eastside"}
    )
    assert on_duty(practice_desk).coordinator.name == "Ana Ruiz"  # Lakeside's own TC
    assert on_duty(practice_desk, office_id=east.id).coordinator.id == jenny.id
    store = MachineSettingsStore(tmp_path / "machine.json")
    store.update(coordinator_id=jenny.id)  # this desk's saved choice comes first
    assert on_duty(practice_desk, store.load()).coordinator.id == jenny.id

    staff.add_staff(
        practice_desk, {"name": "Bea Cole", "role": "coordinator", "office": "Lakeside"}
    )
    with pytest.raises(DutyUnclear) as unclear:
        on_duty(practice_desk)
    message = str(unclear.value)
    assert "Who is the treatment coordinator on duty at Lakeside?" in message
    assert "(Ana Ruiz, Bea Cole, Jenny Park)" in message and "--coordinator" in message
    assert unclear.value.office == main and unclear.value.coordinator is None
    assert unclear.value.doctor is not None and unclear.value.doctor.name == "Dr. Sam Lee"
