"""The financial agreement's life: generate, print, sign, void, and prove it was not changed.

Every version keeps the exact PDF bytes the family saw with their SHA-256.
Nothing is edited afterwards: a change to the terms is a new version, a
signature on screen is a new version carrying the signatures (linked to the
version signed), and printing, signing on paper and voiding are events.
Every action is also written to the audit log with who and when.

Building a PDF is the slow part, so each action that builds one comes in
three steps the UI can split across threads: ``prepare_*`` reads the file
(GUI thread), ``build_pdf`` is pure (any thread), ``store_*`` writes (GUI
thread). ``generate`` and ``sign`` do all three in one call.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from tcdesk.documents.agreement_model import SignatureMark
from tcdesk.documents.agreement_pdf import build_agreement_pdf
from tcdesk.documents.files import write_pdf_atomically
from tcdesk.domain.agreement import (
    Agreement,
    AgreementEvent,
    AgreementEventKind,
    AgreementRecord,
    AgreementStatus,
    Signer,
    SignerRole,
    SigningMethod,
    sha256_hex,
)
from tcdesk.errors import UserError
from tcdesk.paths import data_dir
from tcdesk.services.agreement_data import agreement_data
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.store.agreement_repo import AgreementRepository, AuditEntry
from tcdesk.store.records import Records

PAYLOAD_FORMAT = "tcdesk-agreement-event/1"


class AgreementError(UserError):
    """An agreement action that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class PendingAgreement:
    """Everything needed to build and then store one version."""

    consult_id: str
    number: str
    version: int
    plan_id: str
    issued_on: date
    data: Any  # tcdesk.services.agreement_data.AgreementData
    data_sha256: str  # fingerprint of the unsigned data, to detect later changes
    notice: str  # the sentence recorded with the version, e.g. why it is a new version
    signs: Agreement | None = None  # set when this is the signed copy of a version
    marks: tuple[SignatureMark, ...] = ()
    not_yet_signed: tuple[str, ...] = ()  # responsible parties who sign later


@dataclass(frozen=True)
class StoredSignature:
    signer: str
    role: str
    signed_at: str
    png: bytes


# ---------------------------------------------------------------- reading


def _repo(desk: Desk) -> AgreementRepository:
    return AgreementRepository(Records(desk.db))


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
            _payload(event).get("method") == SigningMethod.ON_PAPER.value
            for event in signed_events
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


# ---------------------------------------------------------------- who signs


def signers(desk: Desk, consult_id: str) -> list[Signer]:
    """Who signs, exactly as the agreement prints them: each responsible party, then
    the coordinator for the practice."""
    if desk.consults.get(consult_id) is None:
        raise AgreementError("That consult is not in this practice file.")
    data = agreement_data(desk, consult_id)
    found = [
        Signer(party.name, SignerRole.RESPONSIBLE, party.relationship) for party in data.responsible
    ]
    found.append(Signer(data.coordinator_name, SignerRole.PRACTICE, data.coordinator_title))
    return found


# ---------------------------------------------------------------- fingerprints


def _canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _canonical(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "signatures"
        }
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_canonical(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    if isinstance(value, bytes | bytearray):
        return {"sha256": hashlib.sha256(value).hexdigest()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | date | datetime | Path):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)


