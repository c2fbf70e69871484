"""Patients and consults written out as UTF-8 CSV with the headers the importer recognises.

An export imported again adds nobody: every patient comes back as a
duplicate (by chart number where there is one, else by name and birth date).
A walk-in whose date of birth was never asked is written with an empty
birth_date (tcdesk keeps a placeholder date for them that is nobody's
birthday); the importer needs a date of birth, so such a row comes back as a
row error ("no date of birth") unless its chart number is already on file.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from tcdesk.domain import Relationship, status_label
from tcdesk.errors import UserError
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.store.import_repo import ImportRepository

PATIENT_HEADERS = (
    "patient_id",
    "first_name",
    "last_name",
    "preferred_name",
    "birth_date",
    "phone",
    "email",
    "preferred_language",
    "lead_source",
    "referrer",
    "guardian_name",
    "relationship",
    "guardian_phone",
    "guardian_email",
    "guardian2_name",
    "guardian2_relationship",
    "guardian2_phone",
    "guardian2_email",
)
CONSULT_HEADERS = (
    "consult_id",
    "patient_id",
    "first_name",
    "last_name",
    "birth_date",
    "scheduled_at",
    "duration_minutes",
    "status",
    "status_label",  # the words the app shows; "status" is the code
    "office",
    "coordinator",
    "doctor",
    "chief_concern",
)


def patient_rows(desk: Desk) -> list[list[str]]:
    rows = []
    for patient, parties in ImportRepository(desk.records).patients_with_parties():
        guardians = [p for p in parties if p.relationship is not Relationship.SELF][:2]
        cells = [
            patient.external_id,
            patient.legal_first,
            patient.legal_last,
            patient.preferred_name,
            patient.birth_date.isoformat() if patient.birth_date_known else "",
            patient.phone,
            patient.email,
            patient.preferred_language,
            patient.lead_source.value,
            patient.referrer,
        ]
        for index in range(2):
            g = guardians[index] if index < len(guardians) else None
            cells += [g.name, g.relationship.value, g.phone, g.email] if g else ["", "", "", ""]
        rows.append(cells)
    return rows


def consult_rows(desk: Desk) -> list[list[str]]:
    rows = []
    for row in ImportRepository(desk.records).consult_rows():
        local = datetime.fromisoformat(row["scheduled_at"]).astimezone()
        rows.append(
            [
                row["consult_id"],
                row["external_id"],
                row["legal_first"],
                row["legal_last"],
                row["birth_date"] if row["birth_date_known"] else "",
                local.isoformat(timespec="minutes"),
                str(row["duration_minutes"]),
                row["status"],
                status_label(row["status"]),
                row["office"],
                row["coordinator"],
                row["doctor"],
                row["chief_concern"],
            ]
        )
    return rows


def write_csv(
    path: Path, headers: tuple[str, ...], rows: list[list[str]], *, force: bool = False
) -> int:
    """Write atomically (never a half file); refuse to overwrite unless ``force``."""
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name such as patients.csv.")
    if path.exists() and not force:
        raise UserError(f"{path} already exists; use --force to replace it.")
    if not path.parent.is_dir():
        raise UserError(f"The folder {path.parent} does not exist.")
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows(rows)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return len(rows)


def export_patients(desk: Desk, path: Path, *, force: bool = False) -> int:
    """Every patient not deleted, one row each; returns how many were written."""
    written = write_csv(path, PATIENT_HEADERS, patient_rows(desk), force=force)
    _audit_export(desk, "patients_exported", path, written)
    return written


def export_consults(desk: Desk, path: Path, *, force: bool = False) -> int:
    """Every consult not deleted (scheduled time local), one row each."""
    written = write_csv(path, CONSULT_HEADERS, consult_rows(desk), force=force)
    _audit_export(desk, "consults_exported", path, written)
    return written


def _audit_export(desk: Desk, action: str, path: Path, rows: int) -> None:
    """Patient data left the file: who, when, how many rows and the file's name."""
    practice = desk.practice()
    with desk.transaction():
        desk.audit.record(
            id=new_id(),
            at=utc_iso(desk.clock()),
            action=action,
            subject_id=practice.id if practice else "",
            actor_id=None,
            detail=json.dumps({"file": Path(path).name, "rows": rows}, ensure_ascii=False),
        )
