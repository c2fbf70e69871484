"""Voiding a version, with the reason; its signed copy or original goes with it."""

from __future__ import annotations

from tcdesk.domain.agreement import (
    AgreementEvent,
    AgreementEventKind,
    AgreementStatus,
)
from tcdesk.services.agreements.journal import _audit, _event
from tcdesk.services.agreements.records import AgreementError, _repo, record
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk


def void(desk: Desk, agreement_id: str, reason: str, actor_id: str | None) -> AgreementEvent:
    """Mark a version void with the reason (its signed copy or original goes with it)."""
    reason = (reason or "").strip()
    if not reason:
        raise AgreementError("Say why the agreement is void; the reason is kept with it.")
    with desk.transaction():
        found = record(desk, agreement_id)
        if found.status is AgreementStatus.VOID:
            raise AgreementError(f"Version {found.agreement.version} is already void.")
        at = utc_iso(desk.clock())
        repo = _repo(desk)
        twins = [i for i in (found.signs, found.signed_copy) if i]
        event = _event(agreement_id, AgreementEventKind.VOIDED, at, actor_id, reason, None)
        repo.add_event(event)
        for twin in twins:
            if record(desk, twin).status is not AgreementStatus.VOID:
                repo.add_event(_event(twin, AgreementEventKind.VOIDED, at, actor_id, reason, None))
        _audit(repo, at, actor_id, "voided", agreement_id, f"{found.agreement.title}: {reason}")
    return event
