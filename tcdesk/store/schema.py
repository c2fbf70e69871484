"""What the schema is called, readable without building it.

Every open of a practice file compares the changes applied to it with the
ones this tcdesk knows, and every write stamps the tables whose rows change.
Both only need names. ``migrations`` builds the schema with sqlite-utils,
whose import (with click, pluggy and dateutil) costs 50-90 ms: that is paid
only when a file is created or upgraded, not at every start and command.
``migrations`` checks at import that its changes are these, in this order.
"""

from __future__ import annotations

MIGRATION_SET = "tcdesk"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' own bookkeeping table

# The schema's changes, in the order they are applied (append-only, as they are).
MIGRATION_NAMES = (
    "m001_foundation",
    "m002_consult_sessions",
    "m003_agreements",
    "m004_real_practice",
    "m005_intake",
    "m006_terms_figures",
    "m007_sign_in",
    "m008_pipeline",
    "m009_patient_search",
    "m010_kpi_counts",
    "m011_original_photos",
    "m012_training",
    "m013_sync",
)

# Tables whose rows change: each gets ``updated_at`` (stamped by the store,
# monotonic per store) and a soft delete, so offices can sync later.
# Append-only history (notes, objections, audit, agreements, plans) is not here.
# m004 gave these their columns; the list is frozen with it (later tables add their own).
M004_MUTABLE_TABLES = (
    "practices",
    "offices",
    "staff",
    "fee_schedule",
    "financial_policies",
    "patients",
    "responsible_parties",
    "insurance_policies",
    "consults",
    "findings",
    "treatment_options",
    "follow_ups",
    "patient_photos",
    "consult_sessions",
    "referring_doctors",
)
MUTABLE_TABLES = (*M004_MUTABLE_TABLES, "leads")


def known_names() -> list[str]:
    """The schema changes this tcdesk knows, in order."""
    return list(MIGRATION_NAMES)
