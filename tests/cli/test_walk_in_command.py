"""``tcdesk walk-in``: the patient and a consult now, the consult's id printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.domain import ConsultStatus, LeadSource
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tests.conftest import FIXED_NOW
from tests.intake_practice import practice


@pytest.fixture
def db(empty_store: Path) -> Path:
    practice(empty_store).close()
    return empty_store


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv, clock=lambda: FIXED_NOW)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_prints_the_new_consult_id_ready_to_present(db: Path, capsys) -> None:
    code, out, err = _run(
        capsys, ["walk-in", "--db", str(db), "Sam Okafor", "--phone", "5035550142"]
    )
    assert code == 0, err
    consult_id = out.strip()
    desk = Desk.open(db, create=False)
    try:
        consult = desk.consults.get(consult_id)
        assert consult is not None and consult.status is ConsultStatus.SCHEDULED
        assert consult.scheduled_at == utc_iso(FIXED_NOW)
        patient = desk.patients.get(consult.patient_id)
        assert patient is not None and patient.lead_source is LeadSource.WALK_IN
        staff = {s.id: s.name for s in desk.practices.staff(patient.practice_id)}
        assert staff[consult.coordinator_id] == "Ana Ruiz"
        assert staff[consult.doctor_id] == "Dr. Sam Lee"
    finally:
        desk.close()
    code, out, _ = _run(capsys, ["consults", "--db", str(db), "--json"])
    assert [row["id"] for row in json.loads(out)] == [consult_id]


def test_json_staff_by_name_and_a_birth_date(db: Path, capsys) -> None:
    argv = ["walk-in", "--db", str(db), "Ana López", "--email", "ana@example.com"]
    code, out, err = _run(
        capsys,
        [
            *argv,
            "--coordinator",
            "ana ruiz",
            "--doctor",
            "Dr. Sam Lee",
            "--born",
            "2010-05-04",
            "--json",
        ],
    )
    assert code == 0, err
    ids = json.loads(out)
    desk = Desk.open(db, create=False)
    try:
        patient = desk.patients.get(ids["patient_id"])
        assert (
            patient is not None and patient.birth_date_known and patient.email == "ana@example.com"
        )
    finally:
        desk.close()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["Sam", "--phone", "5035550142"], "NAME: Type the first and the last name"),
        (["Sam Okafor", "--email", "sam@"], "--email:"),
        (
            ["Sam Okafor", "--phone", "5035550142", "--doctor", "Dr. Who"],
            "--doctor: There is no one on staff called",
        ),
        (
            ["Sam Okafor", "--phone", "5035550142", "--office", "Mars"],
            "--office: There is no office",
        ),
        (
            ["Sam Okafor", "--phone", "5035550142", "--coordinator", "Dr. Sam Lee"],
            "--coordinator: Choose an active",
        ),
        (
            ["Sam Okafor", "--phone", "5035550142", "--born", "2099-01-01"],
            "--born: The date of birth cannot",
        ),
    ],
)
def test_mistakes_are_one_line_and_save_nothing(
    db: Path, capsys, argv: list[str], words: str
) -> None:
    code, _out, err = _run(capsys, ["walk-in", "--db", str(db), *argv])
    assert code == 2
    assert words in err and len(err.strip().splitlines()) == 1
    code, out, _ = _run(capsys, ["patients", "--db", str(db)])
    assert out.splitlines()[-1] == "0 patients"


def test_phone_or_email_is_needed(db: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["walk-in", "--db", str(db), "Sam Okafor"])
    assert exit_info.value.code == 2


def test_referrers_add_and_list(db: Path, capsys) -> None:
    code, out, err = _run(
        capsys, ["referrers", "add", "--db", str(db), "Dr. Priya Shah", "--practice", "Shah Dental"]
    )
    assert code == 0 and out.startswith("Added Dr. Priya Shah"), err
    code, out, _ = _run(capsys, ["referrers", "--db", str(db), "--json"])
    assert [(d["name"], d["practice"]) for d in json.loads(out)] == [
        ("Dr. Priya Shah", "Shah Dental")
    ]
    code, _out, err = _run(capsys, ["referrers", "add", "--db", str(db), "dr. priya shah"])
    assert code == 2 and "already on the list" in err


def test_walk_in_and_booking_use_one_rule_for_who_is_on_duty(db: Path, capsys) -> None:
    """QA: walk-in picked the Eastside TC for a Lakeside walk-in; book refused. Now both
    take this office's own TC, and both refuse naming the choices when two fit."""
    from tcdesk.services.intake import add_family
    from tcdesk.services.settings import offices, staff
    from tests.intake_practice import TEEN

    desk = Desk.open(db)
    try:
        offices.add_office(desk, {"name": "Eastside"})
        staff.add_staff(desk, {"name": "Jenny Park", "role": "coordinator", "office": "Eastside"})
        patient = add_family(desk, TEEN).patient.id
    finally:
        desk.close()
    code, out, err = _run(
        capsys, ["walk-in", "--db", str(db), "Sam Okafor", "--phone", "5035550142", "--json"]
    )
    assert code == 0, err
    desk = Desk.open(db)
    try:
        consult = desk.consults.get(json.loads(out)["consult_id"])
        assert desk.practices.staff_member(consult.coordinator_id).name == "Ana Ruiz"
    finally:
        desk.close()
    book = ["schedule", "book", patient, "--db", str(db), "--at", "2026-12-02 09:00", "--json"]
    code, out, err = _run(capsys, book)
    assert code == 0, err
    assert json.loads(out)["coordinator"] == "Ana Ruiz"

    desk = Desk.open(db)
    try:
        staff.add_staff(desk, {"name": "Bea Cole", "role": "coordinator", "office": "Lakeside"})
    finally:
        desk.close()
    for argv in (["walk-in", "--db", str(db), "Kim Lo", "--phone", "5035550143"], book):
        code, out, err = _run(capsys, argv)
        assert code == 2 and out == ""
        assert "Who is the treatment coordinator on duty at Lakeside?" in err
        assert "(Ana Ruiz, Bea Cole, Jenny Park)" in err and err.count("\n") == 1
