"""The store's own table writes: committed as sqlite-utils commits them, never left pending."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tcdesk.store.database import Database, _first_keyword


@pytest.fixture
def db(tmp_path: Path) -> Database:
    conn = sqlite3.connect(tmp_path / "t.sqlite3")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT NOT NULL DEFAULT 'b')")
    return Database(conn)


def _elsewhere(db: Database, sql: str) -> list[tuple]:
    """What another connection sees: only what was committed."""
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    other = sqlite3.connect(path)
    try:
        return other.execute(sql).fetchall()
    finally:
        other.close()


def test_a_write_outside_a_transaction_is_committed_at_once(db: Database) -> None:
    db["t"].insert({"id": "1", "a": "x"})
    db.execute("UPDATE t SET a = ? WHERE id = ?", ["y", "1"])
    assert not db.conn.in_transaction
    assert _elsewhere(db, "SELECT id, a, b FROM t") == [("1", "y", "b")]


def test_a_failed_write_leaves_no_transaction_to_hold_the_next(db: Database) -> None:
    db["t"].insert({"id": "1"})
    with pytest.raises(sqlite3.IntegrityError):
        db["t"].insert({"id": "1"})
    assert not db.conn.in_transaction
    db["t"].insert({"id": "2"})
    assert _elsewhere(db, "SELECT id FROM t ORDER BY id") == [("1",), ("2",)]


def test_atomic_is_all_or_nothing_and_nests_as_savepoints(db: Database) -> None:
    with pytest.raises(RuntimeError), db.atomic():
        db["t"].insert({"id": "1"})
        raise RuntimeError
    with db.atomic():
        db["t"].insert({"id": "2"})
        with pytest.raises(RuntimeError), db.atomic():
            db["t"].insert({"id": "3"})
            raise RuntimeError
        assert _elsewhere(db, "SELECT id FROM t") == []  # not committed before the end
    assert _elsewhere(db, "SELECT id FROM t") == [("2",)]


def test_insert_ignore_keeps_the_row_there(db: Database) -> None:
    db["t"].insert({"id": "1", "a": "first"})
    db["t"].insert({"id": "1", "a": "again"}, ignore=True)
    assert list(db.query("SELECT id, a FROM t")) == [{"id": "1", "a": "first"}]


def test_upsert_sets_the_columns_given_and_keeps_the_others(db: Database) -> None:
    db["t"].insert({"id": "1", "a": "x", "b": "kept"})
    db["t"].upsert({"id": "1", "a": "y"}, pk="id")
    db["t"].upsert({"id": "2", "a": "new"}, pk="id")
    rows = list(db["t"].rows_where("id IN (?, ?)", ["1", "2"], order_by="id"))
    assert rows == [{"id": "1", "a": "y", "b": "kept"}, {"id": "2", "a": "new", "b": "b"}]


def test_insert_all_takes_every_row_in_batches(db: Database) -> None:
    rows = ({"id": str(n), "a": f"row {n}"} for n in range(1001))
    db["t"].insert_all(rows, batch_size=100)
    assert _elsewhere(db, "SELECT count(*), max(a) FROM t") == [(1001, "row 999")]


def test_first_keyword_skips_blanks_and_comments() -> None:
    assert _first_keyword("\n  -- a note\n  begin immediate") == "BEGIN"
    assert _first_keyword("SAVEPOINT x") == "SAVEPOINT"
    assert _first_keyword("") == ""


def test_opening_a_practice_file_does_not_import_sqlite_utils(demo_store: Path) -> None:
    """sqlite-utils (with click, pluggy, dateutil: 50-90 ms) builds the schema only."""
    code = (
        "import sys; from tcdesk.services.desk import Desk; "
        f"d = Desk.open({str(demo_store)!r}); d.practice(); d.patients.count(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlite_utils', 'click', 'pluggy', 'dateutil')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
