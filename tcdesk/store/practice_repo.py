"""The practice and its set-up: offices, staff, fees and financial policy."""

from __future__ import annotations

from tcdesk.domain import FeeScheduleItem, FinancialPolicy, Office, Practice, Staff
from tcdesk.store.codec import from_row
from tcdesk.store.records import Records


class PracticeRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def current(self) -> Practice | None:
        """The practice this file belongs to (one file, one practice)."""
        found = self._r.where("practices", Practice, order_by="rowid")
        return found[0] if found else None

    def save(self, practice: Practice) -> None:
        self._r.upsert("practices", practice)

    def offices(self, practice_id: str, *, include_removed: bool = False) -> list[Office]:
        """The practice's offices; ``include_removed`` for history (old consults' offices)."""
        if include_removed:
            rows = self._r.db["offices"].rows_where(
                "practice_id = ?", [practice_id], order_by="kind, name"
            )
            return [from_row(Office, row) for row in rows]
        return self._r.where("offices", Office, "practice_id = ?", [practice_id], "kind, name")

    def save_office(self, office: Office) -> None:
        self._r.upsert("offices", office)

    def staff(self, practice_id: str) -> list[Staff]:
        return self._r.where("staff", Staff, "practice_id = ?", [practice_id], "role, name")

    def staff_member(self, staff_id: str) -> Staff | None:
        return self._r.get("staff", Staff, staff_id)

    def save_staff(self, member: Staff) -> None:
        self._r.upsert("staff", member)

    def fee_schedule(self, practice_id: str) -> list[FeeScheduleItem]:
        return self._r.where("fee_schedule", FeeScheduleItem, "practice_id = ?", [practice_id])

    def save_fee(self, item: FeeScheduleItem) -> None:
        self._r.upsert("fee_schedule", item)

    def policy(self, practice_id: str) -> FinancialPolicy:
        found = self._r.get("financial_policies", FinancialPolicy, practice_id, pk="practice_id")
        return found or FinancialPolicy(practice_id=practice_id)

    def save_policy(self, policy: FinancialPolicy) -> None:
        self._r.upsert("financial_policies", policy, pk="practice_id")
