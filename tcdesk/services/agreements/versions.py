"""Making versions: prepare (read), build (pure, any thread), store (write)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from tcdesk.documents.agreement_model import SignatureMark
from tcdesk.documents.agreement_pdf import build_agreement_pdf
from tcdesk.domain.agreement import (
    Agreement,
    AgreementEventKind,
    AgreementRecord,
    AgreementStatus,
    sha256_hex,
)
from tcdesk.services.agreement_data import agreement_data
from tcdesk.services.agreements.fingerprints import data_fingerprint
from tcdesk.services.agreements.journal import _audit, _event
from tcdesk.services.agreements.records import (
    AgreementError,
    _generation_inputs,
    _repo,
    history,
)
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id


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


def prepare_generation(
    desk: Desk, consult_id: str, language: str | None = None
) -> PendingAgreement:
    """Read what the next version will say (fast: GUI thread is fine).

    ``language`` (a code) prints it in that language instead of the family's: the
    English copy of a Spanish agreement is its own version, under the same number.
    """
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
    data = agreement_data(desk, consult_id, number=number, language=language)
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
        notice=_language_notice(desk, previous, data) or _generation_notice(previous, version),
    )


def version_language(found: AgreementRecord) -> str:
    """The language a version was printed in ("en" for versions before languages)."""
    return str(_generation_inputs(found).get("language") or "en")


def _language_notice(desk: Desk, previous: list[AgreementRecord], data: Any) -> str:
    """ "Version 3: the English copy of version 2 (Spanish)" when this version says what
    the one before says, in another language; "" otherwise."""
    if not previous:
        return ""
    before = previous[-1]
    if before.status is AgreementStatus.VOID or version_language(before) == data.language:
        return ""
    made = recorded_data(desk, before, before.agreement.version)
    # the version before still says what the consult says, with this one's figures
    same = made is not None and made[1] == data_fingerprint(made[0]) and made[0].quote == data.quote
    if not same:
        return ""
    from tcdesk.services.presentation_words import PresentationWords

    def name(code: str) -> str:
        found = PresentationWords.load(code).language
        return found.english_name if found else code

    return (
        f"Version {data.version}: the {name(data.language)} copy of version "
        f"{before.agreement.version} ({name(version_language(before))}), agreement {data.number}."
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
                {
                    "issued_on": pending.issued_on.isoformat(),
                    "data_sha256": pending.data_sha256,
                    "language": getattr(pending.data, "language", "en"),
                },
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


def generate(
    desk: Desk, consult_id: str, actor_id: str | None = None, language: str | None = None
) -> Agreement:
    """Make and keep a new version for the consult (never changes an earlier one).

    After a version was signed this still makes a new version (which needs new
    signatures); the recorded notice says so (see ``generated_detail``).
    """
    pending = prepare_generation(desk, consult_id, language)
    return store_generated(desk, pending, build_pdf(pending), actor_id)


def recorded_data(desk: Desk, found: AgreementRecord, version: int) -> tuple[Any, str] | None:
    """The data ``found`` was made from (its number, ``version``, its issue date) and the
    fingerprint recorded then; None when the consult's plan is no longer the one it used."""
    original = found.agreement
    plan = desk.consults.latest_plan(original.consult_id)
    if plan is None or plan.id != original.plan_id:
        return None
    inputs = _generation_inputs(found)
    issued_raw = inputs.get("issued_on")
    data = agreement_data(
        desk,
        original.consult_id,
        number=original.number,
        version=version,
        issued_on=date.fromisoformat(issued_raw) if issued_raw else None,
        language=str(inputs.get("language") or "en"),
    )
    return data, str(inputs.get("data_sha256") or "")


def is_current(desk: Desk, found: AgreementRecord) -> bool:
    """Whether ``found`` still says exactly what the consult says now (same plan, same data)."""
    if found.status is not AgreementStatus.GENERATED:
        return False
    made = recorded_data(desk, found, found.agreement.version)
    return made is not None and made[1] == data_fingerprint(made[0])


def current_or_generate(
    desk: Desk, consult_id: str, actor_id: str | None = None, language: str | None = None
) -> tuple[Agreement, bool]:
    """The newest unsigned version if nothing changed since it was made (and it is in
    ``language``, default the family's), else a new one.

    Returns the agreement and whether it was made now, so printing the same
    agreement twice does not pile up identical versions.
    """
    wanted = agreement_data(desk, consult_id, language=language).language
    for found in reversed(history(desk, consult_id)):
        if version_language(found) == wanted and is_current(desk, found):
            return found.agreement, False
        if found.status is not AgreementStatus.GENERATED:
            break
    return generate(desk, consult_id, actor_id, language), True
