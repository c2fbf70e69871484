"""Leads: families who contacted the practice and have no consult yet."""

from __future__ import annotations

from collections.abc import Sequence

from tcdesk.domain.pipeline import Lead
from tcdesk.store.records import Records


class LeadRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def get(self, lead_id: str) -> Lead | None:
        return self._r.get("leads", Lead, lead_id)

    def save(self, lead: Lead) -> None:
        self._r.upsert("leads", lead)

    def find(
        self,
        practice_id: str,
        *,
        statuses: Sequence[str] = (),
        assigned_to: str | None = None,
        limit: int | None = None,
    ) -> list[Lead]:
        """Leads newest first; ``statuses`` and ``assigned_to`` narrow it (indexes
        leads_status and leads_assigned)."""
        where = ["practice_id = ?"]
        params: list[object] = [practice_id]
        if statuses:
            where.append(f"status IN ({', '.join('?' for _ in statuses)})")
            params.extend(statuses)
        if assigned_to is not None:
            where.append("assigned_to = ?")
            params.append(assigned_to)
        leads = self._r.where("leads", Lead, " AND ".join(where), params, "contacted_at DESC, id")
        return leads[:limit] if limit is not None else leads

    def for_consult(self, consult_id: str) -> Lead | None:
        found = self._r.where("leads", Lead, "consult_id = ?", [consult_id])
        return found[0] if found else None
