"""Overwritten edits named as a person names them, one line per field that differs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.errors import UserError
from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tcdesk.services.sync.conflict_review import record_name, review, shown_value
from tcdesk.services.sync.sync_reports import StatusReport, conflicts_from_json
from tests.sync_installs import Installs, copy_installs, make_installs, phone_conflict, tcdesk


@pytest.fixture(scope="module")
def _conflicted(_demo_store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    installs = make_installs(_demo_store_template, tmp_path_factory.mktemp("review") / "i")
    name, lost = phone_conflict(installs)
    return installs, name, lost


@pytest.fixture
def conflicted(_conflicted: tuple, tmp_path: Path) -> tuple[Installs, str, str]:
    installs, name, lost = _conflicted
    return copy_installs(installs, tmp_path / "i"), name, lost


def _read(installs: Installs) -> tuple[list, StatusReport]:
    listed = tcdesk("sync", "conflicts", "--db", str(installs.laptop), "--json")
    status = tcdesk("sync", "status", "--db", str(installs.laptop), "--json")
    assert listed.returncode == 0 and status.returncode == 0, listed.stderr + status.stderr
    return conflicts_from_json(listed.stdout), StatusReport.from_json(status.stdout)


def test_the_laptop_sees_the_main_offices_phone_overwritten(conflicted) -> None:
    installs, name, lost = conflicted
    conflicts, status = _read(installs)
    desk = Desk.open(installs.laptop, create=False)
    try:
        found = review(desk, conflicts, status)
        assert [(r.record, r.field) for r in found.rows] == [(f"{name} (patient)", "phone")]
        (row,) = found.rows
        assert lost in row.overwritten and "555-0002" in row.kept
        assert row.kept_by.endswith("(this computer)")  # the laptop's own edit won
        main_office = next(  # the main office's install said where it is in its files
            o.name for o in desk.practices.offices(desk.practice().id) if o.kind == "main"
        )
        assert row.overwritten_by.startswith(f"{main_office} (")
        assert status.offices and set(status.offices.values()) <= {
            o.id for o in desk.practices.offices(desk.practice().id)
        }
        assert found.unchanged == 1  # the family's father, saved again as he was
        father = next(c for c in conflicts if c.table_name == "responsible_parties")
        assert record_name(desk, father.table_name, father.lost_row, father.row_id) == (
            f"{father.lost_row['name']}, {name}'s {father.lost_row['relationship']}"
        )
    finally:
        desk.close()


def test_only_an_admin_reviews(conflicted) -> None:
    installs, _name, _lost = conflicted
    conflicts, status = _read(installs)
    desk = Desk.open(installs.laptop, create=False)
    try:
        coordinator = desk.db.execute(
            "SELECT id FROM staff WHERE role = 'coordinator' AND admin = 0 LIMIT 1"
        ).fetchone()[0]
        sign_in.set_pin(desk, coordinator, "4821")
        sign_in.sign_in(desk, coordinator, "4821")
        with pytest.raises(UserError, match="Only an admin can review"):
            review(desk, conflicts, status)
    finally:
        desk.close()


def test_a_table_the_sync_does_not_carry_is_never_read(conflicted) -> None:
    """A conflict naming sync_install (the sync key's table) reads nothing from it."""
    installs, _name, _lost = conflicted
    conflicts, status = _read(installs)
    forged = json.loads(json.dumps([c.__dict__ for c in conflicts[:1]]))
    forged[0]["table_name"], forged[0]["row_id"] = "sync_install", status.install_id
    desk = Desk.open(installs.laptop, create=False)
    try:
        found = review(desk, conflicts_from_json(json.dumps(forged)), status)
        assert found.rows and all(r.kept == "(no longer in the file)" for r in found.rows)
    finally:
        desk.close()


def test_values_read_as_a_person_reads_them() -> None:
    assert shown_value("fee_cents", 612500) == "$6,125.00"
    assert shown_value("email", "") == "(empty)"
    assert shown_value("deleted_at", None) == "not removed"
    assert shown_value("deleted_at", "2026-12-02T10:00:00+00:00").startswith("removed 2 Dec 2026")