def data_fingerprint(data: Any) -> str:
    """A SHA-256 of what the agreement says (signatures left out), to notice changes."""
    text = json.dumps(_canonical(data), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- generating


def prepare_generation(desk: Desk, consult_id: str) -> PendingAgreement:
    """Read what the next version will say (fast: GUI thread is fine)."""
    consult = desk.consults.get(consult_id)
    if consult is None:
        raise AgreementError("That consult is not in this practice file.")
    plan = desk.consults.latest_plan(consult_id)
    if plan is None:
        raise AgreementError(
            "There is no payment plan for this consult yet. Choose how the family will pay, "
            "then make the agreement."
        )
    previous = history(desk, consult_id)
    # Every version of a consult's agreement keeps one number (agreement_data's default
    # for a first version); the issue date is agreement_data's default, the plan's date.
    number = previous[-1].agreement.number if previous else None
    data = agreement_data(desk, consult_id, number=number)
    version = _repo(desk).latest_version(data.number) + 1
    if version != data.version:
        data = dataclasses.replace(data, version=version)
    return PendingAgreement(
        consult_id=consult_id,
        number=data.number,
        version=version,
        plan_id=plan.id,
        issued_on=data.issued_on,
        data=data,
        data_sha256=data_fingerprint(data),
        notice=_generation_notice(previous, version),
    )


def _generation_notice(previous: list[AgreementRecord], version: int) -> str:
    # The versions that carry signatures (a signed copy, or one signed on paper).
    signed = sorted(
        r.agreement.version
        for r in previous
        if r.status in (AgreementStatus.SIGNED, AgreementStatus.PARTLY_SIGNED)
        and r.signed_copy is None
    )
    if signed:
        many = len(signed) > 1
        listed = ", ".join(str(v) for v in signed)
        return (
            f"New version {version}. Signed version{'s' if many else ''} {listed} "
            f"{'stay' if many else 'stays'} exactly as signed; this version needs new signatures."
        )
    if previous:
        return f"New version {version}; earlier versions are kept unchanged."
    return "Version 1 made."


def build_pdf(pending: PendingAgreement) -> bytes:
    """The slow, pure part: safe to run off the GUI thread (it touches no database)."""
    return build_agreement_pdf(pending.data)


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


def _store_version(
    desk: Desk, pending: PendingAgreement, pdf: bytes, actor_id: str | None
) -> tuple[Agreement, str]:
    if not pdf.startswith(b"%PDF-"):
        raise AgreementError("The agreement PDF could not be made (the result is not a PDF).")
    repo = _repo(desk)
    if repo.latest_version(pending.number) >= pending.version:
        raise AgreementError(
            f"Another version of agreement {pending.number} was saved meanwhile. "
            "Nothing was changed; open the agreement again to see the newest version."
        )
    at = utc_iso(desk.clock())
    agreement = Agreement(
        id=new_id(),
        consult_id=pending.consult_id,
        number=pending.number,
        version=pending.version,
        plan_id=pending.plan_id,
        pdf=bytes(pdf),
        sha256=sha256_hex(pdf),
        created_at=at,
        created_by=actor_id,
    )
    repo.add(agreement)
    return agreement, at


def store_generated(
    desk: Desk, pending: PendingAgreement, pdf: bytes, actor_id: str | None = None
) -> Agreement:
    """Keep the exact bytes as a new version and record who made it and why."""
    with desk.transaction():
        agreement, at = _store_version(desk, pending, pdf, actor_id)
        repo = _repo(desk)
        repo.add_event(
            _event(
                agreement.id,
                AgreementEventKind.GENERATED,
                at,
                actor_id,
                pending.notice,
                {"issued_on": pending.issued_on.isoformat(), "data_sha256": pending.data_sha256},
            )
        )
        _audit(
            repo,
            at,
            actor_id,
            "generated",
            agreement.id,
            f"{agreement.title}; sha256 {agreement.sha256}. {pending.notice}",
        )
    return agreement


def generate(desk: Desk, consult_id: str, actor_id: str | None = None) -> Agreement:
    """Make and keep a new version for the consult (never changes an earlier one).

    After a version was signed this still makes a new version (which needs new
    signatures); the recorded notice says so (see ``generated_detail``).
    """
    pending = prepare_generation(desk, consult_id)
    return store_generated(desk, pending, build_pdf(pending), actor_id)


# ---------------------------------------------------------------- signing


def _check_signable(desk: Desk, agreement_id: str) -> AgreementRecord:
    """The version can take signatures: not void, not out of date, not fully signed.

    A partly signed version can: the missing parties sign it later, which
    makes another version with every signature.
    """
    found = record(desk, agreement_id)
    version = found.agreement.version
    if found.status is AgreementStatus.VOID:
        raise AgreementError(f"Version {version} is void and cannot be signed.")
    if found.signed_copy:
        copy = record(desk, found.signed_copy)
        if copy.status is AgreementStatus.PARTLY_SIGNED:
            raise AgreementError(
                f"Version {version} was signed in part as version {copy.agreement.version}; "
                f"{_names(copy.not_yet_signed)} can sign version {copy.agreement.version}."
            )
        raise AgreementError(
            f"Version {version} is already signed; the signed copy is version "
            f"{copy.agreement.version}."
        )
    if found.status is AgreementStatus.SIGNED:
        raise AgreementError(f"Version {version} is already signed.")
    newer = [
        r
        for r in _family(desk, found.agreement.number)
        if r.agreement.version > version and r.status is not AgreementStatus.VOID
    ]
    if newer:
        raise AgreementError(
            f"Version {version} is out of date: version {newer[-1].agreement.version} is newer. "
            "Sign the newest version."
        )
    return found


def _names(names: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _generation_inputs(found: AgreementRecord) -> dict[str, Any]:
    """What the version was made from; a signed copy carries its original's."""
    for kind in (AgreementEventKind.GENERATED, AgreementEventKind.SIGNED):
        for event in found.events:
            if event.kind is kind and _payload(event).get("data_sha256"):
                return _payload(event)
    return {}


def _check_marks(marks: Sequence[SignatureMark]) -> tuple[SignatureMark, ...]:
    roles = {str(getattr(mark.role, "value", mark.role)) for mark in marks}
    if SignerRole.RESPONSIBLE.value not in roles:
        raise AgreementError("A responsible party must sign before the agreement can be saved.")
    if SignerRole.PRACTICE.value not in roles:
        raise AgreementError("The practice must sign too before the agreement can be saved.")
    unknown = roles - {role.value for role in SignerRole}
    if unknown:
        raise AgreementError(f"Unknown signer role: {', '.join(sorted(unknown))}.")
    for mark in marks:
        if not mark.png.startswith(b"\x89PNG"):
            raise AgreementError(f"The signature of {mark.signer} is empty or not an image.")
    return tuple(marks)


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


def _check_names(
    marks: Sequence[SignatureMark], parties: Sequence[str], absent: Sequence[str]
) -> tuple[str, ...]:
    """Each responsible party signs once, or is recorded as not here yet; returns those.

    Nobody signs for a party who is not on the agreement, and a party missing
    without being named in ``absent`` is refused (a pad left blank by mistake).
    """
    responsible = [m for m in marks if m.role == SignerRole.RESPONSIBLE.value]
    on_paper = {_folded(name) for name in parties}
    strangers = sorted(m.signer for m in responsible if _folded(m.signer) not in on_paper)
    if strangers:
        raise AgreementError(
            f"{', '.join(strangers)} is not a responsible party on this agreement."
        )
    signed = [_folded(m.signer) for m in responsible]
    twice = sorted({m.signer for m in responsible if signed.count(_folded(m.signer)) > 1})
    if twice:
        raise AgreementError(f"{', '.join(twice)} has already signed this agreement.")
    missing = [name for name in parties if _folded(name) not in signed]
    excused = {_folded(name) for name in absent}
    unexplained = [name for name in missing if _folded(name) not in excused]
    if unexplained:
        raise AgreementError(
            f"Every responsible party signs: still missing {', '.join(unexplained)}. "
            "If they are not here, mark them as signing later."
        )
    return tuple(missing)


def _earlier_marks(found: AgreementRecord) -> tuple[SignatureMark, ...]:
    """The signatures a partly signed version already carries."""
    marks: list[SignatureMark] = []
    for event in found.events:
        if event.kind is AgreementEventKind.SIGNED:
            marks.extend(
                SignatureMark(
                    signer=kept.signer,
                    role=kept.role,
                    png=kept.png,
                    signed_at=datetime.fromisoformat(kept.signed_at),
                )
                for kept in signatures(event)
            )
    return tuple(marks)


def _as_made(desk: Desk, found: AgreementRecord) -> Any:
    """The agreement data of ``found`` as it was made, checked against what was recorded.

    For a partly signed copy that is its original's data. Refused when the
    consult changed since (the family would sign something other than they read).
    """
    original = found.agreement
    base = record(desk, found.signs) if found.signs else found  # the unsigned version
    inputs = _generation_inputs(found)
    issued_raw = inputs.get("issued_on")
    plan = desk.consults.latest_plan(original.consult_id)
    changed = AgreementError(
        f"The consult's details changed after version {base.agreement.version} was made "
        "(for example the payment plan), so signing it on screen would not match what the "
        "family read. Make a new version and sign that one."
    )
    if plan is None or plan.id != original.plan_id:
        raise changed
    as_made = agreement_data(
        desk,
        original.consult_id,
        number=original.number,
        version=base.agreement.version,
        issued_on=date.fromisoformat(issued_raw) if issued_raw else None,
    )
    expected = inputs.get("data_sha256")
    if expected and expected != data_fingerprint(as_made):
        raise changed
    return as_made


def prepare_signing(
    desk: Desk,
    agreement_id: str,
    marks: Sequence[SignatureMark],
    *,
    absent: Sequence[str] = (),
) -> PendingAgreement:
    """Check the version can be signed and gather the signed copy's content.

    ``absent`` names responsible parties who are not here: the copy carries the
    signatures given and lists them as not yet signed; when they sign that
    copy later, another version carries every signature.
    """
    found = _check_signable(desk, agreement_id)
    if not marks:
        raise AgreementError("Nobody has signed yet: sign in a box, then save.")
    completing = found.status is AgreementStatus.PARTLY_SIGNED
    earlier = _earlier_marks(found) if completing else ()
    checked = _check_marks([*earlier, *marks])
    original = found.agreement
    as_made = _as_made(desk, found)
    missing = _check_names(checked, [party.name for party in as_made.responsible], absent)
    version = _repo(desk).latest_version(original.number) + 1
    data = agreement_data(
        desk,
        original.consult_id,
        number=original.number,
        version=version,
        signatures=checked,
        issued_on=as_made.issued_on,
    )
    names = ", ".join(f"{m.signer} ({getattr(m.role, 'value', m.role)})" for m in marks)
    later = f"not yet signed by {_names(missing)}" if missing else ""
    if completing:
        notice = f"Signed on screen by {names}, completing version {original.version}; " + (
            later or "every party has now signed"
        )
    else:
        notice = f"Signed on screen by {names}; " + (
            f"{later}, who can sign later; " if later else ""
        ) + f"signed copy of version {original.version}"
    return PendingAgreement(
        consult_id=original.consult_id,
        number=original.number,
        version=version,
        plan_id=original.plan_id,
        issued_on=as_made.issued_on,
        data=data,
        data_sha256=data_fingerprint(as_made),
        notice=notice + ".",
        signs=original,
        marks=checked,
        not_yet_signed=missing,
    )


@dataclass(frozen=True)
class SigningSheet:
    """What the signing screen shows above the pads, and who signs there now.

    The figures are those of the version being signed (as it was made), so
    the family sees what they sign: the number, the totals and the Truth in
    Lending box.
    """

    title: str  # "Agreement BSO-2026-3BF255, version 1"
    patient_name: str
    option_title: str
    total_fee: Decimal
    patient_portion: Decimal
    down_payment: Decimal
    months: int
    monthly_payment: Decimal
    disclosed: bool  # the Truth in Lending box applies
    apr: Decimal
    finance_charge: Decimal
    amount_financed: Decimal
    total_of_payments: Decimal
    to_sign: tuple[Signer, ...]
    already_signed: tuple[str, ...] = ()


def signing_sheet(desk: Desk, agreement_id: str) -> SigningSheet:
    """One call for the signing screen: what is signed and who still signs it."""
    found = _check_signable(desk, agreement_id)
    data = _as_made(desk, found)
    everyone = [
        Signer(party.name, SignerRole.RESPONSIBLE, party.relationship) for party in data.responsible
    ]
    everyone.append(Signer(data.coordinator_name, SignerRole.PRACTICE, data.coordinator_title))
    already: tuple[str, ...] = ()
    to_sign = tuple(everyone)
    if found.status is AgreementStatus.PARTLY_SIGNED:
        waiting = {_folded(name) for name in found.not_yet_signed}
        to_sign = tuple(s for s in everyone if _folded(s.name) in waiting)
        already = tuple(mark.signer for mark in _earlier_marks(found))
    quote = data.quote
    til = quote.truth_in_lending
    return SigningSheet(
        title=found.agreement.title,
        patient_name=data.patient_preferred_name or data.patient_legal_name,
        option_title=data.option_title,
        total_fee=quote.total_fee,
        patient_portion=quote.patient_portion,
        down_payment=quote.down_payment,
        months=quote.months,
        monthly_payment=quote.monthly_payment,
        disclosed=til.required,
        apr=til.apr,
        finance_charge=til.finance_charge,
        amount_financed=til.amount_financed,
        total_of_payments=til.total_of_payments,
        to_sign=to_sign,
        already_signed=already,
    )


def store_signed(
    desk: Desk, pending: PendingAgreement, pdf: bytes, actor_id: str | None
) -> Agreement:
    """Keep the signed copy as a new version linked to the one signed, with the signatures."""
    if pending.signs is None:
        raise ValueError("store_signed needs a pending signed copy (from prepare_signing)")
    with desk.transaction():
        _check_signable(desk, pending.signs.id)  # nothing happened to it meanwhile
        agreement, at = _store_version(desk, pending, pdf, actor_id)
        repo = _repo(desk)
        payload = {
            "method": SigningMethod.ON_SCREEN.value,
            "signs": pending.signs.id,
            "issued_on": pending.issued_on.isoformat(),
            "data_sha256": pending.data_sha256,
            "not_yet_signed": list(pending.not_yet_signed),
            "signatures": [
                {
                    "signer": mark.signer,
                    "role": str(getattr(mark.role, "value", mark.role)),
                    "signed_at": utc_iso(mark.signed_at),
                    "png": base64.b64encode(mark.png).decode("ascii"),
                }
                for mark in pending.marks
            ],
        }
        repo.add_event(
            _event(agreement.id, AgreementEventKind.SIGNED, at, actor_id, pending.notice, payload)
        )
        _audit(
            repo,
            at,
            actor_id,
            "signed",
            agreement.id,
            f"{agreement.title}; sha256 {agreement.sha256}. {pending.notice}",
        )
    return agreement


def sign(
    desk: Desk,
    agreement_id: str,
    marks: Sequence[SignatureMark],
    actor_id: str | None,
    *,
    absent: Sequence[str] = (),
) -> Agreement:
    """Sign on screen: the signed PDF is stored as a new version linked to the one signed."""
    pending = prepare_signing(desk, agreement_id, marks, absent=absent)
    return store_signed(desk, pending, build_pdf(pending), actor_id)


def mark_signed_on_paper(
    desk: Desk, agreement_id: str, actor_id: str | None, detail: str = ""
) -> AgreementEvent:
    """Both sides signed the printed copy of this exact version."""
    with desk.transaction():
        found = _check_signable(desk, agreement_id)
        at = utc_iso(desk.clock())
        text = detail.strip() or "Signed on paper."
        event = _event(
            agreement_id,
            AgreementEventKind.SIGNED,
            at,
            actor_id,
            text,
            {"method": SigningMethod.ON_PAPER.value},
        )
        repo = _repo(desk)
        repo.add_event(event)
        _audit(
            repo, at, actor_id, "signed_on_paper", agreement_id, f"{found.agreement.title}. {text}"
        )
    return event


# ---------------------------------------------------------------- voiding and printing


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


def check_printable(desk: Desk, agreement_id: str) -> Agreement:
    """The version, if it may be printed (a void one may not)."""
    found = record(desk, agreement_id)
    if found.status is AgreementStatus.VOID:
        raise AgreementError(f"Version {found.agreement.version} is void and cannot be printed.")
    if not found.agreement.verify():
        raise AgreementError(
            f"The stored PDF of version {found.agreement.version} does not match its "
            "fingerprint (SHA-256); it may be damaged, so it was not printed."
        )
    return found.agreement


def record_printed(
    desk: Desk,
    agreement_id: str,
    actor_id: str | None,
    *,
    printer: str,
    job_id: str = "",
    detail: str = "",
) -> AgreementEvent:
    """Note that this exact version went to a printer (or to a PDF printer)."""
    with desk.transaction():
        agreement = check_printable(desk, agreement_id)
        at = utc_iso(desk.clock())
        text = detail or (f"Sent to {printer} (job {job_id})." if job_id else f"Sent to {printer}.")
        payload = {"printer": printer, "job_id": job_id}
        event = _event(agreement_id, AgreementEventKind.PRINTED, at, actor_id, text, payload)
        repo = _repo(desk)
        repo.add_event(event)
        _audit(repo, at, actor_id, "printed", agreement_id, f"{agreement.title}. {text}")
    return event


# ---------------------------------------------------------------- files


def _checked(agreement: Agreement) -> Agreement:
    if not agreement.verify():
        raise AgreementError(
            f"The stored PDF of {agreement.title.lower()} does not match its fingerprint "
            "(SHA-256); it may be damaged, so it was not written out."
        )
    return agreement


def file_name(agreement: Agreement) -> str:
    safe = re.sub(r"[^0-9A-Za-z._-]+", "-", agreement.number).strip("-") or "agreement"
    return f"{safe}-v{agreement.version}.pdf"


def export(desk: Desk, agreement_id: str, path: Path | str, actor_id: str | None = None) -> Path:
    """Write the stored bytes, unchanged, to ``path`` (atomically: never a half file)."""
    agreement = _checked(get(desk, agreement_id))
    try:
        written = write_pdf_atomically(agreement.pdf, Path(path))
    except OSError as error:
        raise AgreementError(
            f"Could not save the PDF to {path}: {error.strerror or error}."
        ) from None
    at = utc_iso(desk.clock())
    with desk.transaction():
        _audit(
            _repo(desk), at, actor_id, "exported", agreement_id, f"{agreement.title} -> {written}"
        )
    return Path(written)


def default_folder() -> Path:
    return data_dir() / "agreements"


def saved_copy(desk: Desk, agreement_id: str, folder: Path | None = None) -> Path:
    """A file holding the stored bytes (for printing), kept in the practice's data folder."""
    agreement = _checked(get(desk, agreement_id))
    folder = folder or default_folder()
    path = folder / file_name(agreement)
    try:
        if path.is_file() and sha256_hex(path.read_bytes()) == agreement.sha256:
            return path
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        written = Path(write_pdf_atomically(agreement.pdf, path))
        os.chmod(written, 0o600)
    except OSError as error:
        raise AgreementError(
            f"Could not save the PDF in {folder}: {error.strerror or error}."
        ) from None
    return written


# ---------------------------------------------------------------- current version


def is_current(desk: Desk, found: AgreementRecord) -> bool:
    """Whether ``found`` still says exactly what the consult says now (same plan, same data)."""
    original = found.agreement
    if found.status is not AgreementStatus.GENERATED:
        return False
    plan = desk.consults.latest_plan(original.consult_id)
    if plan is None or plan.id != original.plan_id:
        return False
    inputs = _generation_inputs(found)
    issued_raw = inputs.get("issued_on")
    as_made = agreement_data(
        desk,
        original.consult_id,
        number=original.number,
        version=original.version,
        issued_on=date.fromisoformat(issued_raw) if issued_raw else None,
    )
    return inputs.get("data_sha256") == data_fingerprint(as_made)


def current_or_generate(
    desk: Desk, consult_id: str, actor_id: str | None = None
) -> tuple[Agreement, bool]:
    """The newest unsigned version if nothing changed since it was made, else a new one.

    Returns the agreement and whether it was made now, so printing the same
    agreement twice does not pile up identical versions.
    """
    found = latest(desk, consult_id)
    if found is not None and is_current(desk, found):
        return found.agreement, False
    return generate(desk, consult_id, actor_id), True
