"""The training file: a tcdesk store made from the practice's settings, with no families.

Practice consults and drills never run on the practice's patients. ``tcdesk
training setup`` makes (or refreshes) a separate store beside the practice
file, ``<name>.training.sqlite3`` by default, holding a copy of the practice,
its offices, staff (with their PINs, so the same people sign in), fee
schedule, financial policy, targets and agreement terms: the numbers a TC
practises with are the real ones. It has the same schema as a practice file;
its ``training_origin`` row is what makes it a training file. A refresh
copies the settings again and keeps every session and drill answer.

The practice file is only read (opened read-only; a file that needs this
tcdesk's schema changes is upgraded first, with its backup, as any command
does). The training file is encrypted exactly when the practice file is, with
the same passphrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tcdesk.domain import FeeScheduleItem, FinancialPolicy, Office, Practice, Staff
from tcdesk.domain.training import TrainingOrigin
from tcdesk.errors import UserError
from tcdesk.services.clock import Clock, system_clock, utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.training.file_name import training_path
from tcdesk.store import cipher
from tcdesk.store.sign_in_repo import SignInRepository
from tcdesk.store.training_repo import TrainingRepository


@dataclass(frozen=True)
class PracticeSettings:
    """What a training file copies from the practice (nothing about any family)."""

    practice: Practice
    offices: tuple[Office, ...]  # removed ones too: staff may still name them
    removed_office_ids: frozenset[str]
    staff: tuple[Staff, ...]
    pins: dict[str, str]  # staff id -> PIN hash ('' = none)
    fees: tuple[FeeScheduleItem, ...]
    policy: FinancialPolicy


@dataclass(frozen=True)
class TrainingSetup:
    """What ``set_up_training`` did, for the command to say."""

    path: Path
    made: bool  # a new file (False: an existing one refreshed)
    practice: str
    offices: int
    staff: int
    fees: int
    sessions: int  # kept from before (a refresh never loses one)
    drill_reviews: int
    encrypted: bool


def is_training(desk: Desk) -> bool:
    """True for a training file (made by ``set_up_training``), False for a practice file."""
    return TrainingRepository(desk.records).origin() is not None


def require_training(desk: Desk) -> None:
    """Refuse to keep training history in a practice file."""
    if not is_training(desk):
        raise UserError(
            f"{desk.path or 'This file'} is not a training file: practice consults and drills "
            "are kept in the training file (tcdesk training setup makes it)."
        )


def training_desk(
    practice_path: Path,
    training: Path | None = None,
    *,
    clock: Clock = system_clock,
    read_only: bool = False,
) -> Desk:
    """The practice's training file, open; refused when it was never made."""
    target = Path(training) if training is not None else training_path(practice_path)
    if not target.exists():
        raise UserError(
            f"No training file at {target}; make it with: tcdesk training setup "
            f"--db {practice_path}"
        )
    desk = Desk.open(target, clock, create=False, read_only=read_only)
    origin = TrainingRepository(desk.records).origin()
    if origin is None:
        desk.close()
        raise UserError(f"{target} is not a training file (it holds no training origin).")
    if training is not None and Path(practice_path).exists():
        practice_id = _practice_id(Path(practice_path), clock)
        if practice_id is not None and practice_id != origin.practice_id:
            desk.close()
            raise UserError(
                f"{target} is the training file of another practice, not of {practice_path}."
            )
    return desk


def _practice_id(practice_path: Path, clock: Clock) -> str | None:
    """The practice file's practice id (read only: a given training file is checked by it)."""
    source = Desk.open(practice_path, clock, create=False, read_only=True)
    try:
        practice = source.practice()
        return practice.id if practice else None
    finally:
        source.close()


def read_settings(desk: Desk) -> PracticeSettings:
    """The practice's settings, through its repositories."""
    practice = desk.practice()
    if practice is None:
        raise UserError(
            f"{desk.path} holds no practice yet; set it up before making a training file."
        )
    every_office = desk.practices.offices(practice.id, include_removed=True)
    active = {office.id for office in desk.practices.offices(practice.id)}
    staff = desk.practices.staff(practice.id)
    sign_in = SignInRepository(desk.records)
    pins = {member.id: _pin(sign_in, member.id) for member in staff}
    return PracticeSettings(
        practice=practice,
        offices=tuple(every_office),
        removed_office_ids=frozenset(o.id for o in every_office if o.id not in active),
        staff=tuple(staff),
        pins=pins,
        fees=tuple(desk.practices.fee_schedule(practice.id)),
        policy=desk.practices.policy(practice.id),
    )


