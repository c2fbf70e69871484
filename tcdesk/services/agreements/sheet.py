"""Who signs and what they see above the pads: one call for the signing screen."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tcdesk.documents.agreement_words import ENGLISH_WORDS, AgreementWords
from tcdesk.domain.agreement import (
    AgreementStatus,
    Signer,
    SignerRole,
)
from tcdesk.services.agreement_data import AgreementData, agreement_data
from tcdesk.services.agreements.records import AgreementError
from tcdesk.services.agreements.signing import _as_made, _check_signable, _earlier_marks, _folded
from tcdesk.services.desk import Desk


def signers(desk: Desk, consult_id: str) -> list[Signer]:
    """Who signs, exactly as the agreement prints them: each responsible party, then
    the coordinator for the practice."""
    if desk.consults.get(consult_id) is None:
        raise AgreementError("That consult is not in this practice file.")
    return _signers_of(agreement_data(desk, consult_id))


def _signers_of(data: AgreementData) -> list[Signer]:
    found = [
        Signer(party.name, SignerRole.RESPONSIBLE, party.relationship) for party in data.responsible
    ]
    found.append(Signer(data.coordinator_name, SignerRole.PRACTICE, data.coordinator_title))
    return found


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
    # the words of the version signed: the family signs in the agreement's language
    words: AgreementWords = ENGLISH_WORDS


def signing_sheet(desk: Desk, agreement_id: str) -> SigningSheet:
    """One call for the signing screen: what is signed and who still signs it."""
    found = _check_signable(desk, agreement_id)
    data = _as_made(desk, found)
    everyone = _signers_of(data)
    already: tuple[str, ...] = ()
    to_sign = tuple(everyone)
    if found.status is AgreementStatus.PARTLY_SIGNED:
        waiting = {_folded(name) for name in found.not_yet_signed}
        to_sign = tuple(s for s in everyone if _folded(s.name) in waiting)
        already = tuple(mark.signer for mark in _earlier_marks(found))
    quote = data.quote
    til = quote.truth_in_lending
    words = data.words
    title = found.agreement.title
    if words.language != "en":
        title = words("sign_sheet_title", number=data.number, version=found.agreement.version)
    return SigningSheet(
        title=title,
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
        words=words,
    )
