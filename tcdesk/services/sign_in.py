"""Staff sign-in with a PIN, the growing wait after wrong PINs, and who may change settings.

A PIN is 4 to 8 digits, stored only as an argon2 hash. Three wrong PINs in a
row cost nothing (fingers slip); from the fourth on, the next try waits 2, 4,
8 ... seconds, up to five minutes. The count lives in the practice file, so
closing and reopening tcdesk does not reset it. Every sign-in, wrong PIN and
refused try goes to the audit log with who and when, never the PIN.

A practice in which nobody has a PIN yet works as before (no sign-in); as soon
as one person has a PIN, the desk asks for it. The command line acts as the
practice's admin: whoever can run commands on the practice's computer can
already copy the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from tcdesk.domain import Staff, StaffRole
from tcdesk.errors import UserError
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.validation import FieldError
from tcdesk.store.sign_in_repo import SignInRepository

if TYPE_CHECKING:
    from argon2 import PasswordHasher

PIN_MIN, PIN_MAX = 4, 8
FREE_TRIES = 3  # wrong PINs that cost no wait
FIRST_WAIT_SECONDS = 2
MAX_WAIT_SECONDS = 300


@cache
def _hasher() -> PasswordHasher:
    """argon2, loaded when a PIN is first set or checked (not at every start of the app)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


class PinError(FieldError):
    """A PIN refused: the message says why and, after several, how long to wait."""

    def __init__(self, message: str, wait_seconds: int = 0) -> None:
        super().__init__("pin", message)
        self.wait_seconds = wait_seconds


@dataclass(frozen=True)
class Person:
    """One person offered in the sign-in window."""

    id: str
    name: str
    role: StaffRole
    is_admin: bool


def _repo(desk: Desk) -> SignInRepository:
    return SignInRepository(desk.records)


def _audit(desk: Desk, action: str, staff_id: str, actor_id: str | None, detail: str = "") -> None:
    desk.audit.record(
        id=new_id(),
        at=utc_iso(desk.clock()),
        action=action,
        subject_id=staff_id,
        actor_id=actor_id,
        detail=detail,
    )


def check_pin(pin: str) -> str:
    """The PIN as typed, if it is one: 4 to 8 digits."""
    if not pin:
        raise FieldError("pin", "Type a PIN of 4 to 8 digits.")
    if not (pin.isascii() and pin.isdigit()):
        raise FieldError("pin", "A PIN is digits only (4 to 8 of them).")
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        raise FieldError("pin", f"A PIN is 4 to 8 digits; this one has {len(pin)}.")
    return pin


def is_admin(member: Staff) -> bool:
    return member.role is StaffRole.ADMIN or member.admin


def wait_after(failures: int) -> int:
    """Seconds the next try waits after ``failures`` wrong PINs in a row."""
    if failures <= FREE_TRIES:
        return 0
    return min(FIRST_WAIT_SECONDS ** (failures - FREE_TRIES), MAX_WAIT_SECONDS)


def sign_in_needed(desk: Desk) -> bool:
    """True once anyone in the practice has a PIN (before that, tcdesk opens as it always did)."""
    practice = desk.practice()
    return practice is not None and bool(_repo(desk).with_pins(practice.id))


def people(desk: Desk) -> list[Person]:
    """Who can sign in: the active people with a PIN, by name."""
    practice = desk.practice()
    if practice is None:
        return []
    with_pins = _repo(desk).with_pins(practice.id)
    staff = [s for s in desk.practices.staff(practice.id) if s.id in with_pins]
    return [Person(s.id, s.name, s.role, is_admin(s)) for s in sorted(staff, key=lambda s: s.name)]


def has_pin(desk: Desk, staff_id: str) -> bool:
    state = _repo(desk).state(staff_id)
    return state is not None and bool(state.pin_hash)


def set_pin(desk: Desk, staff_id: str, pin: str, *, actor_id: str | None = None) -> None:
    """Give someone a (new) PIN; only an admin sets another person's."""
    member = desk.practices.staff_member(staff_id)
    if member is None:
        raise UserError("That staff member is not in this practice.")
    if desk.signed_in_id not in (None, staff_id):
        require_admin(desk, "set another person's PIN")
    check_pin(pin)
    with desk.transaction():
        _repo(desk).set_hash(staff_id, _hasher().hash(pin))
        _audit(desk, "pin_set", staff_id, actor_id)


