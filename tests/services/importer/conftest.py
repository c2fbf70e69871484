"""Fixtures shared by the import tests (defined in import_files)."""

from tests.services.importer.import_files import desk, practice_store  # noqa: F401
