"""Rebuild ``tests/fixtures/store_m001.sqlite3``: a store as the first schema left it.

Run once by hand when the fixture must be recreated (never in tests):
``python tests/store/make_fixture.py``. It stops before every later migration.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from tcdesk.store.migrations import known_names, migrations

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "store_m001.sqlite3"


def build(path: Path) -> None:
    path.unlink(missing_ok=True)
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before=known_names()[1:])
    db["practices"].insert({"id": "p-1", "name": "Old Practice"})
    db["offices"].insert({"id": "o-1", "practice_id": "p-1", "name": "Main", "kind": "main"})
    db["patients"].insert(
        {
            "id": "pt-1",
            "practice_id": "p-1",
            "legal_first": "Zoë",
            "legal_last": "O'Brien",
            "birth_date": "2012-05-01",
            "lead_source": "phone",
            "created_at": "2025-01-02T10:00:00+00:00",
        }
    )
    db.conn.execute("VACUUM")
    db.conn.close()


if __name__ == "__main__":
    build(FIXTURE)
    print(FIXTURE)
