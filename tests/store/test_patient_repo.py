"""Patient search forgives accents and case and matches every word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tcdesk.domain import Patient, Practice
from tcdesk.services.desk import Desk


def _add(desk: Desk, pid: str, first: str, last: str) -> None:
    desk.patients.save(
        Patient(
            id=pid,
            practice_id="p",
            legal_first=first,
            legal_last=last,
            birth_date=date(2010, 1, 1),
            created_at="2026-01-01T00:00:00+00:00",
        )
    )


def test_search_ignores_accents_case_and_word_order(empty_store: Path) -> None:
    desk = Desk.open(empty_store)
    desk.practices.save(Practice(id="p", name="P"))
    _add(desk, "1", "José", "García")
    _add(desk, "2", "Zoë", "O'Brien")
    _add(desk, "3", "小明", "王")
    _add(desk, "4", "Mary-Kate", "Smith-Jones")
    assert [e.patient.id for e in desk.patients.list("jose")] == ["1"]
    assert [e.patient.id for e in desk.patients.list("GARCIA jos")] == ["1"]
    assert [e.patient.id for e in desk.patients.list("o'brien")] == ["2"]
    assert [e.patient.id for e in desk.patients.list("王")] == ["3"]
    assert [e.patient.id for e in desk.patients.list("mary-kate")] == ["4"]
    assert desk.patients.list("100%") == []
    assert len(desk.patients.list("")) == 4
    desk.close()
