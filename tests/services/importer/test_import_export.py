"""Exporting patients and consults with the importer's headers: they come back as duplicates."""

from __future__ import annotations

import csv
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
