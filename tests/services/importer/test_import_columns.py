"""Which column is which field: recognised headers, a mapping file, refusals naming columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.services.importer.columns import load_mapping, recognise, resolve
from tcdesk.services.importer.errors import ImportRefused


def test_headers_are_recognised_whatever_their_case_spaces_and_underscores() -> None:
    headers = (
        "Chart Number", "FIRST NAME", "last_name", "Date of Birth", "Phone", "E-mail",
        "Lead Source", "Guardian_First", "guardian last", "Relationship", "Preferred Name",
        "Language", "Referred By", "Notes",
    )  # fmt: skip
    found = recognise(headers)
    assert found == {
        "external_id": "Chart Number",
        "first_name": "FIRST NAME",
        "last_name": "last_name",
        "birth_date": "Date of Birth",
        "phone": "Phone",
        "email": "E-mail",
        "lead_source": "Lead Source",
        "guardian_first": "Guardian_First",
        "guardian_last": "guardian last",
        "guardian_relationship": "Relationship",
        "preferred_name": "Preferred Name",
        "preferred_language": "Language",
        "referrer": "Referred By",
    }


@pytest.mark.parametrize("header", ["dob", "DOB", "birth_date", "date_of_birth", "BirthDate"])
def test_the_birth_date_aliases(header: str) -> None:
    assert recognise(("first", "last", header))["birth_date"] == header


@pytest.mark.parametrize("header", ["patient_id", "Chart Number", "external_id"])
def test_the_external_id_aliases(header: str) -> None:
    assert recognise((header,)) == {"external_id": header}


def test_missing_required_columns_are_named() -> None:
    with pytest.raises(ImportRefused, match="no column for: last name, date of birth"):
        resolve(("first_name", "phone"))


def test_a_mapping_file_names_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "MAPPING.toml"
    path.write_text(
        'date_format = "us"\n[columns]\nfirst_name = "Given"\nlast_name = "Family"\n'
        'birth_date = "Born On"\nexternal_id = "Acct"\n',
        encoding="utf-8",
    )
    mapping = load_mapping(path)
    assert mapping.date_form == "us"
    headers = ("Acct", "Given", "Family", "Born On", "Email")
    columns = resolve(headers, mapping.columns)
    assert columns == {
        "first_name": "Given",
        "last_name": "Family",
        "birth_date": "Born On",
        "external_id": "Acct",
        "email": "Email",  # recognised headers still count
    }


def test_a_mapping_naming_a_column_the_file_lacks_refuses_the_file() -> None:
    with pytest.raises(ImportRefused, match=r'columns the file does not have: "Surname"'):
        resolve(("First", "Last", "DOB"), {"last_name": "Surname"})


def test_a_mapping_naming_an_unknown_field_refuses(tmp_path: Path) -> None:
    path = tmp_path / "MAPPING.toml"
    path.write_text('[columns]\nshoe_size = "Shoes"\n', encoding="utf-8")
    with pytest.raises(ImportRefused, match="fields tcdesk does not have: shoe_size"):
        load_mapping(path)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[columns\nfirst_name = 1", "not valid TOML"),
        ("[columns]\nfirst_name = 3\n", "must map tcdesk fields to headers"),
        ('date_format = "dmy"\n', 'date_format must be "iso" or "us"'),
        ('[colums]\nfirst_name = "A"\n', "unknown entries: colums"),
    ],
)
def test_a_bad_mapping_file_is_refused(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "MAPPING.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused, match=says):
        load_mapping(path)
