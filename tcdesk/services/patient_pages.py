"""The patient list a page at a time: what the desk shows as the TC types, at any size.

The whole list is never read: the desk asks for the first page and a count
(capped: "more than 1,000" costs nothing, 49,448 would cost a scan), then
for the next page as the TC scrolls. The day's list is short and comes whole
(``patient_overview.search_patients`` with a day).
"""

from __future__ import annotations

from dataclasses import dataclass

from tcdesk.domain import Patient, PatientListEntry
from tcdesk.services.desk import Desk

PAGE = 60  # rows a page: two screenfuls, one quick query (each row reads its latest consult)
COUNT_CAP = 1_000


@dataclass(frozen=True)
class PatientCount:
    """How many patients match: exact up to the cap, else "more than" it."""

    shown: int
    more: bool = False

    def words(self) -> str:
        if self.more:
            return f"more than {self.shown:,} patients"
        return f"{self.shown:,} patient{'s' if self.shown != 1 else ''}"


def page(
    desk: Desk,
    text: str,
    offset: int = 0,
    limit: int = PAGE,
    *,
    after: Patient | None = None,
) -> list[PatientListEntry]:
    """Patients matching ``text`` in name order, ``limit`` of them from ``offset``.

    ``after``: the last patient listed so far; the page starts right after them
    (as fast at the end of 100,000 as at the top; ``offset`` is then ignored).
    """
    if after is not None:
        key = (after.legal_last, after.legal_first, after.id)
        return desk.patients.list(text, limit=limit, after=key)
    return desk.patients.list(text, limit=limit, offset=offset)


def count(desk: Desk, text: str) -> PatientCount:
    found = desk.patients.count(text, up_to=COUNT_CAP)
    return PatientCount(COUNT_CAP, True) if found > COUNT_CAP else PatientCount(found)


def position(desk: Desk, text: str, patient_id: str) -> int | None:
    """Where ``patient_id`` falls in the list for ``text`` (0 first; None: not in it)."""
    return desk.patients.position(text, patient_id)
