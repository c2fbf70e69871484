"""Bulk reads and writes for importing and exporting patients: few queries, many rows.

An import of 10,000 rows must not ask the store 10,000 questions: the keys
that recognise a patient already on file come back in one query, and new
rows go in with batched inserts (inside the caller's transaction).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tcdesk.domain import Patient, ResponsibleParty
from tcdesk.store.patient_repo import patient_row
from tcdesk.store.records import Records

BATCH = 500


@dataclass(frozen=True)
class KnownPatient:
    id: str
    external_id: str
    legal_first: str
    legal_last: str
    birth_date: str  # ISO
    birth_date_known: bool = True  # False: a walk-in whose date of birth was not asked


_CONSULTS_SQL = """
SELECT c.id AS consult_id, p.external_id, p.legal_first, p.legal_last, p.birth_date,
  p.birth_date_known,
  c.scheduled_at, c.duration_minutes, c.status, c.chief_concern,
  coalesce(o.name, '') AS office, coalesce(t.name, '') AS coordinator,
  coalesce(d.name, '') AS doctor
FROM consults c
JOIN patients p ON p.id = c.patient_id AND p.deleted_at IS NULL
LEFT JOIN offices o ON o.id = c.office_id
LEFT JOIN staff t ON t.id = c.coordinator_id
LEFT JOIN staff d ON d.id = c.doctor_id
WHERE c.deleted_at IS NULL
ORDER BY c.scheduled_at, c.id
"""


class ImportRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def known_patients(self) -> list[KnownPatient]:
        """Every patient on file (not deleted), with what identifies them, in one query."""
        rows = self._r.db.execute(
            "SELECT id, external_id, legal_first, legal_last, birth_date, birth_date_known "
            "FROM patients WHERE deleted_at IS NULL"
        ).fetchall()
        return [KnownPatient(*row[:5], bool(row[5])) for row in rows]

    def insert_patients(self, patients: Iterable[Patient]) -> None:
        rows = (patient_row(self._r, patient) for patient in patients)
        self._r.db["patients"].insert_all(rows, batch_size=BATCH)

    def insert_parties(self, parties: Iterable[ResponsibleParty]) -> None:
        self._r.insert_all("responsible_parties", parties)

    def patients_with_parties(self) -> list[tuple[Patient, list[ResponsibleParty]]]:
        """Every patient (by last, first name) with their responsible parties, in two queries."""
        patients = self._r.where(
            "patients", Patient, order_by="legal_last COLLATE NOCASE, legal_first COLLATE NOCASE"
        )
        parties: dict[str, list[ResponsibleParty]] = {}
        for party in self._r.where("responsible_parties", ResponsibleParty, order_by="position"):
            parties.setdefault(party.patient_id, []).append(party)
        return [(patient, parties.get(patient.id, [])) for patient in patients]

    def consult_rows(self) -> list[dict]:
        """Every consult (not deleted, of a patient not deleted) with names instead of ids."""
        return [dict(row) for row in self._r.db.query(_CONSULTS_SQL)]
