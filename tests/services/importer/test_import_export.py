"""Exporting patients and consults with the importer's headers: they come back as duplicates."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.importer import import_patients
from tcdesk.services.importer.exporting import (
    CONSULT_HEADERS,
    PATIENT_HEADERS,
    export_consults,
    export_patients,
)
from tcdesk.services.walk_in import on_duty, start_walk_in
from tests.conftest import FIXED_NOW


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_an_export_imported_again_is_all_duplicates(demo_desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "patients.csv"
    count = export_patients(demo_desk, out)
    assert count == demo_desk.patients.count() >= 40
    rows = _read(out)
    assert tuple(rows[0]) == PATIENT_HEADERS
    result = import_patients(demo_desk, out)
    assert (result.imported, result.duplicates, result.invalid) == (0, count, ())
    assert demo_desk.patients.count() == count


def test_an_export_moves_every_family_into_a_new_practice(
    demo_desk: Desk, desk: Desk, tmp_path: Path
) -> None:
    out = tmp_path / "patients.csv"
    count = export_patients(demo_desk, out)
    result = import_patients(desk, out)
    assert (result.imported, result.invalid) == (count, ())
    zoe = desk.patients.list("zoe martinez")[0].patient
    original = demo_desk.patients.list("zoe martinez")[0].patient
    assert (zoe.legal_first, zoe.birth_date, zoe.phone, zoe.lead_source) == (
        original.legal_first, original.birth_date, original.phone, original.lead_source,
    )  # fmt: skip
    guardians = [p.name for p in desk.patients.responsible_parties(zoe.id)]
    expected = [p.name for p in demo_desk.patients.responsible_parties(original.id)]
    assert guardians == [name for name in expected if name != original.legal_name][:2]


def test_soft_deleted_patients_and_consults_are_not_exported(
    demo_desk: Desk, tmp_path: Path
) -> None:
    zoe = demo_desk.patients.list("zoe martinez")[0]
    assert demo_desk.records.soft_delete("patients", zoe.patient.id)
    patients = _read(tmp_path / "p.csv") if export_patients(demo_desk, tmp_path / "p.csv") else []
    assert "Martínez-Reyes" not in {row["last_name"] for row in patients}
    export_consults(demo_desk, tmp_path / "c.csv")
    consults = _read(tmp_path / "c.csv")
    assert zoe.latest_consult_id not in {row["consult_id"] for row in consults}
    other = consults[0]["consult_id"]
    demo_desk.records.soft_delete("consults", other)
    export_consults(demo_desk, tmp_path / "c2.csv")
    assert other not in {row["consult_id"] for row in _read(tmp_path / "c2.csv")}


def test_consults_export_names_people_and_reimports_as_duplicates(
    demo_desk: Desk, tmp_path: Path
) -> None:
    out = tmp_path / "consults.csv"
    count = export_consults(demo_desk, out)
    rows = _read(out)
    assert tuple(rows[0]) == CONSULT_HEADERS and len(rows) == count >= 40
    assert all(row["coordinator"] and row["doctor"] and row["office"] for row in rows)
    # QA 18: the words the app shows beside the code ("scheduled" reads "Consult booked").
    from tcdesk.domain import ConsultStatus

    assert {(r["status"], r["status_label"]) for r in rows} >= {
        ("scheduled", ConsultStatus.SCHEDULED.label)
    }
    assert all(r["status_label"] == ConsultStatus(r["status"]).label for r in rows)
    result = import_patients(demo_desk, out)
    assert (result.imported, result.duplicates, result.invalid) == (0, count, ())


def test_an_existing_file_is_not_overwritten_unless_forced(demo_desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "patients.csv"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(UserError, match="already exists; use --force"):
        export_patients(demo_desk, out)
    assert out.read_text(encoding="utf-8") == "keep me"
    export_patients(demo_desk, out, force=True)
    assert out.read_text(encoding="utf-8").startswith("patient_id,first_name")


def _walk_in(desk: Desk, name: str = "Sam Quill", chart: str = "") -> str:
    """A real walk-in (date of birth not asked at the door); returns the patient id."""
    duty = on_duty(desk)
    started = start_walk_in(
        desk, name, "(503) 555-0142", duty.office.id, duty.coordinator.id, duty.doctor.id,
        FIXED_NOW,
    )  # fmt: skip
    if chart:
        desk.patients.save(replace(desk.patients.get(started.patient.id), external_id=chart))
    return started.patient.id


def test_a_walk_in_without_a_date_of_birth_is_exported_with_none(
    demo_desk: Desk, tmp_path: Path
) -> None:
    _walk_in(demo_desk)
    export_patients(demo_desk, tmp_path / "p.csv")
    export_consults(demo_desk, tmp_path / "c.csv")
    for name in ("p.csv", "c.csv"):
        [sam] = [row for row in _read(tmp_path / name) if row["last_name"] == "Quill"]
        assert sam["birth_date"] == ""  # not today's date, which is nobody's birthday
    assert all(
        row["birth_date"] for row in _read(tmp_path / "p.csv") if row["last_name"] != "Quill"
    )


def test_a_walk_in_without_a_date_of_birth_comes_back_as_a_row_error(
    demo_desk: Desk, desk: Desk, tmp_path: Path
) -> None:
    """Re-imported (here or into a new practice) the row invents no date: it is refused."""
    _walk_in(demo_desk)
    out = tmp_path / "patients.csv"
    count = export_patients(demo_desk, out)
    line = 2 + [row["last_name"] for row in _read(out)].index("Quill")
    again = import_patients(demo_desk, out)
    assert (again.imported, again.duplicates) == (0, count - 1)
    [problem] = again.invalid
    assert problem.row == line and "No date of birth" in problem.reason
    moved = import_patients(desk, out)
    assert (moved.imported, [p.row for p in moved.invalid]) == (count - 1, [line])
    assert desk.patients.list("quill") == []


def test_a_walk_in_with_a_chart_number_is_a_duplicate_by_it(
    demo_desk: Desk, tmp_path: Path
) -> None:
    """Known by chart number, a row without a date of birth is still the same person."""
    _walk_in(demo_desk, chart="W-77")
    out = tmp_path / "patients.csv"
    count = export_patients(demo_desk, out)
    result = import_patients(demo_desk, out)
    assert (result.imported, result.duplicates, result.invalid) == (0, count, ())


def test_a_walk_ins_placeholder_date_matches_nobody(demo_desk: Desk, tmp_path: Path) -> None:
    """Someone born on the day a walk-in came in, with the same name, is a new patient."""
    patient_id = _walk_in(demo_desk, "Kim Ode")
    placeholder = demo_desk.patients.get(patient_id).birth_date
    out = tmp_path / "new.csv"
    out.write_text(
        "first_name,last_name,birth_date,guardian_name\n"
        f"Kim,Ode,{placeholder.isoformat()},Lou Ode\n",
        encoding="utf-8",
    )
    result = import_patients(demo_desk, out)
    assert (result.imported, result.duplicates, result.invalid) == (1, 0, ())
