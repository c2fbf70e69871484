"""Booking, moving, cancelling, no-shows and check-ins: every refusal, every warning, audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from tcdesk.domain import ConsultStatus, SavedSession
from tcdesk.errors import UserError
from tcdesk.services.schedule import (
    DoubleBooking,
    FieldError,
    book_consult,
    cancel_consult,
    check_in,
    mark_no_show,
    move_consult,
)
from tcdesk.services.validation import FieldErrors
from tests.conftest import local_moment
from tests.services.schedule_seed import DAY, MovableClock, open_practice, seed_practice, slot


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(local_moment(DAY, 7, 30))


@pytest.fixture
def world(empty_store: Path, clock: MovableClock):
    desk = open_practice(empty_store, clock)
    yield desk, seed_practice(desk)
    desk.close()


def _actions(desk, consult_id: str) -> list[str]:
    return [row["action"] for row in desk.audit.for_subject(consult_id)]


def test_book_stores_utc_and_length_and_is_audited(world) -> None:
    desk, p = world
    booked = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9, 30, 45))
    stored = desk.consults.get(booked.consult.id)
    assert stored.scheduled_at == local_moment(DAY, 9, 30).isoformat(timespec="seconds")
    assert stored.scheduled_at.endswith("+00:00")
    assert stored.consult_date == DAY
    assert stored.duration_minutes == 45
    assert stored.status is ConsultStatus.SCHEDULED
    assert (stored.office_id, stored.coordinator_id, stored.doctor_id) == (
        p.office.id,
        p.tc.id,
        p.doctor.id,
    )
    assert booked.clashes == ()
    assert _actions(desk, stored.id) == ["consult_booked"]


def test_an_admin_may_sit_in_the_coordinator_slot(world) -> None:
    desk, p = world
    booked = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 10, tc=p.admin))
    assert booked.consult.coordinator_id == p.admin.id


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda p, s: replace(s, office_id="nowhere"), "office", "Choose one of the practice"),
        (lambda p, s: replace(s, coordinator_id=p.doctor.id), "coordinator", "is a doctor"),
        (lambda p, s: replace(s, coordinator_id=p.gone.id), "coordinator", "no longer active"),
        (lambda p, s: replace(s, coordinator_id=""), "coordinator", "coordinator is needed"),
        (lambda p, s: replace(s, doctor_id=p.tc.id), "doctor", "not a doctor"),
        (lambda p, s: replace(s, doctor_id=p.admin.id), "doctor", "is a admin, not a doctor"),
        (lambda p, s: replace(s, doctor_id="ghost"), "doctor", "not on staff"),
        (lambda p, s: replace(s, minutes=10), "minutes", "between 15 and 240"),
        (lambda p, s: replace(s, minutes=241), "minutes", "between 15 and 240"),
        (lambda p, s: replace(s, at=time(7, 0)), "when", "has passed"),
        (lambda p, s: replace(s, day=DAY - timedelta(days=1)), "when", "has passed"),
    ],
)
def test_every_refusal_names_its_field_and_saves_nothing(world, change, field, message) -> None:
    desk, p = world
    with pytest.raises(FieldErrors) as error:
        book_consult(desk, p.patients["Ava"].id, change(p, slot(p, DAY, 9)))
    assert field in error.value.by_field()
    assert message in error.value.by_field()[field]
    assert desk.consults.all() == []


def test_an_unknown_patient_and_a_bad_length_are_reported_together(world) -> None:
    desk, p = world
    with pytest.raises(FieldErrors) as error:
        book_consult(desk, "nobody", slot(p, DAY, 9, minutes=5))
    assert set(error.value.by_field()) == {"patient", "minutes"}


def test_double_booking_the_tc_warns_and_can_be_overridden(world) -> None:
    desk, p = world
    first = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9, minutes=60)).consult
    overlapping = slot(p, DAY, 9, 30, doctor=p.doctor2)
    with pytest.raises(DoubleBooking) as warning:
        book_consult(desk, p.patients["Noah"].id, overlapping)
    (clash,) = warning.value.clashes
    assert (clash.consult_id, clash.role, clash.person, clash.patient) == (
        first.id,
        "coordinator",
        "Dana Fox",
        "Ava Thompson",
    )
    assert str(warning.value) == (  # QA 5: the dates and times every screen writes
        "Double booking: Dana Fox (coordinator) already has Ava Thompson "
        "Mon, Nov 30, 2026 9:00\u2009\u2013\u200910:00\u202fAM."
    )
    assert len(desk.consults.all()) == 1
    anyway = book_consult(desk, p.patients["Noah"].id, overlapping, allow_overlap=True)
    assert anyway.clashes == warning.value.clashes
    assert len(desk.consults.all()) == 2
    detail = desk.audit.for_subject(anyway.consult.id)[0]["detail"]
    assert "booked anyway over" in detail


def test_double_booking_the_doctor_warns(world) -> None:
    desk, p = world
    book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9, minutes=60))
    with pytest.raises(DoubleBooking) as warning:
        book_consult(desk, p.patients["Noah"].id, slot(p, DAY, 9, 59, tc=p.tc2))
    assert [(c.role, c.person) for c in warning.value.clashes] == [("doctor", "Dr. Helen Park")]


def test_back_to_back_and_other_people_do_not_clash(world) -> None:
    desk, p = world
    book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9, minutes=60))
    book_consult(desk, p.patients["Noah"].id, slot(p, DAY, 10, minutes=30))  # starts at the end
    other = slot(p, DAY, 9, 15, tc=p.tc2, doctor=p.doctor2)
    assert book_consult(desk, p.patients["Emma"].id, other).clashes == ()


@pytest.mark.parametrize("take_off", ["cancel", "no_show"])
def test_a_cancelled_or_missed_consult_frees_its_slot(world, clock, take_off) -> None:
    desk, p = world
    first = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult
    if take_off == "cancel":
        cancel_consult(desk, first.id, "Family moved away")
    else:
        clock.set(DAY, 9, 20)
        mark_no_show(desk, first.id)
        clock.set(DAY, 7, 30)
    assert book_consult(desk, p.patients["Noah"].id, slot(p, DAY, 9)).clashes == ()


def test_a_deleted_consult_frees_its_slot(world) -> None:
    desk, p = world
    first = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult
    desk.records.soft_delete("consults", first.id)
    assert book_consult(desk, p.patients["Noah"].id, slot(p, DAY, 9)).clashes == ()


def test_move_changes_time_office_people_and_length(world) -> None:
    desk, p = world
    booked = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult
    later = DAY + timedelta(days=2)
    new_slot = slot(p, later, 14, 15, 90, office=p.satellite, tc=p.tc2, doctor=p.doctor2)
    moved = move_consult(desk, booked.id, new_slot).consult
    stored = desk.consults.get(booked.id)
    assert stored == moved
    assert stored.scheduled_at == local_moment(later, 14, 15).isoformat(timespec="seconds")
    assert (stored.office_id, stored.coordinator_id, stored.doctor_id) == (
        p.satellite.id,
        p.tc2.id,
        p.doctor2.id,
    )
    assert stored.duration_minutes == 90
    assert _actions(desk, booked.id) == ["consult_booked", "consult_moved"]
    assert len(desk.consults.all()) == 1


def test_moving_within_its_own_slot_is_no_double_booking(world) -> None:
    desk, p = world
    booked = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult
    assert move_consult(desk, booked.id, slot(p, DAY, 9, 30)).clashes == ()


def test_moving_onto_someone_else_warns_and_into_the_past_is_refused(world) -> None:
    desk, p = world
    book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9))
    second = book_consult(desk, p.patients["Noah"].id, slot(p, DAY, 11)).consult
    with pytest.raises(DoubleBooking):
        move_consult(desk, second.id, slot(p, DAY, 9, 30))
    with pytest.raises(FieldErrors, match="has passed"):
        move_consult(desk, second.id, slot(p, DAY, 6))
    assert desk.consults.get(second.id) == second


def test_a_cancelled_or_presented_consult_cannot_be_moved(world) -> None:
    desk, p = world
    one = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult
    two = book_consult(desk, p.patients["Noah"].id, slot(p, DAY, 11)).consult
    cancel_consult(desk, one.id, "Rebooking later")
    with pytest.raises(FieldError, match="cancelled; it cannot be moved"):
        move_consult(desk, one.id, slot(p, DAY, 12))
    desk.consults.save_session(
        SavedSession(two.id, "teen", "welcome", 0, started=True, updated_at="x")
    )
    with pytest.raises(FieldError, match="already been presented"):
        move_consult(desk, two.id, slot(p, DAY, 12))
    desk.consults.save(replace(desk.consults.get(two.id), status=ConsultStatus.PENDING))
    with pytest.raises(FieldError, match="pending decision; it cannot be moved"):
        move_consult(desk, two.id, slot(p, DAY, 12))


def test_cancel_needs_a_reason_keeps_it_and_is_audited(world) -> None:
    desk, p = world
    booked = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult
    with pytest.raises(FieldError, match="Write why") as error:
        cancel_consult(desk, booked.id, "   ")
    assert error.value.field == "reason"
    assert desk.consults.get(booked.id).status is ConsultStatus.SCHEDULED
    cancel_consult(desk, booked.id, "  Sick   child ")
    stored = desk.consults.get(booked.id)
    assert (stored.status, stored.outcome_reason) == (ConsultStatus.CANCELLED, "Sick child")
    assert desk.audit.for_subject(booked.id)[-1]["action"] == "consult_cancelled"
    assert desk.audit.for_subject(booked.id)[-1]["detail"] == "Sick child"
    with pytest.raises(FieldError, match="cancelled; it cannot be cancelled"):
        cancel_consult(desk, booked.id, "again")


def test_no_show_only_after_the_time_and_not_for_a_family_that_came(world, clock) -> None:
    desk, p = world
    one = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult
    two = book_consult(desk, p.patients["Noah"].id, slot(p, DAY, 10)).consult
    with pytest.raises(FieldError, match="not begun yet"):
        mark_no_show(desk, one.id)
    clock.set(DAY, 9, 55)
    check_in(desk, two.id)
    clock.set(DAY, 10, 30)
    with pytest.raises(FieldError, match="checked in"):
        mark_no_show(desk, two.id)
    assert mark_no_show(desk, one.id).status is ConsultStatus.NO_SHOW
    assert desk.consults.get(one.id).status is ConsultStatus.NO_SHOW
    assert _actions(desk, one.id) == ["consult_booked", "consult_no_show"]


def test_check_in_records_now_once_and_only_on_the_day(world, clock) -> None:
    desk, p = world
    today_one = book_consult(desk, p.patients["Ava"].id, slot(p, DAY, 9)).consult
    tomorrow = book_consult(desk, p.patients["Noah"].id, slot(p, DAY + timedelta(days=1), 9))
    clock.set(DAY, 8, 52)
    arrived = check_in(desk, today_one.id)
    assert arrived.arrived_at == local_moment(DAY, 8, 52).isoformat(timespec="seconds")
    assert desk.consults.get(today_one.id).arrived_at == arrived.arrived_at
    with pytest.raises(FieldError, match="Already checked in at 8:52\u202fAM"):
        check_in(desk, today_one.id)
    with pytest.raises(FieldError, match="not today"):
        check_in(desk, tomorrow.consult.id)
    assert _actions(desk, today_one.id) == ["consult_booked", "consult_checked_in"]


def test_an_unknown_consult_is_a_plain_message(world) -> None:
    desk, _p = world
    with pytest.raises(UserError, match="No consult with id nope"):
        cancel_consult(desk, "nope", "x")


def test_a_file_without_a_practice_is_refused(empty_store: Path, clock) -> None:
    desk = open_practice(empty_store, clock)
    try:
        from tcdesk.services.schedule import Slot

        with pytest.raises(UserError, match="no practice"):
            book_consult(desk, "x", Slot("o", "c", "d", date(2030, 1, 1), time(9)))
    finally:
        desk.close()
