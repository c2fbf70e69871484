"""Everything an import will do, worked out before anything is written.

The app shows this as the preview; the command line prints it for a dry run;
``committing.commit`` writes it. One pass over the file: columns resolved,
the date form chosen, every row checked, duplicates found with one query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tcdesk.services.clock import today as clock_today
from tcdesk.services.desk import Desk
from tcdesk.services.importer import columns as cols
from tcdesk.services.importer import dates
from tcdesk.services.importer.duplicates import KnownKeys
from tcdesk.services.importer.reading import CsvFile, read_csv
from tcdesk.services.importer.rows import PatientRow, RowProblem, RowReader
from tcdesk.store.import_repo import ImportRepository

NEW = "new"
DUPLICATE = "duplicate"
INVALID = "invalid"


@dataclass(frozen=True)
class RowOutcome:
    line: int
    status: str  # NEW, DUPLICATE or INVALID
    patient: PatientRow | None
    reason: str = ""


@dataclass(frozen=True)
class ImportPreview:
    """What importing ``file`` with ``columns`` would do, row by row."""

    file: CsvFile
    columns: cols.ColumnMap
    date_form: dates.DateForm
    outcomes: tuple[RowOutcome, ...]

    @property
    def new_rows(self) -> list[PatientRow]:
        return [o.patient for o in self.outcomes if o.status == NEW and o.patient]

    @property
    def duplicates(self) -> int:
        return sum(o.status == DUPLICATE for o in self.outcomes)

    @property
    def invalid(self) -> list[RowProblem]:
        return [RowProblem(o.line, o.reason) for o in self.outcomes if o.status == INVALID]


def open_export(path: Path) -> CsvFile:
    """Read the file (refusing what is not CSV); the app calls this when a file is picked."""
    return read_csv(path)


def preview(
    desk: Desk,
    file: CsvFile,
    mapping: cols.ColumnMap | None = None,
    *,
    date_form: str | None = None,
    today: date | None = None,
) -> ImportPreview:
    """Check every row of ``file`` against the store; refuses the file as a whole if it must."""
    columns = cols.resolve(file.headers, mapping)
    birth_index = file.headers.index(columns["birth_date"])
    form = dates.choose(((row.line, row.fields[birth_index]) for row in file.rows), given=date_form)
    reader = RowReader(file.headers, columns, form.form, today or clock_today(desk.clock))
    known = KnownKeys(ImportRepository(desk.records).known_patients())
    outcomes = []
    for row in file.rows:
        # Someone already on file is a duplicate even if the row would not pass as new.
        identity = reader.identity(row.fields)
        if identity and known.knows(*identity):
            outcomes.append(RowOutcome(row.line, DUPLICATE, None))
            continue
        checked = reader.read(row.line, row.fields)
        if isinstance(checked, RowProblem):
            outcomes.append(RowOutcome(row.line, INVALID, None, checked.reason))
        else:
            known.add(checked)
            outcomes.append(RowOutcome(row.line, NEW, checked))
    return ImportPreview(file, columns, form, tuple(outcomes))
