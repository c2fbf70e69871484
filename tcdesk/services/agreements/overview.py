"""One question, one answer: everything a screen shows about a consult's agreement.

The preview used to ask the services many times to paint one state. ``state``
answers once: the version shown, the history, and for each action whether it
can be done now and, if not, why not. ``after`` answers again from what an
operation returned (the version or event it wrote), so a screen refreshes
from what changed, as Anki's operations do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from tcdesk.domain.agreement import Agreement, AgreementEvent, AgreementRecord, AgreementStatus
from tcdesk.services.agreements.records import AgreementError, get, history, record
from tcdesk.services.desk import Desk


class AgreementAction(Enum):
    """What can be done with the version shown."""

    GENERATE = "generate"
    PRINT = "print"
    SAVE = "save"
    SIGN_ON_SCREEN = "sign_on_screen"
    SIGN_ON_ROOM_SCREEN = "sign_on_room_screen"
    MARK_SIGNED_ON_PAPER = "mark_signed_on_paper"
    VOID = "void"


SIGNING = (
    AgreementAction.SIGN_ON_SCREEN,
    AgreementAction.SIGN_ON_ROOM_SCREEN,
    AgreementAction.MARK_SIGNED_ON_PAPER,
)


@dataclass(frozen=True)
class AgreementState:
    """A consult's agreement as a screen shows it; ``current`` is None before version 1."""

    consult_id: str
    patient_name: str
    current: AgreementRecord | None
    history: tuple[AgreementRecord, ...]
    why_not: dict[AgreementAction, str] = field(default_factory=dict)  # the refused ones

    def can(self, action: AgreementAction) -> bool:
        return action not in self.why_not

    @property
    def language(self) -> str:
        """The language of the version shown ("en" before version 1)."""
        if self.current is None:
            return "en"
        from tcdesk.services.agreements.versions import version_language

        return version_language(self.current)

    @property
    def intact(self) -> bool:
        """The stored bytes still match their SHA-256 (False when there is no version)."""
        return self.current is not None and self.current.agreement.verify()

    def version_of(self, agreement_id: str) -> int | None:
        for found in self.history:
            if found.id == agreement_id:
                return found.agreement.version
        return None

    def status_line(self) -> str:
        """Number, version, status with its links, and whether the fingerprint holds."""
        found = self.current
        if found is None:
            return ""
        agreement = found.agreement
        parts = [agreement.number, f"Version {agreement.version}", found.status.label]
        if self.language != "en":
            parts.insert(2, _language_name(self.language))
        if found.signs:
            parts[-1] += f" (signed copy of version {self.version_of(found.signs)})"
        elif found.signed_copy:
            parts[-1] += f" (the signed copy is version {self.version_of(found.signed_copy)})"
        elif found.signed_on_paper:
            parts[-1] += " (on paper)"
        if found.status is AgreementStatus.PARTLY_SIGNED:
            parts.append(f"not yet signed by {', '.join(found.not_yet_signed)}")
        if self.intact:
            parts.append(f"SHA-256 {agreement.short_sha}… verified")
        else:
            parts.append(f"SHA-256 {agreement.short_sha}… DOES NOT MATCH the stored PDF")
        return " · ".join(parts)


def _refusals(found: AgreementRecord | None) -> dict[AgreementAction, str]:
    """Why each action cannot be done with ``found`` (absent: it can)."""
    if found is None:
        nothing = "There is no agreement for this consult yet; make one first."
        return {
            action: nothing for action in AgreementAction if action is not AgreementAction.GENERATE
        }
    version = found.agreement.version
    refused: dict[AgreementAction, str] = {}
    if found.status is AgreementStatus.VOID:
        refused[AgreementAction.VOID] = f"Version {version} is already void."
        refused[AgreementAction.PRINT] = f"Version {version} is void and cannot be printed."
    if found.status not in (AgreementStatus.GENERATED, AgreementStatus.PARTLY_SIGNED):
        label = found.status.label.lower()
        for action in SIGNING:
            refused[action] = f"Version {version} is {label}; it cannot be signed."
    if not found.agreement.verify():
        damaged = (
            "The stored PDF does not match its fingerprint (SHA-256): "
            "it may be damaged. It will not be printed or signed; contact support."
        )
        for action in (AgreementAction.PRINT, AgreementAction.SAVE, *SIGNING):
            refused.setdefault(action, damaged)
    return refused


def state(desk: Desk, consult_id: str, agreement_id: str | None = None) -> AgreementState:
    """The consult's agreement showing ``agreement_id`` (default: the newest version)."""
    consult = desk.consults.get(consult_id)
    if consult is None:
        raise AgreementError("That consult is not in this practice file.")
    patient = desk.patients.get(consult.patient_id)
    found = tuple(history(desk, consult_id))
    if agreement_id is None:
        current = found[-1] if found else None
    else:
        current = next((r for r in found if r.id == agreement_id), None)
        current = current or record(desk, agreement_id)
    return AgreementState(
        consult_id=consult_id,
        patient_name=patient.display_name if patient else "this consult",
        current=current,
        history=found,
        why_not=_refusals(current),
    )


def after(desk: Desk, changed: Agreement | AgreementEvent) -> AgreementState:
    """The state again, from what an operation returned: the version it made or marked."""
    agreement = changed if isinstance(changed, Agreement) else get(desk, changed.agreement_id)
    return state(desk, agreement.consult_id, agreement.id)


def _language_name(code: str) -> str:
    """ "Spanish": a version's language as the TC reads it."""
    from tcdesk.services.presentation_words import PresentationWords

    found = PresentationWords.load(code).language
    return found.english_name if found is not None else code
