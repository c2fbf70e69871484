"""Signing a version: on screen (a signed copy, a new version) or on paper (an event).

A version takes signatures only while it is not void, not out of date, not
fully signed, and still says what the consult says.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from tcdesk.documents.agreement_model import SignatureMark
from tcdesk.domain.agreement import (
    Agreement,
    AgreementEvent,
    AgreementEventKind,
    AgreementRecord,
    AgreementStatus,
    SignerRole,
    SigningMethod,
)
from tcdesk.services.agreement_data import agreement_data
from tcdesk.services.agreements.fingerprints import data_fingerprint
from tcdesk.services.agreements.journal import _audit, _event
from tcdesk.services.agreements.records import (
    AgreementError,
    _family,
    _repo,
    record,
    signatures,
)
from tcdesk.services.agreements.versions import (
    PendingAgreement,
    _store_version,
    build_pdf,
    recorded_data,
)
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk


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
    base = record(desk, found.signs) if found.signs else found  # the unsigned version
    changed = AgreementError(
        f"The consult's details changed after version {base.agreement.version} was made "
        "(for example the payment plan), so signing it on screen would not match what the "
        "family read. Make a new version and sign that one."
    )
    made = recorded_data(desk, found, base.agreement.version)
    if made is None:
        raise changed
    as_made, expected = made
    if expected and expected != data_fingerprint(as_made):
        raise changed
    return as_made


def _signing_notice(
    marks: Sequence[SignatureMark], missing: Sequence[str], version: int, completing: bool
) -> str:
    """The sentence kept with a signed copy: who signed, who signs later, what it copies."""
    names = ", ".join(f"{m.signer} ({getattr(m.role, 'value', m.role)})" for m in marks)
    later = f"not yet signed by {_names(missing)}" if missing else ""
    if completing:
        notice = f"Signed on screen by {names}, completing version {version}; " + (
            later or "every party has now signed"
        )
    else:
        notice = (
            f"Signed on screen by {names}; "
            + (f"{later}, who can sign later; " if later else "")
            + f"signed copy of version {version}"
        )
    return notice + "."


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
        language=as_made.language,  # the signed copy says it in the words signed
    )
    notice = _signing_notice(marks, missing, original.version, completing)
    return PendingAgreement(
        consult_id=original.consult_id,
        number=original.number,
        version=version,
        plan_id=original.plan_id,
        issued_on=as_made.issued_on,
        data=data,
        data_sha256=data_fingerprint(as_made),
        notice=notice,
        signs=original,
        marks=checked,
        not_yet_signed=missing,
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
            "language": getattr(pending.data, "language", "en"),
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
    desk.checkpoint()  # a signature is durable in the .sqlite3 file itself, not only the -wal
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
    desk.checkpoint()
    return event
