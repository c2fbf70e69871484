"""Reading a practice-management export: the bytes, their encoding, the CSV rows.

Exports come from Windows programs as often as not, so a file that is not
UTF-8 is read as Windows-1252 (the encoding Excel and most US practice
software write), and the report says which was used. Anything that is not
text (a PDF, an .xlsx, which is a zip) is refused before a row is read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from tcdesk.services.importer.errors import ImportRefused

UTF8_BOM = b"\xef\xbb\xbf"
UTF8 = "UTF-8"
UTF8_WITH_BOM = "UTF-8 with BOM"
WINDOWS_1252 = "Windows-1252"

# Magic numbers of the files people pick by mistake instead of the CSV export.
_BINARY_KINDS = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a zip file (an Excel .xlsx is one: save it as CSV first)"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file (save it as CSV first)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3", "an SQLite database"),
)
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class CsvRow:
    line: int  # the file's line number where the row starts (the header is line 1)
    fields: tuple[str, ...]


@dataclass(frozen=True)
class CsvFile:
    name: str
    encoding: str  # UTF8, UTF8_WITH_BOM or WINDOWS_1252
    headers: tuple[str, ...]
    rows: tuple[CsvRow, ...]


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the name of the encoding it was read with."""
    for magic, kind in _BINARY_KINDS:
        if data.startswith(magic):
            raise ImportRefused(f"{name} is not a CSV file: it is {kind}.")
    if b"\x00" in data[:65536]:
        raise ImportRefused(f"{name} is not a CSV file: it holds binary data.")
    if data.startswith(UTF8_BOM):
        try:
            return data[len(UTF8_BOM) :].decode("utf-8"), UTF8_WITH_BOM
        except UnicodeDecodeError:
            raise ImportRefused(f"{name} starts as UTF-8 but is not valid UTF-8 text.") from None
    try:
        return data.decode("utf-8"), UTF8
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), WINDOWS_1252
    except UnicodeDecodeError:
        raise ImportRefused(
            f"{name} is not a CSV file: it is neither UTF-8 nor Windows-1252 text."
        ) from None


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse(text: str, name: str, encoding: str) -> CsvFile:
    """Rows with their line numbers; blank lines skipped; ragged rows refuse the file."""
    if not text.strip():
        raise ImportRefused(f"{name} is empty: there is nothing to import.")
    if any(ch < " " and ch not in "\t\r\n" for ch in text[:65536]):
        raise ImportRefused(f"{name} is not a CSV file: it holds control characters.")
    first_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    headers: tuple[str, ...] | None = None
    rows: list[CsvRow] = []
    ragged: list[int] = []
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            fields = tuple(field.strip() for field in record)
            if not any(fields):
                continue
            if headers is None:
                headers = fields
                continue
            if len(fields) != len(headers):
                ragged.append(line)
            rows.append(CsvRow(line, fields))
    except csv.Error as error:
        raise ImportRefused(f"{name} is not a readable CSV file (line {start}: {error}).") from None
    assert headers is not None
    if len(headers) < 2:
        raise ImportRefused(
            f"{name} does not look like a CSV export: its first line has one column "
            f'("{headers[0][:40]}"); the columns must be separated by commas.'
        )
    if ragged:
        raise ImportRefused(_ragged_message(name, len(headers), ragged))
    if not rows:
        raise ImportRefused(f"{name} has a header line but no rows: there is nothing to import.")
    return CsvFile(name=name, encoding=encoding, headers=headers, rows=tuple(rows))


def _ragged_message(name: str, width: int, lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:10]) + (" ..." if len(lines) > 10 else "")
    rows = "row" if len(lines) == 1 else "rows"
    return (
        f"{name}: {rows} {shown} {'does' if len(lines) == 1 else 'do'} not have the "
        f"{width} fields of the header line; nothing was imported (check for a missing "
        "or extra comma)."
    )


def read_csv(path: Path) -> CsvFile:
    """The export at ``path``, refused with a clear message if it cannot be a CSV."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(f"No file at {path}.") from None
    except IsADirectoryError:
        raise ImportRefused(f"{path} is a folder; pick the CSV file itself.") from None
    except OSError as error:
        raise ImportRefused(f"Cannot read {path}: {error.strerror or error}.") from None
    text, encoding = decode(data, path.name)
    return parse(text, path.name, encoding)
