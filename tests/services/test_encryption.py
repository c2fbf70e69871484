"""Encrypting a real practice file, decrypting it: new file, verify, swap."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tcdesk.errors import UserError
from tcdesk.services.backups import back_up, list_backups
from tcdesk.services.desk import Desk
from tcdesk.services.encryption import (
    AUDIT_ACTION,
    Change,
    _replace_with,
    change_encryption,
    start_encrypted,
)
from tcdesk.store import cipher, engine
from tcdesk.store.conversion import (
    ConversionFailed,
    StoreInUse,
    export_copy,
    fingerprint,
    verify_copy,
)
from tests.conftest import FIXED_NOW

FIRST = "harbour seal morning"
SECOND = "violet kettle bridge"


@pytest.fixture
def plain_demo(demo_store: Path) -> Path:
    """The demo practice, plain, with one backup (the suite may run encrypted: take it off)."""
    if cipher.is_encrypted(demo_store):
        change_encryption(demo_store, Change.DECRYPT, old_key=cipher.passphrase(), now=FIXED_NOW)
    cipher.use_passphrase(None)
    back_up(demo_store, now=FIXED_NOW)
    return demo_store


def _fingerprint(path: Path, key: str | None) -> dict:
    conn = engine.connect(path, immutable=True, passphrase=key or "")
    try:
        return fingerprint(conn)
    finally:
        conn.close()


def test_encrypt_then_decrypt_gives_back_every_row(plain_demo: Path) -> None:
    before = _fingerprint(plain_demo, None)
    done = change_encryption(plain_demo, Change.ENCRYPT, new_key=FIRST, now=FIXED_NOW)
    assert cipher.is_encrypted(plain_demo)
    assert b"Whitaker" not in plain_demo.read_bytes()  # a coordinator's name, in every demo
    assert [b.path for b in list_backups(plain_demo)] == done.backups
    assert all(cipher.is_encrypted(p) for p in done.backups) and done.skipped == []
    after = _fingerprint(plain_demo, FIRST)
    assert {t: v for t, v in after.items() if t != "audit_log"} == {
        t: v for t, v in before.items() if t != "audit_log"
    }
    cipher.use_passphrase(FIRST)
    desk = Desk.open(plain_demo)
    details = [r["detail"] for r in desk.db["audit_log"].rows_where("action = ?", [AUDIT_ACTION])]
    desk.close()
    assert details[-1] == "encrypt; 1 backup converted"

    change_encryption(plain_demo, Change.DECRYPT, old_key=FIRST, now=FIXED_NOW)
    assert plain_demo.read_bytes().startswith(cipher.SQLITE_HEADER)
    assert not any(cipher.is_encrypted(b.path) for b in list_backups(plain_demo))
    final = _fingerprint(plain_demo, None)
    assert {t: v for t, v in final.items() if t != "audit_log"} == {
        t: v for t, v in before.items() if t != "audit_log"
    }
    leftovers = [p.name for p in plain_demo.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []  # no kept copy, no half-made file


def test_a_new_passphrase_locks_out_the_old_one(plain_demo: Path) -> None:
    change_encryption(plain_demo, Change.ENCRYPT, new_key=FIRST, now=FIXED_NOW)
    change_encryption(
        plain_demo, Change.NEW_PASSPHRASE, old_key=FIRST, new_key=SECOND, now=FIXED_NOW
    )
    with pytest.raises(engine.WrongPassphrase):
        engine.connect(plain_demo, passphrase=FIRST)
    for backup in list_backups(plain_demo):
        with pytest.raises(engine.WrongPassphrase):
            engine.connect(backup.path, immutable=True, passphrase=FIRST)
        engine.connect(backup.path, immutable=True, passphrase=SECOND).close()
    engine.connect(plain_demo, passphrase=SECOND).close()


def test_a_wrong_passphrase_changes_nothing(plain_demo: Path) -> None:
    change_encryption(plain_demo, Change.ENCRYPT, new_key=FIRST, now=FIXED_NOW)
    before = plain_demo.read_bytes()
    with pytest.raises(UserError, match="does not open"):
        change_encryption(plain_demo, Change.DECRYPT, old_key="not the passphrase", now=FIXED_NOW)
    assert plain_demo.read_bytes() == before


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("SELECT count(*) FROM patients").fetchone()
print("open", flush=True)
sys.stdin.readline()
"""


