"""Gathering what the financial agreement prints.

``agreement_data`` reads one consult (practice, the consult's office, the
patient, the responsible parties, the chosen option, the latest payment
plan priced by ``ConsultPricing``, the financial policy, the coordinator)
and returns an ``AgreementData``. Anything that would make a wrong or
incomplete agreement is a ``UserError`` that names what is missing, raised
before any file is written. ``render_agreement`` gathers and builds in one
call: the CLI and the record-keeping service share it.

The take-home summary is gathered in ``summary_data``; its names stay
importable from here for callers written before the split.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from tcdesk.documents.agreement_model import AgreementData, PartyLine, SignatureMark
from tcdesk.domain import Patient, Relationship, ResponsibleParty, TreatmentOption
from tcdesk.errors import UserError
from tcdesk.money import MoneyInputError
from tcdesk.services.consult_quote import ConsultPricing, PricedPlan, check_plan_date
from tcdesk.services.desk import Desk
from tcdesk.services.document_sources import ConsultSources, load_sources, logo_path
from tcdesk.services.policy import cents_to_decimal

if TYPE_CHECKING:  # importable from here (``__getattr__`` below), not loaded for an agreement
    from tcdesk.services.summary_data import render_summary, summary_data

ADULT_AGE = 18
_RELATIONSHIP_WORDS = MappingProxyType(
    {
        Relationship.SELF: "Self",
        Relationship.MOTHER: "Mother",
        Relationship.FATHER: "Father",
        Relationship.PARENT: "Parent",
        Relationship.GUARDIAN: "Guardian",
        Relationship.GRANDPARENT: "Grandparent",
        Relationship.SPOUSE: "Spouse",
        Relationship.OTHER: "Other",
    }
)


def agreement_number(practice_name: str, consult_id: str, year: int) -> str:
    """``BSO-2026-857255``: practice initials, the consult's year, part of its id.

    Stable for a consult, so every version of its agreement has one number.
    """
    folded = unicodedata.normalize("NFKD", practice_name)
    words = re.findall(r"[A-Za-z0-9]+", "".join(c for c in folded if c.isascii()))
    initials = "".join(word[0] for word in words).upper()[:4] or "TC"
    digits = re.sub(r"[^0-9A-Fa-f]", "", consult_id).upper()[:6] or "000000"
    return f"{initials}-{year}-{digits}"


def _chosen_option(sources: ConsultSources) -> TreatmentOption:
    consult = sources.file.consult
    if consult.chosen_option_id is None:
        raise UserError(
            f"Consult {consult.id} has no chosen treatment option; record the family's "
            "choice before printing the agreement."
        )
    for option in sources.file.options:
        if option.id == consult.chosen_option_id:
            return option
    raise UserError(f"The chosen treatment option of consult {consult.id} is not on file.")


def _priced_plan(desk: Desk, sources: ConsultSources, option: TreatmentOption) -> PricedPlan:
    consult = sources.file.consult
    plan = sources.file.plan
    if plan is None:
        raise UserError(
            f"Consult {consult.id} has no payment plan; save the family's payment choice "
            "before printing the agreement."
        )
    if plan.option_id != option.id:
        raise UserError(
            f"The latest payment plan of consult {consult.id} is for another option than the "
            f"chosen one ({option.title}); save a payment plan for {option.title}."
        )
    try:
        check_plan_date(desk, plan)
        priced = ConsultPricing(desk, sources.file).price(plan)
    except MoneyInputError as error:
        raise MoneyInputError(
            error.field, f"The payment plan can't be used for an agreement: {error}"
        ) from None
    if priced.forbidden:
        raise UserError(
            "The payment plan can't be used for an agreement: "
            + " ".join(violation.message for violation in priced.forbidden)
        )
    if priced.violations and not plan.over_limit_reason.strip():
        broken = " ".join(violation.message for violation in priced.violations)
        raise UserError(
            f"The payment plan breaks the practice's financial policy and no reason is "
            f"recorded on the plan: {broken}"
        )
    return priced


def _responsible(
    patient: Patient, parties: list[ResponsibleParty], on: date
) -> tuple[PartyLine, ...]:
    lines = [
        PartyLine(party.name, _RELATIONSHIP_WORDS.get(party.relationship, "Other"))
        for party in parties
    ]
    if patient.is_minor_on(on):
        adults = [
            party
            for party in parties
            if party.relationship is not Relationship.SELF
            and " ".join(party.name.split()).casefold()
            != " ".join(patient.legal_name.split()).casefold()
        ]
        if not adults:
            raise UserError(
                f"{patient.legal_name} is under {ADULT_AGE} on {on.isoformat()}; add a parent "
                "or guardian as responsible party before printing the agreement."
            )
    elif not lines:
        lines = [PartyLine(patient.legal_name, "Self")]
    return tuple(lines)


def agreement_data(
    desk: Desk,
    consult_id: str,
    *,
    number: str | None = None,
    version: int = 1,
    signatures: tuple[SignatureMark, ...] = (),
    issued_on: date | None = None,
    language: str | None = None,
) -> AgreementData:
    """The agreement of ``consult_id``, priced from its latest payment plan.

    ``issued_on`` defaults to the plan's agreement date, the date its Truth in
    Lending figures are computed from; ``number`` to ``agreement_number``;
    ``language`` (a code) to the patient's preferred language.
    """
    if version < 1:
        raise UserError(f"An agreement version starts at 1, not {version}.")
    sources = load_sources(desk, consult_id)
    consult = sources.file.consult
    option = _chosen_option(sources)
    priced = _priced_plan(desk, sources, option)
    plan = priced.plan
    issued = issued_on or plan.agreement_date
    patient = sources.patient
    if not patient.birth_date_known:  # a walk-in's date of birth was not asked yet
        raise UserError(
            f"Add {patient.legal_name}'s date of birth (Edit family) before the agreement."
        )
    responsible = _responsible(patient, desk.patients.responsible_parties(patient.id), issued)
    practice = sources.practice
    policy = plan.policy or desk.practices.policy(practice.id)  # the plan's own rules
    in_language = _language_fields(
        language or patient.preferred_language, practice.agreement_terms, option
    )
    return AgreementData(
        practice_name=practice.name,
        practice_address=practice.address,
        practice_phone=practice.phone,
        logo_path=logo_path(practice, desk.path),
        office_name=sources.office_name,
        office_address=sources.office_address,
        office_phone=sources.office_phone,
        number=number or agreement_number(practice.name, consult.id, consult.consult_date.year),
        version=version,
        issued_on=issued,
        patient_legal_name=patient.legal_name,
        patient_preferred_name=patient.preferred_name,
        patient_birth_date=patient.birth_date,
        responsible=responsible,
        treatment_category=option.treatment_type.category,
        option_title=in_language.pop("option_title", option.title),
        estimated_months=option.estimated_months,
        planned_start=consult.planned_start,
        visit_interval_weeks=option.visit_interval_weeks,
        quote=priced.quote,
        late_fee=cents_to_decimal(policy.late_fee_cents),
        late_fee_days=policy.late_after_days,
        returned_payment_fee=cents_to_decimal(policy.returned_payment_fee_cents),
        extra_month_fee=cents_to_decimal(policy.extra_month_fee_cents),
        default_after_days=policy.default_after_days,
        records_transfer_fee=cents_to_decimal(policy.records_transfer_fee_cents),
        estimate_valid_days=policy.estimate_valid_days,
        creditor_name=practice.name,
        coordinator_name=sources.coordinator_name,
        coordinator_title=sources.coordinator_title,
        signatures=tuple(signatures),
        brand_color=practice.brand_color,
        terms_text=practice.agreement_terms,
        **in_language,
    )


def _language_fields(code: str, practice_terms: str, option: TreatmentOption) -> dict:
    """The agreement's language, words and terms file: the family's language when tcdesk
    has its agreement words, else English. The language's own terms print unless the
    practice wrote its own (those are in the practice's words)."""
    if not code or code.strip().lower() == "en":
        return {}  # English: the presentation's content is not needed (~90 ms of imports)
    from tcdesk.documents.agreement_words import load_words
    from tcdesk.services.presentation_words import PresentationWords

    found = PresentationWords.load(code).language
    if found is None or found.is_english or found.file("agreement_text.toml") is None:
        return {}
    words = load_words(found.code, found.locale, found.file("agreement_text.toml"))
    terms = found.file("agreement_terms.md.j2")
    title = found.options.get(option.treatment_type.value, {}).get("title")
    return {
        "language": found.code,
        "words": words,
        "terms_file": str(terms) if terms and not practice_terms else "",
        **({"option_title": title} if title else {}),
    }


def render_agreement(
    desk: Desk,
    consult_id: str,
    *,
    number: str | None = None,
    version: int = 1,
    signatures: tuple[SignatureMark, ...] = (),
    issued_on: date | None = None,
    terms_template: Path | None = None,
    language: str | None = None,
) -> tuple[AgreementData, bytes]:
    """Gather and build the agreement: its data and its PDF bytes (nothing written)."""
    from tcdesk.documents.agreement_pdf import build_agreement_pdf

    data = agreement_data(
        desk,
        consult_id,
        number=number,
        version=version,
        signatures=signatures,
        issued_on=issued_on,
        language=language,
    )
    return data, build_agreement_pdf(data, terms_template)


__all__ = [
    "agreement_data",
    "agreement_number",
    "logo_path",
    "render_agreement",
    "render_summary",
    "summary_data",
]


def __getattr__(name: str) -> Any:
    """``summary_data`` and ``render_summary`` stay importable from here, loaded when asked:
    printing an agreement does not load the summary's code."""
    if name in ("render_summary", "summary_data"):
        from tcdesk.services import summary_data

        return getattr(summary_data, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
