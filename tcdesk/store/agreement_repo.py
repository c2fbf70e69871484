"""Agreements, their events and the audit trail: insert and read, never change.

The tables refuse UPDATE and DELETE through triggers (migration m003), so
this repository offers no way to try.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tcdesk.domain.agreement import Agreement, AgreementEvent
from tcdesk.store.records import Records


@dataclass(frozen=True)
class AuditEntry:
    id: str
    at: str
    actor_id: str | None
    action: str
    subject_id: str
    detail: str = ""


def _agreement_row(agreement: Agreement) -> dict[str, Any]:
    # Written out because the generic codec does not store bytes.
    return {
        "id": agreement.id,
        "consult_id": agreement.consult_id,
        "number": agreement.number,
        "version": agreement.version,
        "plan_id": agreement.plan_id,
        "pdf": bytes(agreement.pdf),
        "sha256": agreement.sha256,
        "created_at": agreement.created_at,
        "created_by": agreement.created_by,
    }


def _event_row(event: AgreementEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "agreement_id": event.agreement_id,
        "kind": event.kind.value,
        "at": event.at,
        "actor_id": event.actor_id,
        "detail": event.detail,
        "payload": None if event.payload is None else bytes(event.payload),
    }


class AgreementRepository:
    def __init__(self, records: Records) -> None:
        self._r = records

    def add(self, agreement: Agreement) -> None:
        self._r.db["agreements"].insert(_agreement_row(agreement))

    def get(self, agreement_id: str) -> Agreement | None:
        return self._r.get("agreements", Agreement, agreement_id)

    def for_consult(self, consult_id: str) -> list[Agreement]:
        """Every version for the consult, oldest first."""
        return self._r.where(
            "agreements", Agreement, "consult_id = ?", [consult_id], "created_at, number, version"
        )

    def versions(self, number: str) -> list[Agreement]:
        return self._r.where("agreements", Agreement, "number = ?", [number], "version")

    def latest_version(self, number: str) -> int:
        row = next(
            self._r.db.query(
                "SELECT coalesce(max(version), 0) AS v FROM agreements WHERE number = ?", [number]
            )
        )
        return int(row["v"])

    def add_event(self, event: AgreementEvent) -> None:
        self._r.db["agreement_events"].insert(_event_row(event))

    def events(self, agreement_id: str) -> list[AgreementEvent]:
        return self._r.where(
            "agreement_events", AgreementEvent, "agreement_id = ?", [agreement_id], "at, rowid"
        )

    def events_for_number(self, number: str) -> list[AgreementEvent]:
        """Events of every version of one agreement number, in the order they happened."""
        return self._r.where(
            "agreement_events",
            AgreementEvent,
            "agreement_id IN (SELECT id FROM agreements WHERE number = ?)",
            [number],
            "at, rowid",
        )

    def add_audit(self, entry: AuditEntry) -> None:
        self._r.insert("audit_log", entry)

    def audit_for(self, subject_id: str) -> list[AuditEntry]:
        return self._r.where("audit_log", AuditEntry, "subject_id = ?", [subject_id], "at, rowid")
