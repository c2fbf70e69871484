"""Sync-ready rows: every write stamps ``updated_at``, deletes are soft, reads skip them."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tcdesk.domain import Office, Practice
from tcdesk.services.desk import Desk
from tcdesk.store import open_store
from tcdesk.store.migrations import MUTABLE_TABLES
from tcdesk.store.records import Records, Stamps

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_m001.sqlite3"
NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _records(tmp_path: Path, now) -> Records:
    db = open_store(tmp_path / "store.sqlite3")
    return Records(db, Stamps(db, now))


def test_every_mutable_table_has_the_sync_columns(tmp_path: Path) -> None:
    db = open_store(tmp_path / "store.sqlite3")
    for table in MUTABLE_TABLES:
        columns = {c.name for c in db.migrations_database()[table].columns}
        assert {"updated_at", "deleted_at"} <= columns, table


def test_stamps_increase_even_when_the_clock_stands_still_or_goes_back(tmp_path: Path) -> None:
    moments = iter([NOON, NOON, NOON - timedelta(hours=1), NOON + timedelta(seconds=1)])
    records = _records(tmp_path, lambda: next(moments))
    stamps = [records.stamps.next() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert stamps[0] == "2026-12-01T12:00:00.000000+00:00"
    assert stamps[3] == "2026-12-01T12:00:01.000000+00:00"


def test_a_reopened_store_continues_after_its_newest_stamp(tmp_path: Path) -> None:
    records = _records(tmp_path, lambda: NOON)
    records.upsert("practices", Practice(id="p", name="A"))
    later = Records(records.db, Stamps(records.db, lambda: NOON - timedelta(days=1)))
    later.upsert("practices", Practice(id="p", name="B"))
    stamp = records.db["practices"].get("p")["updated_at"]
    assert stamp == "2026-12-01T12:00:00.000001+00:00"


def test_soft_delete_hides_the_row_from_reads_but_keeps_it(tmp_path: Path) -> None:
    records = _records(tmp_path, lambda: NOON)
    records.upsert("practices", Practice(id="p", name="A"))
    for office_id in ("o1", "o2"):
        records.upsert("offices", Office(id=office_id, practice_id="p", name=office_id))
    assert records.soft_delete("offices", "o1")
    assert not records.soft_delete("offices", "o1")  # already gone: nothing to do
    assert [o.id for o in records.where("offices", Office)] == ["o2"]
    assert records.get("offices", Office, "o1") is None
    assert records.get("offices", Office, "o1", deleted=True).name == "o1"
    row = records.db["offices"].get("o1")
    assert row["deleted_at"] == row["updated_at"] != ""


def test_history_tables_refuse_soft_delete(tmp_path: Path) -> None:
    records = _records(tmp_path, lambda: NOON)
    try:
        records.soft_delete("notes", "n1")
    except ValueError as error:
        assert "history" in str(error)
    else:
        raise AssertionError("notes must never be deleted")


def test_deleted_patients_leave_the_list_and_the_count(tmp_path: Path) -> None:
    from tcdesk.domain import Patient

    desk = Desk.open(tmp_path / "store.sqlite3", clock=lambda: NOON)
    desk.practices.save(Practice(id="p", name="A"))
    for pid, last in (("a", "Alder"), ("b", "Birch")):
        desk.patients.save(
            Patient(
                id=pid,
                practice_id="p",
                legal_first="Kim",
                legal_last=last,
                birth_date=date(2012, 1, 1),
                phone="+1 (503) 555-0101",
            )
        )
    desk.records.soft_delete("patients", "a")
    assert [e.patient.id for e in desk.patients.list()] == ["b"]
    assert desk.patients.count() == 1
    assert desk.db["patients"].get("b")["phone_key"] == "5035550101"
    desk.close()


def test_an_old_store_gains_the_columns_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    desk = Desk(open_store(path), clock=lambda: NOON)
    patient = desk.patients.get("pt-1")
    assert patient is not None and patient.legal_first == "Zoë"
    assert desk.db["patients"].get("pt-1")["updated_at"] == ""
    desk.patients.save(patient)
    assert desk.db["patients"].get("pt-1")["updated_at"].startswith("2026-12-01T12:00:00")
    desk.close()
