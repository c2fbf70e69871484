"""Reading the versions back: each with its status, events and links, derived from the events."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tcdesk.domain.agreement import (
    Agreement,
    AgreementEvent,
    AgreementEventKind,
    AgreementRecord,
    AgreementStatus,
    SigningMethod,
)
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.store.agreement_repo import AgreementRepository


class AgreementError(UserError):
    """An agreement action that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class StoredSignature:
    signer: str
    role: str
    signed_at: str
    png: bytes


def _repo(desk: Desk) -> AgreementRepository:
    return AgreementRepository(desk.records)


def get(desk: Desk, agreement_id: str) -> Agreement:
    agreement = _repo(desk).get(agreement_id)
    if agreement is None:
        raise AgreementError("That agreement is not in this practice file.")
    return agreement


def _payload(event: AgreementEvent) -> dict[str, Any]:
    if not event.payload:
        return {}
    try:
        decoded = json.loads(event.payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return decoded if isinstance(decoded, dict) else {}


def _records(
    versions: Sequence[Agreement], events: Iterable[AgreementEvent]
) -> list[AgreementRecord]:
    by_agreement: dict[str, list[AgreementEvent]] = {a.id: [] for a in versions}
    for event in events:
        by_agreement.setdefault(event.agreement_id, []).append(event)
    signs: dict[str, str] = {}  # signed copy id -> id of the version it signs
    for agreement_id, own in by_agreement.items():
        for event in own:
            if event.kind is AgreementEventKind.SIGNED:
                original = _payload(event).get("signs")
                if isinstance(original, str):
                    signs[agreement_id] = original
    signed_copy = {original: copy for copy, original in signs.items()}
    records = []
    for agreement in versions:
        own = by_agreement.get(agreement.id, [])
        kinds = {event.kind for event in own}
        signed_events = [e for e in own if e.kind is AgreementEventKind.SIGNED]
        on_paper = any(
            _payload(event).get("method") == SigningMethod.ON_PAPER.value for event in signed_events
        )
        awaiting = _awaiting(signed_events)
        if AgreementEventKind.VOIDED in kinds:
            status = AgreementStatus.VOID
        elif awaiting and not on_paper and agreement.id not in signed_copy:
            status = AgreementStatus.PARTLY_SIGNED
        elif signed_events or agreement.id in signed_copy:
            status = AgreementStatus.SIGNED
        else:
            status = AgreementStatus.GENERATED
        records.append(
            AgreementRecord(
                agreement=agreement,
                status=status,
                events=tuple(own),
                signs=signs.get(agreement.id),
                signed_copy=signed_copy.get(agreement.id),
                signed_on_paper=on_paper,
                not_yet_signed=awaiting,
            )
        )
    return records


def _awaiting(signed_events: Sequence[AgreementEvent]) -> tuple[str, ...]:
    """Who had not signed yet when this version was signed on screen (none: everyone)."""
    for event in signed_events:
        names = _payload(event).get("not_yet_signed", [])
        if isinstance(names, list) and names:
            return tuple(str(name) for name in names)
    return ()


def _family(desk: Desk, number: str) -> list[AgreementRecord]:
    repo = _repo(desk)
    return _records(repo.versions(number), repo.events_for_number(number))


def record(desk: Desk, agreement_id: str) -> AgreementRecord:
    """One version with its status, events and links."""
    agreement = get(desk, agreement_id)
    for found in _family(desk, agreement.number):
        if found.id == agreement_id:
            return found
    raise AssertionError("an agreement is always part of its own family")


def status(desk: Desk, agreement: Agreement | str) -> AgreementStatus:
    """Derived from the events: voided wins, then signed, else generated."""
    agreement_id = agreement if isinstance(agreement, str) else agreement.id
    return record(desk, agreement_id).status


def history(desk: Desk, consult_id: str) -> list[AgreementRecord]:
    """Every version made for the consult, oldest first."""
    repo = _repo(desk)
    versions = repo.for_consult(consult_id)
    numbers = sorted({a.number for a in versions})
    events = [event for number in numbers for event in repo.events_for_number(number)]
    found = _records(versions, events)
    return sorted(found, key=lambda r: (r.agreement.created_at, r.agreement.version))


def latest(desk: Desk, consult_id: str) -> AgreementRecord | None:
    """The newest version for the consult, whatever its status."""
    found = history(desk, consult_id)
    return found[-1] if found else None


def verify(agreement: Agreement) -> bool:
    """Recompute the SHA-256 of the stored bytes and compare it with the stored one."""
    return agreement.verify()


def signatures(event: AgreementEvent) -> list[StoredSignature]:
    """The signature images kept with a ``signed`` event (none when signed on paper)."""
    found = []
    for item in _payload(event).get("signatures", []):
        found.append(
            StoredSignature(
                signer=str(item.get("signer", "")),
                role=str(item.get("role", "")),
                signed_at=str(item.get("signed_at", "")),
                png=base64.b64decode(item.get("png", "")),
            )
        )
    return found


def generated_detail(record_: AgreementRecord) -> str:
    """The sentence recorded when the version was made (says why it is a new version)."""
    for event in record_.events:
        if event.kind in (AgreementEventKind.GENERATED, AgreementEventKind.SIGNED):
            return event.detail
    return ""


def _generation_inputs(found: AgreementRecord) -> dict[str, Any]:
    """What the version was made from; a signed copy carries its original's."""
    for kind in (AgreementEventKind.GENERATED, AgreementEventKind.SIGNED):
        for event in found.events:
            if event.kind is kind and _payload(event).get("data_sha256"):
                return _payload(event)
    return {}
