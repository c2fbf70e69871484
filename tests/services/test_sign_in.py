"""PINs: hashed, verified, a growing wait after wrong ones (on the fixed clock), logged; roles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tcdesk.domain import StaffRole
from tcdesk.errors import UserError
from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tcdesk.services.settings import fees, money_rules, practice_details, staff, terms
from tcdesk.services.validation import FieldError
from tests.conftest import FIXED_NOW
from tests.services.settings.conftest import settings_rows


class Clock:
    """The fixed clock, moved on by hand: waits are measured, never slept."""

    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self):
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(empty_store: Path, clock: Clock) -> Iterator[Desk]:
    desk = Desk.open(empty_store, clock=clock)
    set_up_practice(
        desk,
        PracticeSetup(
            practice_name="Lakeside Orthodontics",
            office_name="Lakeside",
            coordinator_name="Ana Torres",
            doctor_name="Dr. Lee",
            pin="2468",
        ),
    )
    yield desk
    desk.close()


def _person(desk: Desk, name: str) -> str:
    return next(s.id for s in staff.list_staff(desk) if s.name == name)


def _audit(desk: Desk, action: str) -> list[dict]:
    return [e for e in desk.audit.entries() if e["action"] == action]


def test_the_one_who_sets_up_is_the_admin_signed_in_with_a_hashed_pin(desk: Desk) -> None:
    ana = _person(desk, "Ana Torres")
    assert desk.signed_in_id == ana
    member = desk.practices.staff_member(ana)
    assert member.role is StaffRole.COORDINATOR and sign_in.is_admin(member)
    assert not sign_in.is_admin(desk.practices.staff_member(_person(desk, "Dr. Lee")))
    stored = desk.db.execute("SELECT pin_hash FROM staff WHERE id = ?", [ana]).fetchone()[0]
    assert stored.startswith("$argon2id$") and "2468" not in stored
    assert sign_in.sign_in_needed(desk)
    assert [p.name for p in sign_in.people(desk)] == ["Ana Torres"]


def test_the_right_pin_signs_in_and_a_wrong_one_does_not(desk: Desk) -> None:
    ana = _person(desk, "Ana Torres")
    sign_in.sign_out(desk)
    with pytest.raises(sign_in.PinError, match=re.escape("Wrong PIN. Try again.")):
        sign_in.sign_in(desk, ana, "1357")
    assert desk.signed_in_id is None
    assert sign_in.sign_in(desk, ana, "2468").name == "Ana Torres"
    assert desk.signed_in_id == ana
    (entry,) = _audit(desk, "signed_in")
    assert entry["actor_id"] == ana and entry["at"] == FIXED_NOW.isoformat(timespec="seconds")


@pytest.mark.parametrize(
    ("pin", "message"),
    [
        ("", "Type a PIN of 4 to 8 digits."),
        ("12a4", "A PIN is digits only"),
        ("123", "A PIN is 4 to 8 digits; this one has 3."),
        ("123456789", "this one has 9"),
        ("١٢٣٤", "digits only"),  # Arabic-Indic digits are not keys on the desk's keypad
    ],
)
def test_a_pin_is_4_to_8_digits(desk: Desk, pin: str, message: str) -> None:
    before = settings_rows(desk)
    with pytest.raises(FieldError, match=message):
        sign_in.set_pin(desk, _person(desk, "Dr. Lee"), pin)
    assert settings_rows(desk) == before


def test_wrong_pins_wait_longer_and_longer_and_every_one_is_logged(
    desk: Desk, clock: Clock
) -> None:
    ana = _person(desk, "Ana Torres")
    sign_in.sign_out(desk)
    waits = []
    for _ in range(7):
        with pytest.raises(sign_in.PinError) as refused:
            sign_in.verify(desk, ana, "0000")
        waits.append(refused.value.wait_seconds)
        clock.advance(refused.value.wait_seconds)  # wait just as long as asked
    assert waits == [0, 0, 0, 2, 4, 8, 16]
    assert "Try again in 16 seconds." in str(refused.value)
    wrong = _audit(desk, "pin_wrong")
    assert len(wrong) == 7 and all(e["subject_id"] == ana for e in wrong)
    assert all("0000" not in e["detail"] for e in desk.audit.entries())


def test_a_try_during_the_wait_is_refused_even_with_the_right_pin(desk: Desk, clock: Clock) -> None:
    ana = _person(desk, "Ana Torres")
    sign_in.sign_out(desk)
    for _ in range(4):
        with pytest.raises(sign_in.PinError):
            sign_in.verify(desk, ana, "9999")
    assert sign_in.seconds_to_wait(desk, ana) == 2
    clock.advance(1)
    with pytest.raises(
        sign_in.PinError, match=re.escape("Too many wrong PINs. Try again in 1 second.")
    ):
        sign_in.verify(desk, ana, "2468")
    assert len(_audit(desk, "pin_too_soon")) == 1
    clock.advance(1)
    assert sign_in.verify(desk, ana, "2468").id == ana
    assert sign_in.seconds_to_wait(desk, ana) == 0  # the count starts again
    with pytest.raises(sign_in.PinError) as refused:
        sign_in.verify(desk, ana, "9999")
    assert refused.value.wait_seconds == 0


def test_the_wait_has_a_cap_and_survives_reopening_the_file(
    desk: Desk, clock: Clock, empty_store: Path
) -> None:
    ana = _person(desk, "Ana Torres")
    for _ in range(12):
        with pytest.raises(sign_in.PinError):
            sign_in.verify(desk, ana, "1111")
        clock.advance(sign_in.MAX_WAIT_SECONDS)
    assert sign_in.wait_after(12) == sign_in.MAX_WAIT_SECONDS == 300
    clock.advance(-sign_in.MAX_WAIT_SECONDS)
    again = Desk.open(empty_store, clock=clock)
    try:
        assert sign_in.seconds_to_wait(again, ana) == 300
        with pytest.raises(sign_in.PinError, match=re.escape("Try again in 5 minutes.")):
            sign_in.verify(again, ana, "2468")
    finally:
        again.close()


def test_someone_without_a_pin_cannot_sign_in_until_it_is_set(desk: Desk) -> None:
    lee = _person(desk, "Dr. Lee")
    with pytest.raises(sign_in.PinError, match=re.escape("Dr. Lee has no PIN yet")):
        sign_in.verify(desk, lee, "1234")
    sign_in.set_pin(desk, lee, "1234")  # Ana, the admin, is signed in
    assert sign_in.verify(desk, lee, "1234").name == "Dr. Lee"
    (entry,) = _audit(desk, "pin_set")[-1:]
    assert entry["subject_id"] == lee and entry["actor_id"] == _person(desk, "Ana Torres")


ADMIN_ONLY = [
    (lambda d: fees.edit_fee(d, fees.list_fees(d)[0].id, {"fee": "1"}), "the fee schedule"),
    (lambda d: fees.add_fee(d, {"name": "Retainers", "fee": "300"}), "the fee schedule"),
    (lambda d: fees.remove_fee(d, fees.list_fees(d)[0].id), "the fee schedule"),
    (lambda d: money_rules.update_policy(d, {"late_fee": "99"}), "the money rules"),
    (lambda d: terms.set_terms(d, "# Terms\n\nPay."), "the agreement's terms"),
    (lambda d: terms.reset_terms(d), "the agreement's terms"),
    (lambda d: staff.add_staff(d, {"name": "Sam", "role": "admin"}), "the staff list"),
    (lambda d: staff.edit_staff(d, d.signed_in_id, {"role": "admin"}), "the staff list"),
    (
        lambda d: staff.set_staff_active(d, _person(d, "Ana Torres"), False),
        "the staff list",
    ),
    (lambda d: sign_in.set_pin(d, _person(d, "Ana Torres"), "1111"), "another person's PIN"),
]


@pytest.mark.parametrize(("change", "what"), ADMIN_ONLY)
def test_only_an_admin_changes_fees_policy_terms_and_staff(desk: Desk, change, what: str) -> None:
    lee = _person(desk, "Dr. Lee")
    sign_in.set_pin(desk, lee, "1234")
    sign_in.sign_out(desk)
    sign_in.sign_in(desk, lee, "1234")
    before = settings_rows(desk)
    audited = len(desk.audit.entries())
    with pytest.raises(UserError, match=f"^Only an admin can (set|change) {what}.$"):
        change(desk)
    assert settings_rows(desk) == before
    assert len(desk.audit.entries()) == audited


def test_the_fee_message_is_the_one_a_tc_reads(desk: Desk) -> None:
    lee = _person(desk, "Dr. Lee")
    sign_in.set_pin(desk, lee, "1234")
    sign_in.sign_in(desk, lee, "1234")
    with pytest.raises(UserError) as refused:
        fees.edit_fee(desk, fees.list_fees(desk)[0].id, {"fee": "1"})
    assert str(refused.value) == "Only an admin can change the fee schedule."


def test_an_admin_may_and_so_may_the_command_line(desk: Desk) -> None:
    fee = fees.list_fees(desk)[0]
    assert fees.edit_fee(desk, fee.id, {"fee": "6100"}).fee_cents == 610_000  # Ana, admin
    sign_in.sign_out(desk)  # nobody signed in: the command line, the practice's admin
    assert fees.edit_fee(desk, fee.id, {"fee": "6200"}).fee_cents == 620_000


def test_the_lock_minutes_are_a_practice_setting_only_an_admin_changes(desk: Desk) -> None:
    assert practice_details.current_practice(desk).lock_after_minutes == 5
    practice_details.update_practice(desk, {"lock_after_minutes": "10"})
    assert practice_details.current_practice(desk).lock_after_minutes == 10
    with pytest.raises(UserError, match="1 to 60 idle minutes"):
        practice_details.update_practice(desk, {"lock_after_minutes": "0"})
    lee = _person(desk, "Dr. Lee")
    sign_in.set_pin(desk, lee, "1234")
    sign_in.sign_in(desk, lee, "1234")
    with pytest.raises(
        FieldError, match=re.escape("Only an admin can change when the desk locks.")
    ):
        practice_details.update_practice(desk, {"lock_after_minutes": "30"})
    practice_details.update_practice(desk, {"phone": "555 010 2000", "lock_after_minutes": "10"})
    assert practice_details.current_practice(desk).lock_after_minutes == 10


def test_what_the_signed_in_person_does_is_audited_as_theirs(desk: Desk) -> None:
    ana = _person(desk, "Ana Torres")
    fees.edit_fee(desk, fees.list_fees(desk)[0].id, {"fee": "6100"}, actor_id="someone-else")
    assert _audit(desk, "settings_fee_changed")[-1]["actor_id"] == ana


def test_a_practice_without_pins_opens_as_before(empty_store: Path) -> None:
    desk = Desk.open(empty_store, clock=Clock())
    try:
        set_up_practice(desk, PracticeSetup("Old Practice", "Main", "Bea", "Dr. Cole"))
        assert not sign_in.sign_in_needed(desk) and desk.signed_in_id is None
        assert fees.edit_fee(desk, fees.list_fees(desk)[0].id, {"fee": "1"}).fee_cents == 100
    finally:
        desk.close()


def test_the_demo_staff_have_the_readme_pins(demo_desk: Desk) -> None:
    people = {p.name: p for p in sign_in.people(demo_desk)}
    assert len(people) == 6
    assert sign_in.verify(demo_desk, people["Jessica Alvarez"].id, "3333")
    assert sign_in.verify(demo_desk, people["Linda Carver"].id, "6666")
    assert people["Linda Carver"].is_admin and not people["Jessica Alvarez"].is_admin
