"""The follow-up queue's reads: its counts, a ranked page over three sources, the page's facts.

The sources are open follow-ups of pending (and observation) consults, observation
and recall consults whose recall date has come, and open leads (new, or contacted
with a next contact date). SQLite counts them and ranks them on every key but
value, returning a page of a few short columns per item (indexes follow_ups_open,
consults_status, consults_recall, leads_status; the recall branch names its
index, or a TC's queue reads all of their consults: 120 ms instead of 20 at
150,000); names,
options and insurance are read for the page shown only, in batches. Patients
and consults are never soft-deleted by tcdesk, so the scan does not join patients: a page item whose
patient is gone is left out there.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from tcdesk.store.records import Records

_SOURCES = """
SELECT 'follow_up' AS kind, f.id AS item_id, f.due_on AS due_on, c.warmth AS warmth,
       COALESCE(f.assigned_to, c.coordinator_id) AS owner_id, c.scheduled_at AS since_at,
       c.id AS consult_id, c.status AS status
FROM follow_ups f
JOIN consults c ON c.id = f.consult_id AND c.deleted_at IS NULL
WHERE f.done_at IS NULL AND f.deleted_at IS NULL AND c.status IN ('pending', 'observation')
UNION ALL
SELECT 'recall', c.id, c.recall_on, c.warmth, c.coordinator_id, c.scheduled_at, c.id, c.status
FROM consults c INDEXED BY consults_recall
WHERE c.status = 'observation' AND c.deleted_at IS NULL AND c.recall_on IS NOT NULL
  AND c.recall_on <= :today
  AND NOT EXISTS (SELECT 1 FROM follow_ups o WHERE o.consult_id = c.id
                  AND o.done_at IS NULL AND o.deleted_at IS NULL)
UNION ALL
SELECT 'lead', l.id, COALESCE(l.next_contact_on, date(l.contacted_at, 'localtime')), l.warmth,
       l.assigned_to, l.contacted_at, NULL, l.status
FROM leads l
WHERE l.deleted_at IS NULL
  AND (l.status = 'new' OR (l.status = 'contacted' AND l.next_contact_on IS NOT NULL))
"""

_RANKED = f"""
SELECT q.kind, q.item_id, q.due_on, (q.due_on < :today) AS overdue,
       CASE q.warmth WHEN 'hot' THEN 0 WHEN 'cold' THEN 2 ELSE 1 END AS warmth_rank,
       q.warmth, q.owner_id, q.since_at, q.consult_id, q.status
