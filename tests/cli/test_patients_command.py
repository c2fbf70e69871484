"""``tcdesk patients``: list as before, add and edit families, find duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.services.desk import Desk
from tests.conftest import FIXED_NOW
from tests.intake_practice import practice

GUARDIAN = "Lucía Martínez:mother:503-555-0101:lucia@example.com:12 Alder St"
INSURANCE = "Delta Dental:50:1,500:used=250:age=19:payout=quarterly:member=DD-1"


@pytest.fixture
def db(empty_store: Path) -> Path:
    practice(empty_store).close()
    return empty_store


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv, clock=lambda: FIXED_NOW)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _add(db: Path, capsys, *extra: str) -> dict:
    argv = ["patients", "add", "--db", str(db), "--first", "Zoë", "--last", "Martínez"]
    code, out, err = _run(capsys, [*argv, "--born", "2012-03-04", *extra, "--json"])
    assert code == 0, err
    return json.loads(out)


def test_add_a_family_with_a_guardian_and_two_plans(db: Path, capsys) -> None:
    saved = _add(
        db,
        capsys,
        "--preferred", "Zo", "--phone", "(503) 555-0101", "--language", "es",
        "--source", "doctor_referral", "--referrer", "Dr. Priya Shah",
        "--guardian", GUARDIAN, "--insurance", INSURANCE, "--insurance", "Aetna:25:1000:age=",
    )  # fmt: skip
    assert saved["legal_name"] == "Zoë Martínez" and saved["birth_date"] == "2012-03-04"
    assert saved["language"] == "es" and saved["lead_source"] == "doctor_referral"
    assert saved["referrer"] == "Dr. Priya Shah"
    (party,) = saved["responsible"]
    assert (party["name"], party["relationship"], party["pays"]) == (
        "Lucía Martínez",
        "mother",
        True,
    )
    primary, secondary = saved["insurance"]
    assert (primary["rank"], primary["carrier"], primary["lifetime_max_cents"]) == (
        "primary",
        "Delta Dental",
        150_000,
    )
    assert (primary["used_cents"], primary["payout"]) == (25_000, "quarterly")
    assert (secondary["rank"], secondary["age_limit"]) == ("secondary", None)
    desk = Desk.open(db, create=False)
    try:
        patient = desk.patients.get(saved["patient_id"])
        assert patient is not None and patient.preferred_name == "Zo"
        assert desk.audit.for_subject(patient.id)[0]["action"] == "family_added"
    finally:
        desk.close()


def test_every_mistake_names_its_flag_on_one_line_and_nothing_is_saved(db: Path, capsys) -> None:
    argv = ["patients", "add", "--db", str(db), "--first", " ", "--last", "Martínez"]
    code, out, err = _run(
        capsys,
        [*argv, "--born", "2030-01-01", "--email", "x@", "--guardian", "Ana:aunt",
         "--insurance", "Delta:150:-5"],
    )  # fmt: skip
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    for words in (
        "--first: The first name is needed.",
        "--born: The date of birth cannot be in the future.",
        "--email:",
        "--guardian #1 (relationship):",
        "--insurance #1 (coverage pct): The coverage must be between 0% and 100%.",
        "--insurance #1 (lifetime max): The lifetime maximum cannot be negative.",
    ):
        assert words in line
    code, out, _err = _run(capsys, ["patients", "--db", str(db)])
    assert out.splitlines()[-1] == "0 patients"


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--guardian", "just a name"], "--guardian #1 must look like"),
        (["--insurance", "Delta:50"], "--insurance #1 must look like"),
        (["--insurance", "Delta:50:1500:colour=red"], '"colour=red" is not one of'),
        (["--guardian", GUARDIAN, "--payer", "2"], "--payer must be between 1 and 1"),
        ([], "--guardian: Zoë is 14: add a parent or guardian"),
        (["--guardian", GUARDIAN, "--insurance", "D:50:1500:used=2000"], "more than the lifetime"),
    ],
)
def test_malformed_flags_are_explained(db: Path, capsys, extra: list[str], words: str) -> None:
    argv = ["patients", "add", "--db", str(db), "--first", "Zoë", "--last", "Martínez"]
    code, _out, err = _run(capsys, [*argv, "--born", "2012-03-04", *extra])
    assert code == 2
    assert words in err and len(err.strip().splitlines()) == 1


def test_patients_alone_still_lists_and_list_says_so(db: Path, capsys) -> None:
    saved = _add(db, capsys, "--guardian", GUARDIAN)
    code, alone, _ = _run(capsys, ["patients", "--db", str(db)])
    assert code == 0
    code, listed, _ = _run(capsys, ["patients", "list", "--db", str(db)])
    assert code == 0 and alone == listed
    assert alone.splitlines()[0].split()[:3] == ["ID", "PATIENT", "BORN"]
    assert saved["patient_id"] in alone and alone.splitlines()[-1] == "1 patient"
    code, found, _ = _run(capsys, ["patients", "--db", str(db), "--search", "zoe", "--json"])
    assert [row["id"] for row in json.loads(found)] == [saved["patient_id"]]


def test_edit_changes_only_the_flags_given(db: Path, capsys) -> None:
    saved = _add(
        db, capsys, "--phone", "503-555-0101", "--guardian", GUARDIAN, "--insurance", INSURANCE
    )
    argv = ["patients", "edit", saved["patient_id"], "--db", str(db)]
    code, out, err = _run(capsys, [*argv, "--email", "new@example.com", "--json"])
    assert code == 0, err
    edited = json.loads(out)
    assert edited["email"] == "new@example.com" and edited["phone"] == "(503) 555-0101"
    assert [p["id"] for p in edited["responsible"]] == [p["id"] for p in saved["responsible"]]
    assert [p["carrier"] for p in edited["insurance"]] == ["Delta Dental"]
    code, out, err = _run(capsys, [*argv, "--no-insurance", "--json"])
    assert code == 0 and json.loads(out)["insurance"] == []
    code, _out, err = _run(capsys, [*argv, "--born", "1800-01-01"])
    assert code == 2 and "--born:" in err and "120 years" in err
    code, _out, err = _run(capsys, ["patients", "edit", "nobody", "--db", str(db)])
    assert code == 2 and "No patient with id nobody" in err


def test_duplicates_by_name_and_birth_date_phone_or_email(db: Path, capsys) -> None:
    saved = _add(
        db, capsys, "--phone", "503-555-0101", "--email", "fam@example.com", "--guardian", GUARDIAN
    )
    base = ["patients", "duplicates", "--db", str(db), "--json"]
    code, out, _ = _run(
        capsys, [*base, "--first", "zoe", "--last", "MARTINEZ", "--born", "2012-03-04"]
    )
    assert code == 0
    (match,) = json.loads(out)
    assert match["id"] == saved["patient_id"] and match["why"] == ["same name and date of birth"]
    code, out, _ = _run(
        capsys, [*base, "--phone", "+1 (503) 555 0101", "--email", "FAM@example.com"]
    )
    assert json.loads(out)[0]["why"] == ["same phone", "same email"]
    code, out, _ = _run(capsys, ["patients", "duplicates", "--db", str(db), "--first", "Mia"])
    assert code == 0 and out.splitlines()[-1] == "0 possible duplicates"
    code, _out, err = _run(capsys, [*base, "--born", "yesterday"])
    assert code == 2 and "--born must be a date" in err


def test_an_edit_that_changes_an_agreement_needs_yes(empty_store: Path, capsys) -> None:
    from tests.services.record_seed import agree, open_practice

    desk, consult_id = open_practice(empty_store)
    agree(desk, consult_id)
    desk.close()
    edit = ["patients", "edit", "pa-mia", "--db", str(empty_store)]
    code, _out, err = _run(capsys, [*edit, "--phone", "(555) 010-9999"])
    assert code == 0 and err == ""  # not on the agreement
    code, _out, err = _run(capsys, [*edit, "--last", "Carter-Lee"])
    assert code == 2 and "a new agreement version will be needed" in err
    assert "add --yes" in err and err.count("\n") == 1
    assert _last_name(empty_store) == "Carter"
    code, out, err = _run(capsys, [*edit, "--last", "Carter-Lee", "--yes", "--json"])
    assert code == 0 and "a new agreement version will be needed" in err
    assert "a new agreement version will be needed" in json.loads(out)["warning"]
    assert _last_name(empty_store) == "Carter-Lee"


def _last_name(store: Path) -> str:
    desk = Desk.open(store)
    try:
        return desk.patients.get("pa-mia").legal_last
    finally:
        desk.close()


def test_adding_the_same_family_twice_is_refused_naming_the_one_on_file(db: Path, capsys) -> None:
    first = _add(db, capsys, "--phone", "503-555-0177", "--guardian", GUARDIAN)
    argv = ["patients", "add", "--db", str(db), "--first", "Zoe", "--last", "Martinez"]
    argv += ["--guardian", GUARDIAN]
    code, out, err = _run(capsys, [*argv, "--born", "2012-03-04", "--phone", "5035550177"])
    assert code == 2 and out == ""
    assert first["patient_id"] in err and "Zoë Martínez, born Mar 4, 2012" in err
    assert "same name and date of birth, same phone" in err and "--new" in err
    assert err.count("\n") == 1
    code, out, err = _run(capsys, [*argv, "--born", "2012-03-04", "--new"])
    assert code == 0, err
    desk = Desk.open(db)
    try:
        assert len(desk.patients.list("")) == 2
    finally:
        desk.close()


def test_phones_are_written_one_way_and_an_adult_is_their_own_responsible_party(
    db: Path, capsys, tmp_path: Path
) -> None:
    """QA 17: the command line kept "503-555-0177" as typed, import wrote "(503) 555-0202";
    an adult added here had no one responsible, an imported adult is their own."""
    argv = ["patients", "add", "--db", str(db), "--first", "Ray", "--last", "Okafor"]
    code, out, err = _run(capsys, [*argv, "--born", "1980-05-06", "--phone", "503-555-0177"])
    assert code == 0, err
    code, out, err = _run(capsys, ["patients", "--db", str(db), "--json"])
    (ray,) = [p for p in json.loads(out) if p["patient"] == "Ray Okafor"]
    assert ray["responsible"] == "Ray Okafor"
    assert ray["status"] is None and ray["status_label"] == ""  # QA 18: label beside code
    desk = Desk.open(db)
    try:
        patient = desk.patients.get(ray["id"])
        assert patient is not None and patient.phone == "(503) 555-0177"
        (party,) = desk.patients.responsible_parties(patient.id)
        assert (party.relationship.value, party.pays, party.phone) == (
            "self",
            True,
            "(503) 555-0177",
        )
    finally:
        desk.close()
    code, out, err = _run(
        capsys,
        ["walk-in", "--db", str(db), "Kim Lo", "--phone", "+1 503 555 0143", "--json"],
    )
    assert code == 0, err
    desk = Desk.open(db)
    try:
        walk_in = desk.patients.get(json.loads(out)["patient_id"])
        assert walk_in is not None and walk_in.phone == "(503) 555-0143"
    finally:
        desk.close()
