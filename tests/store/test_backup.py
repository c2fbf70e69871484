"""Copies through SQLite's backup API: consistent under writers, WAL included, cancellable."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tcdesk.services.desk import Desk
from tcdesk.store.backup import (
    BackupCancelled,
    copy_file_database,
    integrity,
)
from tests.conftest import FIXED_NOW


def _store(path: Path, rows: int = 200) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (n INTEGER, pad BLOB)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(i, b"x" * 3000) for i in range(rows)])
    conn.commit()
    conn.close()
    return path


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM t").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_while_a_write_transaction_is_open_elsewhere_is_consistent(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path / "s.sqlite3")
    writer = sqlite3.connect(store)
    writer.execute("BEGIN IMMEDIATE")
    writer.executemany("INSERT INTO t VALUES (?, ?)", [(i, b"y") for i in range(50)])
    copy = copy_file_database(store, tmp_path / "copy.sqlite3")
    writer.commit()
    writer.close()
    assert integrity(copy) == "ok"
    assert _count(copy) == 200  # what was committed when the copy began, none of the 50
    assert _count(store) == 250


def test_writes_committed_between_steps_neither_tear_nor_restart_the_copy(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path / "s.sqlite3", rows=1000)  # ~750 pages: several steps
    other = sqlite3.connect(store)
    steps: list[tuple[int, int]] = []

    def write_meanwhile(done: int, total: int) -> None:
        steps.append((done, total))
        if len(steps) < 10:  # bounded, so a copy that restarts fails instead of spinning
            other.execute("INSERT INTO t VALUES (-1, x'00')")
            other.commit()

    copy = copy_file_database(store, tmp_path / "copy.sqlite3", progress=write_meanwhile)
    other.close()
    assert len(steps) >= 2 and steps[-1][0] == steps[-1][1]  # page progress, to the end
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)  # never restarted
    assert integrity(copy) == "ok" and _count(copy) == 1000
    assert _count(store) == 1000 + min(len(steps), 9)


KILLED_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("INSERT INTO t VALUES (9999, x'00')")
conn.execute("INSERT INTO t VALUES (10000, x'00')")
conn.commit()
os._exit(0)  # as a kill: no close, no checkpoint
"""


def test_a_killed_writers_wal_is_in_the_backup_but_not_in_a_file_copy(tmp_path: Path) -> None:
    store = _store(tmp_path / "s.sqlite3")
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(store)], check=True)
    wal = store.with_name(store.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    file_copy = tmp_path / "file-copy.sqlite3"
    shutil.copyfile(store, file_copy)  # what anyone would do: misses the -wal
    assert _count(file_copy) == 200
    backup = copy_file_database(store, tmp_path / "backup.sqlite3")
    assert _count(backup) == 202 and integrity(backup) == "ok"
    assert not backup.with_name(backup.name + "-wal").exists()  # the copy is one file


def test_cancelling_removes_the_partial_copy(tmp_path: Path) -> None:
    store = _store(tmp_path / "s.sqlite3", rows=2000)
    with pytest.raises(BackupCancelled):
        copy_file_database(store, tmp_path / "copy.sqlite3", cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == []


def test_damage_is_found_by_the_check(tmp_path: Path) -> None:
    store = _store(tmp_path / "s.sqlite3")
    copy = copy_file_database(store, tmp_path / "copy.sqlite3")
    data = bytearray(copy.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = b"\xa5" * 4096
    copy.write_bytes(bytes(data))
    assert integrity(copy) != "ok"


def test_closing_the_desk_leaves_the_whole_practice_in_the_file(demo_store: Path) -> None:
    desk = Desk.open(demo_store, clock=lambda: FIXED_NOW)
    desk.db.execute("UPDATE practices SET name = 'Changed Orthodontics'")
    desk.db.conn.commit()
    wal = demo_store.with_name(demo_store.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    desk.close()
    assert not wal.exists() or wal.stat().st_size == 0
    alone = demo_store.parent / "alone" / demo_store.name
    alone.parent.mkdir()
    shutil.copyfile(demo_store, alone)  # the .sqlite3 file by itself
    conn = sqlite3.connect(alone)
    assert conn.execute("SELECT name FROM practices").fetchone() == ("Changed Orthodontics",)
    conn.close()


def test_a_checkpoint_does_not_wait_long_for_a_reader_elsewhere(tmp_path: Path) -> None:
    import time

    from tcdesk.store.backup import checkpoint

    store = _store(tmp_path / "s.sqlite3")
    conn = sqlite3.connect(store)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("INSERT INTO t VALUES (1, x'00')")
    conn.commit()
    reader = sqlite3.connect(store)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM t").fetchone()  # holds a snapshot
    conn.execute("INSERT INTO t VALUES (2, x'00')")
    conn.commit()
    started = time.monotonic()
    assert checkpoint(conn) is False  # the reader keeps the newest frames in use
    assert time.monotonic() - started < 2
    assert conn.execute("PRAGMA busy_timeout").fetchone() == (5000,)
    reader.rollback()
    reader.close()
    assert checkpoint(conn) is True
    conn.close()
