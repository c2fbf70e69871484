"""Reading a store's first bytes while it is open here keeps SQLite's locks (file_locks).

The failure this guards against, seen with the dashboard and ``tcdesk kpi``: a
plain open/close of the practice file released this process's POSIX locks, a
second process then deleted the -wal on its way out, and the next connection
here failed with "disk I/O error" (SQLITE_IOERR_SHORT_READ).
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from tcdesk.store import cipher, engine, file_locks
from tcdesk.store.store_file import StoreFileError, check_store_file

OTHER_PROCESS = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "c.execute('SELECT count(*) FROM notes').fetchall(); c.close()"
)


def _store(path: Path) -> engine.Connection:
    conn = engine.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    with conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.executemany("INSERT INTO notes (text) VALUES (?)", [("x" * 500,)] * 2000)
    return conn


def test_another_process_leaves_our_wal_alone_after_we_read_the_header(tmp_path: Path) -> None:
    path = tmp_path / "practice.sqlite3"
    conn = _store(path)
    try:
        assert not cipher.is_encrypted(path)  # reads the header: our locks must survive it
        with pytest.raises(StoreFileError, match="another program"):  # not ours: no schema
            check_store_file(path, create=False)  # reads it too, and opens its own connection
        subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path)], check=True)
        assert path.with_name(path.name + "-wal").exists()  # it knew it was not alone
        with conn:
            conn.execute("INSERT INTO notes (text) VALUES ('written after')")
        fresh = engine.connect(path)
        try:
            assert fresh.execute("SELECT count(*) FROM notes").fetchone() == (2001,)
        finally:
            fresh.close()
    finally:
        conn.close()


def test_a_descriptor_waits_for_the_last_connection(tmp_path: Path) -> None:
    path = tmp_path / "practice.sqlite3"
    conn = _store(path)
    file_locks.read_head(path, 16)
    parked = list(file_locks._parked.values())
    assert sum(len(fds) for fds in parked) >= 1  # kept open while the connection is
    assert file_locks.open_connections(path) == 1
    conn.close()
    assert file_locks.open_connections(path) == 0
    assert not any(file_locks._parked.values())


def test_a_connection_dropped_without_close_is_counted_out(tmp_path: Path) -> None:
    path = tmp_path / "practice.sqlite3"
    _store(path)  # never closed by us
    gc.collect()
    assert file_locks.open_connections(path) == 0


def test_with_no_connection_open_a_descriptor_closes_at_once(tmp_path: Path) -> None:
    path = tmp_path / "practice.sqlite3"
    _store(path).close()
    assert file_locks.read_head(path, 16) == b"SQLite format 3\x00"
    assert not any(file_locks._parked.values())
