"""The training file: the practice's settings, no family, the practice file untouched."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tcdesk.services.training.history import TrainingMode, record_session
from tcdesk.services.training.store import (
    is_training,
    set_up_training,
    training_desk,
    training_path,
)
from tcdesk.store import cipher
from tcdesk.store.sign_in_repo import SignInRepository
from tcdesk.store.training_repo import TrainingRepository
from tests.conftest import FIXED_NOW
from tests.training_seed import JESSICA, scorecard, staff_id

NOW = lambda: FIXED_NOW  # noqa: E731


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _settings(desk: Desk) -> dict:
    practice = desk.practice()
    assert practice is not None
    return {
        "practice": practice,
        "offices": desk.practices.offices(practice.id),
        "staff": desk.practices.staff(practice.id),
        "fees": desk.practices.fee_schedule(practice.id),
        "policy": desk.practices.policy(practice.id),
        "pins": {
            s.id: SignInRepository(desk.records).state(s.id).pin_hash
            for s in desk.practices.staff(practice.id)
        },
    }


def test_the_default_training_file_is_beside_the_practice_file() -> None:
    assert training_path(Path("/p/practice.sqlite3")) == Path("/p/practice.training.sqlite3")
    assert training_path(Path("/p/practice")) == Path("/p/practice.training.sqlite3")


def test_setup_copies_the_settings_and_no_family_and_leaves_the_practice_file_as_it_was(
    demo_store: Path,
) -> None:
    before = _digest(demo_store)
    done = set_up_training(demo_store, clock=NOW)
    assert _digest(demo_store) == before  # byte for byte
    assert not Path(f"{demo_store}-wal").exists()
    assert done.made and done.path == training_path(demo_store)
    assert (done.offices, done.staff, done.fees, done.sessions) == (3, 6, 8, 0)
    practice = Desk.open(demo_store, NOW, read_only=True)
    trainer = training_desk(demo_store, clock=NOW)
    try:
        assert _settings(trainer) == _settings(practice)
        assert practice.practice().agreement_terms == trainer.practice().agreement_terms
        assert TrainingRepository(practice.records).family_rows() > 0  # the demo has families
        for table in ("patients", "consults", "leads", "contacts", "notes", "agreements"):
            count = trainer.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert count == 0, table
        assert is_training(trainer) and not is_training(practice)
    finally:
        practice.close()
        trainer.close()


def test_a_refresh_takes_the_practices_changes_and_keeps_every_session(demo_store: Path) -> None:
    set_up_training(demo_store, clock=NOW)
    trainer = training_desk(demo_store, clock=NOW)
    record_session(
        trainer, staff_id(trainer, JESSICA), scorecard([8] * 8), TrainingMode.SOLO, FIXED_NOW
    )
    trainer.close()
    practice = Desk.open(demo_store, NOW)
    fees = practice.practices.fee_schedule(practice.practice().id)
    practice.practices.save_fee(replace(fees[0], fee_cents=fees[0].fee_cents + 10_000))
    practice.records.soft_delete("fee_schedule", fees[1].id)
    practice.close()

    done = set_up_training(demo_store, clock=NOW)
    assert not done.made and done.sessions == 1 and done.fees == 7
    trainer = training_desk(demo_store, clock=NOW)
    practice = Desk.open(demo_store, NOW, read_only=True)
    try:
        assert _settings(trainer) == _settings(practice)
        assert len(TrainingRepository(trainer.records).sessions()) == 1
    finally:
        trainer.close()
        practice.close()


def test_a_practice_file_is_never_taken_for_a_training_file(
    demo_store: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    other.write_bytes(demo_store.read_bytes())
    before = _digest(other)
    with pytest.raises(UserError, match="is a practice file, not a training file"):
        set_up_training(demo_store, other, clock=NOW)
    assert _digest(other) == before
    with pytest.raises(UserError, match="not a training file"):
        training_desk(demo_store, other, clock=NOW)
    with pytest.raises(UserError, match="a file of its own"):
        set_up_training(demo_store, demo_store, clock=NOW)


def test_a_training_file_is_not_a_practice_to_copy(demo_store: Path) -> None:
    done = set_up_training(demo_store, clock=NOW)
    with pytest.raises(UserError, match="is a training file; give the practice file"):
        set_up_training(done.path, clock=NOW)


def test_no_training_file_yet_says_how_to_make_it(demo_store: Path) -> None:
    with pytest.raises(UserError, match="tcdesk training setup --db"):
        training_desk(demo_store, clock=NOW)


def test_a_practice_with_no_practice_yet_is_refused(empty_store: Path) -> None:
    with pytest.raises(UserError, match="holds no practice yet"):
        set_up_training(empty_store, clock=NOW)


def test_sessions_are_kept_only_in_a_training_file(demo_desk: Desk) -> None:
    with pytest.raises(UserError, match="not a training file"):
        record_session(
            demo_desk,
            staff_id(demo_desk, JESSICA),
            scorecard([8] * 8),
            "solo",
            datetime(2026, 11, 27, tzinfo=UTC),
        )


def _practice(path: Path) -> None:
    desk = Desk.open(path, NOW)
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
    desk.close()


def test_an_encrypted_practice_gets_an_encrypted_training_file(tmp_path: Path) -> None:
    cipher.use_passphrase("lake side practice")
    practice = tmp_path / "lakeside.sqlite3"
    _practice(practice)
    done = set_up_training(practice, clock=NOW)
    assert done.encrypted and cipher.is_encrypted(done.path)
    trainer = training_desk(practice, clock=NOW)
    ana = staff_id(trainer, "Ana Torres")
    assert SignInRepository(trainer.records).state(ana).pin_hash  # her PIN signs her in here too
    trainer.close()
    cipher.use_passphrase(None)
    with pytest.raises(UserError, match="is encrypted"):
        training_desk(practice, clock=NOW)


def test_a_plain_practice_gets_a_plain_training_file_whatever_passphrase_is_in_use(
    tmp_path: Path,
) -> None:
    cipher.use_passphrase(None)
    practice = tmp_path / "lakeside.sqlite3"
    _practice(practice)
    cipher.use_passphrase("lake side practice")
    done = set_up_training(practice, clock=NOW)
    assert not done.encrypted and not cipher.is_encrypted(done.path)


def test_a_training_file_made_before_the_practice_was_encrypted_is_encrypted_on_refresh(
    tmp_path: Path,
) -> None:
    from tcdesk.services.encryption import convert_file

    cipher.use_passphrase(None)
    practice = tmp_path / "lakeside.sqlite3"
    _practice(practice)
    done = set_up_training(practice, clock=NOW)
    trainer = training_desk(practice, clock=NOW)
    ana = staff_id(trainer, "Ana Torres")
    record_session(trainer, ana, scorecard([8] * 8), "partner", FIXED_NOW)
    trainer.close()
    convert_file(practice, old_key=None, new_key="lake side practice", now=FIXED_NOW)
    cipher.use_passphrase("lake side practice")
    again = set_up_training(practice, clock=NOW)
    assert again.encrypted and cipher.is_encrypted(done.path) and again.sessions == 1


def test_another_practices_training_file_is_refused(demo_store: Path, tmp_path: Path) -> None:
    lakeside = tmp_path / "lakeside.sqlite3"
    _practice(lakeside)
    theirs = set_up_training(lakeside, clock=NOW).path
    ours = set_up_training(demo_store, clock=NOW).path
    with pytest.raises(UserError, match="training file of another practice"):
        training_desk(demo_store, theirs, clock=NOW)
    training_desk(demo_store, ours, clock=NOW).close()  # its own, named, is taken
    training_desk(lakeside, theirs, clock=NOW).close()
