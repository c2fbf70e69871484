"""The import as a whole: valid rows in one go, invalid ones listed, no duplicates, a backup."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from tcdesk.domain import LeadSource, Relationship
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.importer import ImportRefused, commit, import_patients, open_export, preview
from tcdesk.services.importer.committing import AUDIT_ACTION
from tcdesk.services.importer.reading import WINDOWS_1252
from tcdesk.store import engine
from tests.conftest import FIXED_NOW
from tests.services.importer.import_files import HEADER, backups, csv_file, store_state

GOOD_ROWS = (
    "C1,José,Peña,03/04/2012,503.555.0101,jose@example.com,Referral - Dr Smith,María Peña,Mother",
    "C2,Ann,Lee,07/21/1990,5035550102,ann@example.com,Facebook,,",
    "C3,Zoë,Martínez,11/30/2014,,,Walk-in,Carlos Martínez,Dad",
)


def _export(tmp_path: Path, *rows: str, encoding: str = "utf-8", name: str = "export.csv") -> Path:
    return csv_file(tmp_path, HEADER, *rows, encoding=encoding, name=name)


def _patients(desk: Desk) -> dict[str, object]:
    return {entry.patient.legal_first: entry.patient for entry in desk.patients.list()}


def test_valid_rows_import_with_guardians_phones_and_lead_sources(
    desk: Desk, tmp_path: Path
) -> None:
    result = import_patients(desk, _export(tmp_path, *GOOD_ROWS, encoding="cp1252"))
    assert (result.imported, result.duplicates, result.invalid) == (3, 0, ())
    assert result.encoding == WINDOWS_1252 and result.date_format == "MM/DD/YYYY"
    patients = _patients(desk)
    jose = patients["José"]
    assert (jose.legal_last, jose.birth_date) == ("Peña", date(2012, 3, 4))
    assert jose.phone == "(503) 555-0101"
    assert (jose.external_id, jose.lead_source) == ("C1", LeadSource.DOCTOR_REFERRAL)
    assert patients["Ann"].lead_source is LeadSource.SOCIAL_MEDIA
    assert patients["Zoë"].lead_source is LeadSource.WALK_IN
    [mother] = desk.patients.responsible_parties(jose.id)
    assert (mother.name, mother.relationship) == ("María Peña", Relationship.MOTHER)
    assert mother.pays
    [ann_self] = desk.patients.responsible_parties(patients["Ann"].id)
    assert (ann_self.relationship, ann_self.name) == (Relationship.SELF, "Ann Lee")
    assert ann_self.pays
    assert desk.patients.list("jose pena")[0].patient.id == jose.id  # search keys filled


def test_a_utf8_file_with_a_bom_imports_with_its_first_column(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffpatient_id,first_name,last_name,dob\nC9,Zoë,Lee,1990-01-02\n".encode())
    result = import_patients(desk, path)
    assert (result.imported, result.encoding) == (1, "UTF-8 with BOM")
    assert _patients(desk)["Zoë"].external_id == "C9"  # the BOM did not hide "patient_id"


def test_two_guardians_the_first_pays(desk: Desk, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "first_name,last_name,dob,guardian_first,guardian_last,relationship,guardian2_name,"
        "guardian2_relationship,guardian2_phone",
        "Mia,Chen,2013-05-06,Li,Chen,Mother,Wei Chen,Father,503 555 0177",
    )
    import_patients(desk, path)
    mia = _patients(desk)["Mia"]
    parties = desk.patients.responsible_parties(mia.id)
    assert [(p.name, p.relationship, p.pays, p.phone) for p in parties] == [
        ("Li Chen", Relationship.MOTHER, True, ""),
        ("Wei Chen", Relationship.FATHER, False, "(503) 555-0177"),
    ]


def test_invalid_rows_are_listed_by_line_while_the_valid_ones_import(
    desk: Desk, tmp_path: Path
) -> None:
    path = _export(
        tmp_path,
        GOOD_ROWS[0],
        "C4,,Nobody,01/02/2000,,,,,",
        "C5,Kid,Alone,01/02/2015,,,,,",
        "C6,Bad,Email,01/02/1990,,bad@,,,",
        "C7,Future,Born,01/02/2099,,,,,",
        "C8,Old,Timer,01/02/1880,,,,,",
        "C9,Not,Adate,02/30/1990,,,,,",
        "C10,Who,Sent,01/02/1990,,,Referral,,",
        GOOD_ROWS[1],
    )
    result = import_patients(desk, path)
    assert result.imported == 2
    reasons = {p.row: p.reason for p in result.invalid}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9]
    assert reasons[3] == "The first name is needed."
    assert "Kid Alone is under 18" in reasons[4] and "no parent or guardian" in reasons[4]
    assert '"bad@" is not an email address' in reasons[5]
    assert "cannot be in the future" in reasons[6]
    assert "more than 120 years ago" in reasons[7]
    assert '"02/30/1990" is not a real date' in reasons[8]
    assert "does not say who referred" in reasons[9]
    assert set(_patients(desk)) == {"José", "Ann"}


def test_reimporting_the_same_file_adds_nobody(desk: Desk, tmp_path: Path) -> None:
    path = _export(tmp_path, *GOOD_ROWS)
    assert import_patients(desk, path).imported == 3
    again = import_patients(desk, path)
    assert (again.imported, again.duplicates, again.invalid) == (0, 3, ())
    assert desk.patients.count() == 3
    assert sum(len(desk.patients.responsible_parties(p.id)) for p in _patients(desk).values()) == 3


def test_the_external_id_recognises_a_patient_whose_name_was_corrected(
    desk: Desk, tmp_path: Path
) -> None:
    import_patients(desk, _export(tmp_path, GOOD_ROWS[1]))
    corrected = GOOD_ROWS[1].replace("Ann,Lee", "Anne,Leigh")
    result = import_patients(desk, _export(tmp_path, corrected, name="second.csv"))
    assert (result.imported, result.duplicates) == (0, 1)
    # a different chart number with the same name and birthday is another person
    other = GOOD_ROWS[1].replace("C2,", "C99,")
    assert import_patients(desk, _export(tmp_path, other, name="third.csv")).imported == 1


def test_without_an_external_id_name_and_birth_date_match_forgiving_accents_and_case(
    desk: Desk, tmp_path: Path
) -> None:
    header = "first_name,last_name,birth_date,guardian_name"
    import_patients(desk, csv_file(tmp_path, header, "José,Peña,2012-03-04,María Peña"))
    path = csv_file(
        tmp_path, header, "JOSE,pena,2012-03-04,Maria Pena", "José,Peña,2012-03-05,María Peña",
        name="again.csv",
    )  # fmt: skip
    result = import_patients(desk, path)
    assert (result.imported, result.duplicates) == (1, 1)  # the other birthday is someone else


def test_the_same_person_twice_in_one_file_is_imported_once(desk: Desk, tmp_path: Path) -> None:
    result = import_patients(desk, _export(tmp_path, GOOD_ROWS[0], GOOD_ROWS[0]))
    assert (result.imported, result.duplicates) == (1, 1)


def test_a_duplicate_counts_even_when_the_row_would_not_pass_as_new(
    desk: Desk, tmp_path: Path
) -> None:
    import_patients(desk, _export(tmp_path, GOOD_ROWS[0]))
    no_guardian = "C1,José,Peña,03/04/2012,,,,,"  # e.g. a consults export: no guardian columns
    result = import_patients(desk, _export(tmp_path, no_guardian, name="b.csv"))
    assert (result.imported, result.duplicates, result.invalid) == (0, 1, ())


def test_a_dry_run_writes_nothing_and_takes_no_backup(
    desk: Desk, practice_store: Path, tmp_path: Path
) -> None:
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = store_state(practice_store)
    result = import_patients(desk, _export(tmp_path, *GOOD_ROWS), dry_run=True)
    assert (result.imported, result.dry_run, result.backup) == (3, True, None)
    assert desk.patients.count() == 0
    assert backups(practice_store) == []
    assert store_state(practice_store) == before
    assert _imports(desk) == []


def test_a_backup_is_taken_first_owner_only_and_opens(
    desk: Desk, practice_store: Path, tmp_path: Path
) -> None:
    import_patients(desk, _export(tmp_path, GOOD_ROWS[0]))
    result = import_patients(desk, _export(tmp_path, *GOOD_ROWS, name="more.csv"))
    assert result.backup is not None and result.backup in backups(practice_store)
    assert result.backup.parent == practice_store.with_name(f"{practice_store.stem}-backups")
    assert result.backup.name.startswith(f"{practice_store.stem}-20")
    # the fixed clock: a second one in the same second gets a number
    assert result.backup.name.endswith("-before-import-2.sqlite3")
    assert stat.S_IMODE(os.stat(result.backup).st_mode) == 0o600
    conn = engine.connect(result.backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # the copy is the store as it was before this import: one patient, not three
        assert conn.execute("SELECT count(*) FROM patients").fetchone() == (1,)
    finally:
        conn.close()


def test_each_import_is_in_the_audit_log_with_the_file_and_counts(
    desk: Desk, tmp_path: Path
) -> None:
    import_patients(desk, _export(tmp_path, GOOD_ROWS[0], "C5,Kid,Alone,01/02/2015,,,,,"))
    [entry] = _imports(desk)
    assert entry["action"] == AUDIT_ACTION
    detail = json.loads(entry["detail"])
    assert detail["file"] == "export.csv"
    assert (detail["imported"], detail["duplicates"], detail["invalid"]) == (1, 0, 1)
    assert detail["backup"].endswith("-before-import.sqlite3")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "is empty"),
        (HEADER, "no rows"),
        ("first_name,phone\nAnn,5035550101", "no column for: last name, date of birth"),
        (f"{HEADER}\nC1,Ann,Lee,01/02/1990\n", "row 2 does not have the 9 fields"),
        (f"{HEADER}\n" + GOOD_ROWS[0].replace("03/04/2012", "23/04/2012"), "day first"),
        ("%PDF-1.4\n", "not a CSV file"),
    ],
)
def test_a_refused_file_leaves_the_store_byte_identical(
    practice_store: Path, tmp_path: Path, text: str, says: str
) -> None:
    before = store_state(practice_store)
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    opened = Desk.open(practice_store, clock=lambda: FIXED_NOW)
    try:
        with pytest.raises(ImportRefused, match=says):
            import_patients(opened, path)
    finally:
        opened.close()
    assert store_state(practice_store) == before
    assert backups(practice_store) == []


def test_a_mapping_file_imports_an_export_with_other_headers(desk: Desk, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "Acct,Given,Family,Born,Parent", "A-7,Lucía,Núñez,2013-04-05,Rosa Núñez"
    )
    mapping = tmp_path / "MAPPING.toml"
    mapping.write_text(
        '[columns]\nexternal_id = "Acct"\nfirst_name = "Given"\nlast_name = "Family"\n'
        'birth_date = "Born"\nguardian_name = "Parent"\n',
        encoding="utf-8",
    )
    result = import_patients(desk, path, mapping_path=mapping)
    assert result.imported == 1 and result.date_format == "YYYY-MM-DD"
    lucia = _patients(desk)["Lucía"]
    assert lucia.external_id == "A-7"
    assert desk.patients.responsible_parties(lucia.id)[0].name == "Rosa Núñez"


def test_a_patient_added_after_the_preview_is_not_added_twice(desk: Desk, tmp_path: Path) -> None:
    checked = preview(desk, open_export(_export(tmp_path, *GOOD_ROWS)))
    import_patients(desk, _export(tmp_path, GOOD_ROWS[2], name="first.csv"))
    result = commit(desk, checked)
    assert (result.imported, result.duplicates) == (2, 1)
    assert desk.patients.count() == 3


def test_a_store_that_fills_up_midway_keeps_nothing_of_the_import(
    desk: Desk, tmp_path: Path
) -> None:
    """A real limit (SQLite's page cap, as a full disk would) stops the writes after a chunk.

    A thousand rows take about 155 pages: the first chunk fits, the second does not.
    """
    import_patients(desk, _export(tmp_path, GOOD_ROWS[1], name="first.csv"))
    rows = [f"C{n},Kid{n},Lee,01/02/2015,,,,Pat Lee,Mother" for n in range(5000)]
    pages = desk.db.execute("PRAGMA page_count").fetchone()[0]
    desk.db.execute(f"PRAGMA max_page_count = {pages + 250}")
    seen: list[int] = []
    with pytest.raises(UserError, match="nothing was imported"):
        import_patients(desk, _export(tmp_path, *rows), progress=lambda done, _t: seen.append(done))
    assert seen and seen[0] == 1000  # the first chunk was written, then the store was full
    assert desk.patients.count() == 1
    assert len(_imports(desk)) == 1  # the first import's only


def test_progress_is_reported_up_to_the_total(desk: Desk, tmp_path: Path) -> None:
    rows = [f"C{n},Kid{n},Lee,01/02/2015,,,,Pat Lee,Mother" for n in range(2500)]
    seen: list[tuple[int, int]] = []
    path = _export(tmp_path, *rows)
    result = import_patients(desk, path, progress=lambda done, total: seen.append((done, total)))
    assert result.imported == 2500
    assert seen == [(1000, 2500), (2000, 2500), (2500, 2500)]


def _imports(desk) -> list[dict]:
    """The practice's audit entries for imports (its set-up is audited too)."""
    entries = desk.audit.for_subject(desk.practice().id)
    return [e for e in entries if e["action"] == "patients_imported"]
