"""The follow-up queue's reads: one ranked query over three sources, and its counts.

The sources are open follow-ups of pending (and observation) consults, observation
and recall consults whose recall date has come, and open leads (new, or contacted
with a next contact date).
SQLite ranks by the keys it can see (overdue, warmth, due date, days since);
the service refines by value (it needs the quote code) only the rows it shows.
Indexes: follow_ups_open, consults_status, leads_status (all m008).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from tcdesk.domain import InsurancePolicy, Patient, TreatmentOption
from tcdesk.store.codec import from_row
from tcdesk.store.records import Records

_WARMTH_RANK = "CASE {col} WHEN 'hot' THEN 0 WHEN 'cold' THEN 2 ELSE 1 END"

_SOURCES = """
SELECT 'follow_up' AS kind, f.id AS item_id, c.id AS consult_id, NULL AS lead_id,
       c.patient_id AS patient_id, f.due_on AS due_on, c.warmth AS warmth,
       COALESCE(f.assigned_to, c.coordinator_id) AS owner_id, c.scheduled_at AS since_at,
       f.reason AS reason, c.status AS status, c.chosen_option_id AS chosen_option_id,
       p.preferred_name AS p_pref, p.legal_first AS p_first, p.legal_last AS p_last,
       p.phone AS phone, p.email AS email, p.lead_source AS channel, '' AS channel_detail
FROM follow_ups f
JOIN consults c ON c.id = f.consult_id AND c.deleted_at IS NULL
JOIN patients p ON p.id = c.patient_id AND p.deleted_at IS NULL
WHERE f.done_at IS NULL AND f.deleted_at IS NULL AND c.status IN ('pending', 'observation')
UNION ALL
SELECT 'recall', c.id, c.id, NULL, c.patient_id, c.recall_on, c.warmth, c.coordinator_id,
       c.scheduled_at, 'recall', c.status, c.chosen_option_id,
       p.preferred_name, p.legal_first, p.legal_last, p.phone, p.email, p.lead_source, ''
FROM consults c
JOIN patients p ON p.id = c.patient_id AND p.deleted_at IS NULL
WHERE c.status = 'observation' AND c.deleted_at IS NULL AND c.recall_on IS NOT NULL
  AND c.recall_on <= :today
  AND NOT EXISTS (SELECT 1 FROM follow_ups o WHERE o.consult_id = c.id
                  AND o.done_at IS NULL AND o.deleted_at IS NULL)
UNION ALL
SELECT 'lead', l.id, NULL, l.id, l.patient_id,
       COALESCE(l.next_contact_on, date(l.contacted_at, 'localtime')), l.warmth,
       l.assigned_to, l.contacted_at, l.note, l.status, NULL,
       '', l.family_name, '', l.phone, l.email, l.channel, l.channel_detail
FROM leads l
WHERE l.deleted_at IS NULL
  AND (l.status = 'new' OR (l.status = 'contacted' AND l.next_contact_on IS NOT NULL))
"""

_RANKED = f"""
SELECT q.*, (q.due_on < :today) AS overdue, {_WARMTH_RANK.format(col="q.warmth")} AS warmth_rank,
       s.name AS owner_name
FROM ({_SOURCES}) q
LEFT JOIN staff s ON s.id = q.owner_id
WHERE {{where}}
ORDER BY overdue DESC, warmth_rank, q.due_on, q.since_at, q.item_id
"""

_COUNTS = f"""
SELECT count(*) AS total, coalesce(sum(q.due_on < :today), 0) AS overdue,
       coalesce(sum(q.due_on <= :today), 0) AS due
FROM ({_SOURCES}) q
WHERE {{where}}
"""


def _where(owner_id: str | None, due_by: date | None) -> tuple[str, dict[str, Any]]:
    clauses, params = ["1"], {}
    if owner_id is not None:
        clauses.append("q.owner_id = :owner")
        params["owner"] = owner_id
    if due_by is not None:
        clauses.append("q.due_on <= :due_by")
        params["due_by"] = due_by.isoformat()
    return " AND ".join(clauses), params


class QueueRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def ranked(
        self, today: date, *, owner_id: str | None = None, due_by: date | None = None
    ) -> Iterator[dict[str, Any]]:
        """Queue rows in SQL rank order, read lazily: the caller stops when it has enough."""
        where, params = _where(owner_id, due_by)
        params["today"] = today.isoformat()
        cursor = self._r.db.execute(_RANKED.format(where=where), params)
        columns = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(columns, row, strict=True))

    def counts(
        self, today: date, *, owner_id: str | None = None, due_by: date | None = None
    ) -> tuple[int, int, int]:
        """(all items, overdue, due today or before) in one query."""
        where, params = _where(owner_id, due_by)
        params["today"] = today.isoformat()
        total, overdue, due = self._r.db.execute(_COUNTS.format(where=where), params).fetchone()
        return int(total), int(overdue), int(due)

    def options_of(self, consult_ids: Sequence[str]) -> dict[str, list[TreatmentOption]]:
        """Each consult's options, for pricing the page shown (one query)."""
        found: dict[str, list[TreatmentOption]] = {c: [] for c in consult_ids}
        if not consult_ids:
            return found
        marks = ", ".join("?" for _ in consult_ids)
        rows = self._r.db.execute(
            f"SELECT * FROM treatment_options WHERE deleted_at IS NULL AND consult_id IN ({marks})"
            " ORDER BY position",
            list(consult_ids),
        )
        columns = [d[0] for d in rows.description]
        for values in rows:
            option = from_row(TreatmentOption, dict(zip(columns, values, strict=True)))
            found[option.consult_id].append(option)
        return found

    def patients_and_insurance(
        self, patient_ids: Sequence[str]
    ) -> tuple[dict[str, Patient], dict[str, list[InsurancePolicy]]]:
        """The page's patients and their insurance plans (two small queries)."""
        if not patient_ids:
            return {}, {}
        marks = ", ".join("?" for _ in patient_ids)
        patients = {
            p.id: p
            for p in self._r.where("patients", Patient, f"id IN ({marks})", list(patient_ids))
        }
        plans: dict[str, list[InsurancePolicy]] = {p: [] for p in patient_ids}
        for policy in self._r.where(
            "insurance_policies", InsurancePolicy, f"patient_id IN ({marks})", list(patient_ids)
        ):
            plans[policy.patient_id].append(policy)
        return patients, plans
