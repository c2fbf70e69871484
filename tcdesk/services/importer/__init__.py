"""Importing patients from a practice-management export (CSV), and exporting them back.

Small modules, one step each: ``reading`` (bytes, encoding, CSV rows),
``columns`` (which header is which field; MAPPING.toml), ``dates`` (one date
form per file), ``values`` (phones, lead sources, relationships), ``rows``
(one row checked), ``duplicates`` (who is already on file), ``preparing``
(the preview: everything an import would do), ``committing`` (backup, one
transaction, audit) and ``exporting`` (the same headers written back out).
"""

from __future__ import annotations

from pathlib import Path

from tcdesk.services.desk import Desk
from tcdesk.services.importer.columns import FIELDS, load_mapping, recognise
from tcdesk.services.importer.committing import ImportResult, Progress, commit, result_of
from tcdesk.services.importer.errors import ImportRefused
from tcdesk.services.importer.preparing import ImportPreview, open_export, preview

__all__ = [
    "FIELDS",
    "ImportPreview",
    "ImportRefused",
    "ImportResult",
    "Progress",
    "commit",
    "import_patients",
    "load_mapping",
    "open_export",
    "preview",
    "recognise",
]


def import_patients(
    desk: Desk,
    path: Path,
    *,
    mapping_path: Path | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the export at ``path``: the command line's one call (the app goes step by step)."""
    mapping = load_mapping(mapping_path) if mapping_path else None
    file = open_export(path)
    checked = preview(
        desk,
        file,
        mapping.columns if mapping else None,
        date_form=mapping.date_form if mapping else None,
    )
    if dry_run:
        return result_of(checked, dry_run=True)
    return commit(desk, checked, progress)
