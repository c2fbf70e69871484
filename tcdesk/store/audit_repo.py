"""The audit trail: who did what to which record, and when. Append-only."""

from __future__ import annotations

from collections.abc import Callable

from tcdesk.store.records import Records


def _nobody() -> str | None:
    return None


class AuditRepository:
    def __init__(self, records: Records, signed_in: Callable[[], str | None] = _nobody) -> None:
        self._r = records
        self._signed_in = signed_in  # the person signed in acts, whoever a caller names

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
                "actor_id": self._signed_in() or actor_id,
                "action": action,
                "subject_id": subject_id,
                "detail": detail,
            }
        )

    def for_subject(self, subject_id: str) -> list[dict]:
        return list(
            self._r.db["audit_log"].rows_where("subject_id = ?", [subject_id], order_by="at, rowid")
        )

    def entries(
        self,
        *,
        since: str | None = None,
        before: str | None = None,
        actor_ids: list[str] | None = None,
        limit: int | None = None,
    ) -> list[dict]:
        """Entries oldest first, between two UTC ISO times, by some people (None: anyone)."""
        if actor_ids is not None and not actor_ids:
            return []
        where, params = ["1 = 1"], []
        if since is not None:
            where.append("at >= ?")
            params.append(since)
        if before is not None:
            where.append("at < ?")
            params.append(before)
        if actor_ids is not None:
            where.append(f"actor_id IN ({', '.join('?' for _ in actor_ids)})")
            params.extend(actor_ids)
        return list(
            self._r.db["audit_log"].rows_where(
                " AND ".join(where), params, order_by="at, rowid", limit=limit
            )
        )

    def subject_kinds(self, ids: set[str]) -> dict[str, str]:
        """What each id names (a patient, a consult, a person ...) for the audit's "about"."""
        kinds: dict[str, str] = {}
        wanted = sorted(ids)
        for table, kind in _SUBJECT_TABLES:
            left = [i for i in wanted if i not in kinds]
            for start in range(0, len(left), 500):
                chunk = left[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                for (found,) in self._r.db.execute(
                    f"SELECT id FROM [{table}] WHERE id IN ({marks})", chunk
                ):
                    kinds[found] = kind
        return kinds


_SUBJECT_TABLES = (
    ("patients", "patient"),
    ("consults", "consult"),
    ("agreements", "agreement"),
    ("staff", "staff"),
    ("fee_schedule", "fee"),
    ("offices", "office"),
    ("practices", "practice"),
    ("referring_doctors", "referrer"),
)
