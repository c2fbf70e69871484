"""The counting behind the practice's numbers, done by SQLite (GROUP BY), not row by row.

The dashboard asks for a year of a 150,000-consult store on every filter
change, so the store returns small grouped rows and the service adds them up.
Days are local calendar days (``date(..., 'localtime')``, the same zone
``Consult.consult_date`` reads), the period bounds UTC instants.

A consult's *start* is the earlier of its bands-on day (``consults.started_on``)
and the day its agreement was first signed (an agreement ``signed`` event,
unless that agreement version was later voided).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from tcdesk.domain import Discount, InsurancePolicy
from tcdesk.store.codec import from_row

# Statuses that never took place: still only booked, no-show, cancelled.
NOT_HELD = ("scheduled", "no_show", "cancelled")


@dataclass(frozen=True)
class ConsultScope:
    """Which consults count: scheduled in [start_utc, end_utc) and the filters (ids)."""

    start_utc: str
    end_utc: str
    office_id: str | None = None
    coordinator_id: str | None = None
    doctor_id: str | None = None
    source: str | None = None
    flow_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        parts = ["c.deleted_at IS NULL", "c.scheduled_at >= ?", "c.scheduled_at < ?"]
        params: list[Any] = [self.start_utc, self.end_utc]
        for column, value in (
            ("c.office_id", self.office_id),
            ("c.coordinator_id", self.coordinator_id),
            ("c.doctor_id", self.doctor_id),
            ("p.lead_source", self.source),
            ("c.flow_id", self.flow_id),
        ):
            if value is not None:
                parts.append(f"{column} = ?")
                params.append(value)
        return " AND ".join(parts), params


@dataclass(frozen=True)
class ConsultGroup:
    """Consults alike in month, coordinator, source, status and days to start."""

    month: str  # "2026-03", local
    coordinator_id: str
    source: str
    status: str
    start_days: int | None  # days from the consult to its start; None: no start yet
    count: int


@dataclass(frozen=True)
class PendingRow:
    """One pending consult with what its value and its follow-up progress need."""

    consult_id: str
    patient_id: str
    consult_day: str
    planned_start: str | None
    option_fee_cents: int | None  # the chosen, else recommended, else first option
    option_months: int | None
    option_id: str | None
    plan_discounts: tuple[Discount, ...]  # the latest plan's, when it is for that option
    first_touch_day: str | None  # first contact or closed follow-up, local day


_SIGNED = """
signed AS (
  SELECT a.consult_id AS consult_id, MIN(date(e.at, 'localtime')) AS signed_on
  FROM agreement_events e JOIN agreements a ON a.id = e.agreement_id
  WHERE e.kind = 'signed' AND NOT EXISTS (
    SELECT 1 FROM agreement_events v WHERE v.agreement_id = e.agreement_id AND v.kind = 'voided')
  GROUP BY a.consult_id
)"""

_BASE = """
base AS (
  SELECT c.id AS id, c.status AS status, c.coordinator_id AS coordinator_id,
         p.lead_source AS source, date(c.scheduled_at, 'localtime') AS day,
         CASE WHEN c.started_on IS NULL THEN s.signed_on
              WHEN s.signed_on IS NULL THEN c.started_on
              ELSE min(c.started_on, s.signed_on) END AS start_day
  FROM consults c JOIN patients p ON p.id = c.patient_id
  LEFT JOIN signed s ON s.consult_id = c.id
  WHERE {where}
)"""


class KpiRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _rows(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        return self._db.execute(sql, list(params)).fetchall()

    def consult_groups(self, scope: ConsultScope) -> list[ConsultGroup]:
        """Every consult in scope, grouped; a start's days are clipped at 0 (signed early)."""
        where, params = scope.where()
        sql = f"""
        WITH {_SIGNED}, {_BASE.format(where=where)}
        SELECT substr(day, 1, 7), coordinator_id, source, status,
               CASE WHEN start_day IS NULL THEN NULL
                    ELSE max(0, CAST(julianday(start_day) - julianday(day) AS INTEGER)) END
                 AS start_days,
               COUNT(*)
        FROM base GROUP BY 1, 2, 3, 4, 5
        """
        return [ConsultGroup(*row) for row in self._rows(sql, params)]

    def pending(self, scope: ConsultScope, not_pending: Sequence[str]) -> list[PendingRow]:
        """Held consults with no start whose status is not an end (``not_pending``)."""
        where, params = scope.where()
        statuses = (*NOT_HELD, *not_pending)
        marks = ", ".join("?" for _ in statuses)
        sql = f"""
        WITH {_SIGNED}, {_BASE.format(where=where)},
        pend AS (SELECT id, day FROM base
                 WHERE start_day IS NULL AND status NOT IN ({marks})),
        picked AS (
          SELECT c.id AS id, c.patient_id AS patient_id, pend.day AS day,
                 c.planned_start AS planned_start,
                 coalesce(
                   (SELECT t.id FROM treatment_options t
                     WHERE t.id = c.chosen_option_id AND t.deleted_at IS NULL),
                   (SELECT t.id FROM treatment_options t
                     WHERE t.consult_id = c.id AND t.deleted_at IS NULL
                     ORDER BY t.recommended DESC, t.position, t.id LIMIT 1)) AS option_id
          FROM pend JOIN consults c ON c.id = pend.id)
        SELECT k.id, k.patient_id, k.day, k.planned_start,
               o.fee_cents, o.estimated_months, o.id,
               (SELECT pp.discounts FROM payment_plans pp
                 WHERE pp.consult_id = k.id AND pp.option_id = o.id
                 ORDER BY pp.created_at DESC LIMIT 1),
               (SELECT min(t) FROM (
                  SELECT min(date(n.at, 'localtime')) AS t FROM contacts n
                   WHERE n.consult_id = k.id
                  UNION ALL
                  SELECT min(date(f.done_at, 'localtime')) FROM follow_ups f
                   WHERE f.consult_id = k.id AND f.done_at IS NOT NULL
                     AND f.deleted_at IS NULL))
        FROM picked k LEFT JOIN treatment_options o ON o.id = k.option_id
        """
        rows = self._rows(sql, [*params, *statuses])
        return [PendingRow(*row[:7], _discounts(row[7]), row[8]) for row in rows]

    def insurance(self, patient_ids: Sequence[str]) -> list[InsurancePolicy]:
        """The insurance policies of these patients (read in chunks SQLite accepts)."""
        found: list[InsurancePolicy] = []
        ids = list(dict.fromkeys(patient_ids))
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            marks = ", ".join("?" for _ in chunk)
            cursor = self._db.execute(
                f"SELECT * FROM insurance_policies WHERE deleted_at IS NULL "
                f"AND patient_id IN ({marks})",
                chunk,
            )
            names = [d[0] for d in cursor.description]
            found += [
                from_row(InsurancePolicy, dict(zip(names, row, strict=True)))
                for row in cursor.fetchall()
            ]
        return found

    def patient_births(self, patient_ids: Sequence[str]) -> dict[str, tuple[str, int]]:
        """Birth date and whether it is known, for the insurance age limit."""
        found: dict[str, tuple[str, int]] = {}
        ids = list(dict.fromkeys(patient_ids))
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            marks = ", ".join("?" for _ in chunk)
            for pid, birth, known in self._rows(
                f"SELECT id, birth_date, birth_date_known FROM patients WHERE id IN ({marks})",
                chunk,
            ):
                found[pid] = (birth, known)
        return found

    def flows(self) -> list[str]:
        """The flows consults were presented with (for the flow filter)."""
        rows = self._rows(
            "SELECT DISTINCT flow_id FROM consults WHERE deleted_at IS NULL AND flow_id != '' "
            "ORDER BY flow_id",
            [],
        )
        return [row[0] for row in rows]

    def lead_groups(
        self,
        start_utc: str,
        end_utc: str,
        *,
        office_id: str | None = None,
        coordinator_id: str | None = None,
        source: str | None = None,
    ) -> list[tuple[str, str, int, int]]:
        """Leads that came in during the period by (month, channel): count, with a held consult."""
        parts = ["l.deleted_at IS NULL", "l.contacted_at >= ?", "l.contacted_at < ?"]
        params: list[Any] = [start_utc, end_utc]
        for column, value in (
            ("l.office_id", office_id),
            ("l.assigned_to", coordinator_id),
            ("l.channel", source),
        ):
            if value is not None:
                parts.append(f"{column} = ?")
                params.append(value)
        marks = ", ".join("?" for _ in NOT_HELD)
        sql = f"""
        SELECT substr(date(l.contacted_at, 'localtime'), 1, 7), l.channel, COUNT(*),
               SUM(EXISTS (SELECT 1 FROM consults c
                            WHERE c.id = l.consult_id
                              AND c.deleted_at IS NULL AND c.status NOT IN ({marks}))
                   OR l.id IN (SELECT c.lead_id FROM consults c
                            WHERE c.lead_id IS NOT NULL
                              AND c.deleted_at IS NULL AND c.status NOT IN ({marks})))
        FROM leads l WHERE {" AND ".join(parts)} GROUP BY 1, 2
        """
        return self._rows(sql, [*NOT_HELD, *NOT_HELD, *params])


@dataclass(frozen=True)
class _Saved:
    discounts: tuple[Discount, ...] = ()


def _discounts(raw: str | None) -> tuple[Discount, ...]:
    return from_row(_Saved, {"discounts": raw}).discounts if raw else ()
