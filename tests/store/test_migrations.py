"""Schema upgrades: an old store upgrades cleanly, and a copy is taken first."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from tcdesk.store import open_store
from tcdesk.store.connection import backup_path_for
from tcdesk.store.migrations import known_names, migrations

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_m001.sqlite3"
WHEN = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def _applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    finally:
        conn.close()


def test_fixture_is_the_first_schema() -> None:
    assert _applied(FIXTURE) == [known_names()[0]]


def test_first_schema_fixture_upgrades_with_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    original = path.read_bytes()
    db = open_store(path, now=WHEN)
    assert [m.name for m in migrations.applied(db.migrations_database())] == known_names()
    assert db["patients"].get("pt-1")["legal_last"] == "O'Brien"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.conn.close()

    backup = backup_path_for(path, WHEN)
    assert backup.exists()
    assert _applied(backup) == [known_names()[0]]
    backup_db = Database(sqlite3.connect(backup))
    assert backup_db["patients"].get("pt-1")["legal_first"] == "Zoë"
    assert backup.stat().st_mode & 0o077 == 0
    assert original[:16] == backup.read_bytes()[:16]


def test_store_built_on_the_fly_at_each_step_upgrades(tmp_path: Path) -> None:
    names = known_names()
    for keep in range(1, len(names)):
        path = tmp_path / f"step{keep}.sqlite3"
        db = Database(sqlite3.connect(path))
        migrations.apply(db, stop_before=names[keep:])
        db.conn.close()
        upgraded = open_store(path, now=WHEN)
        assert [m.name for m in migrations.applied(upgraded.migrations_database())] == names
        upgraded.conn.close()
        assert backup_path_for(path, WHEN).exists()


def test_no_backup_for_a_new_or_current_store(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    open_store(path, now=WHEN).conn.close()
    open_store(path, now=WHEN).conn.close()
    assert not backup_path_for(path, WHEN).exists()


def test_m006_gives_an_existing_policy_the_terms_figures_it_always_printed(
    tmp_path: Path,
) -> None:
    from tcdesk.domain import FinancialPolicy
    from tcdesk.store.codec import from_row, to_row

    path = tmp_path / "before_m006.sqlite3"
    shutil.copyfile(FIXTURE, path)
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before=["m006_terms_figures"])
    old_columns = set(db["financial_policies"].columns_dict)
    row = {k: v for k, v in to_row(FinancialPolicy("p-1", late_fee_cents=4_000)).items()}
    db["financial_policies"].insert({k: v for k, v in row.items() if k in old_columns})
    db.conn.commit()
    db.conn.close()
    upgraded = open_store(path, now=WHEN)
    policy = from_row(FinancialPolicy, upgraded["financial_policies"].get("p-1"))
    assert policy.late_fee_cents == 4_000
    assert (
        policy.extra_month_fee_cents,
        policy.default_after_days,
        policy.records_transfer_fee_cents,
    ) == (15_000, 60, 5_000)
    upgraded.conn.close()
