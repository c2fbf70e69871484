"""A practice set up as a real one is, on its first morning (no demo data)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tests.conftest import FIXED_NOW

TABLES = ("practices", "offices", "staff", "fee_schedule", "financial_policies")


@pytest.fixture
def practice_desk(empty_store: Path) -> Iterator[Desk]:
    desk = Desk.open(empty_store, clock=lambda: FIXED_NOW)
    set_up_practice(
        desk,
        PracticeSetup(
            practice_name="Lakeside Orthodontics",
            office_name="Lakeside",
            coordinator_name="Ana Torres",
            doctor_name="Dr. Lee",
            phone="(555) 010-2000",
        ),
    )
    yield desk
    desk.close()


def settings_rows(desk: Desk) -> dict[str, list[tuple]]:
    """Every settings row, without its ``updated_at`` stamp, to compare before and after."""
    out = {}
    for table in TABLES:
        rows = desk.db.execute(f"SELECT * FROM [{table}] ORDER BY rowid").fetchall()
        names = [d[0] for d in desk.db.execute(f"SELECT * FROM [{table}] LIMIT 0").description]
        keep = [i for i, n in enumerate(names) if n != "updated_at"]
        out[table] = [tuple(row[i] for i in keep) for row in rows]
    return out


def audit_entries(desk: Desk) -> list[dict]:
    return [
        dict(zip(("action", "subject_id", "actor_id", "detail"), row, strict=True))
        for row in desk.db.execute(
            "SELECT action, subject_id, actor_id, detail FROM audit_log ORDER BY rowid"
        )
    ]
