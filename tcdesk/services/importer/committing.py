"""Writing an import: a backup first, then every new row in one transaction, then the audit.

The file was checked when the preview was made; here the store is asked once
more who is on file (inside the transaction) so a patient added since the
preview is not added twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tcdesk.domain import Patient, Relationship, ResponsibleParty
from tcdesk.errors import UserError
from tcdesk.services.backups import back_up
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.importer.duplicates import KnownKeys
from tcdesk.services.importer.preparing import ImportPreview
from tcdesk.services.importer.rows import PatientRow, RowProblem
from tcdesk.store import engine
from tcdesk.store.import_repo import ImportRepository

CHUNK = 1000  # rows per insert call, so progress can be shown
AUDIT_ACTION = "patients_imported"

Progress = Callable[[int, int], None]  # (rows written, rows to write)


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, for a dry run, would do): the app and the CLI both show it."""

    file_name: str
    imported: int
    duplicates: int
    invalid: tuple[RowProblem, ...]
    encoding: str
    date_format: str  # "YYYY-MM-DD" or "MM/DD/YYYY"
    date_note: str  # how the date form was chosen
    backup: Path | None = None
    dry_run: bool = False
    patient_ids: tuple[str, ...] = field(default=(), repr=False)

    def as_json(self) -> dict:
        """The ``--json`` shape: the three promised keys first, then the details."""
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "invalid": [{"row": p.row, "reason": p.reason} for p in self.invalid],
            "encoding": self.encoding,
            "date_format": self.date_format,
            "backup": str(self.backup) if self.backup else None,
            "dry_run": self.dry_run,
        }


def result_of(preview: ImportPreview, *, dry_run: bool) -> ImportResult:
    return ImportResult(
        file_name=preview.file.name,
        imported=len(preview.new_rows),
        duplicates=preview.duplicates,
        invalid=tuple(preview.invalid),
        encoding=preview.file.encoding,
        date_format=preview.date_form.label,
        date_note=preview.date_form.note,
        dry_run=dry_run,
    )


def commit(desk: Desk, preview: ImportPreview, progress: Progress | None = None) -> ImportResult:
    """Back the store up, then write the preview's new rows all or nothing, with an audit entry.

    If the store cannot take the rows (the disk is full, the file is locked),
    everything written so far is rolled back and a ``UserError`` says so.
    """
    practice = desk.practice()
    if practice is None:
        raise UserError("Set up the practice before importing patients.")
    now = desk.clock()
    backup = None
    if desk.path is not None:
        backup = back_up(desk, reason="before-import", now=now).path
    try:
        return _write(desk, preview, practice.id, utc_iso(now), backup, progress)
    except engine.Error as error:
        raise UserError(
            f"The import could not be written ({error}); nothing was imported and the "
            "practice file is as it was."
        ) from None


def _write(
    desk: Desk,
    preview: ImportPreview,
    practice_id: str,
    created: str,
    backup: Path | None,
    progress: Progress | None,
) -> ImportResult:
    repo = ImportRepository(desk.records)
    with desk.transaction():
        known = KnownKeys(repo.known_patients())
        rows = []
        late_duplicates = 0
        for row in preview.new_rows:
            if known.is_known(row):
                late_duplicates += 1
            else:
                known.add(row)
                rows.append(row)
        ids: list[str] = []
        for start in range(0, len(rows), CHUNK):
            patients, parties = _records(rows[start : start + CHUNK], practice_id, created)
            repo.insert_patients(patients)
            repo.insert_parties(parties)
            ids.extend(p.id for p in patients)
            if progress:
                progress(len(ids), len(rows))
        result = result_of(preview, dry_run=False)
        result = replace(
            result,
            imported=len(rows),
            duplicates=result.duplicates + late_duplicates,
            backup=backup,
            patient_ids=tuple(ids),
        )
        desk.audit.record(
            id=new_id(),
            at=created,
            action=AUDIT_ACTION,
            subject_id=practice_id,
            actor_id=None,
            detail=json.dumps(
                {"file": preview.file.name, **result.as_json(), "invalid": len(result.invalid)},
                ensure_ascii=False,
            ),
        )
    return result


def _records(
    rows: list[PatientRow], practice_id: str, created: str
) -> tuple[list[Patient], list[ResponsibleParty]]:
    patients: list[Patient] = []
    parties: list[ResponsibleParty] = []
    for row in rows:
        patient = Patient(
            id=new_id(),
            practice_id=practice_id,
            legal_first=row.first,
            legal_last=row.last,
            birth_date=row.birth_date,
            preferred_name=row.preferred_name,
            email=row.email,
            phone=row.phone,
            preferred_language=row.preferred_language,
            lead_source=row.lead_source,
            referrer=row.referrer,
            created_at=created,
            external_id=row.external_id,
        )
        patients.append(patient)
        people = [(g.name, g.relationship, g.phone, g.email) for g in row.guardians] or [
            (patient.legal_name, Relationship.SELF, row.phone, row.email)
        ]
        for position, (name, relationship, phone, email) in enumerate(people):
            parties.append(
                ResponsibleParty(
                    id=new_id(),
                    patient_id=patient.id,
                    name=name,
                    relationship=relationship,
                    phone=phone,
                    email=email,
                    position=position,
                    pays=position == 0,
                )
            )
    return patients, parties
