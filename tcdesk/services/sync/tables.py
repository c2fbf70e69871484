"""Which tables office sync carries, and why each of the others stays home.

One place, so a new table is a decision: ``check_every_table_decided`` fails
(and a test with it) for a table that is in neither list.
"""

from __future__ import annotations

from tcdesk.store.schema import MUTABLE_TABLES

# Rows that change: the newer ``updated_at`` wins (ties by install id).
MUTABLE = MUTABLE_TABLES

# History: a row is written once and never changed, so two installs never disagree
# about one (its id is a UUID made where it was written). Agreements of record and
# their events are among them: an agreement is never overwritten.
APPEND_ONLY = (
    "payment_plans",
    "notes",
    "objections",
    "contacts",
    "audit_log",
    "agreements",
    "agreement_events",
)

# Parents before children, so a changeset reads in the order the rows depend on.
SYNCED = (*MUTABLE, *APPEND_ONLY)

NOT_SYNCED: dict[str, str] = {
    "_sqlite_migrations": "this file's own schema history (each install upgrades itself)",
    "kpi_month_counts": "derived: the dashboard's cached month counts, recounted from rows",
    "patients_fts": "derived: the search index, kept by triggers as patients arrive",
    "patients_fts_data": "derived: part of the search index",
    "patients_fts_idx": "derived: part of the search index",
    "patients_fts_docsize": "derived: part of the search index",
    "patients_fts_config": "derived: part of the search index",
    "training_origin": "training files are per computer and never leave it",
    "training_sessions": "training files are per computer and never leave it",
    "training_session_parts": "training files are per computer and never leave it",
    "training_drill_reviews": "training files are per computer and never leave it",
    "sync_install": "sync's own bookkeeping: who this install is, its key",
    "sync_applied": "sync's own bookkeeping: the files applied here",
    "sync_conflicts": "sync's own bookkeeping: what was overwritten here",
    "sync_row_writers": "sync's own bookkeeping: who wrote the rows that came in",
    "sqlite_stat1": "SQLite's own statistics",
    "sqlite_sequence": "SQLite's own counters",
}

_APPEND_ONLY = frozenset(APPEND_ONLY)


def is_append_only(table: str) -> bool:
    return table in _APPEND_ONLY


def undecided(table_names: list[str]) -> list[str]:
    """Tables of a store that are neither synced nor listed as staying home."""
    known = set(SYNCED) | set(NOT_SYNCED)
    return sorted(name for name in table_names if name not in known)
