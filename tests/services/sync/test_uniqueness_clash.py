"""Two offices enter a primary insurance for one patient offline: the newer is kept everywhere."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

from tcdesk.services.intake import family_for_editing, update_family
from tcdesk.services.intake_checks import InsuranceInput
from tests.services.sync import offices as o


def _uninsured_patient(office: o.Office) -> str:
    desk = o.open_desk(office)
    try:
        return desk.db.execute(
            "SELECT id FROM patients WHERE deleted_at IS NULL AND id NOT IN "
            "(SELECT patient_id FROM insurance_policies) ORDER BY id LIMIT 1"
        ).fetchone()[0]
    finally:
        desk.close()


def _add_primary(office: o.Office, patient_id: str, carrier: str) -> None:
    desk = o.open_desk(office)
    try:
        family = family_for_editing(desk, patient_id)
        update_family(desk, patient_id, replace(family, primary=InsuranceInput(carrier)))
    finally:
        desk.close()


def _policies(office: o.Office, patient_id: str) -> list[tuple]:
    desk = o.open_desk(office)
    try:
        return desk.db.execute(
            "SELECT id, rank, carrier FROM insurance_policies WHERE patient_id = ?", [patient_id]
        ).fetchall()
    finally:
        desk.close()


def test_the_newer_of_two_primary_insurances_is_kept_at_every_office(
    _offices_template: Path, tmp_path: Path
) -> None:
    offices = o.copy_offices(_offices_template, tmp_path / "offices")
    main, north, _south = offices
    patient = _uninsured_patient(main)
    _add_primary(main, patient, "Delta Dental")
    _add_primary(north, patient, "Cigna")  # later: north's is kept
    rng = random.Random(7)
    for _ in range(3):
        o.deliver(offices, rng)
        for office in rng.sample(offices, 3):
            office.sync()
    o.settle(offices, rng)

    rows = [o.table_rows(office.store) for office in offices]
    assert rows[0] == rows[1] == rows[2]  # every table, row for row
    for office in offices:
        [(policy_id, rank, carrier)] = _policies(office, patient)
        assert (rank, carrier) == ("primary", "Cigna")
        assert o.integrity(office.store) == [("ok",)]
    # Delta Dental is not lost: every office that had it keeps it in its conflicts, listed
    # against the policy that won, so the review shows Cigna kept, Delta Dental overwritten.
    for office in offices:
        lost = [c for c in o.conflicts_of(office.store) if c[0] == "insurance_policies"]
        assert len(lost) == 1, office.name
        _table, row_id, _install, _at, lost_row = lost[0]
        assert row_id == policy_id
        assert json.loads(lost_row)["carrier"] == "Delta Dental"
