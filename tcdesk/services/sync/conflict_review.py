"""The sync's overwritten edits as an admin reads them: whose record, which field, what won.

``tcdesk sync conflicts --json`` (run in its own process) gives each overwritten
row whole; the value that was kept is the row as it is in the practice file now.
This reads that row through the app's own connection (plain reads, no APSW) and
names the record as a person would ("Finn Sato's father Fatima Sato"), one line
per field that differs. Rows saved on both sides with nothing different (a
family saved again as it was) are counted, not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from tcdesk.services.desk import Desk
from tcdesk.services.sign_in import require_admin
from tcdesk.services.sync import tables
from tcdesk.services.sync.sync_reports import ConflictReport, StatusReport

# Kept by the store itself (stamps, search keys): never what a person changed.
NOT_A_FIELD = frozenset({"id", "updated_at", "search_key", "phone_key"})

TABLE_WORDS = {
    "practices": "practice",
    "offices": "office",
    "staff": "staff member",
    "fee_schedule": "fee",
    "financial_policies": "financial policy",
    "patients": "patient",
    "responsible_parties": "parent or payer",
    "insurance_policies": "insurance",
    "consults": "consult",
    "findings": "finding",
    "treatment_options": "treatment option",
    "follow_ups": "follow-up",
    "patient_photos": "photo",
    "consult_sessions": "presentation",
    "referring_doctors": "referring doctor",
    "leads": "lead",
}

FIELD_WORDS = {
    "legal_first": "first name",
    "legal_last": "last name",
    "birth_date": "date of birth",
    "preferred_name": "preferred name",
    "preferred_language": "language",
    "deleted_at": "removed",
    "scheduled_at": "booked for",
    "chief_concern": "chief concern",
    "outcome_reason": "reason",
    "family_name": "family name",
}

REVIEW_DOING = "review the edits the office sync overwrote"


@dataclass(frozen=True)
class ReviewRow:
    record: str  # "Finn Sato (patient)"
    field: str  # "phone"
    kept: str
    overwritten: str
    kept_by: str  # "Main Street (this computer)", "Delaware (0af5736d)" or "another computer (…)"
    kept_at: str  # when the kept edit was made, local time
    overwritten_by: str
    overwritten_at: str
    synced_at: str  # when the sync here overwrote it


@dataclass(frozen=True)
class ConflictReview:
    rows: list[ReviewRow]
    unchanged: int  # overwritten rows with no value different


def local_time(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return f"{moment.day} {moment.strftime('%b %Y %H:%M')}"


def _row(desk: Desk, table: str, row_id: str) -> dict[str, Any] | None:
    if table not in tables.SYNCED:  # a name from outside: never put into SQL unchecked
        return None
    info = desk.db.execute(f"PRAGMA table_info([{table}])").fetchall()
    columns = [r[1] for r in info]
    keys = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
    if not keys:
        return None
    found = desk.db.execute(f"SELECT * FROM [{table}] WHERE [{keys[0]}] = ?", [row_id]).fetchone()
    return dict(zip(columns, found, strict=True)) if found else None


def _patient_name(desk: Desk, patient_id: Any) -> str:
    row = _row(desk, "patients", str(patient_id)) if patient_id else None
    if row is None:
        return ""
    first = row.get("preferred_name") or row.get("legal_first") or ""
    return f"{first} {row.get('legal_last') or ''}".strip()


def _consult_words(desk: Desk, consult_id: Any) -> str:
    row = _row(desk, "consults", str(consult_id)) if consult_id else None
    if row is None:
        return "a consult"
    name = _patient_name(desk, row.get("patient_id"))
    day = str(row.get("scheduled_at") or "")[:10]
    return f"{name}'s consult {day}".strip() if name else f"the consult of {day}"


def record_name(desk: Desk, table: str, row: dict[str, Any], row_id: str) -> str:
    """The record as a person names it, from the row now (or the overwritten one)."""
    kind = TABLE_WORDS.get(table, table.replace("_", " "))
    if table == "patients":
        return f"{_patient_name(desk, row.get('id') or row_id) or 'a patient'} (patient)"
    if table == "responsible_parties":
        patient = _patient_name(desk, row.get("patient_id"))
        relation = row.get("relationship") or "parent or payer"
        return f"{row.get('name') or 'someone'}, {patient}'s {relation}".strip(", ")
    if table == "insurance_policies":
        patient = _patient_name(desk, row.get("patient_id"))
        return f"{patient}'s insurance ({row.get('carrier') or 'no carrier'})"
    if table == "consults":
        return _consult_words(desk, row.get("id") or row_id)
    if "consult_id" in row and table != "leads":
        what = row.get("title") or row.get("code") or row.get("caption") or ""
        detail = f" {what}" if what else ""
        return f"{_consult_words(desk, row.get('consult_id'))}: {kind}{detail}"
    for key in ("name", "family_name", "title", "description"):
        if row.get(key):
            return f"{row[key]} ({kind})"
    return f"{kind} {row_id[:8]}"


def shown_value(column: str, value: Any) -> str:
    if column == "deleted_at" and value is None:
        return "not removed"
    if value is None or value == "":
        return "(empty)"
    if column == "deleted_at":
        return f"removed {local_time(str(value))}"
    if column.endswith("_cents") and isinstance(value, int):
        return f"${Decimal(value) / 100:,.2f}"
    if isinstance(value, dict) and "base64" in value:
        return "(a file's contents)"
    return str(value)


def _field_name(column: str) -> str:
    if column in FIELD_WORDS:
        return FIELD_WORDS[column]
    return column.removesuffix("_cents").removesuffix("_id").replace("_", " ")


def _same(column: str, kept: Any, lost: Any) -> bool:
    if column == "deleted_at":
        return (kept is None) == (lost is None)
    return kept == lost or (kept in (None, "") and lost in (None, ""))


def review(desk: Desk, conflicts: list[ConflictReport], status: StatusReport) -> ConflictReview:
    """Each overwritten value beside the value kept; refuses anyone but an admin."""
    require_admin(desk, REVIEW_DOING)
    office_here = _office_here(desk, status)
    names = _office_names(desk)
    rows: list[ReviewRow] = []
    unchanged = 0
    for conflict in conflicts:
        now = _row(desk, conflict.table_name, conflict.row_id)
        lost = conflict.lost_row
        name = record_name(desk, conflict.table_name, now or lost, conflict.row_id)
        columns = [c for c in lost if c not in NOT_A_FIELD]
        differ = [c for c in columns if now is None or not _same(c, now.get(c), lost.get(c))]
        if not differ:
            unchanged += 1
            continue
        for column in differ:
            rows.append(
                ReviewRow(
                    record=name,
                    field=_field_name(column),
                    kept="(no longer in the file)"
                    if now is None
                    else shown_value(column, now.get(column)),
                    overwritten=shown_value(column, lost.get(column)),
                    kept_by=_who(conflict.kept_install, status, office_here, names),
                    kept_at=local_time(conflict.kept_updated_at),
                    overwritten_by=_who(conflict.lost_install, status, office_here, names),
                    overwritten_at=local_time(conflict.lost_updated_at),
                    synced_at=local_time(conflict.at),
                )
            )
    return ConflictReview(rows, unchanged)


def _office_names(desk: Desk) -> dict[str, str]:
    practice = desk.practice()
    if practice is None:
        return {}
    return {o.id: o.name for o in desk.practices.offices(practice.id, include_removed=True)}


def _office_here(desk: Desk, status: StatusReport) -> str:
    return _office_names(desk).get(status.office_id or "", "")


def _who(install_id: str, status: StatusReport, office_here: str, names: dict[str, str]) -> str:
    """The office an edit came from: this computer's, or the one its files say."""
    if install_id and install_id == status.install_id:
        return f"{office_here} (this computer)" if office_here else "this computer"
    office = names.get(status.offices.get(install_id, ""), "")
    if office:
        return f"{office} ({install_id[:8]})"
    return f"another computer ({install_id[:8]})"
