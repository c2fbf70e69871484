"""The audit trail: who did what to which record, and when. Append-only."""

from __future__ import annotations

from tcdesk.store.records import Records


class AuditRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def record(
        self,
        *,
        id: str,
        at: str,
        action: str,
        subject_id: str,
        actor_id: str | None,
        detail: str = "",
    ) -> None:
        self._r.db["audit_log"].insert(
            {
                "id": id,
                "at": at,
                "actor_id": actor_id,
                "action": action,
                "subject_id": subject_id,
                "detail": detail,
            }
        )

    def for_subject(self, subject_id: str) -> list[dict]:
        return list(
            self._r.db["audit_log"].rows_where("subject_id = ?", [subject_id], order_by="at, rowid")
        )
