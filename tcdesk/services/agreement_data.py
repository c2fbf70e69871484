"""Gathering what the financial agreement and the take-home summary print.

``agreement_data`` reads one consult (practice, the consult's office, the
patient, the responsible parties, the chosen option, the latest payment
plan priced by ``ConsultPricing``, the financial policy, the coordinator)
and returns an ``AgreementData``; ``summary_data`` does the same for the
take-home ``SummaryData``. Anything that would make a wrong or incomplete
agreement is a ``UserError`` that names what is missing, raised before any
file is written.

``render_agreement`` / ``render_summary`` gather and build in one call: the
CLI and the record-keeping service share them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from tcdesk.documents.agreement_model import (
    AgreementData,
    PartyLine,
    SignatureMark,
    SummaryChoice,
    SummaryData,
    SummaryFinding,
    SummaryOption,
    SummaryPhase,
)
from tcdesk.domain import (
    ConsultFile,
    Office,
    Patient,
    Practice,
    Relationship,
    ResponsibleParty,
    Staff,
    TreatmentOption,
)
from tcdesk.errors import UserError
from tcdesk.money import INSURANCE_DISCLAIMER, MoneyInputError, PaymentChoice
from tcdesk.paths import assets_dir
from tcdesk.services.clock import today as local_today
from tcdesk.services.consult_quote import ConsultPricing, PricedPlan, check_plan_date
from tcdesk.services.desk import Desk
from tcdesk.services.policy import cents_to_decimal

ADULT_AGE = 18
_RELATIONSHIP_WORDS = {
    Relationship.SELF: "Self",
    Relationship.MOTHER: "Mother",
    Relationship.FATHER: "Father",
    Relationship.PARENT: "Parent",
    Relationship.GUARDIAN: "Guardian",
    Relationship.GRANDPARENT: "Grandparent",
    Relationship.SPOUSE: "Spouse",
    Relationship.OTHER: "Other",
}


@dataclass(frozen=True)
class _Consult:
    """Everything both documents start from."""

    file: ConsultFile
    practice: Practice
    office: Office | None
    patient: Patient
    coordinator: Staff | None


def _load(desk: Desk, consult_id: str) -> _Consult:
    consult_file = desk.consults.load_file(consult_id)
    if consult_file is None:
        raise UserError(f"No consult with id {consult_id}.")
    practice = desk.practice()
    if practice is None:
        raise UserError(f"{desk.path or 'This practice file'} holds no practice yet.")
    consult = consult_file.consult
    patient = desk.patients.get(consult.patient_id)
    if patient is None:
        raise UserError(f"Consult {consult_id} has no patient on file.")
    office = next(
        (o for o in desk.practices.offices(practice.id) if o.id == consult.office_id), None
    )
    coordinator = desk.practices.staff_member(consult.coordinator_id)
    return _Consult(consult_file, practice, office, patient, coordinator)


def logo_path(practice: Practice) -> str:
    """The practice logo as an absolute path ("" when there is none)."""
    if not practice.logo_path:
        return ""
    path = Path(practice.logo_path).expanduser()
    if not path.is_absolute():
        path = assets_dir() / path
    return str(path)


def agreement_number(practice_name: str, consult_id: str, year: int) -> str:
    """``BSO-2026-857255``: practice initials, the consult's year, part of its id.

    Stable for a consult, so every version of its agreement has one number.
    """
    folded = unicodedata.normalize("NFKD", practice_name)
    words = re.findall(r"[A-Za-z0-9]+", "".join(c for c in folded if c.isascii()))
    initials = "".join(word[0] for word in words).upper()[:4] or "TC"
    digits = re.sub(r"[^0-9A-Fa-f]", "", consult_id).upper()[:6] or "000000"
    return f"{initials}-{year}-{digits}"


def _chosen_option(loaded: _Consult) -> TreatmentOption:
    consult = loaded.file.consult
    if consult.chosen_option_id is None:
        raise UserError(
            f"Consult {consult.id} has no chosen treatment option; record the family's "
            "choice before printing the agreement."
        )
    for option in loaded.file.options:
        if option.id == consult.chosen_option_id:
            return option
    raise UserError(f"The chosen treatment option of consult {consult.id} is not on file.")


def _priced_plan(desk: Desk, loaded: _Consult, option: TreatmentOption) -> PricedPlan:
    consult = loaded.file.consult
    plan = loaded.file.plan
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
        priced = ConsultPricing(desk, loaded.file).price(plan)
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
) -> AgreementData:
    """The agreement of ``consult_id``, priced from its latest payment plan.

    ``issued_on`` defaults to the plan's agreement date, the date its Truth in
    Lending figures are computed from; ``number`` to ``agreement_number``.
    """
    if version < 1:
        raise UserError(f"An agreement version starts at 1, not {version}.")
    loaded = _load(desk, consult_id)
    consult = loaded.file.consult
    option = _chosen_option(loaded)
    priced = _priced_plan(desk, loaded, option)
    plan = priced.plan
    issued = issued_on or plan.agreement_date
    patient = loaded.patient
    responsible = _responsible(patient, desk.patients.responsible_parties(patient.id), issued)
    practice = loaded.practice
    policy = desk.practices.policy(practice.id)
    office = loaded.office
    coordinator = loaded.coordinator
    return AgreementData(
        practice_name=practice.name,
        practice_address=practice.address,
        practice_phone=practice.phone,
        logo_path=logo_path(practice),
        office_name=office.name if office else "",
        office_address=(office.address if office else "") or practice.address,
        office_phone=(office.phone if office else "") or practice.phone,
        number=number or agreement_number(practice.name, consult.id, consult.consult_date.year),
        version=version,
        issued_on=issued,
        patient_legal_name=patient.legal_name,
        patient_preferred_name=patient.preferred_name,
        patient_birth_date=patient.birth_date,
        responsible=responsible,
        treatment_category=option.treatment_type.category,
        option_title=option.title,
        estimated_months=option.estimated_months,
        planned_start=consult.planned_start,
        visit_interval_weeks=option.visit_interval_weeks,
        quote=priced.quote,
        late_fee=cents_to_decimal(policy.late_fee_cents),
        late_fee_days=policy.late_after_days,
        returned_payment_fee=cents_to_decimal(policy.returned_payment_fee_cents),
        estimate_valid_days=policy.estimate_valid_days,
        creditor_name=practice.name,
        coordinator_name=coordinator.name if coordinator else "",
        coordinator_title=(coordinator.title if coordinator else "") or "Treatment Coordinator",
        signatures=tuple(signatures),
        brand_color=practice.brand_color,
    )


def render_agreement(
    desk: Desk,
    consult_id: str,
    *,
    number: str | None = None,
    version: int = 1,
    signatures: tuple[SignatureMark, ...] = (),
    issued_on: date | None = None,
    terms_template: Path | None = None,
) -> tuple[AgreementData, bytes]:
    """Gather and build the agreement: its data and its PDF bytes (nothing written)."""
    from tcdesk.documents.agreement_pdf import build_agreement_pdf

    data = agreement_data(
        desk, consult_id, number=number, version=version, signatures=signatures, issued_on=issued_on
    )
    return data, build_agreement_pdf(data, terms_template)


# -- take-home summary --------------------------------------------------------------------


def summary_data(desk: Desk, consult_id: str) -> SummaryData:
    """The take-home summary of ``consult_id``: findings, options, timeline, ways to pay."""
    from tcdesk.render import build_timeline

    loaded = _load(desk, consult_id)
    consult = loaded.file.consult
    practice, office, patient, coordinator = (
        loaded.practice,
        loaded.office,
        loaded.patient,
        loaded.coordinator,
    )
    content = _content()
    today = local_today(desk.clock)
    options = sorted(loaded.file.options, key=lambda o: o.position)
    chosen_id = consult.chosen_option_id or (
        loaded.file.plan.option_id if loaded.file.plan else None
    )
    featured = next((o for o in options if o.id == chosen_id), None) or next(
        (o for o in options if o.recommended), options[0] if options else None
    )
    findings = tuple(
        SummaryFinding(
            code=finding.code.value,
            label=described["label"],
            severity=described["severity_label"],
            what_it_is=described["what_it_is"],
            if_untreated=described["if_untreated"],
            note=finding.note,
            illustration=_illustration(finding.code.value),
        )
        for finding in loaded.file.findings
        for described in [_describe(content, finding.code.value, finding.severity.value)]
    )
    summary_options = tuple(
        SummaryOption(
            title=option.title,
            description=option.description,
            category=option.treatment_type.category,
            months=option.estimated_months,
            visit_interval_weeks=option.visit_interval_weeks,
            fee=cents_to_decimal(option.fee_cents),
            recommended=option.recommended,
            chosen=option.id == consult.chosen_option_id,
        )
        for option in options
    )
    phases: tuple[SummaryPhase, ...] = ()
    if featured is not None and featured.estimated_months > 0 and content is not None:
        timeline = build_timeline(
            consult.planned_start or today,
            featured.estimated_months,
            featured.visit_interval_weeks,
            content,
            treatment_type=featured.treatment_type.value,
        )
        phases = tuple(
            SummaryPhase(
                name=phase["name"],
                detail=phase["detail"],
                start_month=phase["start_month"],
                end_month=phase["end_month"],
                date_label=phase["date_label"] if consult.planned_start else "",
            )
            for phase in timeline["phases"]
        )
    money_part = _money_summary(desk, loaded, featured, today, content)
    follow_ups = [f for f in desk.consults.follow_ups(consult.id) if f.done_at is None]
    return SummaryData(
        practice_name=practice.name,
        practice_address=practice.address,
        practice_phone=practice.phone,
        practice_website=practice.website,
        logo_path=logo_path(practice),
        office_name=office.name if office else "",
        office_address=(office.address if office else "") or practice.address,
        office_phone=(office.phone if office else "") or practice.phone,
        patient_name=patient.display_name,
        consult_date=consult.consult_date,
        prepared_on=today,
        doctor_name=_staff_name(desk, consult.doctor_id),
        chief_concern=consult.chief_concern,
        findings=findings,
        options=summary_options,
        timeline_option=featured.title if featured else "",
        timeline_months=featured.estimated_months if featured else 0,
        planned_start=consult.planned_start,
        phases=phases,
        choices=money_part.choices,
        total_fee=money_part.total_fee,
        discounts=money_part.discounts,
        insurance_estimate=money_part.insurance_estimate,
        patient_portion=money_part.patient_portion,
        insurance_disclaimer=INSURANCE_DISCLAIMER if money_part.insurance_estimate > 0 else "",
        status=consult.status.value,
        started_on=consult.started_on,
        follow_up_on=min((f.due_on for f in follow_ups), default=None),
        coordinator_name=coordinator.name if coordinator else "",
        coordinator_title=(coordinator.title if coordinator else "") or "Treatment Coordinator",
        coordinator_phone=(coordinator.phone if coordinator else "") or practice.phone,
        coordinator_email=(coordinator.email if coordinator else "") or practice.email,
        timeline_visit_weeks=featured.visit_interval_weeks if featured else 0,
        estimate_valid_days=desk.practices.policy(practice.id).estimate_valid_days,
        brand_color=practice.brand_color,
    )


def render_summary(desk: Desk, consult_id: str) -> tuple[SummaryData, bytes]:
    from tcdesk.documents.summary_pdf import build_summary_pdf

    data = summary_data(desk, consult_id)
    return data, build_summary_pdf(data)


@dataclass(frozen=True)
class _MoneySummary:
    choices: tuple[SummaryChoice, ...] = ()
    total_fee: Decimal = Decimal("0.00")
    discounts: Decimal = Decimal("0.00")
    insurance_estimate: Decimal = Decimal("0.00")
    patient_portion: Decimal = Decimal("0.00")


def _money_summary(
    desk: Desk, loaded: _Consult, option: TreatmentOption | None, today: date, content
) -> _MoneySummary:
    """The payment choices for ``option``, as the investment screen showed them."""
    if option is None or option.fee_cents <= 0 or option.estimated_months < 1:
        return _MoneySummary()
    plan = loaded.file.plan
    mine = plan if plan is not None and plan.option_id == option.id else None
    pricing = ConsultPricing(desk, loaded.file)
    agreement_day = mine.agreement_date if mine else today
    discounts = mine.discounts if mine else ()
    choices = pricing.choices(option, agreement_day, discounts)
    chosen_key = None
    extra: list[SummaryChoice] = []
    if mine is not None:
        try:
            quote = pricing.price(mine).quote
        except MoneyInputError:
            quote = None
        if quote is not None:
            matching = [
                c
                for c in choices
                if c.key == mine.choice_key
                and c.down_payment == quote.down_payment
                and c.months == quote.months
            ]
            if matching:
                # The family's own plan (its payment day, its dates) stands in for the
                # matching choice, so the summary's APR agrees with the agreement's.
                chosen_key = matching[0].key
                choices = tuple(
                    replace(
                        c,
                        quote=quote,
                        monthly_payment=quote.monthly_payment,
                        total_paid=quote.total_paid,
                        finance_charge=quote.finance_charge,
                    )
                    if c.key == chosen_key
                    else c
                    for c in choices
                )
            else:
                extra.append(
                    SummaryChoice(
                        key="custom",
                        label=_word(content, "investment.label_custom", "Your plan"),
                        down_payment=quote.down_payment,
                        monthly_payment=quote.monthly_payment,
                        months=quote.months,
                        total_paid=quote.total_paid,
                        finance_charge=quote.finance_charge,
                        apr=quote.truth_in_lending.apr,
                        chosen=True,
                    )
                )
    base = choices[0].quote
    return _MoneySummary(
        choices=tuple(_choice(c, content, c.key == chosen_key) for c in choices) + tuple(extra),
        total_fee=base.total_fee,
        discounts=sum((d.amount for d in base.discounts), Decimal("0.00")),
        insurance_estimate=base.insurance_estimate,
        patient_portion=base.patient_portion,
    )


def _choice(choice: PaymentChoice, content, chosen: bool) -> SummaryChoice:
    discount = choice.quote.pay_in_full_discount
    return SummaryChoice(
        key=choice.key,
        label=_word(content, f"investment.label_{choice.key}", choice.label),
        down_payment=choice.down_payment,
        monthly_payment=choice.monthly_payment,
        months=choice.months,
        total_paid=choice.total_paid,
        finance_charge=choice.finance_charge,
        apr=choice.quote.truth_in_lending.apr,
        savings=discount.amount if discount is not None else Decimal("0.00"),
        chosen=chosen,
    )


def _staff_name(desk: Desk, staff_id: str) -> str:
    member = desk.practices.staff_member(staff_id)
    return member.name if member else ""


def _illustration(code: str) -> str:
    path = assets_dir() / "illustrations" / "conditions" / f"{code}.svg"
    return str(path) if path.is_file() else ""


# -- the presentation's plain words (presentation_flows/content), with a fallback ---------


def _content():
    """The presentation's content files, or None if they can't be loaded."""
    try:
        from tcdesk.render import load_content

        return load_content()
    except (ImportError, UserError):
        return None


def _word(content, key: str, default: str) -> str:
    if content is None:
        return default
    try:
        return content.word(key)
    except (KeyError, IndexError, ValueError):
        return default


def _describe(content, code: str, severity: str) -> dict[str, str]:
    if content is not None:
        return content.describe_finding(code, severity)
    from tcdesk.documents.summary_text import fallback_condition

    return fallback_condition(code, severity)


__all__ = [
    "agreement_data",
    "agreement_number",
    "logo_path",
    "render_agreement",
    "render_summary",
    "summary_data",
]
