"""Real write failures become the three sentences a TC reads, from one place."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from tcdesk.services.save_failures import (
    CANNOT_WRITE,
    DISK_FULL,
    IN_USE,
    NotSaved,
    is_write_failure,
    not_saved,
    reason_for,
)
from tcdesk.store import engine, open_store
from tests.store_faults import disk_full, lock_held_elsewhere


class _Desk:
    def __init__(self, db) -> None:
        self.db = db


def _write_error(db, text: str = "x") -> BaseException:
    try:
        with db.atomic():
            db.execute("CREATE TABLE IF NOT EXISTS scratch (body TEXT)")
            db["scratch"].insert({"body": text * 9000})
    except engine.Error as error:
        return error
    raise AssertionError("the write did not fail")


def test_a_full_disk_says_the_disk_is_full(tmp_path: Path) -> None:
    db = open_store(tmp_path / "practice.sqlite3")
    with disk_full(_Desk(db)):
        error = _write_error(db)
    assert "full" in str(error)
    assert reason_for(error) == DISK_FULL
    assert reason_for(OSError(errno.ENOSPC, "No space left on device")) == DISK_FULL
    db.conn.close()


def test_a_lock_held_by_another_program_says_so(tmp_path: Path) -> None:
    path = tmp_path / "practice.sqlite3"
    db = open_store(path)
    db.execute("PRAGMA busy_timeout = 0")
    with lock_held_elsewhere(path):
        error = _write_error(db)
    assert "locked" in str(error)
    assert reason_for(error) == IN_USE
    db.conn.close()


def test_a_file_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    db = open_store(tmp_path / "practice.sqlite3")
    db.execute("PRAGMA query_only = ON")
    error = _write_error(db)
    assert "readonly" in str(error)
    assert reason_for(error) == CANNOT_WRITE
    assert reason_for(OSError(errno.EACCES, "Permission denied")) == CANNOT_WRITE
    db.conn.close()


def test_not_saved_keeps_the_cause_but_shows_only_the_sentence() -> None:
    cause = sqlite3.OperationalError("database or disk is full")
    problem = not_saved(cause)
    assert isinstance(problem, NotSaved) and problem.cause is cause
    assert str(problem) == DISK_FULL


def test_a_bug_is_not_a_write_failure() -> None:
    assert is_write_failure(sqlite3.OperationalError("database is locked"))
    assert is_write_failure(OSError(errno.EIO, "I/O error"))
    assert not is_write_failure(KeyError("step"))
    assert not is_write_failure(ValueError("bad"))