def _pin(sign_in: SignInRepository, staff_id: str) -> str:
    state = sign_in.state(staff_id)
    return state.pin_hash if state else ""


def set_up_training(
    practice_path: Path, training: Path | None = None, *, clock: Clock = system_clock
) -> TrainingSetup:
    """Make the training file beside the practice file, or copy the settings into it again."""
    practice_path = Path(practice_path)
    target = Path(training) if training is not None else training_path(practice_path)
    if not practice_path.exists():
        raise UserError(f"No practice file at {practice_path}.")
    if target.exists() and target.resolve() == practice_path.resolve():
        raise UserError("The training file must be a file of its own, not the practice file.")
    encrypted = cipher.is_encrypted(practice_path)
    source = Desk.open(practice_path, clock, create=False, read_only=True)
    try:
        if is_training(source):
            raise UserError(
                f"{practice_path} is a training file; give the practice file with --db."
            )
        settings = read_settings(source)
    finally:
        source.close()
    made = not target.exists() or target.stat().st_size == 0
    if not made:
        _match_encryption(target, encrypted, clock)
    with cipher.passphrase_in_use(cipher.passphrase() if encrypted else None):
        desk = Desk.open(target, clock, create=True)
    try:
        repo = TrainingRepository(desk.records)
        origin = _check_target(desk, repo, settings.practice)
        now = utc_iso(clock())
        with desk.transaction():
            copy_settings(desk, settings)
            repo.save_origin(
                TrainingOrigin(
                    practice_id=settings.practice.id,
                    practice_file=str(practice_path.resolve()),
                    made_at=origin.made_at if origin else now,
                    refreshed_at=now,
                )
            )
        return TrainingSetup(
            path=target,
            made=origin is None,
            practice=settings.practice.name,
            offices=len(settings.offices) - len(settings.removed_office_ids),
            staff=len(settings.staff),
            fees=len(settings.fees),
            sessions=len(repo.sessions()),
            drill_reviews=repo.review_count(),
            encrypted=encrypted,
        )
    finally:
        desk.close()


def _check_target(
    desk: Desk, repo: TrainingRepository, practice: Practice
) -> TrainingOrigin | None:
    """The file's origin when it is this practice's training file; None when it is new.

    A practice file (or any file with families in it) is refused before anything is
    copied into it: a refresh writes the practice's settings over the file's.
    """
    origin = repo.origin()
    if origin is None and (desk.practice() is not None or repo.family_rows()):
        raise UserError(
            f"{desk.path} is a practice file, not a training file; nothing was copied into "
            "it. Give another --training file (or leave it out for the default)."
        )
    if origin is not None and origin.practice_id != practice.id:
        raise UserError(
            f"{desk.path} is the training file of another practice; nothing was copied into "
            "it. Give another --training file."
        )
    return origin


def copy_settings(desk: Desk, settings: PracticeSettings) -> None:
    """Write the practice's settings into the training file, as they are in the practice.

    Offices and fee lines the practice removed are removed here too; staff are
    only ever added or updated (a session keeps naming whoever practised).
    """
    practices = desk.practices
    practices.save(settings.practice)
    practice_id = settings.practice.id
    known_offices = {office.id for office in settings.offices}
    for office in practices.offices(practice_id):
        if office.id not in known_offices:
            desk.records.soft_delete("offices", office.id)
    for office in settings.offices:
        practices.save_office(office)
        if office.id in settings.removed_office_ids:
            desk.records.soft_delete("offices", office.id)
    sign_in = SignInRepository(desk.records)
    for member in settings.staff:
        practices.save_staff(member)
        sign_in.set_hash(member.id, settings.pins.get(member.id, ""))
    fee_ids = {item.id for item in settings.fees}
    for item in practices.fee_schedule(practice_id):
        if item.id not in fee_ids:
            desk.records.soft_delete("fee_schedule", item.id)
    for item in settings.fees:
        practices.save_fee(item)
    practices.save_policy(settings.policy)


def _match_encryption(target: Path, encrypted: bool, clock: Clock) -> None:
    """An existing training file takes the practice file's encryption (encrypted since)."""
    if cipher.is_encrypted(target) == encrypted:
        return
    from tcdesk.services.encryption import convert_file

    key = cipher.passphrase()
    if encrypted:
        convert_file(target, old_key=None, new_key=key, now=clock())
    elif key:
        convert_file(target, old_key=key, new_key=None, now=clock())