@contextlib.contextmanager
def open_in_another_program(path: Path) -> Iterator[None]:
    """As when tcdesk is open on the file: its connection stays open the whole time."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        yield
    finally:
        holder.communicate("\n", timeout=10)


def test_a_store_open_in_another_program_is_not_converted(plain_demo: Path) -> None:
    with open_in_another_program(plain_demo):
        before = plain_demo.read_bytes()
        with pytest.raises(StoreInUse, match="in use"):
            change_encryption(plain_demo, Change.ENCRYPT, new_key=FIRST, now=FIXED_NOW)
        assert plain_demo.read_bytes() == before
        assert not cipher.is_encrypted(plain_demo)
        assert [p.name for p in plain_demo.parent.iterdir() if p.name.startswith(".")] == []


def test_a_too_short_passphrase_is_refused_before_anything_is_written(plain_demo: Path) -> None:
    before = plain_demo.read_bytes()
    with pytest.raises(cipher.PassphraseProblem, match="too short"):
        change_encryption(plain_demo, Change.ENCRYPT, new_key="short", now=FIXED_NOW)
    assert plain_demo.read_bytes() == before


def test_a_copy_that_differs_is_caught_before_the_swap(plain_demo: Path, tmp_path: Path) -> None:
    copy = export_copy(
        plain_demo, tmp_path / "copy.sqlite3", source_passphrase=None, passphrase=FIRST
    )
    conn = engine.connect(copy, passphrase=FIRST)
    conn.execute("UPDATE practices SET name = 'Someone Else'")
    conn.commit()
    conn.close()
    with pytest.raises(ConversionFailed, match="practices"):
        verify_copy(plain_demo, copy, source_passphrase=None, passphrase=FIRST)


def test_a_swap_that_does_not_open_puts_the_old_file_back(plain_demo: Path, tmp_path: Path) -> None:
    copy = export_copy(
        plain_demo, plain_demo.with_name(".new.sqlite3"), source_passphrase=None, passphrase=FIRST
    )
    before = plain_demo.read_bytes()  # (the export took it out of WAL mode: header byte 18)
    with pytest.raises(UserError, match="does not open"):
        _replace_with(plain_demo, copy, new_key="not what it was made with", now=FIXED_NOW)
    assert plain_demo.read_bytes() == before
    assert not copy.exists() or not os.path.samefile(copy, plain_demo)


def test_an_empty_store_is_made_again_encrypted_for_the_set_up(tmp_path: Path) -> None:
    cipher.use_passphrase(None)
    desk = Desk.open(tmp_path / "new.sqlite3")
    desk = start_encrypted(desk, FIRST)
    try:
        assert desk.is_empty() and cipher.is_encrypted(desk.path)
    finally:
        desk.close()


def test_a_practice_with_data_is_not_made_again(demo_desk: Desk) -> None:
    with pytest.raises(UserError, match="empty"):
        start_encrypted(demo_desk, FIRST)


def test_a_plain_backup_restored_into_an_encrypted_practice_is_encrypted(
    plain_demo: Path,
) -> None:
    from tcdesk.services.restore import BackupRefused, restore

    plain_backup = list_backups(plain_demo)[0].path
    kept_plain = plain_demo.with_name("old-plain-backup.sqlite3")
    kept_plain.write_bytes(plain_backup.read_bytes())  # a plain copy from before encrypting
    before = _fingerprint(kept_plain, None)
    change_encryption(plain_demo, Change.ENCRYPT, new_key=FIRST, now=FIXED_NOW)
    cipher.use_passphrase(None)
    with pytest.raises(BackupRefused, match="encrypted: give its passphrase"):
        restore(kept_plain, plain_demo, now=FIXED_NOW)
    cipher.use_passphrase(FIRST)
    restore(kept_plain, plain_demo, now=FIXED_NOW)
    assert cipher.is_encrypted(plain_demo) and b"Whitaker" not in plain_demo.read_bytes()
    after = _fingerprint(plain_demo, FIRST)
    assert {t: v for t, v in after.items() if t != "audit_log"} == {
        t: v for t, v in before.items() if t != "audit_log"
    }


def test_a_restore_while_another_program_has_the_file_open_is_refused(
    plain_demo: Path,
) -> None:
    from tcdesk.services.restore import restore

    backup = list_backups(plain_demo)[0].path
    with open_in_another_program(plain_demo):
        before = plain_demo.read_bytes()
        with pytest.raises(StoreInUse, match="in use"):
            restore(backup, plain_demo, now=FIXED_NOW)
        assert plain_demo.read_bytes() == before


def test_the_keys_given_are_used_whatever_the_process_holds(plain_demo: Path) -> None:
    change_encryption(plain_demo, Change.ENCRYPT, new_key=FIRST, now=FIXED_NOW)
    cipher.use_passphrase("something else entirely")
    change_encryption(plain_demo, Change.DECRYPT, old_key=FIRST, now=FIXED_NOW)
    assert not cipher.is_encrypted(plain_demo)


def test_the_training_file_follows_the_practice_files_passphrase(plain_demo: Path) -> None:
    """Practice consults stay readable after encrypt and a new passphrase, and stay kept."""
    from tcdesk.services.training.store import set_up_training, training_desk, training_path

    set_up_training(plain_demo, clock=lambda: FIXED_NOW)
    training = training_path(plain_demo)
    assert not cipher.is_encrypted(training)
    done = change_encryption(plain_demo, Change.ENCRYPT, new_key=FIRST, now=FIXED_NOW)
    assert done.training_converted and cipher.is_encrypted(training)
    assert training not in done.backups  # a backup count says backups
    done = change_encryption(
        plain_demo, Change.NEW_PASSPHRASE, old_key=FIRST, new_key=SECOND, now=FIXED_NOW
    )
    assert done.training_converted
    cipher.use_passphrase(SECOND)
    desk = training_desk(plain_demo)
    try:
        assert desk.practice() is not None
    finally:
        desk.close()
    cipher.use_passphrase(None)