def set_demo_pin(desk: Desk, staff_id: str, pin: str) -> None:
    """The demo's published PINs, hashed with a salt from the person's id.

    The demo file is reproducible (the same day gives the same bytes), so its
    hashes are too; and it is data, not an act, so nothing is audited. A real
    practice's PINs always get a random salt (``set_pin``).
    """
    from argon2 import Type
    from argon2.low_level import hash_secret

    hasher = _hasher()
    hashed = hash_secret(
        check_pin(pin).encode(),
        f"tcdesk-demo:{staff_id}".encode(),
        time_cost=hasher.time_cost,
        memory_cost=hasher.memory_cost,
        parallelism=hasher.parallelism,
        hash_len=hasher.hash_len,
        type=Type.ID,
    )
    _repo(desk).set_hash(staff_id, hashed.decode("ascii"))


def seconds_to_wait(desk: Desk, staff_id: str) -> int:
    """How long before this person may try a PIN again (0: now)."""
    state = _repo(desk).state(staff_id)
    if state is None or not state.failed_at:
        return 0
    wait = wait_after(state.failures)
    if wait == 0:
        return 0
    ready = datetime.fromisoformat(state.failed_at) + timedelta(seconds=wait)
    left = (ready - desk.clock()).total_seconds()
    return max(0, int(left + 0.999))


def _wait_words(seconds: int) -> str:
    if seconds >= 60:
        minutes = (seconds + 59) // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


def verify(desk: Desk, staff_id: str, pin: str) -> Staff:
    """Check a PIN; the person on success, else a ``PinError`` that says what to do.

    A try during the wait is refused without looking at the PIN (and logged), so
    guessing gets no faster by typing quickly.
    """
    repo = _repo(desk)
    state = repo.state(staff_id)
    member = desk.practices.staff_member(staff_id)
    if state is None or member is None or not member.active:
        raise PinError("That person is not in this practice.")
    if not state.pin_hash:
        raise PinError(f"{member.name} has no PIN yet; an admin sets it in Settings > Staff.")
    wait = seconds_to_wait(desk, staff_id)
    if wait:
        with desk.transaction():
            _audit(desk, "pin_too_soon", staff_id, staff_id, f"wait {wait} s")
        raise PinError(f"Too many wrong PINs. Try again in {_wait_words(wait)}.", wait)
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        _hasher().verify(state.pin_hash, pin)
    except (VerificationError, InvalidHashError):  # a mismatch is a VerificationError
        failures = state.failures + 1
        wait = wait_after(failures)
        with desk.transaction():
            repo.set_failures(staff_id, failures, utc_iso(desk.clock()))
            _audit(desk, "pin_wrong", staff_id, staff_id, f"wrong PIN {failures} in a row")
        if wait:
            raise PinError(f"Wrong PIN. Try again in {_wait_words(wait)}.", wait) from None
        raise PinError("Wrong PIN. Try again.") from None
    with desk.transaction():
        if state.failures:
            repo.set_failures(staff_id, 0, None)
        if _hasher().check_needs_rehash(state.pin_hash):
            repo.set_hash(staff_id, _hasher().hash(pin))
    return member


def sign_in(desk: Desk, staff_id: str, pin: str) -> Staff:
    """Verify the PIN and make this person the one who acts (and is audited) at this desk."""
    member = verify(desk, staff_id, pin)
    desk.signed_in_id = member.id
    with desk.transaction():
        _audit(desk, "signed_in", member.id, member.id)
    return member


def sign_out(desk: Desk) -> None:
    if desk.signed_in_id is None:
        return
    who = desk.signed_in_id
    with desk.transaction():
        _audit(desk, "signed_out", who, who)
    desk.signed_in_id = None


def record_lock(desk: Desk, *, locked: bool, why: str = "") -> None:
    """A lock or unlock of the desk, in the audit log."""
    who = desk.signed_in_id
    with desk.transaction():
        _audit(desk, "locked" if locked else "unlocked", who or "desk", who, why)


def signed_in(desk: Desk) -> Staff | None:
    return desk.practices.staff_member(desk.signed_in_id) if desk.signed_in_id else None


def require_admin(desk: Desk, doing: str) -> None:
    """Refuse unless the person signed in is an admin: ``doing`` as in "change the fee schedule".

    Rights come from signing in, never from a name a caller passes: with nobody
    signed in (the command line, a practice without PINs yet) the one acting is
    the practice's admin.
    """
    who = desk.signed_in_id
    if who is None:
        return
    member = desk.practices.staff_member(who)
    if member is None or not is_admin(member):
        raise UserError(f"Only an admin can {doing}.")
