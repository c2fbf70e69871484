"""``tcdesk import patients FILE.csv``: patients from a practice-management export.

Exit status: 0 when the file was read and every valid row imported (rows
that could not be imported are listed, and the status is still 0 so a
script can tell "the file was refused" (2) from "some rows need fixing");
2 when the whole file is refused and nothing was imported.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tcdesk.cli import common
from tcdesk.services.importer import ImportResult, import_patients

SHOWN_PROBLEMS = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "import", "Import patients from a practice-management export (CSV)."
    )
    what = parser.add_subparsers(title="what", metavar="WHAT", required=True)
    patients = what.add_parser(
        "patients",
        help="patients (and their parents or guardians) from a CSV file",
        description="Import patients from a CSV export. Valid rows import in one go; "
        "rows that cannot be imported are listed with their line number and why. "
        "A backup copy of the practice file is taken first.",
    )
    common.add_db_argument(patients)
    patients.add_argument("file", metavar="FILE.csv", type=Path, help="the export to import")
    patients.add_argument(
        "--map",
        metavar="MAPPING.toml",
        type=Path,
        default=None,
        help="which of the file's columns holds which field (see the README)",
    )
    patients.add_argument(
        "--dry-run", action="store_true", help="check the file and report; import nothing"
    )
    patients.add_argument("--json", action="store_true", help="print the result as JSON")
    patients.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        result = import_patients(desk, args.file, mapping_path=args.map, dry_run=args.dry_run)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print(report(result))
    return 0


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def report(result: ImportResult) -> str:
    """A short report a person reads: what was done, how the file was read, what to fix."""
    verb = "Would import" if result.dry_run else "Imported"
    lines = [
        f"{result.file_name}: {verb} {_plural(result.imported, 'patient')}; "
        f"{_plural(result.duplicates, 'duplicate')} already on file (skipped); "
        f"{_plural(len(result.invalid), 'row')} not imported.",
        f"Read as {result.encoding}; dates {result.date_note}.",
    ]
    if result.dry_run:
        lines.append("Dry run: nothing was imported and no backup was taken.")
    elif result.backup:
        lines.append(f"Backup of the practice file before the import: {result.backup}")
    if result.invalid:
        lines.append("Rows not imported (row = line in the file; the header is row 1):")
        for problem in result.invalid[:SHOWN_PROBLEMS]:
            lines.append(f"  row {problem.row}: {problem.reason}")
        if len(result.invalid) > SHOWN_PROBLEMS:
            more = len(result.invalid) - SHOWN_PROBLEMS
            lines.append(f"  ... and {more} more (use --json for the full list)")
    return "\n".join(lines)
