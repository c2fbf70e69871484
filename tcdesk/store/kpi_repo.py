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
from decimal import Decimal
from typing import Any, NamedTuple

from tcdesk.domain import Discount, InsurancePolicy, InsuranceRank, PayoutFrequency
from tcdesk.store.codec import UnreadableRecord, from_row
from tcdesk.store.database import Database

# Statuses that never took place: still only booked, no-show, cancelled.
NOT_HELD = ("scheduled", "no_show", "cancelled")


# A consult's lead source is its patient's (an index lookup per consult: for a month
# counted again, far less than reading every patient's source first).
SOURCE = "(SELECT p.lead_source FROM patients p WHERE p.id = c.patient_id AND p.deleted_at IS NULL)"


@dataclass(frozen=True)
class ConsultScope:
    """Which consults count: scheduled in [start_utc, end_utc) and the filters (ids).

    ``months``: each month's key and the UTC instant its first local day begins,
    so a consult's month is a comparison, not a time-zone conversion per row.
    """

    start_utc: str
    end_utc: str
    office_id: str | None = None
    coordinator_id: str | None = None
    doctor_id: str | None = None
    source: str | None = None
    flow_id: str | None = None
    months: tuple[tuple[str, str], ...] = ()

    def where(self) -> tuple[str, list[Any]]:
        parts = ["c.deleted_at IS NULL", "c.scheduled_at >= ?", "c.scheduled_at < ?"]
        params: list[Any] = [self.start_utc, self.end_utc]
        for column, value in (
            ("c.office_id", self.office_id),
            ("c.coordinator_id", self.coordinator_id),
            ("c.doctor_id", self.doctor_id),
            (SOURCE, self.source),
            ("c.flow_id", self.flow_id),
        ):
            if value is not None:
                parts.append(f"{column} = ?")
                params.append(value)
        return " AND ".join(parts), params

    def month_case(self) -> tuple[str, list[Any]]:
        """SQL naming each consult's local month, from ``months``."""
        if not self.months:
            return "substr(date(c.scheduled_at, 'localtime'), 1, 7)", []
        if len(self.months) == 1:
            return "?", [self.months[0][0]]
        whens = " ".join("WHEN c.scheduled_at < ? THEN ?" for _ in self.months[1:])
        params: list[Any] = []
        for (key, _start), (_next, next_start) in zip(self.months, self.months[1:], strict=False):
            params += [next_start, key]
        return f"CASE {whens} ELSE ? END", [*params, self.months[-1][0]]


class ConsultGroup(NamedTuple):
    """Consults alike in month, coordinator, source, status and days to start.

    A tuple: a year has about 9,000 groups, made again from kept months each count.
    """

    month: str  # "2026-03", local
    coordinator_id: str
    source: str
    office_id: str
    doctor_id: str
    flow_id: str
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
    office_id: str = ""
    coordinator_id: str = ""
    doctor_id: str = ""
    flow_id: str = ""
    source: str = ""


_SIGNED = """
signed AS (
  SELECT a.consult_id AS consult_id, MIN(date(e.at, 'localtime')) AS signed_on
  FROM agreement_events e JOIN agreements a ON a.id = e.agreement_id
  WHERE e.kind = 'signed' AND e.agreement_id NOT IN (
    SELECT v.agreement_id FROM agreement_events v WHERE v.kind = 'voided')
  GROUP BY a.consult_id
)"""

_START = """CASE WHEN c.started_on IS NULL THEN s.signed_on
              WHEN s.signed_on IS NULL THEN c.started_on
              ELSE min(c.started_on, s.signed_on) END"""


class KpiRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _rows(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        return self._db.execute(sql, list(params)).fetchall()

    def consult_groups(self, scope: ConsultScope, *, every_filter: bool) -> list[ConsultGroup]:
        """Every consult in scope, grouped; a start's days are clipped at 0 (signed early).

        ``every_filter``: grouped by office, doctor and flow too, so any filter can be
        applied to the groups later (a third slower); else those columns are "".
        """
        where, params = scope.where()
        month, month_params = scope.month_case()
        more = "c.office_id, c.doctor_id, c.flow_id" if every_filter else "'', '', ''"
        sql = f"""
        WITH {_SIGNED}
        SELECT {month}, c.coordinator_id, {SOURCE}, {more}, c.status,
               CASE WHEN c.started_on IS NULL AND s.signed_on IS NULL THEN NULL
                    ELSE max(0, CAST(julianday({_START})
                      - julianday(c.scheduled_at, 'localtime', 'start of day') AS INTEGER))
               END,
               COUNT(*)
        FROM consults c INDEXED BY consults_kpi LEFT JOIN signed s ON s.consult_id = c.id
        WHERE {where}
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        """
        return [ConsultGroup(*row) for row in self._rows(sql, [*month_params, *params])]

    def pending(
        self, scope: ConsultScope, statuses: Sequence[str], only: Sequence[str] | None = None
    ) -> list[PendingRow]:
        """Consults in scope with one of ``statuses`` and no start (the status index finds
        them); ``only``: of these consults (read in chunks SQLite accepts)."""
        if not statuses:
            return []
        if only is not None:
            ids = list(only)
            found: list[PendingRow] = []
            for at in range(0, len(ids), 500):
                chunk = ids[at : at + 500]
                found += self._pending(scope, statuses, chunk)
            return found
        return self._pending(scope, statuses, None)

    def _pending(
        self, scope: ConsultScope, statuses: Sequence[str], only: list[str] | None
    ) -> list[PendingRow]:
        where, params = scope.where()
        if only is not None:
            where += f" AND c.id IN ({', '.join('?' for _ in only)})"
            params = [*params, *only]
        marks = ", ".join("?" for _ in statuses)
        sql = f"""
        WITH {_SIGNED},
        picked AS (
          SELECT c.id AS id, c.patient_id AS patient_id, c.office_id AS office_id,
                 c.coordinator_id AS coordinator_id, c.doctor_id AS doctor_id,
                 c.flow_id AS flow_id, {SOURCE} AS source,
                 date(c.scheduled_at, 'localtime') AS day, c.planned_start AS planned_start,
                 coalesce(
                   (SELECT t.id FROM treatment_options t
                     WHERE t.id = c.chosen_option_id AND t.deleted_at IS NULL),
                   (SELECT t.id FROM treatment_options t
                     WHERE t.consult_id = c.id AND t.deleted_at IS NULL
                     ORDER BY t.recommended DESC, t.position, t.id LIMIT 1)) AS option_id
          FROM consults c LEFT JOIN signed s ON s.consult_id = c.id
          WHERE c.status IN ({marks}) AND c.started_on IS NULL AND s.consult_id IS NULL
            AND {where})
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
                     AND f.deleted_at IS NULL)),
               k.office_id, k.coordinator_id, k.doctor_id, k.flow_id, k.source
        FROM picked k LEFT JOIN treatment_options o ON o.id = k.option_id
        """
        rows = self._rows(sql, [*statuses, *params])
        return [PendingRow(*row[:7], SavedDiscounts.read(row[7]), *row[8:]) for row in rows]

    def insurance(self, patient_ids: Sequence[str]) -> list[InsurancePolicy]:
        """The insurance policies of these patients (read in chunks SQLite accepts).

        Built field by field, not through the generic codec: a year of pending
        families at a large practice has thousands of policies.
        """
        found: list[InsurancePolicy] = []
        ids = list(dict.fromkeys(patient_ids))
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self._rows(
                "SELECT id, patient_id, rank, carrier, coverage_pct, lifetime_max_cents, "
                "used_cents, age_limit, initial_pct, payout FROM insurance_policies "
                f"WHERE deleted_at IS NULL AND patient_id IN ({marks})",
                chunk,
            )
            found += [_policy(row) for row in rows]
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
        """The flows consults were presented with (for the flow filter).

        One index step per flow (``consults_flow``), not a pass over the consults.
        """
        found: list[str] = []
        last = ""
        while True:
            (flow,) = self._rows(
                "SELECT min(flow_id) FROM consults INDEXED BY consults_flow "
                "WHERE deleted_at IS NULL AND flow_id > ?",
                [last],
            )[0]
            if flow is None:
                return found
            found.append(flow)
            last = flow

    def lead_groups(
        self, start_utc: str, end_utc: str
    ) -> list[tuple[str, str, str, str, int, int]]:
        """Leads that came in during the period by (month, channel, office, assigned to):
        how many, and how many got a held consult."""
        marks = ", ".join("?" for _ in NOT_HELD)
        sql = f"""
        SELECT substr(date(l.contacted_at, 'localtime'), 1, 7), l.channel,
               coalesce(l.office_id, ''), coalesce(l.assigned_to, ''), COUNT(*),
               SUM(EXISTS (SELECT 1 FROM consults c
                            WHERE c.id = l.consult_id
                              AND c.deleted_at IS NULL AND c.status NOT IN ({marks}))
                   OR l.id IN (SELECT c.lead_id FROM consults c
                            WHERE c.lead_id IS NOT NULL
                              AND c.deleted_at IS NULL AND c.status NOT IN ({marks})))
        FROM leads l
        WHERE l.deleted_at IS NULL AND l.contacted_at >= ? AND l.contacted_at < ?
        GROUP BY 1, 2, 3, 4
        """
        return self._rows(sql, [*NOT_HELD, *NOT_HELD, start_utc, end_utc])


@dataclass(frozen=True)
class SavedDiscounts:
    """A plan's discounts as the store writes them (JSON in ``payment_plans.discounts``)."""

    discounts: tuple[Discount, ...] = ()

    @staticmethod
    def read(raw: str | None) -> tuple[Discount, ...]:
        return from_row(SavedDiscounts, {"discounts": raw}).discounts if raw else ()


def _policy(row: tuple) -> InsurancePolicy:
    try:
        return InsurancePolicy(
            id=row[0],
            patient_id=row[1],
            rank=InsuranceRank(row[2]),
            carrier=row[3],
            coverage_pct=Decimal(row[4]),
            lifetime_max_cents=int(row[5]),
            used_cents=int(row[6]),
            age_limit=None if row[7] is None else int(row[7]),
            initial_pct=Decimal(row[8]),
            payout=PayoutFrequency(row[9]),
        )
    except (ValueError, ArithmeticError, TypeError):
        raise UnreadableRecord("insurance policy", "terms") from None
