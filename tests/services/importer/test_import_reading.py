"""Reading an export: encodings detected and named, anything not CSV refused, line numbers kept."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tcdesk.services.importer.errors import ImportRefused
from tcdesk.services.importer.reading import UTF8, UTF8_WITH_BOM, WINDOWS_1252, read_csv
from tests.services.importer.import_files import csv_file, write


def test_utf8_without_bom(tmp_path: Path) -> None:
    file = read_csv(csv_file(tmp_path, "first_name,last_name", "Zoë,Martínez"))
    assert file.encoding == UTF8
    assert file.headers == ("first_name", "last_name")
    assert file.rows[0].fields == ("Zoë", "Martínez")


def test_utf8_with_bom_does_not_leak_into_the_first_header(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.csv", "\ufefffirst_name,last_name\nZoë,Martínez\n")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    file = read_csv(path)
    assert file.encoding == UTF8_WITH_BOM
    assert file.headers[0] == "first_name"


def test_windows_1252_is_detected_and_decoded(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "first_name,last_name", "José,Peña", encoding="cp1252")
    assert b"Jos\xe9" in path.read_bytes()  # really cp1252 bytes, not UTF-8
    file = read_csv(path)
    assert file.encoding == WINDOWS_1252
    assert file.rows[0].fields == ("José", "Peña")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "it is a PDF"),
        (b"first,last\n\x00\x01\x02\x03", "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes, says: str) -> None:
    path = tmp_path / "patients.csv"
    path.write_bytes(data)
    with pytest.raises(ImportRefused, match=says):
        read_csv(path)


def test_an_xlsx_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "patients.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ImportRefused, match=r"not a CSV file: it is a zip file.*save it as CSV"):
        read_csv(path)


@pytest.mark.parametrize("content", [b"", b"\n\n  \r\n"])
def test_an_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=r"empty\.csv is empty"):
        read_csv(path)


def test_a_header_without_rows_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="has a header line but no rows"):
        read_csv(csv_file(tmp_path, "first_name,last_name,birth_date", ""))


def test_plain_prose_is_not_a_csv(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="one column"):
        read_csv(csv_file(tmp_path, "Dear Dr. Lee", "Thank you for the referral"))


def test_ragged_rows_are_named_and_refuse_the_file(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "first_name,last_name,birth_date",
        "Ann,Lee,2001-02-03",
        "Bob,Stone",
        "Cy,Young,2002-03-04",
        "Di,Ross,2003-04-05,extra",
    )
    with pytest.raises(ImportRefused, match=r"rows 3, 5 do not have the 3 fields") as refused:
        read_csv(path)
    assert "nothing was imported" in str(refused.value)


def test_row_numbers_are_file_lines_across_blank_lines_and_quoted_line_breaks(
    tmp_path: Path,
) -> None:
    path = csv_file(
        tmp_path,
        "first_name,last_name,note",
        "Ann,Lee,one",
        "",
        'Bob,Stone,"two',
        'lines"',
        "Cy,Young,three",
    )
    rows = read_csv(path).rows
    assert [(row.line, row.fields[0]) for row in rows] == [(2, "Ann"), (4, "Bob"), (6, "Cy")]


def test_semicolon_exports_are_read(tmp_path: Path) -> None:
    file = read_csv(csv_file(tmp_path, "first_name;last_name", "Ann;Lee"))
    assert file.rows[0].fields == ("Ann", "Lee")


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="No file at"):
        read_csv(tmp_path / "nope.csv")
