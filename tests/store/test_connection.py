"""Opening the practice file: pragmas, permissions, and refusing bad files untouched."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tcdesk.store import StoreError, open_store

REPO = Path(__file__).resolve().parents[2]


def test_new_store_is_private_and_configured(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "practice.sqlite3"
    db = open_store(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert "patients" in db.table_names()
    db.conn.close()


def test_foreign_keys_are_enforced(empty_store: Path) -> None:
    db = open_store(empty_store)
    with pytest.raises(sqlite3.IntegrityError):
        db["offices"].insert({"id": "o", "practice_id": "missing", "name": "X", "kind": "main"})


def test_history_tables_are_append_only(empty_store: Path) -> None:
    db = open_store(empty_store)
    db["audit_log"].insert(
        {"id": "a1", "at": "2026-01-01T00:00:00+00:00", "action": "x", "subject_id": "s"}
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET action = 'y'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log")


def _assert_refused_untouched(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(StoreError, match=match):
        open_store(path)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Call Mrs. García back about the start date.\n")
    _assert_refused_untouched(path, "not an SQLite database")


def test_other_apps_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    _assert_refused_untouched(path, "not a tcdesk practice file")


def test_store_from_newer_tcdesk_is_refused_untouched(empty_store: Path) -> None:
    db = open_store(empty_store)
    db["_sqlite_migrations"].insert(
        {"migration_set": "tcdesk", "name": "m999_from_the_future", "applied_at": "2030-01-01"}
    )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")
    db.conn.close()
    _assert_refused_untouched(empty_store, r"newer tcdesk \(schema 999, this tcdesk knows \d+\)")


def test_unreadable_file_is_refused_untouched() -> None:
    """Runs the real CLI as an unprivileged user when the tests run as root."""
    folder = Path(tempfile.mkdtemp(prefix="tcdesk-unreadable-"))
    try:
        os.chmod(folder, 0o755)
        path = folder / "practice.sqlite3"
        open_store(path).conn.close()
        os.chmod(path, 0o000)
        before_mtime = path.stat().st_mtime_ns
        command = [sys.executable, "-m", "tcdesk", "patients", "--db", str(path)]
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("setpriv is needed to drop root privileges")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        env = {**os.environ, "HOME": str(folder), "PYTHONPATH": str(REPO)}
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
        assert result.returncode == 2, result.stderr
        assert "permission denied" in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert path.stat().st_mtime_ns == before_mtime
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_missing_file_is_not_created_for_read_commands(tmp_path: Path) -> None:
    path = tmp_path / "nothing.sqlite3"
    with pytest.raises(StoreError, match="No practice file"):
        open_store(path, create=False)
    assert not path.exists()
