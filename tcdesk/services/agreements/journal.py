"""The events and audit lines every action writes (append-only: nothing is edited)."""

from __future__ import annotations

import json
from typing import Any

from tcdesk.domain.agreement import (
    AgreementEvent,
    AgreementEventKind,
)
from tcdesk.services.ids import new_id
from tcdesk.store.agreement_repo import AgreementRepository, AuditEntry

PAYLOAD_FORMAT = "tcdesk-agreement-event/1"


def _event(
    agreement_id: str,
    kind: AgreementEventKind,
    at: str,
    actor_id: str | None,
    detail: str,
    payload: dict[str, Any] | None,
) -> AgreementEvent:
    blob = None
    if payload is not None:
        blob = json.dumps({"format": PAYLOAD_FORMAT, **payload}, sort_keys=True).encode("utf-8")
    return AgreementEvent(
        id=new_id(),
        agreement_id=agreement_id,
        kind=kind,
        at=at,
        actor_id=actor_id,
        detail=detail,
        payload=blob,
    )


def _audit(
    repo: AgreementRepository, at: str, actor_id: str | None, action: str, subject: str, detail: str
) -> None:
    repo.add_audit(AuditEntry(new_id(), at, actor_id, f"agreement.{action}", subject, detail))
