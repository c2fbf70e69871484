"""Doctors and dentists who send families to the practice."""

from __future__ import annotations

from tcdesk.domain import ReferringDoctor
from tcdesk.store.records import Records


class ReferrerRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def doctors(self, practice_id: str) -> list[ReferringDoctor]:
        return self._r.where(
            "referring_doctors",
            ReferringDoctor,
            "practice_id = ?",
            [practice_id],
            "name COLLATE NOCASE",
        )

    def doctor(self, doctor_id: str) -> ReferringDoctor | None:
        return self._r.get("referring_doctors", ReferringDoctor, doctor_id)

    def save(self, doctor: ReferringDoctor) -> None:
        self._r.upsert("referring_doctors", doctor)