FROM ({_SOURCES}) q
WHERE {{where}}
ORDER BY overdue DESC, warmth_rank, q.due_on, q.since_at, q.item_id
"""

_COUNTS = f"""
SELECT count(*), coalesce(sum(q.due_on < :today), 0), coalesce(sum(q.due_on <= :today), 0)
FROM ({_SOURCES}) q
WHERE {{where}}
"""

_WARMTH_RANK = "CASE q.warmth WHEN 'hot' THEN 0 WHEN 'cold' THEN 2 ELSE 1 END"


class RankedRow(NamedTuple):
    """One item as the scan ranks it (the columns of ``_RANKED``, in order)."""

    kind: str
    item_id: str
    due_on: str
    overdue: int
    warmth_rank: int
    warmth: str
    owner_id: str | None
    since_at: str
    consult_id: str | None
    status: str


def _where(owner_id: str | None, due_by: date | None) -> tuple[str, dict[str, Any]]:
    clauses, params = ["1"], {}
    if owner_id is not None:
        clauses.append("q.owner_id = :owner")
        params["owner"] = owner_id
    if due_by is not None:
        clauses.append("q.due_on <= :due_by")
        params["due_by"] = due_by.isoformat()
    return " AND ".join(clauses), params


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


class QueueRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def ranked(
        self,
        today: date,
        *,
        owner_id: str | None = None,
        due_by: date | None = None,
        limit: int | None = None,
        tie: tuple[int, int, str] | None = None,
    ) -> list[RankedRow]:
        """Queue items in rank order (all but value): the first ``limit``, or only those of
        one ``tie`` (overdue, warmth rank, due date)."""
        where, params = _where(owner_id, due_by)
        params["today"] = today.isoformat()
        if tie is not None:
            where += f" AND (q.due_on < :today) = :t_over AND {_WARMTH_RANK} = :t_warm"
            where += " AND q.due_on = :t_due"
            params.update(t_over=tie[0], t_warm=tie[1], t_due=tie[2])
        sql = _RANKED.format(where=where)
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return [RankedRow._make(row) for row in self._r.db.execute(sql, params)]

    def counts(
        self, today: date, *, owner_id: str | None = None, due_by: date | None = None
    ) -> tuple[int, int, int]:
        """(all items, overdue, due today or before), counted by SQLite."""
        where, params = _where(owner_id, due_by)
        params["today"] = today.isoformat()
        total, overdue, due = self._r.db.execute(_COUNTS.format(where=where), params).fetchone()
        return int(total), int(overdue), int(due)

    def consult_facts(self, consult_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The page's consults with their patient: name, contact, birth date, chosen option."""
        if not consult_ids:
            return {}
        rows = self._r.db.execute(
            "SELECT c.id AS consult_id, c.chosen_option_id, c.outcome_reason, c.patient_id,"
            " p.preferred_name, p.legal_first, p.legal_last, p.phone, p.email, p.lead_source,"
            " p.birth_date, p.birth_date_known"
            " FROM consults c JOIN patients p ON p.id = c.patient_id AND p.deleted_at IS NULL"
            f" WHERE c.id IN ({_marks(consult_ids)})",
            list(consult_ids),
        )
        columns = [d[0] for d in rows.description]
        return {row[0]: dict(zip(columns, row, strict=True)) for row in rows}

    def follow_up_reasons(self, follow_up_ids: Sequence[str]) -> dict[str, str]:
        if not follow_up_ids:
            return {}
        rows = self._r.db.execute(
            f"SELECT id, reason FROM follow_ups WHERE id IN ({_marks(follow_up_ids)})",
            list(follow_up_ids),
        )
        return dict(rows.fetchall())

    def lead_facts(self, lead_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not lead_ids:
            return {}
        rows = self._r.db.execute(
            "SELECT id, family_name, phone, email, channel, channel_detail, note, patient_id"
            f" FROM leads WHERE id IN ({_marks(lead_ids)})",
            list(lead_ids),
        )
        columns = [d[0] for d in rows.description]
        return {row[0]: dict(zip(columns, row, strict=True)) for row in rows}

    def options_of(self, consult_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """Each page consult's options: the columns pricing needs (one query)."""
        found: dict[str, list[dict[str, Any]]] = {c: [] for c in consult_ids}
        if not consult_ids:
            return found
        rows = self._r.db.execute(
            "SELECT id, consult_id, fee_cents, estimated_months, recommended"
            " FROM treatment_options"
            f" WHERE deleted_at IS NULL AND consult_id IN ({_marks(consult_ids)})"
            " ORDER BY position",
            list(consult_ids),
        )
        for option_id, consult_id, fee, months, recommended in rows:
            found[consult_id].append(
                {"id": option_id, "fee_cents": fee, "months": months, "recommended": recommended}
            )
        return found

    def insurance_of(self, patient_ids: Sequence[str]):
        """The page's patients' insurance plans, by patient (one query)."""
        from tcdesk.domain import InsurancePolicy

        found: dict[str, list[InsurancePolicy]] = {p: [] for p in patient_ids}
        if not patient_ids:
            return found
        for policy in self._r.where(
            "insurance_policies",
            InsurancePolicy,
            f"patient_id IN ({_marks(patient_ids)})",
            list(patient_ids),
        ):
            found[policy.patient_id].append(policy)
        return found

    def staff_names(self) -> dict[str, str]:
        return dict(self._r.db.execute("SELECT id, name FROM staff").fetchall())
