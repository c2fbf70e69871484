"""The financial agreement as stored: exact PDF bytes, versions, and what happened to them.

Rows are never changed. A change to the terms is a new version; a signature
on screen is a new version carrying the signatures; printing, signing on
paper and voiding are events. The status is derived from the events, never
stored, so it cannot drift from the history.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum


class AgreementStatus(StrEnum):
    GENERATED = "generated"  # a draft: made, maybe printed, not signed
    PARTLY_SIGNED = "partly_signed"  # signed by the parties present; others sign later
    SIGNED = "signed"
    VOID = "void"

    @property
    def label(self) -> str:
        return {
            AgreementStatus.GENERATED: "Not signed yet",
            AgreementStatus.PARTLY_SIGNED: "Partly signed",
            AgreementStatus.SIGNED: "Signed",
            AgreementStatus.VOID: "Void",
        }[self]


class AgreementEventKind(StrEnum):
    GENERATED = "generated"
    PRINTED = "printed"
    SIGNED = "signed"
    VOIDED = "voided"


class SignerRole(StrEnum):
    RESPONSIBLE = "responsible"  # a responsible party (pays, signs for a minor)
    PRACTICE = "practice"  # the coordinator signing for the practice


class SigningMethod(StrEnum):
    ON_SCREEN = "on_screen"
    ON_PAPER = "on_paper"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Agreement:
    """One version of one agreement, with the exact bytes the family saw."""

    id: str
    consult_id: str
    number: str
    version: int
    plan_id: str
    pdf: bytes
    sha256: str
    created_at: str  # UTC ISO-8601
    created_by: str | None = None

    @property
    def short_sha(self) -> str:
        return self.sha256[:12]

    @property
    def title(self) -> str:
        return f"Agreement {self.number}, version {self.version}"

    def verify(self) -> bool:
        """True when the stored bytes still hash to the stored fingerprint."""
        return sha256_hex(self.pdf) == self.sha256


@dataclass(frozen=True)
class AgreementEvent:
    id: str
    agreement_id: str
    kind: AgreementEventKind
    at: str  # UTC ISO-8601
    actor_id: str | None = None
    detail: str = ""  # for people: a void reason, how it was signed, which printer
    payload: bytes | None = None  # for the program: signatures, generation inputs (JSON)


@dataclass(frozen=True)
class Signer:
    """Someone who signs, as printed under the signature line."""

    name: str
    role: SignerRole
    relationship: str = ""  # "mother", "coordinator", ...


@dataclass(frozen=True)
class AgreementRecord:
    """One version with its events and how it relates to the other versions."""

    agreement: Agreement
    status: AgreementStatus
    events: tuple[AgreementEvent, ...]
    signs: str | None = None  # the id of the version this one is the signed copy of
    signed_copy: str | None = None  # the id of this version's signed copy, if any
    signed_on_paper: bool = False
    # Responsible parties who were not there when this version was signed on screen.
    not_yet_signed: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.agreement.id

    @property
    def is_signed_copy(self) -> bool:
        return self.signs is not None
