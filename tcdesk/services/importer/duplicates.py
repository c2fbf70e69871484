"""Who is already on file, so importing the same export twice adds nobody twice.

A row is the same patient as one on file when its external id (chart number)
matches, or when first name, last name and date of birth match (accents,
case and spacing forgiven) and at most one of the two has an external id:
two different chart numbers are two people even with the same name and birthday.
A patient on file whose date of birth was never asked (a walk-in) is known by
chart number only: their stored date is a placeholder, nobody's birthday.
"""

from __future__ import annotations

from collections.abc import Iterable

from tcdesk.services.importer.rows import PatientRow, name_key
from tcdesk.store.import_repo import KnownPatient


class KnownKeys:
    """External ids and name + birth keys already seen (on file, or earlier in the file)."""

    def __init__(self, known: Iterable[KnownPatient] = ()) -> None:
        self._external: set[str] = set()
        self._names: dict[str, set[str]] = {}  # name key -> external ids ("" for none)
        for patient in known:
            if not patient.birth_date_known:
                if patient.external_id:
                    self._external.add(patient.external_id)
                continue
            self._add(
                patient.external_id,
                name_key(patient.legal_first, patient.legal_last, patient.birth_date),
            )

    def _add(self, external_id: str, key: str) -> None:
        if external_id:
            self._external.add(external_id)
        self._names.setdefault(key, set()).add(external_id)

    def is_known(self, row: PatientRow) -> bool:
        return self.knows(row.external_id, row.name_key)

    def knows(self, external_id: str, key: str) -> bool:
        if external_id and external_id in self._external:
            return True
        if not key:  # no readable date of birth: only the chart number can tell
            return False
        ids = self._names.get(key)
        if not ids:
            return False
        return not external_id or "" in ids

    def add(self, row: PatientRow) -> None:
        self._add(row.external_id, row.name_key)
