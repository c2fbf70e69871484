"""The patient list's search and pages (m009): what a TC typing finds, in what order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tcdesk.domain import Patient
from tcdesk.services import patient_pages
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tests.intake_practice import practice_desk  # noqa: F401 (the fixture)

NAMES = [
    ("Smith", "Olivia", "", "503-555-0101"),
    ("Smithers", "Noah", "", "503-555-0102"),
    ("Osmond", "Amy", "", "503-555-0103"),  # "sm" inside, not at the start
    ("Núñez", "José", "Pepe", "971-555-0104"),
    ("Adams", "Samuel", "Sam", "971-555-0105"),
]


@pytest.fixture
def searching(practice_desk: Desk) -> Desk:  # noqa: F811
    desk = practice_desk
    practice_id = desk.practice().id
    with desk.transaction():
        for last, first, preferred, phone in NAMES:
            desk.patients.save(
                Patient(
                    id=new_id(),
                    practice_id=practice_id,
                    legal_first=first,
                    legal_last=last,
                    preferred_name=preferred,
                    phone=phone,
                    birth_date=date(2012, 5, 1),
                )
            )
    return desk


def _names(desk: Desk, text: str) -> list[str]:
    return [e.patient.legal_last for e in desk.patients.list(text)]


def test_a_short_word_is_the_start_of_a_name(searching: Desk) -> None:
    assert _names(searching, "sm") == ["Smith", "Smithers"]  # not Osmond
    assert _names(searching, "SA") == ["Adams"]  # Samuel, or Sam
    assert _names(searching, "pe") == ["Núñez"]  # the preferred name
    assert _names(searching, "q") == []


def test_three_letters_or_more_are_found_anywhere_forgiving_accents(searching: Desk) -> None:
    assert _names(searching, "smi") == ["Smith", "Smithers"]
    assert _names(searching, "mond") == ["Osmond"]
    assert _names(searching, "nunez jose") == ["Núñez"]
    assert _names(searching, "555-0104") == ["Núñez"]
    assert _names(searching, "971") == ["Adams", "Núñez"]
    assert _names(searching, 'smi"th') == []  # a quote is text, not search syntax


def test_the_index_follows_every_change(searching: Desk) -> None:
    amy = next(e.patient for e in searching.patients.list("osmond"))
    with searching.transaction():
        searching.patients.save(replace(amy, legal_last="Whitfield"))
    assert _names(searching, "osmond") == [] and _names(searching, "whitf") == ["Whitfield"]
    with searching.transaction():
        assert searching.records.soft_delete("patients", amy.id)
    assert _names(searching, "whitf") == []


def test_pages_count_and_position(searching: Desk) -> None:
    everyone = [e.patient.id for e in searching.patients.list("")]
    assert [e.patient.id for e in patient_pages.page(searching, "", 0, 2)] == everyone[:2]
    assert [e.patient.id for e in patient_pages.page(searching, "", 2, 2)] == everyone[2:4]
    assert patient_pages.page(searching, "", 5, 2) == []
    assert [patient_pages.position(searching, "", pid) for pid in everyone] == list(range(5))
    assert patient_pages.position(searching, "sm", everyone[0]) is None  # Adams: not an "sm"
    assert patient_pages.count(searching, "").words() == "5 patients"
    assert patient_pages.count(searching, "smith").words() == "2 patients"
    assert patient_pages.count(searching, "osmond").words() == "1 patient"


def test_a_count_past_the_cap_says_more_than(searching: Desk, monkeypatch) -> None:
    monkeypatch.setattr(patient_pages, "COUNT_CAP", 3)
    assert patient_pages.count(searching, "").words() == "more than 3 patients"


LASTS = ["Smith", "Sanchez", "Garcia", "Garner", "Mills", "Moss", "Osmond", "Kaur", "Young"]
FIRSTS = ["Sam", "Mia", "Omar", "Grace", "Ana", "Maria", "Sofia", "Kai"]
SEARCHES = ["", "s", "sm", "m", "ma", "g", "gar", "mar", "a", "ka", "smith sa", "o m", "zq", "555"]


@pytest.fixture
def crowd(practice_desk: Desk) -> Desk:  # noqa: F811
    """43 patients whose names repeat and cross (Sam Smith: an "s" twice), two removed."""
    desk = practice_desk
    practice_id = desk.practice().id
    ids = []
    with desk.transaction():
        for n in range(43):
            patient = Patient(
                id=new_id(),
                practice_id=practice_id,
                legal_first=FIRSTS[n % len(FIRSTS)],
                legal_last=LASTS[(n * 5) % len(LASTS)],
                preferred_name="Mo" if n % 7 == 0 else "",
                phone=f"503-555-{n:04d}",
                birth_date=date(2012, 5, 1),
            )
            desk.patients.save(patient)
            ids.append(patient.id)
        for removed in ids[3:5]:
            assert desk.records.soft_delete("patients", removed)
    return desk


def _paged(desk: Desk, text: str, size: int) -> list[str]:
    """The list read as the desk scrolls: each page starts after the last patient read."""
    got: list[str] = []
    last = None
    while True:
        page = patient_pages.page(desk, text, len(got), size, after=last)
        got.extend(e.patient.id for e in page)
        if len(page) < size:
            return got
        last = page[-1].patient


@pytest.mark.parametrize("plan", ["sorted", "walked", "walk cut short"])
def test_every_way_of_reading_pages_gives_the_whole_list_in_order(
    crowd: Desk, monkeypatch, plan: str
) -> None:
    from tcdesk.store import patient_repo

    if plan == "sorted":  # no search counts as common: the matches are sorted
        monkeypatch.setattr(patient_repo, "COMMON", 10**9)
    else:  # every search counts as common: the name order is walked
        monkeypatch.setattr(patient_repo, "COMMON", 0)
    if plan == "walk cut short":  # out of steps at once: sorted after all
        monkeypatch.setattr(patient_repo, "WALK_STEPS", 1)
    for text in SEARCHES:
        whole = [e.patient.id for e in crowd.patients.list(text)]
        assert _paged(crowd, text, 4) == whole, text
        by_offset = [e.patient.id for e in patient_pages.page(crowd, text, 3, 5)]
        assert by_offset == whole[3:8], text
    assert len(crowd.patients.list("")) == 41  # the two removed are in no list


def test_a_capped_count_counts_each_patient_once(crowd: Desk) -> None:
    for text in SEARCHES:
        exact = len(crowd.patients.list(text))
        for cap in range(45):
            assert crowd.patients.count(text, up_to=cap) == min(exact, cap + 1), (text, cap)
        assert crowd.patients.count(text) == exact
